import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, tempCore } from '../support/tempWorkspace';
import { agreementTemplates } from '../../src-shared/agreements/templates';
import type { ApplicationRow, ApprovalDefaults, ApprovalResult } from '../../src-shared/applications/contract';

// The application review on a real encrypted workspace: intake, queue, approval with
// partner + agreement + promotion slot in one transaction, rejection, decided-once.

let clock = new Date('2026-01-05T09:00:00.000Z');
const setDay = (day: string) => (clock = new Date(`${day}T09:00:00.000Z`));

async function workspace() {
  clock = new Date('2026-01-05T09:00:00.000Z');
  const t = tempCore({ now: () => clock });
  await t.call('workspace.create', ADMIN);
  const sqlite = t.core.context.session!.open.sqlite;
  const ins = sqlite.prepare('INSERT INTO programmes (id, code, name, currency, promo_slot_capacity) VALUES (?, ?, ?, ?, ?)');
  ins.run('prog-sales', 'salespartner', 'Sales partner programme', 'USD', 3);
  ins.run('prog-allset', 'allset', 'AllSet affiliate programme', 'GBP', 0);
  ins.run('prog-mh', 'messagehelp', 'Message.Help partners', 'EUR', 0);
  const submit = (over: Record<string, unknown> = {}) => t.call<ApplicationRow>('applications.submit', application(over));
  return { ...t, sqlite, submit };
}

const application = (over: Record<string, unknown> = {}) => ({
  programmeId: 'prog-sales',
  format: 'reseller',
  company: 'Cobalt Channel Partners',
  contactName: 'Renata Alves',
  contactEmail: 'renata@cobalt.example',
  country: 'us',
  website: 'cobalt.example',
  focusMarket: 'Property managers in the Midwest',
  expectedTenantsPerYear: 14,
  pipelineNote: 'Six property groups want a pilot.',
  ...over,
});

describe('application intake', () => {
  let t: Awaited<ReturnType<typeof workspace>>;
  afterEach(() => t?.cleanup());

  it('records a submitted application, dated today, with the country code and website normalised', async () => {
    t = await workspace();
    const row = await t.submit();
    expect(row).toMatchObject({
      programmeCode: 'salespartner',
      programmeName: 'Sales partner programme',
      company: 'Cobalt Channel Partners',
      country: 'US',
      website: 'https://cobalt.example',
      expectedTenantsPerYear: 14,
      status: 'submitted',
      submittedOn: '2026-01-05',
      partnerId: null,
      decidedAt: null,
    });
    const audit = t.sqlite.prepare(`SELECT action, entity_id AS entityId FROM audit_log WHERE action = 'application.submit'`).all();
    expect(audit).toEqual([{ action: 'application.submit', entityId: row.id }]);
  });

  it('answers a bad form with an error next to each field', async () => {
    t = await workspace();
    const r = await t.core.dispatch('applications.submit', {
      ...application(),
      company: '  ',
      contactEmail: 'renata at cobalt',
      country: 'USA',
      website: 'not a website',
      expectedTenantsPerYear: -3,
      focusMarket: '',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('validation');
    expect(r.error.fieldErrors).toEqual({
      company: 'Enter the company name',
      contactEmail: 'Enter an e-mail address like name@company.com',
      country: 'Use the two-letter country code, e.g. US, GB or DE',
      website: 'Enter the website like example.com or https://example.com',
      expectedTenantsPerYear: 'The pipeline cannot be negative',
      focusMarket: 'Resellers state their focus market (seed 003 asks for it)',
    });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 0 });
  });

  it('refuses a format the programme does not take, an unknown programme and a date in the future', async () => {
    t = await workspace();
    const format = await t.core.dispatch('applications.submit', application({ programmeId: 'prog-allset', format: 'reseller' }));
    expect(format).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { format: 'Choose affiliate' } } });
    if (!format.ok) expect(format.error.message).toBe('The AllSet affiliate programme takes affiliate partners, not resellers.');

    const programme = await t.core.dispatch('applications.submit', application({ programmeId: 'no-such-programme' }));
    expect(programme).toMatchObject({ ok: false, error: { fieldErrors: { programmeId: 'Choose one of the workspace’s programmes' } } });

    const future = await t.core.dispatch('applications.submit', application({ submittedOn: '2026-01-06' }));
    expect(future).toMatchObject({ ok: false, error: { fieldErrors: { submittedOn: 'On or before 2026-01-05' } } });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 0 });
  });

  it('refuses a second waiting application from the same company in the same programme', async () => {
    t = await workspace();
    await t.submit({ submittedOn: '2026-01-02' });
    const r = await t.core.dispatch('applications.submit', application({ company: 'cobalt channel partners ' }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { company: 'Already waiting in this programme' } } });
    if (!r.ok) expect(r.error.message).toMatch(/already has an application waiting .* \(received 2026-01-02\)/);
  });
});

