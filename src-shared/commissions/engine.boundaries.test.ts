import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { computeCommissions } from './engine';
import type { CommissionInput, RevenueLine } from './input';
import type { CommissionPlan } from './plan';
import { SEED_000_ALLSET_AFFILIATE, SEED_001_ALOWARE_LEAD_REFERRAL, SEED_002_MESSAGE_HELP_REFERRAL } from './presets';
import { customer, partner, payment } from './testKit';
import { computeStatementTotals } from './totals';

// Cases beyond the worked examples, from the same programmes: the edges of each rule.

const net = (input: CommissionInput, today = '2030-01-01') => computeStatementTotals(computeCommissions(input, today).entries)[0]?.net.minor ?? 0;

describe('seed 001: MRR tiers on the whole month', () => {
  const usd = { currency: 'USD' as const };
  const plan = SEED_001_ALOWARE_LEAD_REFERRAL;
  const customers = [customer('A', '2026-09-01', { closedOn: '2026-09-01' }), customer('B', '2026-09-01', { closedOn: '2026-09-01' })];
  it.each([
    [4_999_99, 2000],
    [5_000_00, 3000], // exactly $5,000.00 is "$5,000 or more"
    [5_000_01, 3000],
  ])('MRR %i → %i bps on every line of the month', (mrr, rateBps) => {
    const lines = [payment('A1', 'A', '2026-10-01', 3_000_00, usd), payment('B1', 'B', '2026-10-20', mrr - 3_000_00, usd)];
    const { entries } = computeCommissions({ plan, partner: partner(), customers, lines }, '2026-12-01');
    expect(entries.map((e) => e.rateBps)).toEqual([rateBps, rateBps]);
  });

  it('usage in the same month does not count towards MRR', () => {
    const lines = [payment('A1', 'A', '2026-10-01', 4_900_00, usd), payment('A2', 'A', '2026-10-01', 500_00, { ...usd, category: 'usage' })];
    const { entries } = computeCommissions({ plan, partner: partner(), customers, lines }, '2026-12-01');
    expect(entries.map((e) => [e.revenueLineId, e.rateBps])).toEqual([['A1', 2000]]);
  });

  it('a full refund in the same month nets out of the month’s MRR; a later one does not re-tier it', () => {
    const big = payment('B1', 'B', '2026-10-05', 1_000_00, usd);
    const base = [payment('A1', 'A', '2026-10-01', 4_500_00, usd), big];
    const sameMonth = computeCommissions(
      { plan, partner: partner(), customers, lines: [...base, { ...big, id: 'R1', kind: 'refund', paidOn: '2026-10-20', originalLineId: 'B1' }] },
      '2026-12-01',
    );
    expect(sameMonth.entries.find((e) => e.key === 'A1:revenue_share')?.rateBps).toBe(2000);
    const nextMonth = computeCommissions(
      { plan, partner: partner(), customers, lines: [...base, { ...big, id: 'R1', kind: 'refund', paidOn: '2026-11-02', originalLineId: 'B1' }] },
      '2026-12-01',
    );
    expect(nextMonth.entries.find((e) => e.key === 'A1:revenue_share')?.rateBps).toBe(3000);
    expect(nextMonth.entries.find((e) => e.key === 'R1:refund_reversal')).toMatchObject({ rateBps: 3000, amount: money('USD', -300_00) });
  });

  it('cancelled accounts stop earning from the cancellation day', () => {
    const lines = [payment('A1', 'A', '2026-10-14', 100_00, usd), payment('A2', 'A', '2026-10-15', 100_00, usd)];
    const result = computeCommissions(
      { plan, partner: partner(), customers: [customer('A', '2026-09-01', { closedOn: '2026-09-01', cancelledOn: '2026-10-15' })], lines },
      '2026-12-01',
    );
    expect(result.entries.map((e) => e.revenueLineId)).toEqual(['A1']);
    expect(result.excluded[0]).toMatchObject({ revenueLineId: 'A2', reason: 'customer_cancelled' });
  });

  it('keeps a commission on hold while the close date or the cash is missing', () => {
    const lines = [payment('A1', 'A', '2026-10-01', 100_00, usd), payment('B1', 'B', '2026-10-01', 100_00, { ...usd, cashReceived: false })];
    const { entries } = computeCommissions(
      { plan, partner: partner(), customers: [customer('A', '2026-09-01'), customer('B', '2026-09-01', { closedOn: '2026-09-01' })], lines },
      '2027-01-01',
    );
    expect(entries.map((e) => [e.revenueLineId, e.holdUntil, e.status, e.holdReason])).toEqual([
      ['A1', null, 'on_hold', "held until the account's close date is recorded"],
      ['B1', null, 'on_hold', 'held until the cash is received'],
    ]);
  });

  it('can hold whole-month tiers until the month is over (a setting)', () => {
    const settled: CommissionPlan = { ...plan, holding: { ...plan.holding, settleTiersAtMonthEnd: true } };
    const { entries } = computeCommissions({ plan: settled, partner: partner(), customers, lines: [payment('A1', 'A', '2026-10-14', 100_00, usd)] }, '2026-10-31');
    expect(entries[0]).toMatchObject({ holdUntil: '2026-11-01', status: 'on_hold' });
  });

  it('never mixes currencies: a EUR payment cannot be tiered on USD thresholds', () => {
    const lines = [payment('A1', 'A', '2026-10-01', 100_00, usd), payment('A2', 'A', '2026-10-01', 100_00, { currency: 'EUR' })];
    const result = computeCommissions({ plan, partner: partner(), customers, lines }, '2026-12-01');
    expect(result.entries.map((e) => e.revenueLineId)).toEqual(['A1']);
    expect(result.excluded[0]).toMatchObject({ revenueLineId: 'A2', reason: 'currency_not_in_plan' });
  });
});

