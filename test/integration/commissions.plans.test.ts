import { afterEach, describe, expect, it } from 'vitest';
import { commissionsWorkspace, type CommissionsWorkspace } from '../fixtures/commissions/kit';
import { tempCore } from '../support/tempWorkspace';

// Plans: versions are appended, never edited; the editor's problems come back per field,
// keyed by the JSON path; plans travel as JSON; what-if reads and never writes.

let w: CommissionsWorkspace;
afterEach(() => w?.cleanup());

async function dispatch(channel: string, input: unknown) {
  return w.t.core.dispatch(channel, input);
}

describe('commission plans', () => {
  it('offers the four seed programmes and the integrator model as presets', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const { presets } = await w.call('commissions.presets');
    expect(presets.map((p: any) => [p.code, p.kind, p.programmeCode])).toEqual([
      ['allset', 'commission', 'allset'],
      ['aloware', 'commission', 'aloware'],
      ['messagehelp', 'commission', 'messagehelp'],
      ['messagehelp-integrator', 'integrator', 'messagehelp'],
      ['salespartner', 'commission', 'salespartner'],
    ]);
  });

  it('reports every problem of a plan body by its JSON path, and saves nothing', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const { presets } = await w.call('commissions.presets');
    const aloware = presets.find((p: any) => p.code === 'aloware').body;
    const body = { ...aloware, rate: { ...aloware.rate, tiers: [{ from: 0, rateBps: 2000, label: 'a' }, { from: 0, rateBps: -5, label: 'b' }] }, base: { ...aloware.base, categories: ['subscription', 'minutes'] } };
    const r = await dispatch('commissions.savePlanVersion', { code: 'aloware', name: 'Aloware', effectiveFrom: '2026-01-01', body, note: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('validation');
    expect(r.error.fieldErrors).toMatchObject({
      'body.rate.tiers.1.rateBps': expect.any(String),
      'body.base.categories.1': expect.any(String),
    });
    expect((await w.call('commissions.listPlans')).plans).toEqual([]);
    const bad = await dispatch('commissions.savePlanVersion', { code: 'Bad Code', name: '', effectiveFrom: '2026-02-30', body: {}, note: '' });
    expect(bad.ok ? {} : bad.error.fieldErrors).toMatchObject({ code: expect.stringMatching(/lower-case/), name: 'Give the plan a name', effectiveFrom: expect.stringMatching(/February 2026 has only 28 days/) });
  });

  it('appends versions, refuses one that would take effect before the latest, and keeps the kind', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const planId = await w.preset('allset', '2026-01-01');
    const { presets } = await w.call('commissions.presets');
    const body = presets.find((p: any) => p.code === 'allset').body;
    const v2 = await w.call('commissions.savePlanVersion', { code: 'allset', name: 'AllSet 20%', effectiveFrom: '2026-06-01', body: { ...body, rate: { kind: 'flat', rateBps: 2000 } }, note: '20% from June' });
    expect(v2).toMatchObject({ planId, version: 2, created: false });
    const early = await dispatch('commissions.savePlanVersion', { code: 'allset', name: 'AllSet', effectiveFrom: '2026-05-01', body, note: '' });
    expect(early).toMatchObject({ ok: false, error: { fieldErrors: { effectiveFrom: 'On or after 2026-06-01, when version 2 took effect' } } });
    const integrator = presets.find((p: any) => p.code === 'messagehelp-integrator').body;
    expect(await dispatch('commissions.savePlanVersion', { code: 'allset', name: 'x', effectiveFrom: '2026-07-01', body: integrator, note: '' })).toMatchObject({ ok: false, error: { fieldErrors: { 'body.kind': expect.any(String) } } });
    const plan = await w.call('commissions.getPlan', { planId });
    expect(plan.versions.map((v: any) => [v.version, v.effectiveFrom, v.body.rate.rateBps, v.note])).toEqual([[2, '2026-06-01', 2000, '20% from June'], [1, '2026-01-01', 1500, 'test']]);
    expect(plan.plan).toMatchObject({ code: 'allset', name: 'AllSet 20%', latestVersion: 2, versionCount: 2, kind: 'commission' });
    expect(w.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'commission_plan'").pluck().get()).toBe(2);
  });

  it('exports a version as JSON that imports into another workspace as the same plan', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const planId = await w.preset('messagehelp', '2026-02-01');
    const file = await w.call('commissions.exportPlan', { planId });
    expect(file).toMatchObject({ fileName: 'messagehelp-v1.plan.json', mimeType: 'application/json' });
    const other = await commissionsWorkspace('2026-12-10');
    try {
      const saved = await other.call('commissions.importPlan', { json: file.content });
      expect(saved).toMatchObject({ code: 'messagehelp', version: 1, effectiveFrom: '2026-02-01', created: true });
      const back = await other.call('commissions.exportPlan', { planId: saved.planId });
      expect(JSON.parse(back.content).body).toEqual(JSON.parse(file.content).body);
      const broken = await other.t.core.dispatch('commissions.importPlan', { json: '{"format":"partnerdesk.plan",' });
      expect(broken).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/^The plan file is not valid JSON/) } });
    } finally {
      other.cleanup();
    }
  });

  it('assigns integrator plans only to integrators, and commission plans only to the others', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const programme = w.programme('messagehelp', 'EUR');
    const referral = w.partner(programme, 'Inbox Heroes', { format: 'referral' });
    const integrator = w.partner(programme, 'Kommo Integrators OÜ', { format: 'integrator' });
    const planIntegrator = await w.preset('messagehelp-integrator');
    const planReferral = await w.preset('messagehelp');
    expect(await dispatch('commissions.assignPlan', { partnerId: referral, planId: planIntegrator })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await dispatch('commissions.assignPlan', { partnerId: integrator, planId: planReferral })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/integrator: it pays for its clients/) } });
    expect(await w.call('commissions.assignPlan', { partnerId: referral, planId: planReferral })).toEqual({ partnerId: referral, planId: planReferral, previousPlanId: null });
    const rows = (await w.call('commissions.partners', { search: 'inbox' })).rows;
    expect(rows.map((r: any) => [r.company, r.planCode])).toEqual([['Inbox Heroes', 'messagehelp']]);
  });

  it('what-if runs a draft over past revenue beside the current plan and writes nothing', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const programme = w.programme('allset', 'GBP');
    const partner = w.partner(programme, 'Pennine Property Care', { format: 'affiliate' });
    w.customer(partner, 'c', { signUpOn: '2026-01-10' });
    const planId = await w.preset('allset', '2026-01-01', programme);
    await w.assign(partner, planId);
    await w.importRevenue(Array.from({ length: 6 }, (_, i) => ({ external_ref: `c-${i}`, customer_ref: 'c', paid_on: `2026-0${i + 1}-10`, currency: 'GBP', category: 'subscription', gross: '40.00', kind: 'payment' })));
    await w.runMonths('2026-01', '2026-06');
    const count = (t: string) => w.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    const before = ['ledger_entries', 'ledger_holds', 'commission_runs', 'audit_log', 'plan_versions'].map(count);
    const { presets } = await w.call('commissions.presets');
    const draft = { ...presets.find((p: any) => p.code === 'allset').body, rate: { kind: 'staggered', steps: [{ fromMonth: 1, rateBps: 2500 }, { fromMonth: 4, rateBps: 1000 }] } };
    const r = await w.call('commissions.whatIf', { planBody: draft, planId, fromPeriod: '2026-02', toPeriod: '2026-06' });
    // Feb–Jun: current 5 × £6.00 = £30.00; draft: months 2–3 at 25% (£10.00), months 4–6 at 10% (£4.00) = £32.00.
    expect(r.rows).toEqual([{ partnerId: partner, partnerCompany: 'Pennine Property Care', currency: 'GBP', currentNetMinor: 30_00, draftNetMinor: 32_00, differenceMinor: 2_00 }]);
    expect(r.totals).toEqual([{ currency: 'GBP', currentNetMinor: 30_00, draftNetMinor: 32_00, differenceMinor: 2_00 }]);
    expect(['ledger_entries', 'ledger_holds', 'commission_runs', 'audit_log', 'plan_versions'].map(count)).toEqual(before);
    const invalid = await dispatch('commissions.whatIf', { planBody: { ...draft, rate: { kind: 'flat' } }, fromPeriod: '2026-01', toPeriod: '2026-02' });
    expect(invalid).toMatchObject({ ok: false, error: { fieldErrors: { 'planBody.rate.rateBps': expect.any(String) } } });
  });

  it('a manager may read the ledger but not run a period or import revenue', async () => {
    w = await commissionsWorkspace('2026-12-10');
    w.sqlite.prepare("UPDATE users SET role = 'manager'").run();
    await w.call('workspace.lock');
    await w.call('workspace.unlock', { username: 'ada', passphrase: 'correct horse battery staple' });
    expect(await dispatch('commissions.ledger', {})).toMatchObject({ ok: true });
    expect(await dispatch('commissions.run', { period: '2026-10' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await dispatch('commissions.importRevenue', { csv: '', commit: true })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});

describe('the demo workspace', () => {
  it('has the preset plans assigned to every partner and a ledger for every month of revenue; a rerun adds nothing', async () => {
    const t = tempCore({ now: () => new Date('2026-11-21T09:00:00Z') });
    try {
      await t.call('workspace.createDemo', {});
      await t.call('workspace.unlock', { username: 'demo', passphrase: 'partnerdesk-demo' });
      const { plans } = await t.call('commissions.listPlans');
      expect(plans.map((p: any) => p.code)).toEqual(['allset', 'aloware', 'messagehelp', 'messagehelp-integrator', 'salespartner']);
      const partners = (await t.call('commissions.partners', {})).rows;
      expect(partners.every((p: any) => p.planCode === (p.format === 'integrator' ? 'messagehelp-integrator' : p.programmeCode))).toBe(true);
      const ledger = await t.call('commissions.ledger', { limit: 1 });
      expect(ledger.total).toBeGreaterThan(500);
      expect(ledger.totals.map((x: any) => x.currency)).toEqual(['EUR', 'GBP', 'USD']);
      const runs = (await t.call('commissions.runs', {})).runs;
      expect(runs.length).toBeGreaterThanOrEqual(12);
      const rerun = await t.call('commissions.run', { period: runs[1].period });
      expect(rerun).toMatchObject({ entriesAdded: 0, adjustmentsAdded: 0, movementsAdded: 0, costsAdded: 0 });
      const integrator = partners.find((p: any) => p.format === 'integrator');
      const balance = await t.call('commissions.integratorBalance', { partnerId: integrator.id });
      expect(balance.movements.some((m: any) => m.kind === 'charge')).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});
