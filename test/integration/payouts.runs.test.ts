import { afterEach, describe, expect, it } from 'vitest';
import type { CommissionsWorkspace } from '../fixtures/commissions/kit';
import { actAs, scenarioB } from '../fixtures/payouts/kit';

// Payout runs through the core on a real encrypted workspace: scenario B's payout to the
// cent, its blockers in words, maker-checker on every path, the second approver, the
// approval bound to the lines (a changed ledger voids the run), rejection, paying outside.

let w: CommissionsWorkspace;
afterEach(() => w?.cleanup());

async function dispatch(channel: string, input: unknown) {
  return w.t.core.dispatch(channel, input);
}

describe('Scenario B payout on 2026-12-01 (seed 001)', () => {
  it('pays $900.00 + $900.00 + $450.00 − $300.00 = $1,950.00; C’s $240.00 stays on hold until 2026-12-05', async () => {
    ({ w } = await scenarioB());
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    expect(run.lines).toHaveLength(1);
    const [line] = run.lines;
    expect(line).toMatchObject({ partnerCompany: 'Pipeline Partners LLC', currency: 'USD', earnedMinor: 2_250_00, withheldMinor: -300_00, amountMinor: 1_950_00, state: 'ready', blockers: [] });
    const { entries } = await w.call('payouts.lineEntries', { lineId: line.id });
    expect(entries.map((e: any) => [e.occurredOn, e.customerName, e.amountMinor])).toEqual([
      ['2026-10-01', 'Account A', 600_00],
      ['2026-10-03', 'Account B', 300_00],
      ['2026-11-01', 'Account A', 900_00],
      ['2026-11-03', 'Account B', 450_00],
      ['2026-11-15', 'Account B', -300_00],
    ]);
    expect(entries.reduce((s: number, e: any) => s + e.amountMinor, 0)).toBe(line.amountMinor);
    expect(entries.some((e: any) => e.customerName === 'Account C')).toBe(false);
    expect(run.totals).toEqual([{ currency: 'USD', amountMinor: 1_950_00, lineCount: 1 }]);
    expect(run.documentsPeriod).toBe('2026-11');
  });

  it('without the partner’s invoice the line is blocked and says so; recording it unblocks the next run', async () => {
    let partner: string;
    ({ w, partner } = await scenarioB({ documents: false }));
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    expect(run.lines[0]).toMatchObject({ state: 'blocked', amountMinor: 1_950_00 });
    expect(run.lines[0].blockers.map((b: any) => b.message)).toEqual([
      "Blocked until the partner's detailed referral report for this payout is recorded",
      "Blocked until the partner's invoice for this commission is recorded",
    ]);
    expect(run.approval).toEqual({ allowed: false, reason: 'No line is ready to pay: nothing to approve' });
    await w.call('payouts.recordDocument', { partnerId: partner, kind: 'referral_report', period: '2026-11', reference: 'RPT-11', receivedOn: '2026-11-30' });
    await w.call('payouts.recordDocument', { partnerId: partner, kind: 'invoice', period: '2026-11', reference: 'INV-2026-11', receivedOn: '2026-11-30' });
    const again = await dispatch('payouts.recordDocument', { partnerId: partner, kind: 'invoice', period: '2026-11', reference: 'INV-dup', receivedOn: '2026-11-30' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', message: 'The invoice for 2026-11 is recorded already (INV-2026-11, received 2026-11-30).' } });
    expect((await w.call('payouts.get', { runId: run.id })).stale).toBe(true);
    const next = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    expect(next.lines[0]).toMatchObject({ state: 'ready', amountMinor: 1_950_00, blockers: [] });
    expect((await w.call('payouts.get', { runId: next.id })).stale).toBe(false);
    expect(await w.call('payouts.get', { runId: run.id })).toMatchObject({ status: 'voided', reason: 'Superseded by a newer run prepared for the same date' });
    const history = await w.call('payouts.list', { statuses: ['voided', 'rejected', 'completed'] });
    expect(history.runs.map((r: any) => r.id)).toEqual([run.id]);
  });

  it('names every other blocker: no Connect account, transfers not enabled, tax form missing or expired, breach', async () => {
    let partner: string;
    ({ w, partner } = await scenarioB({ payable: false }));
    const blockers = async () => (await w.call('payouts.prepare', { payDate: '2026-12-01' })).lines[0].blockers.map((b: any) => b.code);
    expect(await blockers()).toEqual(['no_connect_account', 'tax_form_missing']);
    w.sqlite.prepare("UPDATE partners SET stripe_account_id = 'acct_x', stripe_account_state = 'restricted', tax_form_kind = 'W-8BEN', tax_form_expires_on = '2026-11-30' WHERE id = ?").run(partner);
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    expect(run.lines[0].blockers.map((b: any) => b.message)).toEqual([
      "Pipeline Partners LLC's Stripe account cannot receive transfers yet (state: restricted): the partner must finish Stripe onboarding",
      "The partner's W-8BEN expired on 2026-11-30: record a new one before paying",
    ]);
    w.sqlite.prepare("UPDATE partners SET stripe_account_state = 'enabled', tax_form_expires_on = '2026-12-01', status = 'suspended' WHERE id = ?").run(partner);
    expect(await blockers()).toEqual(['partner_suspended']);
    // Paid outside the app: no Stripe blocker at all.
    w.sqlite.prepare("UPDATE partners SET stripe_account_id = NULL, stripe_account_state = 'none', payout_method = 'outside', status = 'active' WHERE id = ?").run(partner);
    expect(await blockers()).toEqual([]);
    await w.call('payouts.saveSettings', { requireTaxForm: false, secondApprovalAbove: [] });
    w.sqlite.prepare('UPDATE partners SET tax_form_kind = NULL, tax_form_expires_on = NULL WHERE id = ?').run(partner);
    expect(await blockers()).toEqual([]);
  });
});

describe('maker-checker', () => {
  it('the preparer cannot approve; another finance user can, which claims the entries and queues one transfer in the outbox', async () => {
    ({ w } = await scenarioB());
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    expect(run.approval).toEqual({ allowed: false, reason: 'You prepared this run; another finance user must approve it' });
    const self = await dispatch('payouts.approve', { runId: run.id, linesHash: run.linesHash });
    expect(self).toMatchObject({ ok: false, error: { kind: 'forbidden', message: 'You prepared this run; another finance user must approve it.' } });

    actAs(w, 'fiona');
    const approved = await w.call('payouts.approve', { runId: run.id, linesHash: run.linesHash });
    expect(approved).toMatchObject({ status: 'approved', approvals: [expect.objectContaining({ displayName: 'fiona (finance)', decision: 'approve' })] });
    expect(approved.lines[0]).toMatchObject({ state: 'queued', attempt: 1 });
    const outbox = w.sqlite.prepare("SELECT idempotency_key AS k, status, json_extract(payload, '$.amount') AS amount FROM outbox WHERE kind = 'payout.transfer'").all();
    expect(outbox).toEqual([{ k: `payout:${approved.lines[0].id}:1`, status: 'pending', amount: 1_950_00 }]);
    expect(w.sqlite.prepare('SELECT count(*) FROM payout_entry_claims').pluck().get()).toBe(5);
    // The claimed entries are in payout: nothing is left to pay on the same date.
    const twice = await dispatch('payouts.prepare', { payDate: '2026-12-01' });
    expect(twice).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    // Someone without payouts.approve is refused by the core whatever the screen shows.
    actAs(w, 'mona', 'manager');
    expect(await dispatch('payouts.reject', { runId: run.id, reason: 'not mine' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('above the threshold a second, different approver is needed', async () => {
    ({ w } = await scenarioB());
    await w.call('payouts.saveSettings', { requireTaxForm: true, secondApprovalAbove: [{ currency: 'USD', minor: 1_000_00 }] });
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    expect(run.approvalsNeeded).toBe(2);
    actAs(w, 'fiona');
    const first = await w.call('payouts.approve', { runId: run.id, linesHash: run.linesHash });
    expect(first).toMatchObject({ status: 'prepared', approval: { allowed: false, reason: 'You have approved this run already; it needs 2 different approvers' } });
    expect(first.lines[0].state).toBe('ready');
    expect(w.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    const again = await dispatch('payouts.approve', { runId: run.id, linesHash: run.linesHash });
    expect(again).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    actAs(w, 'gus');
    const second = await w.call('payouts.approve', { runId: run.id, linesHash: run.linesHash });
    expect(second.status).toBe('approved');
    expect(second.approvals.map((a: any) => a.displayName)).toEqual(['fiona (finance)', 'gus (finance)']);
  });

  it('an approval names the lines it saw: a stale hash is refused, and a changed ledger voids the run', async () => {
    ({ w } = await scenarioB());
    await w.call('payouts.saveSettings', { requireTaxForm: true, secondApprovalAbove: [{ currency: 'USD', minor: 1_000_00 }] });
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    actAs(w, 'fiona');
    expect(await dispatch('payouts.approve', { runId: run.id, linesHash: 'f'.repeat(64) })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    await w.call('payouts.approve', { runId: run.id, linesHash: run.linesHash });
    // A chargeback arrives between the two approvals.
    await w.importRevenue([{ external_ref: 'A-nov-cb', customer_ref: 'acct-A', paid_on: '2026-11-20', category: 'subscription', gross: '3000.00', currency: 'USD', kind: 'chargeback', refers_to: 'A-nov-sub' }]);
    await w.run('2026-11');
    actAs(w, 'gus');
    const refused = await dispatch('payouts.approve', { runId: run.id, linesHash: run.linesHash });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/ledger changed.*voided/) } });
    const after = await w.call('payouts.get', { runId: run.id });
    expect(after).toMatchObject({ status: 'voided', reason: expect.stringMatching(/^The ledger changed/) });
    expect(after.lines[0].state).toBe('cancelled');
    expect(w.sqlite.prepare('SELECT count(*) FROM payout_entry_claims').pluck().get()).toBe(0);
    // A new run nets the new chargeback (−$900.00) and what it did to November's tier: MRR
    // falls to $2,300.00 → 20%, so B's November commission is adjusted by −$150.00.
    const fresh = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    expect(fresh.lines[0]).toMatchObject({ earnedMinor: 2_250_00, withheldMinor: -1_350_00, amountMinor: 900_00 });
  });

  it('an approved run whose ledger changed before sending is voided at execution, nothing sent', async () => {
    ({ w } = await scenarioB());
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    actAs(w, 'fiona');
    await w.call('payouts.approve', { runId: run.id, linesHash: run.linesHash });
    await w.importRevenue([{ external_ref: 'A-nov-cb', customer_ref: 'acct-A', paid_on: '2026-11-20', category: 'subscription', gross: '3000.00', currency: 'USD', kind: 'chargeback', refers_to: 'A-nov-sub' }]);
    await w.run('2026-11');
    const r = await dispatch('payouts.execute', { runId: run.id });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect((await w.call('payouts.get', { runId: run.id })).status).toBe('voided');
    expect(w.sqlite.prepare("SELECT status, last_error AS e FROM outbox WHERE kind = 'payout.transfer'").get()).toEqual({ status: 'failed', e: 'The payout run was voided before this transfer was sent' });
  });

  it('rejection needs a reason and pays nothing; the entries stay payable', async () => {
    ({ w } = await scenarioB());
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    actAs(w, 'fiona');
    const bad = await dispatch('payouts.reject', { runId: run.id, reason: '' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { reason: expect.stringMatching(/Say why/) } } });
    const rejected = await w.call('payouts.reject', { runId: run.id, reason: 'Invoice amount differs from the statement' });
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Invoice amount differs from the statement', approvals: [expect.objectContaining({ decision: 'reject' })] });
    expect(await dispatch('payouts.approve', { runId: run.id, linesHash: run.linesHash })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((await w.call('payouts.prepare', { payDate: '2026-12-01' })).lines[0].amountMinor).toBe(1_950_00);
  });
});

describe('carry forward and paying outside the app', () => {
  it('a line under the minimum payout or negative is carried forward and its entries meet the next run', async () => {
    let partner: string;
    ({ w, partner } = await scenarioB());
    const planId = w.sqlite.prepare('SELECT plan_id FROM partners WHERE id = ?').pluck().get(partner) as string;
    const body = JSON.parse(w.sqlite.prepare('SELECT body FROM plan_versions WHERE plan_id = ? ORDER BY version DESC').pluck().get(planId) as string);
    await w.call('commissions.savePlanVersion', { code: 'aloware', name: body.name, programmeId: null, effectiveFrom: '2026-01-01', body: { ...body, minimumPayout: [{ currency: 'USD', minor: 2_000_00 }] }, note: 'minimum' });
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    expect(run.lines[0]).toMatchObject({ state: 'carried_forward', amountMinor: 1_950_00 });
    expect(run.lines[0].blockers[0].message).toBe('The payable $1,950.00 is below the $2,000.00 minimum payout; it carries over');
    // On 2026-12-05 C's $240.00 is payable too: $2,190.00 clears the minimum.
    w.setToday('2026-12-05');
    const later = await w.call('payouts.prepare', { payDate: '2026-12-05' });
    expect(later.lines[0]).toMatchObject({ state: 'ready', amountMinor: 2_190_00 });
  });

  it('a partner paid outside Stripe is marked paid with a reference; only its approved line can be', async () => {
    let partner: string;
    ({ w, partner } = await scenarioB());
    w.sqlite.prepare("UPDATE partners SET payout_method = 'outside', stripe_account_id = NULL, stripe_account_state = 'none' WHERE id = ?").run(partner);
    const run = await w.call('payouts.prepare', { payDate: '2026-12-01' });
    const lineId = run.lines[0].id;
    expect(await dispatch('payouts.markPaid', { lineId, reference: 'WIRE-1', paidOn: '2026-12-02' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    actAs(w, 'fiona');
    const approved = await w.call('payouts.approve', { runId: run.id, linesHash: run.linesHash });
    expect(approved.lines[0]).toMatchObject({ method: 'outside', state: 'queued' });
    expect(w.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    const paid = await w.call('payouts.markPaid', { lineId, reference: 'WIRE-2026-12-001', paidOn: '2026-12-02' });
    expect(paid).toMatchObject({ status: 'completed' });
    expect(paid.lines[0]).toMatchObject({ state: 'paid', paidReference: 'WIRE-2026-12-001', paidAt: '2026-12-02' });
    const ledger = await w.call('commissions.ledger', { partnerId: partner, limit: 100 });
    expect(ledger.rows.filter((r: any) => r.status === 'paid')).toHaveLength(5);
  });
});