describe('the queue', () => {
  let t: Awaited<ReturnType<typeof workspace>>;
  afterEach(() => t?.cleanup());

  it('lists waiting applications first, oldest first, then decided ones, and filters by status and programme', async () => {
    t = await workspace();
    const late = await t.submit({ company: 'Late Reseller', submittedOn: '2026-01-04' });
    const early = await t.submit({ company: 'Early Reseller', submittedOn: '2025-12-20' });
    const affiliate = await t.submit({ programmeId: 'prog-allset', format: 'affiliate', company: 'Lakeside Trade', submittedOn: '2026-01-01' });
    const rejected = await t.submit({ company: 'Rejected Reseller', submittedOn: '2025-12-01' });
    await t.call('applications.reject', { id: rejected.id, reason: 'not_a_fit', note: '' });

    const all = await t.call('applications.list', {});
    expect(all.rows.map((r: ApplicationRow) => r.company)).toEqual(['Early Reseller', 'Lakeside Trade', 'Late Reseller', 'Rejected Reseller']);
    expect(all.counts).toEqual({ submitted: 3, approved: 0, rejected: 1 });

    const waiting = await t.call('applications.list', { status: 'submitted' });
    expect(waiting.rows.map((r: ApplicationRow) => r.id)).toEqual([early.id, affiliate.id, late.id]);
    const sales = await t.call('applications.list', { status: 'submitted', programmeId: 'prog-sales' });
    expect(sales.rows.map((r: ApplicationRow) => r.id)).toEqual([early.id, late.id]);
  });

  it('shows for each programme how many promotion slots are left', async () => {
    t = await workspace();
    const { programmes } = await t.call('applications.list', {});
    expect(programmes.find((p: { code: string }) => p.code === 'salespartner')).toMatchObject({
      promoSlotCapacity: 3, slotsTaken: 0, slotsLeft: 3, standardRateBps: 2000, promoRateBps: 5000, formats: ['reseller'],
    });
    expect(programmes.find((p: { code: string }) => p.code === 'allset')).toMatchObject({ promoSlotCapacity: 0, slotsLeft: 0, promoRateBps: null });
  });

  it('returns one application by id, and says so when it does not exist', async () => {
    t = await workspace();
    const row = await t.submit();
    expect(await t.call('applications.get', { id: row.id })).toEqual(row);
    expect(await t.core.dispatch('applications.get', { id: 'nope' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('approval', () => {
  let t: Awaited<ReturnType<typeof workspace>>;
  afterEach(() => t?.cleanup());

  it('prefills the promotion rate while a slot is free, the programme’s terms and today as effective date', async () => {
    t = await workspace();
    const row = await t.submit();
    const d = await t.call<ApprovalDefaults>('applications.approvalDefaults', { id: row.id });
    expect(d).toMatchObject({ claimPromoSlot: true, nextSlotNo: 1, rateBps: 5000, planId: 'seed-003-sales-partner', templateCode: 'salespartner' });
    expect(d.agreement).toEqual({ ...agreementTemplates.salespartner, effectiveOn: '2026-01-05' });

    const affiliate = await t.submit({ programmeId: 'prog-allset', format: 'affiliate', company: 'Lakeside Trade' });
    const a = await t.call<ApprovalDefaults>('applications.approvalDefaults', { id: affiliate.id });
    expect(a).toMatchObject({ claimPromoSlot: false, nextSlotNo: null, rateBps: null, planId: 'seed-000-allset-affiliate' });
    expect(a.agreement).toMatchObject({ initialTermMonths: 12, noticePeriod: { unit: 'months', count: 3 }, governingLaw: 'England and Wales' });
  });

  it('creates the partner, its agreement version 1 and promotion slot 1, and marks the application approved', async () => {
    t = await workspace();
    const row = await t.submit();
    setDay('2026-01-07');
    const r = await t.call<ApprovalResult>('applications.approve', { id: row.id, note: 'Strong pipeline' });
    expect(r).toMatchObject({ promoSlotNo: 1, rateBps: 5000, promoMissed: false, agreementVersion: 1 });
    expect(r.message).toBe(
      'Cobalt Channel Partners approved with promotion slot 1 of 3 at 50%; 2 of 3 promotion slots left. Partner record created (onboarding) with agreement version 1 effective 2026-01-07.',
    );
    expect(r.application).toMatchObject({
      status: 'approved', partnerId: r.partnerId, approvedRateBps: 5000, promoSlotNo: 1, decidedByName: 'Ada Admin',
      decidedAt: '2026-01-07T09:00:00.000Z', decisionNote: 'Strong pipeline', planId: 'seed-003-sales-partner',
    });

    const partner = t.sqlite.prepare('SELECT * FROM partners WHERE id = ?').get(r.partnerId);
    expect(partner).toMatchObject({
      company: 'Cobalt Channel Partners', status: 'onboarding', registered_on: '2026-01-07', commission_rate_bps: 5000, format: 'reseller',
      contact_email: 'renata@cobalt.example', country: 'US', website: 'https://cobalt.example', focus_market: 'Property managers in the Midwest',
      plan_id: 'seed-003-sales-partner', programme_id: 'prog-sales',
    });
    const agreement = t.sqlite.prepare('SELECT * FROM agreements WHERE partner_id = ?').all(r.partnerId);
    expect(agreement).toEqual([expect.objectContaining({ id: r.agreementId, version: 1, effective_on: '2026-01-07', notice_unit: 'days', notice_count: 30, governing_law: 'State of Delaware', cure_period_days: 30 })]);
    expect(t.sqlite.prepare('SELECT slot_no AS slotNo, partner_id AS partnerId FROM promo_slots').all()).toEqual([{ slotNo: 1, partnerId: r.partnerId }]);
    const actions = t.sqlite.prepare(`SELECT action FROM audit_log WHERE at = '2026-01-07T09:00:00.000Z' ORDER BY id`).all().map((a: any) => a.action);
    expect(actions).toEqual(['application.approve', 'partner.create', 'agreement.create', 'promo_slot.assign']);
  });

  it('keeps the reviewer’s rate, plan and edited terms', async () => {
    t = await workspace();
    const row = await t.submit();
    const agreement = { ...agreementTemplates.salespartner, effectiveOn: '2026-02-01', noticePeriod: { unit: 'days', count: 60 }, governingLaw: 'State of New York' };
    const r = await t.call<ApprovalResult>('applications.approve', { id: row.id, claimPromoSlot: false, rateBps: 2500, planId: 'custom-plan', agreement });
    expect(r).toMatchObject({ promoSlotNo: null, rateBps: 2500, promoMissed: false });
    expect(t.sqlite.prepare('SELECT commission_rate_bps AS bps, plan_id AS plan FROM partners WHERE id = ?').get(r.partnerId)).toEqual({ bps: 2500, plan: 'custom-plan' });
    expect(t.sqlite.prepare('SELECT effective_on AS e, notice_count AS n, governing_law AS law FROM agreements WHERE partner_id = ?').get(r.partnerId)).toEqual({
      e: '2026-02-01', n: 60, law: 'State of New York',
    });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM promo_slots').get()).toEqual({ n: 0 });
  });

  it('gives the first 3 approved resellers the 50% slots in approval order and the fourth the standard 20% (scenario D)', async () => {
    t = await workspace();
    const r1 = await t.submit({ company: 'R1', submittedOn: '2026-01-01' });
    const r2 = await t.submit({ company: 'R2', submittedOn: '2026-01-02' });
    const r3 = await t.submit({ company: 'R3', submittedOn: '2026-01-03' });
    const r4 = await t.submit({ company: 'R4', submittedOn: '2026-01-04' });
    const results: Record<string, ApprovalResult> = {};
    for (const [day, app] of [['2026-01-05', r2], ['2026-01-06', r1], ['2026-01-07', r4], ['2026-01-08', r3]] as const) {
      setDay(day);
      results[app.company] = await t.call<ApprovalResult>('applications.approve', { id: app.id });
    }
    expect(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, [v.promoSlotNo, v.rateBps, v.promoMissed]]))).toEqual({
      R2: [1, 5000, false], R1: [2, 5000, false], R4: [3, 5000, false], R3: [null, 2000, true],
    });
    expect(results.R3!.message).toMatch(/^R3 approved at the standard 20%: all 3 promotion slots were taken/);
    const { programmes } = await t.call('applications.list', {});
    expect(programmes.find((p: { code: string }) => p.code === 'salespartner')).toMatchObject({ slotsTaken: 3, slotsLeft: 0 });
    const d = await t.call<ApprovalDefaults>('applications.approvalDefaults', { id: (await t.submit({ company: 'R5' })).id });
    expect(d).toMatchObject({ claimPromoSlot: false, nextSlotNo: null, rateBps: 2000 });
  });

  it('does not take a slot from the sales partner programme when the reviewer declines it', async () => {
    t = await workspace();
    const row = await t.submit();
    const r = await t.call<ApprovalResult>('applications.approve', { id: row.id, claimPromoSlot: false });
    expect(r).toMatchObject({ promoSlotNo: null, rateBps: 2000, promoMissed: false });
    expect((await t.call('applications.list', {})).programmes.find((p: { code: string }) => p.code === 'salespartner').slotsLeft).toBe(3);
  });

  it('leaves a tiered programme’s partner on the plan’s rate and refuses a slot the programme does not have', async () => {
    t = await workspace();
    const row = await t.submit({ programmeId: 'prog-mh', format: 'integrator', company: 'Baltic Chat' });
    const refused = await t.core.dispatch('applications.approve', { id: row.id, claimPromoSlot: true });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { claimPromoSlot: 'This programme has no promotion' } } });
    const r = await t.call<ApprovalResult>('applications.approve', { id: row.id });
    expect(r).toMatchObject({ promoSlotNo: null, rateBps: null });
    expect(r.message).toMatch(/^Baltic Chat approved at the plan’s rate\./);
    expect(t.sqlite.prepare('SELECT plan_id AS plan, commission_rate_bps AS bps FROM partners WHERE id = ?').get(r.partnerId)).toEqual({ plan: null, bps: null });
  });

  it('refuses an agreement that takes effect before the application arrived, and a rate above 100%', async () => {
    t = await workspace();
    const row = await t.submit({ submittedOn: '2026-01-03' });
    const early = await t.core.dispatch('applications.approve', { id: row.id, agreement: { ...agreementTemplates.salespartner, effectiveOn: '2026-01-02' } });
    expect(early).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { 'agreement.effectiveOn': 'On or after 2026-01-03' } } });
    const rate = await t.core.dispatch('applications.approve', { id: row.id, rateBps: 12_000 });
    expect(rate).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { rateBps: 'A commission rate is at most 10000 basis points (100%)' } } });
    const terms = await t.core.dispatch('applications.approve', { id: row.id, agreement: { ...agreementTemplates.salespartner, effectiveOn: '2026-01-05', noticePeriod: { unit: 'days', count: 0 } } });
    expect(terms).toMatchObject({ ok: false, error: { fieldErrors: { 'agreement.noticePeriod.count': 'The notice period must be at least 1 day or month.' } } });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM partners').get()).toEqual({ n: 0 });
  });

  it('writes nothing at all when a step of the approval fails', async () => {
    t = await workspace();
    const row = await t.submit();
    // A failure after the partner insert: the agreement insert is refused on this connection.
    t.sqlite.exec(`CREATE TEMP TRIGGER refuse_agreements BEFORE INSERT ON agreements BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const auditBefore = t.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get();
    const r = await t.core.dispatch('applications.approve', { id: row.id });
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } });
    if (!r.ok) expect(r.error.message).toMatch(/Nothing was saved/);
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM partners').get()).toEqual({ n: 0 });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM partner_contacts').get()).toEqual({ n: 0 });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM promo_slots').get()).toEqual({ n: 0 });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
    expect((await t.call<ApplicationRow>('applications.get', { id: row.id })).status).toBe('submitted');

    t.sqlite.exec('DROP TRIGGER temp.refuse_agreements');
    expect((await t.call<ApprovalResult>('applications.approve', { id: row.id })).promoSlotNo).toBe(1);
  });
});

describe('rejection and deciding once', () => {
  let t: Awaited<ReturnType<typeof workspace>>;
  afterEach(() => t?.cleanup());

  it('records the structured reason, the note, who and when', async () => {
    t = await workspace();
    const row = await t.submit();
    const r = await t.call<ApplicationRow>('applications.reject', { id: row.id, reason: 'insufficient_pipeline', note: 'Come back with 10 tenants a year.' });
    expect(r).toMatchObject({ status: 'rejected', rejectReason: 'insufficient_pipeline', decisionNote: 'Come back with 10 tenants a year.', decidedByName: 'Ada Admin', partnerId: null });
    expect(t.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'application.reject' AND entity_id = ?`).get(row.id)).toEqual({ n: 1 });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM partners').get()).toEqual({ n: 0 });
  });

  it('asks for a note when the reason is "other", and for a reason from the list', async () => {
    t = await workspace();
    const row = await t.submit();
    expect(await t.core.dispatch('applications.reject', { id: row.id, reason: 'other', note: ' ' })).toMatchObject({
      ok: false, error: { kind: 'validation', fieldErrors: { note: 'Say why in a note when the reason is "Other"' } },
    });
    expect(await t.core.dispatch('applications.reject', { id: row.id, reason: 'too_small' })).toMatchObject({
      ok: false, error: { kind: 'validation', fieldErrors: { reason: 'Choose why the application is rejected' } },
    });
  });

  it('refuses a second decision with a conflict that says who decided and when', async () => {
    t = await workspace();
    const approved = await t.submit();
    await t.call('applications.approve', { id: approved.id });
    const again = await t.core.dispatch('applications.approve', { id: approved.id });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!again.ok) {
      expect(again.error.message).toBe('The application from Cobalt Channel Partners was already approved on 2026-01-05 by Ada Admin. An application is decided once; nothing was changed.');
    }
    expect(await t.core.dispatch('applications.reject', { id: approved.id, reason: 'duplicate' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(await t.core.dispatch('applications.approvalDefaults', { id: approved.id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });

    const rejected = await t.submit({ company: 'Other Reseller' });
    await t.call('applications.reject', { id: rejected.id, reason: 'duplicate' });
    const late = await t.core.dispatch('applications.approve', { id: rejected.id });
    expect(late).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/already rejected/) } });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM partners').get()).toEqual({ n: 1 });
    expect(t.sqlite.prepare('SELECT count(*) AS n FROM promo_slots').get()).toEqual({ n: 1 });
  });
});

