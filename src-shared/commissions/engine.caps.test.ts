import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { computeCommissions } from './engine';
import type { CommissionPlan } from './plan';
import { SEED_000_ALLSET_AFFILIATE } from './presets';
import { customer, monthlyPayments, partner, payment, refund } from './testKit';

// Caps and payment-count durations.

describe('caps', () => {
  const plan: CommissionPlan = {
    ...SEED_000_ALLSET_AFFILIATE,
    rate: { kind: 'flat', rateBps: 1000 },
    duration: { kind: 'lifetime' },
    caps: [{ scope: 'customer', amount: money('GBP', 25_00) }],
  };

  it('cuts the entry that reaches the cap and drops the ones after it, saying so', () => {
    const result = computeCommissions(
      { plan, partner: partner(), customers: [customer('C1', '2026-01-01')], lines: monthlyPayments('C1', 'C1', '2026-01-10', '2026-04-10', 100_00) },
      '2027-01-01',
    );
    expect(result.entries.map((e) => e.amount.minor)).toEqual([10_00, 10_00, 5_00]);
    expect(result.entries[2]?.explanation).toBe('10% of £100.00 subscription, capped at £25.00 per customer (uncapped £10.00)');
    expect(result.excluded).toEqual([expect.objectContaining({ revenueLineId: 'C1-2026-04-10', reason: 'cap_reached' })]);
  });

  it('gives headroom back when a commission is reversed', () => {
    const first = payment('P1', 'C1', '2026-01-10', 200_00);
    const result = computeCommissions(
      {
        plan,
        partner: partner(),
        customers: [customer('C1', '2026-01-01')],
        lines: [first, refund('R1', first, '2026-01-20', 200_00), payment('P2', 'C1', '2026-02-10', 200_00)],
      },
      '2027-01-01',
    );
    expect(result.entries.map((e) => [e.key, e.amount.minor])).toEqual([
      ['P1:revenue_share', 20_00],
      ['R1:refund_reversal', -20_00],
      ['P2:revenue_share', 20_00],
    ]);
  });

  it('a cap in another currency does not apply', () => {
    const result = computeCommissions(
      { plan, partner: partner(), customers: [customer('C1', '2026-01-01')], lines: [payment('E', 'C1', '2026-01-10', 1_000_00, { currency: 'EUR' })] },
      '2027-01-01',
    );
    expect(result.entries[0]?.amount).toEqual(money('EUR', 100_00));
  });

  it('caps per partner per month', () => {
    const monthly: CommissionPlan = { ...plan, caps: [{ scope: 'partner_month', amount: money('GBP', 15_00) }] };
    const lines = [payment('A', 'C1', '2026-01-10', 100_00), payment('B', 'C2', '2026-01-11', 100_00), payment('C', 'C2', '2026-02-11', 100_00)];
    const result = computeCommissions({ plan: monthly, partner: partner(), customers: [customer('C1', '2026-01-01'), customer('C2', '2026-01-01')], lines }, '2027-01-01');
    expect(result.entries.map((e) => e.amount.minor)).toEqual([10_00, 5_00, 10_00]);
  });
});

describe('duration in payments', () => {
  it('counts payments per customer, several lines on one day being one payment', () => {
    const plan: CommissionPlan = { ...SEED_000_ALLSET_AFFILIATE, duration: { kind: 'payments', count: 2 } };
    const lines = [
      payment('a1', 'C1', '2025-03-01', 10_00),
      payment('a2', 'C1', '2025-03-01', 5_00, { category: 'usage' }),
      payment('b', 'C1', '2025-04-01', 10_00),
      payment('c', 'C1', '2025-05-01', 10_00),
    ];
    const result = computeCommissions({ plan, partner: partner(), customers: [customer('C1', '2025-02-01')], lines }, '2030-01-01');
    expect(result.entries.map((e) => e.revenueLineId)).toEqual(['a1', 'a2', 'b']);
    expect(result.entries[2]?.explanation).toBe('15% of £10.00 subscription, payment 2 of 2');
    expect(result.excluded[0]).toMatchObject({ revenueLineId: 'c', reason: 'duration_ended', explanation: 'Payment 3 of this customer: commission covers the first 2 payments' });
  });
});
