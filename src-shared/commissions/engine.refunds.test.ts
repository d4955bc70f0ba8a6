import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { computeCommissions } from './engine';
import type { RevenueLine } from './input';
import { SEED_000_ALLSET_AFFILIATE, SEED_001_ALOWARE_LEAD_REFERRAL } from './presets';
import { customer, partner, payment, refund } from './testKit';
import { computeStatementTotals } from './totals';

// Refunds reverse the share of the commission the payment earned; chargebacks withhold
// it; nothing is ever edited.

const original = payment('P', 'C1', '2025-03-10', 40_00); // earns £6.00 at 15%
const run = (lines: RevenueLine[]) =>
  computeCommissions({ plan: SEED_000_ALLSET_AFFILIATE, partner: partner(), customers: [customer('C1', '2025-02-10')], lines: [original, ...lines] }, '2030-01-01');
const netOf = (lines: RevenueLine[]) => computeStatementTotals(run(lines).entries)[0]?.net.minor;

describe('refunds', () => {
  it.each([
    [[20_00], [-3_00]], // half the payment → half the commission
    [[10_00], [-1_50]],
    [[40_00], [-6_00]],
    [[1], [0]], // 15% × £6.00 × 1/4000 rounds to nothing
    [[13_33], [-2_00]], // £6.00 × 1333/4000 = £1.9995 → £2.00
    [[20_00, 20_00], [-3_00, -3_00]],
    [[13_33, 13_33, 13_34], [-2_00, -2_00, -2_00]],
    [[1_00, 1_00], [-15, -15]],
  ])('refunds of %j reverse %j', (amounts, reversals) => {
    const refunds = amounts.map((a, i) => refund(`R${i + 1}`, original, `2025-04-0${i + 1}`, a));
    const entries = run(refunds).entries.filter((e) => e.rule === 'refund_reversal');
    expect(entries.map((e) => e.amount.minor)).toEqual(reversals);
    expect(entries.every((e) => e.reverses === 'P:revenue_share' && e.rateBps === 1500)).toBe(true);
  });

  it('a payment refunded in full in odd parts reverses exactly what it earned', () => {
    const odd = payment('P', 'C1', '2025-03-10', 33); // 15% of £0.33 = £0.0495 → £0.05
    const result = computeCommissions(
      {
        plan: SEED_000_ALLSET_AFFILIATE,
        partner: partner(),
        customers: [customer('C1', '2025-02-10')],
        lines: [odd, refund('R1', odd, '2025-04-01', 11), refund('R2', odd, '2025-04-02', 11), refund('R3', odd, '2025-04-03', 11)],
      },
      '2030-01-01',
    );
    expect(result.entries.map((e) => e.amount.minor)).toEqual([5, -2, -1, -2]); // round(5×⅓)=2, round(5×⅔)−2=1, 5−3=2
    expect(computeStatementTotals(result.entries)[0]?.net.minor).toBe(0);
  });

  it('explains a partial refund', () => {
    const entry = run([refund('R1', original, '2025-04-01', 20_00)]).entries.find((e) => e.rule === 'refund_reversal');
    expect(entry).toMatchObject({ key: 'R1:refund_reversal', period: '2025-04', base: money('GBP', -20_00), amount: money('GBP', -3_00) });
    expect(entry?.explanation).toBe('Refund of £20.00 of the £40.00 subscription paid 2025-03-10 (line P): reverses £3.00 of the £6.00 commission it earned');
  });

  it('never reverses more than the payment earned', () => {
    const result = run([refund('R1', original, '2025-04-01', 30_00), refund('R2', original, '2025-04-02', 30_00), refund('R3', original, '2025-04-03', 5_00)]);
    expect(result.entries.map((e) => e.amount.minor)).toEqual([6_00, -4_50, -1_50]);
    expect(result.excluded).toEqual([expect.objectContaining({ revenueLineId: 'R3', reason: 'already_fully_reversed' })]);
  });

  it('a refund followed by an identical new charge nets to the same total', () => {
    const recharge = { ...original, id: 'P2' };
    expect(netOf([refund('R1', original, original.paidOn, 40_00), recharge])).toBe(netOf([]));
  });

  it.each([
    [{ ...refund('R1', original, '2025-04-01', 10_00), originalLineId: 'nope' }, 'original_not_found'],
    [refund('R1', original, '2025-03-01', 10_00), 'before_original'],
    [{ ...refund('R1', original, '2025-04-01', 10_00), currency: 'EUR' as const }, 'original_mismatch'],
  ])('explains a refund that cannot be matched (%#)', (line, reason) => {
    const result = run([line]);
    expect(result.excluded).toEqual([expect.objectContaining({ revenueLineId: 'R1', reason })]);
    expect(result.entries).toHaveLength(1);
  });

  it('a refund of a payment that earned nothing reverses nothing, and says why', () => {
    const late = payment('L', 'C1', '2026-03-10', 40_00); // month 14
    const result = computeCommissions(
      { plan: SEED_000_ALLSET_AFFILIATE, partner: partner(), customers: [customer('C1', '2025-02-10')], lines: [late, refund('R1', late, '2026-03-11', 40_00)] },
      '2030-01-01',
    );
    expect(result.entries).toEqual([]);
    expect(result.excluded.map((x) => x.reason)).toEqual(['duration_ended', 'original_earned_nothing']);
    expect(result.excluded[1]?.explanation).toMatch(/^Nothing to reverse: the payment it returns \(line 'L'\) earned no commission — Paid 2026-03-10, in month 14/);
  });

  it('a reversal of a commission still on hold is released with it', () => {
    const usd = { currency: 'USD' as const };
    const p = payment('P', 'A', '2026-10-01', 1_000_00, usd);
    const result = computeCommissions(
      {
        plan: SEED_001_ALOWARE_LEAD_REFERRAL,
        partner: partner(),
        customers: [customer('A', '2026-09-01', { closedOn: '2026-09-28' })],
        lines: [p, refund('R1', p, '2026-10-05', 500_00)],
      },
      '2026-10-10',
    );
    expect(result.entries.map((e) => [e.key, e.amount.minor, e.holdUntil, e.status])).toEqual([
      ['P:revenue_share', 200_00, '2026-10-28', 'on_hold'],
      ['R1:refund_reversal', -100_00, '2026-10-28', 'on_hold'],
    ]);
  });
});

describe('chargebacks', () => {
  it('withhold the commission the payment earned, minus what refunds already reversed', () => {
    const result = run([refund('R1', original, '2025-04-01', 10_00), refund('CB', original, '2025-04-02', 30_00, 'chargeback')]);
    expect(result.entries.map((e) => [e.key, e.amount.minor, e.status])).toEqual([
      ['P:revenue_share', 6_00, 'payable'],
      ['R1:refund_reversal', -1_50, 'payable'],
      ['CB:chargeback_reversal', -4_50, 'payable'],
    ]);
    expect(result.entries[2]?.holdReason).toBe('deducted from the next payout');
  });
});