describe('seed 002: paying clients in the month', () => {
  const eur = { currency: 'EUR' as const };
  const clients = (n: number) => Array.from({ length: n }, (_, i) => customer(`K${i}`, '2026-01-01'));
  const pay = (n: number, extra: RevenueLine[] = []) => [...Array.from({ length: n }, (_, i) => payment(`L${i}`, `K${i}`, '2026-10-10', 10_00, eur)), ...extra];
  it.each([
    [1, 2000],
    [29, 2000],
    [30, 3000],
    [31, 3000],
  ])('%i paying clients → %i bps', (n, rateBps) => {
    const { entries } = computeCommissions({ plan: SEED_002_MESSAGE_HELP_REFERRAL, partner: partner(), customers: clients(n), lines: pay(n) }, '2026-12-01');
    expect(new Set(entries.map((e) => e.rateBps))).toEqual(new Set([rateBps]));
  });

  it('a client paying twice in the month counts once', () => {
    const { entries } = computeCommissions(
      { plan: SEED_002_MESSAGE_HELP_REFERRAL, partner: partner(), customers: clients(29), lines: pay(29, [payment('extra', 'K0', '2026-10-20', 10_00, eur)]) },
      '2026-12-01',
    );
    expect(entries.every((e) => e.rateBps === 2000)).toBe(true);
    expect(entries[0]?.explanation).toMatch(/29 paying clients in 2026-10/);
  });
});

describe('seed 000: duration per customer and termination', () => {
  const input = (lines: RevenueLine[], stop: string | null = null): CommissionInput => ({
    plan: SEED_000_ALLSET_AFFILIATE,
    partner: partner({ commissionStopOn: stop }),
    customers: [customer('C1', '2025-01-31')],
    lines,
  });
  it.each([
    ['2026-01-30', 6_00, 'month 12 of 12'], // month 12 starts on 2025-12-31
    ['2026-01-31', 0, null], // sign-up + 12 months earns nothing
    ['2025-02-28', 6_00, 'month 2 of 12'], // month 2 starts on the clamped 28 Feb
    ['2025-01-31', 6_00, 'month 1 of 12'],
    ['2025-01-30', 0, null], // before sign-up
  ])('a payment on %s earns %i (%s)', (day, amount, month) => {
    const result = computeCommissions(input([payment('L', 'C1', day, 40_00)]), '2030-01-01');
    expect(result.entries[0]?.amount.minor ?? 0).toBe(amount);
    if (month) expect(result.entries[0]?.explanation).toBe(`15% of £40.00 subscription, ${month}`);
    else expect(result.excluded).toHaveLength(1);
  });

  it.each([
    ['2025-06-30', 6_00],
    ['2025-07-01', 0], // on the termination date: stopped
  ])('with termination on 2025-07-01, a payment on %s earns %i', (day, amount) => {
    expect(net(input([payment('L', 'C1', day, 40_00)], '2025-07-01'))).toBe(amount);
  });

  it('excludes revenue lines of customers not attributed to the partner', () => {
    const result = computeCommissions(input([payment('L', 'ZZ', '2025-03-01', 40_00)]), '2030-01-01');
    expect(result.excluded[0]).toMatchObject({ reason: 'customer_not_attributed', explanation: "Customer 'ZZ' is not attributed to partner 'P1'" });
  });

  it('commissions amounts net of discounts and rounds each line once, half to even', () => {
    const result = computeCommissions(input([payment('L', 'C1', '2025-03-01', 40_00, { discountMinor: 10_10 })]), '2030-01-01');
    // 15% of £29.90 = £4.485 → £4.48 (half to even)
    expect(result.entries[0]).toMatchObject({ base: money('GBP', 29_90), amount: money('GBP', 4_48) });
    expect(result.entries[0]?.explanation).toBe('15% of £29.90 subscription (£40.00 less £10.10 discount), month 2 of 12');
  });

  it('excludes a fully discounted line', () => {
    const result = computeCommissions(input([payment('L', 'C1', '2025-03-01', 40_00, { discountMinor: 40_00 })]), '2030-01-01');
    expect(result.excluded[0]?.reason).toBe('zero_base');
  });
});