describe('promotion slots through the core', () => {
  let t: Awaited<ReturnType<typeof workspace>>;
  afterEach(() => t?.cleanup());

  it('follow approval order whatever order the applications arrived in', async () => {
    t = await workspace();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 7 }).chain((n) => fc.tuple(fc.shuffledSubarray([...Array(n).keys()], { minLength: n }), fc.integer({ min: 1, max: 4 }))), async ([order, capacity]) => {
        const programmeId = `prog-run-${++run}`;
        t.sqlite.prepare(`INSERT INTO programmes (id, code, name, currency, promo_slot_capacity) VALUES (?, ?, ?, 'USD', ?)`).run(programmeId, `sales${run}`, `Sales ${run}`, capacity);
        const apps: ApplicationRow[] = [];
        for (let i = 0; i < order.length; i++) apps.push(await t.submit({ programmeId, company: `Reseller ${i}`, submittedOn: `2026-01-0${1 + (i % 5)}` }));
        const approved: ApprovalResult[] = [];
        for (const i of order) approved.push(await t.call<ApprovalResult>('applications.approve', { id: apps[i]!.id }));
        expect(approved.map((r) => r.promoSlotNo)).toEqual(order.map((_, k) => (k < capacity ? k + 1 : null)));
        expect(approved.map((r) => r.rateBps)).toEqual(order.map((_, k) => (k < capacity ? 5000 : 2000)));
        const { programmes } = await t.call('applications.list', {});
        expect(programmes.find((p: { id: string }) => p.id === programmeId).slotsLeft).toBe(Math.max(0, capacity - order.length));
      }),
      { numRuns: 15 },
    );
  });
});

