import { afterEach, describe, expect, it } from 'vitest';
import { backoff } from '../../src-main/core/stripe/client';
import { startFakeStripe, type FakeStripe } from '../fake-stripe/server';
import { commissionsWorkspace, type CommissionsWorkspace } from '../fixtures/commissions/kit';
import { actAs } from '../fixtures/payouts/kit';

// Seed 000 (AllSet): "When a customer you referred pays AllSet, your commission is
// automatically sent to your Stripe account." A finance user records a standing approval
// for the plan with limits; paying under it sends each partner's payable commission
// through the outbox, exactly once, and leaves what is over a limit for a manual run.

let w: CommissionsWorkspace;
let fake: FakeStripe;
afterEach(async () => {
  await fake?.close().catch(() => undefined);
  w?.cleanup();
});

async function allset() {
  backoff.baseMs = 2;
  fake = await startFakeStripe({ seed: { now: Date.UTC(2025, 3, 10, 12) / 1000, balances: { gbp: 10_000_00 } } });
  w = await commissionsWorkspace('2025-04-10');
  const programme = w.programme('allset', 'GBP');
  const planId = await w.preset('allset', '2025-01-01', programme);
  const partners: Record<string, string> = {};
  for (const [name, ref, gross] of [['Brightwell Field Services', 'C1', '40.00'], ['Northgate Cleaning', 'C2', '400.00'], ['Oakfield Pest Control', 'C3', '60.00']] as const) {
    const id = w.partner(programme, name, { format: 'affiliate' });
    const account = fake.state.addAccount({ capabilities: ['transfers'], onboarded: true });
    w.sqlite.prepare("UPDATE partners SET tax_form_kind = 'W-8BEN-E', stripe_account_id = ?, stripe_account_state = 'enabled' WHERE id = ?").run(account.id, id);
    w.customer(id, ref, { signUpOn: '2025-02-10' });
    await w.assign(id, planId);
    await w.importRevenue([{ external_ref: `${ref}-apr`, customer_ref: ref, paid_on: '2025-04-10', currency: 'GBP', category: 'subscription', gross, kind: 'payment' }]);
    partners[name] = id;
  }
  await w.run('2025-04');
  await w.call('stripe.saveSettings', { key: fake.secretKey, apiBase: fake.url });
  return { planId, partners };
}

describe('standing approval (seed 000)', () => {
  it('pays ready lines within the limits at once, exactly once, and says why the rest waits', async () => {
    const { planId } = await allset();
    actAs(w, 'fiona');
    const standing = await w.call('payouts.standingCreate', { planId, currency: 'GBP', perLineLimitMinor: 10_00, perDayLimitMinor: 12_00, note: 'AllSet pays in real time' });
    expect(standing).toMatchObject({ planCode: 'allset', createdBy: 'fiona (finance)', revokedAt: null });
    const dup = await w.t.core.dispatch('payouts.standingCreate', { planId, currency: 'GBP', perLineLimitMinor: 1, perDayLimitMinor: 1 });
    expect(dup).toMatchObject({ ok: false, error: { kind: 'conflict' } });

    // £6.00 (15% of £40) and £9.00 (15% of £60) are within £10.00 a line, but not both within £12.00 a day;
    // £60.00 (15% of £400) is over the line limit.
    const paid = await w.call('payouts.payStanding', { payDate: '2025-04-10' });
    expect(paid.message).toBe('');
    expect(paid.runs).toHaveLength(1);
    expect(paid.runs[0]).toMatchObject({ kind: 'standing', status: 'completed', approvals: [expect.objectContaining({ decision: 'standing', displayName: 'fiona (finance)' })] });
    expect(paid.runs[0].lines.map((l: any) => [l.partnerCompany, l.amountMinor, l.state])).toEqual([['Brightwell Field Services', 6_00, 'paid']]);
    expect(paid.left.map((l: any) => [l.partnerCompany, l.amountMinor])).toEqual([
      ['Northgate Cleaning', 60_00],
      ['Oakfield Pest Control', 9_00],
    ]);
    expect(paid.left[0].reason).toBe("£60.00 is above the standing approval's limit per line (£10.00): it needs a manual run");
    expect(paid.left[1].reason).toMatch(/limit per day \(£12\.00; £6\.00 used\)/);
    expect(fake.state.transferList().map((t) => t.amount)).toEqual([6_00]);

    // Paying again the same day sends nothing new: the entries are paid, and the day's limit is used.
    const again = await w.call('payouts.payStanding', { payDate: '2025-04-10' });
    expect(again.runs).toHaveLength(0);
    expect(fake.state.transferList()).toHaveLength(1);

    // Revoked: nothing is paid under it any more.
    await w.call('payouts.standingRevoke', { id: standing.id });
    expect((await w.call('payouts.payStanding', { payDate: '2025-04-11' })).runs).toHaveLength(0);
  });

  it('a commission run pays what becomes payable at once (“paid directly … in real time”)', async () => {
    const { planId } = await allset();
    actAs(w, 'fiona');
    await w.call('payouts.standingCreate', { planId, currency: 'GBP', perLineLimitMinor: 100_00, perDayLimitMinor: 1_000_00 });
    w.setToday('2025-05-10');
    fake.control.setNow(Date.UTC(2025, 4, 10, 12) / 1000);
    await w.importRevenue([{ external_ref: 'C1-may', customer_ref: 'C1', paid_on: '2025-05-10', currency: 'GBP', category: 'subscription', gross: '40.00', kind: 'payment' }]);
    const run = await w.call('commissions.run', { period: '2025-05' });
    expect(run.notes).toContain('Paid under standing approvals: 3 of 3 transfers sent.');
    // April's three commissions and May's £6.00 for C1: all payable by 2025-05-10, each paid once.
    expect(fake.state.transferList().map((t) => t.amount).sort((a, b) => a - b)).toEqual([9_00, 12_00, 60_00]);
    const rerun = await w.call('commissions.run', { period: '2025-05' });
    expect(rerun.notes.some((n: string) => n.startsWith('Paid under'))).toBe(false);
    expect(fake.state.transferList()).toHaveLength(3);
  });

  it('offline: the standing run is approved and queued, and its transfer waits with its key', async () => {
    const { planId } = await allset();
    actAs(w, 'fiona');
    await w.call('payouts.standingCreate', { planId, currency: 'GBP', perLineLimitMinor: 100_00, perDayLimitMinor: 1_000_00 });
    fake.control.dropNext(100, { path: '/v1/transfers' });
    const r = await w.call('payouts.payStanding', { payDate: '2025-04-10' });
    expect(r.message).toMatch(/cannot be reached — 3 transfers wait/);
    expect(r.runs[0].lines.map((l: any) => l.state)).toEqual(['queued', 'queued', 'queued']);
    fake.control.reset();
    // One transfer per call: the screen shows progress between calls.
    const step = await w.call('payouts.execute', { runId: r.runs[0].id, limit: 1 });
    expect(step.lines.map((l: any) => l.state).sort()).toEqual(['paid', 'queued', 'queued']);
    const done = await w.call('payouts.execute', { runId: r.runs[0].id });
    expect(done.status).toBe('completed');
    expect(fake.state.transferList().map((t) => t.amount).sort((a, b) => a - b)).toEqual([6_00, 9_00, 60_00]);
  });
});
