import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { agreementTemplates } from '../../src-shared/agreements/templates';
import type { AgreementView } from '../../src-shared/agreements/contract';
import { ADMIN, tempCore } from '../support/tempWorkspace';

// The agreements channels on a real encrypted workspace, with the clock pinned per test.

type Fixture = Awaited<ReturnType<typeof workspace>>;

async function workspace(today: string) {
  let now = new Date(`${today}T12:00:00.000Z`);
  const t = tempCore({ now: () => now });
  await t.call('workspace.create', ADMIN);
  const sqlite = t.core.context.session!.open.sqlite;
  const programmes = new Map<string, string>();
  const programme = (code: string) => {
    let id = programmes.get(code);
    if (!id) {
      id = randomUUID();
      sqlite.prepare('INSERT INTO programmes (id, code, name, currency) VALUES (?, ?, ?, ?)').run(id, code, `Programme ${code}`, 'USD');
      programmes.set(code, id);
    }
    return id;
  };
  return {
    t,
    sqlite,
    setToday(day: string) {
      now = new Date(`${day}T12:00:00.000Z`);
    },
    partner(company: string, code = 'allset', format = 'affiliate', status = 'active') {
      const id = randomUUID();
      sqlite
        .prepare('INSERT INTO partners (id, programme_id, company, format, status, registered_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, programme(code), company, format, status, '2024-12-01', now.toISOString());
      return id;
    },
    async agreement(partnerId: string, code: string, effectiveOn: string, changes: Record<string, unknown> = {}): Promise<AgreementView> {
      return t.call('agreements.createVersion', { partnerId, terms: { ...agreementTemplates[code], effectiveOn, ...changes } });
    },
    view: (partnerId: string): Promise<AgreementView> => t.call('agreements.forPartner', { partnerId }),
    status: (partnerId: string) => (sqlite.prepare('SELECT status FROM partners WHERE id = ?').get(partnerId) as { status: string }).status,
    audit: (action: string) => sqlite.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY id').all(action) as { entity_id: string; detail: string; user_id: string | null }[],
    eventCount: () => (sqlite.prepare('SELECT count(*) AS n FROM agreement_events').get() as { n: number }).n,
  };
}

describe('agreement versions', () => {
  let w: Fixture;
  afterEach(() => w?.t.cleanup());

  it('adds numbered versions, keeps the earlier ones, and treats the latest one in effect as current', async () => {
    w = await workspace('2025-06-01');
    const p = w.partner('Brightwell Field Services');
    await w.agreement(p, 'allset', '2025-01-15');
    const v = await w.agreement(p, 'allset', '2025-05-01', { initialTermMonths: 6 });
    expect(v.versions.map((x) => [x.version, x.standing])).toEqual([[2, 'in_force'], [1, 'superseded']]);
    expect(v.current).toMatchObject({ version: 2, state: 'initial_term', monthNumber: 2, initialTermEndsOn: '2025-11-01' });
    expect(w.audit('agreement.version_created')).toHaveLength(2);
  });

  it('keeps the version in force current until a later version takes effect', async () => {
    w = await workspace('2025-06-01');
    const p = w.partner('Brightwell Field Services');
    await w.agreement(p, 'allset', '2025-01-15');
    const v = await w.agreement(p, 'allset', '2025-09-01');
    expect(v.current?.version).toBe(1);
    expect(v.versions.map((x) => [x.version, x.standing])).toEqual([[2, 'pending'], [1, 'in_force']]);
  });

  it('refuses a version that would take effect before the previous one, naming the field', async () => {
    w = await workspace('2025-06-01');
    const p = w.partner('Brightwell Field Services');
    await w.agreement(p, 'allset', '2025-01-15');
    const r = await w.t.core.dispatch('agreements.createVersion', { partnerId: p, terms: { ...agreementTemplates.allset, effectiveOn: '2024-12-01' } });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { 'terms.effectiveOn': expect.stringMatching(/on or after version 1 \(effective 15 Jan 2025\)/) } } });
  });

  it('shows the terms rules as field errors (notice period of 0, unknown breach outcome)', async () => {
    w = await workspace('2025-06-01');
    const p = w.partner('Brightwell Field Services');
    const r = await w.t.core.dispatch('agreements.createVersion', {
      partnerId: p,
      terms: { ...agreementTemplates.allset, effectiveOn: '2025-01-15', noticePeriod: { unit: 'months', count: 0 }, breachOutcome: 'fine' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.fieldErrors?.['terms.noticePeriod.count']).toMatch(/at least 1 day or month/);
      expect(r.error.fieldErrors?.['terms.breachOutcome']).toMatch(/suspend.*terminate/);
    }
  });

  it('offers the programme template as the first version of a partner without an agreement', async () => {
    w = await workspace('2025-06-01');
    const p = w.partner('Pipeline Partners LLC', 'aloware', 'lead_referral');
    const v = await w.view(p);
    expect(v.current).toBeNull();
    expect(v.versions).toEqual([]);
    expect(v.newVersionDefaults).toMatchObject({ ...agreementTemplates.aloware, effectiveOn: '2025-06-01' });
  });

  it('says a partner that does not exist is not found', async () => {
    w = await workspace('2025-06-01');
    expect(await w.t.core.dispatch('agreements.forPartner', { partnerId: 'nope' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('Seed 000 worked example: effective 2025-01-15, 12-month initial term, 3 months\' notice', () => {
  let w: Fixture;
  afterEach(() => w?.t.cleanup());

  it('refuses notice served on 2025-06-01 with the first allowed date, 15 Jan 2026, and records nothing', async () => {
    w = await workspace('2025-06-01');
    const p = w.partner('Brightwell Field Services');
    const { current } = await w.agreement(p, 'allset', '2025-01-15');
    const r = await w.t.core.dispatch('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'partner', servedOn: '2025-06-01' });
    const message = 'Notice can first be served on 15 Jan 2026 — the initial term runs until then';
    expect(r).toEqual({ ok: false, error: { kind: 'validation', message, fieldErrors: { servedOn: message } } });
    expect(w.eventCount()).toBe(0);
    expect(w.audit('agreement.notice_served')).toHaveLength(0);
  });

  it('refuses notice on the last day of the initial term and accepts it on the first day of month 13', async () => {
    w = await workspace('2026-01-15');
    const p = w.partner('Brightwell Field Services');
    const { current } = await w.agreement(p, 'allset', '2025-01-15');
    const before = await w.t.core.dispatch('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'company', servedOn: '2026-01-14' });
    expect(before.ok).toBe(false);
    const v: AgreementView = await w.t.call('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'company', servedOn: '2026-01-15' });
    expect(v.current?.events[0]).toMatchObject({ kind: 'notice', terminatesOn: '2026-04-15' });
  });

  it('notice served on 2026-02-01 (month 13) ends the agreement on 2026-05-01 (month 16)', async () => {
    w = await workspace('2026-02-01');
    const p = w.partner('Brightwell Field Services');
    const { current } = await w.agreement(p, 'allset', '2025-01-15');
    expect(current?.monthNumber).toBe(13);
    const v: AgreementView = await w.t.call('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'partner', servedOn: '2026-02-01' });
    expect(v.current).toMatchObject({
      state: 'notice_served',
      stateLabel: 'Notice served',
      end: { on: '2026-05-01', cause: 'notice' },
      commissionStopsOn: '2026-05-01',
      events: [{ kind: 'notice', on: '2026-02-01', servedBy: 'partner', terminatesOn: '2026-05-01', recordedBy: 'Ada Admin' }],
    });
    expect(v.current?.timeline[0]).toMatchObject({ date: '2026-05-01', kind: 'termination', source: 'key_date', past: false });
    expect(v.current?.timeline.find((e) => e.kind === 'notice_served')?.label).toMatch(/ends on 2026-05-01/);
    expect(w.audit('agreement.notice_served')).toHaveLength(1);

    w.setToday('2026-05-01');
    const after = await w.view(p);
    expect(after.current).toMatchObject({ state: 'terminated', monthNumber: 16 });
    expect(w.status(p)).toBe('terminated');
    const [change] = w.audit('partner.status_changed');
    expect(JSON.parse(change!.detail)).toMatchObject({ from: 'active', to: 'terminated', source: 'agreement', state: 'terminated' });
    expect(change!.user_id).toBeNull(); // the notice period ran out: nobody did it
  });

  it('refuses a second notice, naming the first one', async () => {
    w = await workspace('2026-02-01');
    const p = w.partner('Brightwell Field Services');
    const { current } = await w.agreement(p, 'allset', '2025-01-15');
    await w.t.call('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'partner', servedOn: '2026-02-01' });
    const r = await w.t.core.dispatch('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'company', servedOn: '2026-02-01' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/already served on 1 Feb 2026 by the partner; the agreement ends on 1 May 2026/) } });
  });

  it('refuses notice dated after today', async () => {
    w = await workspace('2026-02-01');
    const p = w.partner('Brightwell Field Services');
    const { current } = await w.agreement(p, 'allset', '2025-01-15');
    const r = await w.t.core.dispatch('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'partner', servedOn: '2026-02-02' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { servedOn: expect.stringMatching(/cannot be after today \(1 Feb 2026\)/) } } });
  });

  it('refuses notice on a superseded version', async () => {
    w = await workspace('2026-03-01');
    const p = w.partner('Brightwell Field Services');
    const v1 = await w.agreement(p, 'allset', '2025-01-15');
    await w.agreement(p, 'allset', '2026-02-01');
    const r = await w.t.core.dispatch('agreements.serveNotice', { agreementId: v1.current!.agreementId, servedBy: 'partner', servedOn: '2026-03-01' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/version 2 is the current one/) } });
  });
});

describe('Seed 001: 3-day notice, 15-day cure period, 1-year non-solicit', () => {
  let w: Fixture;
  afterEach(() => w?.t.cleanup());

  it('notice ends the agreement 3 days after it is served, with no initial term', async () => {
    w = await workspace('2025-03-10');
    const p = w.partner('Pipeline Partners LLC', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    const v: AgreementView = await w.t.call('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'company', servedOn: '2025-03-10' });
    expect(v.current?.end).toEqual({ on: '2025-03-13', cause: 'notice' });
    expect(v.current?.nonSolicitEndsOn).toBe('2026-03-13');
  });

  it('starts the cure clock on the notice of breach and shows the deadline 15 days later', async () => {
    w = await workspace('2025-06-05');
    const p = w.partner('Pipeline Partners LLC', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    const v: AgreementView = await w.t.call('agreements.recordBreach', { agreementId: current!.agreementId, noticedOn: '2025-06-01', description: 'Referred a client violating TCPA' });
    expect(v.current).toMatchObject({
      state: 'in_cure',
      openBreach: { noticedOn: '2025-06-01', cureDeadline: '2025-06-16' },
      events: [{ kind: 'breach', reason: 'Referred a client violating TCPA', cureDeadline: '2025-06-16', breachStatus: 'in_cure' }],
    });
    expect(v.current?.timeline.find((e) => e.kind === 'cure_deadline')).toMatchObject({ date: '2025-06-16', past: false });
    expect(w.status(p)).toBe('active');
  });

  it('an uncured breach terminates the agreement the day after the deadline, and the partner with it', async () => {
    w = await workspace('2025-06-05');
    const p = w.partner('Pipeline Partners LLC', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    await w.t.call('agreements.recordBreach', { agreementId: current!.agreementId, noticedOn: '2025-06-01', description: 'Referred a client violating TCPA' });

    w.setToday('2025-06-16'); // the deadline day itself is still inside the cure period
    expect((await w.view(p)).current?.state).toBe('in_cure');
    expect(w.status(p)).toBe('active');

    w.setToday('2025-06-17');
    const v = await w.view(p);
    expect(v.current).toMatchObject({ state: 'terminated', end: { on: '2025-06-17', cause: 'breach' }, nonSolicitEndsOn: '2026-06-17' });
    expect(v.current?.events[0]?.breachStatus).toBe('uncured');
    expect(w.status(p)).toBe('terminated');
    expect(JSON.parse(w.audit('partner.status_changed')[0]!.detail)).toMatchObject({ to: 'terminated', source: 'agreement' });
    // The non-solicit period that follows is on the partner's timeline.
    expect(v.current?.timeline.find((e) => e.kind === 'non_solicit_ends')?.date).toBe('2026-06-17');
  });

  it('a breach cured on the deadline day counts as cured', async () => {
    w = await workspace('2025-06-16');
    const p = w.partner('Pipeline Partners LLC', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    const b: AgreementView = await w.t.call('agreements.recordBreach', { agreementId: current!.agreementId, noticedOn: '2025-06-01', description: 'Late referral report' });
    const v: AgreementView = await w.t.call('agreements.recordCure', { breachId: b.current!.openBreach!.eventId, curedOn: '2025-06-16' });
    expect(v.current).toMatchObject({ state: 'rolling', openBreach: null, events: [{ breachStatus: 'cured', curedOn: '2025-06-16' }] });
    w.setToday('2025-07-01');
    expect((await w.view(p)).current?.state).toBe('rolling');
    expect(w.status(p)).toBe('active');
    expect(w.audit('agreement.breach_cured')).toHaveLength(1);
  });

  it('refuses a cure before the breach, after today, or twice', async () => {
    w = await workspace('2025-06-10');
    const p = w.partner('Pipeline Partners LLC', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    const b: AgreementView = await w.t.call('agreements.recordBreach', { agreementId: current!.agreementId, noticedOn: '2025-06-01', description: 'Late referral report' });
    const breachId = b.current!.openBreach!.eventId;
    expect(await w.t.core.dispatch('agreements.recordCure', { breachId, curedOn: '2025-05-31' })).toMatchObject({ ok: false, error: { fieldErrors: { curedOn: expect.stringMatching(/noticed on 1 Jun 2025/) } } });
    expect(await w.t.core.dispatch('agreements.recordCure', { breachId, curedOn: '2025-06-11' })).toMatchObject({ ok: false, error: { fieldErrors: { curedOn: expect.stringMatching(/after today/) } } });
    await w.t.call('agreements.recordCure', { breachId, curedOn: '2025-06-05' });
    expect(await w.t.core.dispatch('agreements.recordCure', { breachId, curedOn: '2025-06-06' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('requires a description of the breach', async () => {
    w = await workspace('2025-06-10');
    const p = w.partner('Pipeline Partners LLC', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    const r = await w.t.core.dispatch('agreements.recordBreach', { agreementId: current!.agreementId, noticedOn: '2025-06-01', description: '   ' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { description: expect.stringMatching(/Describe the breach/) } } });
  });
});

describe('breach outcome "suspend"', () => {
  let w: Fixture;
  afterEach(() => w?.t.cleanup());

  it('suspends the partner when the cure period runs out, and a late cure lifts the suspension', async () => {
    w = await workspace('2026-01-10');
    const p = w.partner('Northwind Resellers', 'salespartner', 'reseller');
    const { current } = await w.agreement(p, 'aloware', '2025-06-01', { curePeriodDays: 15, breachOutcome: 'suspend' });
    const b: AgreementView = await w.t.call('agreements.recordBreach', { agreementId: current!.agreementId, noticedOn: '2026-01-01', description: 'Unreviewed campaign' });
    w.setToday('2026-01-17');
    expect((await w.view(p)).current?.state).toBe('suspended');
    expect(w.status(p)).toBe('suspended');

    w.setToday('2026-01-20');
    const v: AgreementView = await w.t.call('agreements.recordCure', { breachId: b.current!.openBreach!.eventId, curedOn: '2026-01-20' });
    expect(v.current?.state).toBe('rolling');
    expect(w.status(p)).toBe('active');
    expect(w.audit('partner.status_changed').map((a) => JSON.parse(a.detail).to)).toEqual(['suspended', 'active']);
  });

  it('leaves a suspension somebody set on the partner page alone', async () => {
    w = await workspace('2026-01-10');
    const p = w.partner('Northwind Resellers', 'salespartner', 'reseller', 'suspended');
    await w.agreement(p, 'aloware', '2025-06-01', { curePeriodDays: 15, breachOutcome: 'suspend' });
    await w.view(p);
    expect(w.status(p)).toBe('suspended');
  });
});

describe('termination', () => {
  let w: Fixture;
  afterEach(() => w?.t.cleanup());

  it('terminates on the date given, with the reason, and marks the partner terminated in the same change', async () => {
    w = await workspace('2026-03-01');
    const p = w.partner('Contact Center Advisors', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    const v: AgreementView = await w.t.call('agreements.terminate', { agreementId: current!.agreementId, on: '2026-03-01', reason: 'Repeated chargebacks' });
    expect(v.current).toMatchObject({ state: 'terminated', end: { on: '2026-03-01', cause: 'terminated' }, nonSolicitEndsOn: '2027-03-01' });
    expect(v.current?.timeline[0]).toMatchObject({ date: '2027-03-01', kind: 'non_solicit_ends' });
    expect(v.current?.timeline.filter((e) => e.date === '2026-03-01').map((e) => e.label)).toEqual(['Agreement terminated: Repeated chargebacks']);
    expect(w.status(p)).toBe('terminated');
    expect(w.audit('agreement.terminated')).toHaveLength(1);
    const [change] = w.audit('partner.status_changed');
    expect(change!.user_id).toBe(w.audit('agreement.terminated')[0]!.user_id);
    expect(change!.user_id).not.toBeNull();
  });

  it('a termination dated later takes effect when its day comes', async () => {
    w = await workspace('2026-03-01');
    const p = w.partner('Contact Center Advisors', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    const v: AgreementView = await w.t.call('agreements.terminate', { agreementId: current!.agreementId, on: '2026-03-31', reason: 'Mutual agreement' });
    expect(v.current?.state).toBe('rolling');
    expect(w.status(p)).toBe('active');
    w.setToday('2026-03-31');
    expect((await w.view(p)).current?.state).toBe('terminated');
    expect(w.status(p)).toBe('terminated');
  });

  it('requires a reason and refuses a date on or after an end already fixed', async () => {
    w = await workspace('2026-03-01');
    const p = w.partner('Contact Center Advisors', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    const id = current!.agreementId;
    expect(await w.t.core.dispatch('agreements.terminate', { agreementId: id, on: '2026-03-01', reason: '' })).toMatchObject({ ok: false, error: { fieldErrors: { reason: expect.any(String) } } });
    await w.t.call('agreements.serveNotice', { agreementId: id, servedBy: 'partner', servedOn: '2026-03-01' });
    expect(await w.t.core.dispatch('agreements.terminate', { agreementId: id, on: '2026-03-05', reason: 'x' })).toMatchObject({ ok: false, error: { fieldErrors: { on: expect.stringMatching(/already ends on 4 Mar 2026/) } } });
    expect((await w.t.core.dispatch('agreements.terminate', { agreementId: id, on: '2026-03-02', reason: 'Earlier, by agreement' })).ok).toBe(true);
  });

  it('nothing can be recorded on an agreement from the day it ended', async () => {
    w = await workspace('2026-03-10');
    const p = w.partner('Contact Center Advisors', 'aloware', 'lead_referral');
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    await w.t.call('agreements.terminate', { agreementId: current!.agreementId, on: '2026-03-01', reason: 'Chargebacks' });
    const r = await w.t.core.dispatch('agreements.recordBreach', { agreementId: current!.agreementId, noticedOn: '2026-03-05', description: 'x' });
    expect(r).toMatchObject({ ok: false, error: { fieldErrors: { noticedOn: expect.stringMatching(/already ended on 1 Mar 2026/) } } });
  });
});

describe('the agreements list', () => {
  let w: Fixture;
  afterEach(() => w?.t.cleanup());

  it('lists every partner with its current agreement state, including partners without one', async () => {
    w = await workspace('2026-02-01');
    const a = w.partner('Brightwell Field Services');
    w.partner('Applicant Ltd', 'allset', 'affiliate', 'applicant');
    await w.agreement(a, 'allset', '2025-01-15');
    const { rows } = await w.t.call('agreements.list', {});
    expect(rows).toEqual([
      expect.objectContaining({ company: 'Applicant Ltd', agreementId: null, state: null, stateLabel: 'No agreement' }),
      expect.objectContaining({ company: 'Brightwell Field Services', version: 1, state: 'rolling', stateLabel: 'Rolling', monthNumber: 13 }),
    ]);
  });
});

describe('the demo workspace', () => {
  let t: ReturnType<typeof tempCore>;
  afterEach(() => t?.cleanup());

  it('has a notice served, a breach in its cure period, a cured breach, a terminated partner and a version in its initial term', async () => {
    t = tempCore({ now: () => new Date('2026-11-21T10:00:00.000Z') });
    await t.call('workspace.createDemo', {});
    const { rows } = await t.call<{ rows: { company: string; state: string; partnerStatus: string; version: number; partnerId: string }[] }>('agreements.list', {});
    const row = (company: string) => rows.find((r) => r.company === company)!;
    expect(row('Keystone Trades Hub')).toMatchObject({ state: 'notice_served' });
    expect(row('HubSpring Consulting')).toMatchObject({ state: 'in_cure' });
    expect(row('Contact Center Advisors')).toMatchObject({ state: 'terminated', partnerStatus: 'terminated', monthNumber: null });
    expect(row('Thistle & Oak Landscaping')).toMatchObject({ state: 'initial_term', version: 2 });
    const zoho: AgreementView = await t.call('agreements.forPartner', { partnerId: row('Zohoready Solutions').partnerId });
    expect(zoho.current?.events).toEqual([expect.objectContaining({ kind: 'breach', breachStatus: 'cured' })]);
    const keystone: AgreementView = await t.call('agreements.forPartner', { partnerId: row('Keystone Trades Hub').partnerId });
    const notice = keystone.current!.events[0]!;
    expect(notice).toMatchObject({ kind: 'notice', servedBy: 'partner' });
    expect(notice.on <= '2026-11-21' && notice.on >= keystone.current!.initialTermEndsOn).toBe(true);
  });
});
