import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { computeCommissions } from './engine';
import { SEED_000_ALLSET_AFFILIATE } from './presets';
import { customer, monthlyPayments, partner } from './testKit';
import { computeStatementTotals } from './totals';

// Scenario A (seed 000, AllSet affiliate): 15% of every payment for 12 months from the
// customer's sign-up; revenue share stops on the termination date. Notice served on
// 2026-02-01 (month 13) ends the agreement on 2026-05-01 (month 16); that date is the
// partner's commission stop date here.
const input = {
  plan: SEED_000_ALLSET_AFFILIATE,
  partner: partner({ id: 'allset-partner', commissionStopOn: '2026-05-01' }),
  customers: [customer('C1', '2025-02-10'), customer('C2', '2025-11-20')],
  lines: [
    ...monthlyPayments('C1', 'C1', '2025-02-10', '2026-06-10', 40_00),
    ...monthlyPayments('C2', 'C2', '2025-11-20', '2026-06-20', 60_00),
  ],
};
const result = computeCommissions(input, '2026-07-01');
const earnedBy = (customerId: string) => result.entries.filter((e) => e.customerId === customerId);

describe('Scenario A — AllSet affiliate (seed 000)', () => {
  it.each([
    ['C1', 12, 6_00, 72_00, '2025-02-10', '2026-01-10'],
    ['C2', 6, 9_00, 54_00, '2025-11-20', '2026-04-20'],
  ])('%s earns %i × %i = %i, from %s to %s', (id, count, each, total, first, last) => {
    const entries = earnedBy(id);
    expect(entries).toHaveLength(count);
    expect(entries.every((e) => e.amount.minor === each && e.rateBps === 1500)).toBe(true);
    expect(entries.reduce((s, e) => s + e.amount.minor, 0)).toBe(total);
    expect(entries[0]?.occurredOn).toBe(first);
    expect(entries.at(-1)?.occurredOn).toBe(last);
  });

  it('totals £126.00', () => {
    expect(computeStatementTotals(result.entries)).toEqual([
      expect.objectContaining({ currency: 'GBP', net: money('GBP', 126_00), payable: money('GBP', 126_00), onHold: money('GBP', 0) }),
    ]);
  });

  it.each([
    ['C1-2026-02-10', 'duration_ended', /month 13 since sign-up on 2025-02-10: commission lasts 12 months per customer \(through 2026-02-09\)/],
    ['C1-2026-06-10', 'agreement_terminated', /agreement ended on 2026-05-01/],
    ['C2-2026-05-20', 'agreement_terminated', /on or after the agreement ended on 2026-05-01/],
    ['C2-2026-06-20', 'agreement_terminated', /commission stops on termination/],
  ])('%s earns nothing (%s) and says why', (lineId, reason, explanation) => {
    const row = result.excluded.find((x) => x.revenueLineId === lineId);
    expect(row?.reason).toBe(reason);
    expect(row?.explanation).toMatch(explanation);
  });

  it('explains each amount in one line', () => {
    const third = result.entries.find((e) => e.revenueLineId === 'C1-2025-04-10');
    expect(third).toMatchObject({
      key: 'C1-2025-04-10:revenue_share',
      period: '2025-04',
      base: money('GBP', 40_00),
      amount: money('GBP', 6_00),
      explanation: '15% of £40.00 subscription, month 3 of 12',
      planVersion: 'seed-000-allset-affiliate@1',
      holdUntil: '2025-04-10',
      status: 'payable',
    });
  });
});