describe('the demo workspace', () => {
  let t: ReturnType<typeof tempCore>;
  afterEach(() => t?.cleanup());

  it('has the sales partner promotion with 1 of 3 slots left, waiting applications across programmes and one rejected', async () => {
    t = tempCore();
    await t.call('workspace.createDemo', {});
    const { rows, programmes, counts } = await t.call('applications.list', {});
    const sales = programmes.find((p: { code: string }) => p.code === 'salespartner');
    expect(sales).toMatchObject({ promoSlotCapacity: 3, slotsTaken: 2, slotsLeft: 1 });
    expect(programmes.filter((p: { promoSlotCapacity: number }) => p.promoSlotCapacity > 0)).toHaveLength(1);
    expect(counts).toEqual({ submitted: 5, approved: 2, rejected: 1 });
    const waiting = rows.filter((r: ApplicationRow) => r.status === 'submitted');
    expect(new Set(waiting.map((r: ApplicationRow) => r.programmeCode))).toEqual(new Set(['allset', 'aloware', 'messagehelp', 'salespartner']));
    expect(waiting.map((r: ApplicationRow) => r.submittedOn)).toEqual([...waiting.map((r: ApplicationRow) => r.submittedOn)].sort());
    expect(rows.find((r: ApplicationRow) => r.status === 'rejected')).toMatchObject({ company: 'QuickLeads Bulk SMS', rejectReason: 'compliance' });
    // The slot holders are partners on the 50% launch rate, and their approvals are on record.
    const holders = rows.filter((r: ApplicationRow) => r.status === 'approved');
    expect(holders.map((r: ApplicationRow) => [r.promoSlotNo, r.approvedRateBps])).toEqual(expect.arrayContaining([[1, 5000], [2, 5000]]));
    const sqlite = t.core.context.session!.open.sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n FROM partners WHERE commission_rate_bps = 5000').get()).toEqual({ n: 2 });

    // The one slot left goes to the next approved reseller; the one after gets 20%.
    const [first, second] = waiting.filter((r: ApplicationRow) => r.programmeCode === 'salespartner');
    expect((await t.call<ApprovalResult>('applications.approve', { id: first.id })).promoSlotNo).toBe(3);
    expect(await t.call<ApprovalResult>('applications.approve', { id: second.id })).toMatchObject({ promoSlotNo: null, rateBps: 2000 });
  });
});
