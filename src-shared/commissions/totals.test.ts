import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { computeCommissions } from './engine';
import { CommissionInputError, CommissionInputSchema, type CommissionInput } from './input';
import { allsetAffiliatePlan, SEED_000_ALLSET_AFFILIATE } from './presets';
import { customer, partner, payment, refund } from './testKit';
import { computeStatementTotals } from './totals';
import { whatIf } from './whatIf';

const p1 = payment('P1', 'C1', '2025-03-10', 40_00);
const input: CommissionInput = {
  plan: SEED_000_ALLSET_AFFILIATE,
  partner: partner(),
  customers: [customer('C1', '2025-02-10'), customer('C2', '2025-02-10')],
  lines: [p1, payment('E1', 'C2', '2025-03-11', 100_00, { currency: 'EUR' }), refund('R1', p1, '2025-03-20', 10_00), payment('P2', 'C1', '2025-04-10', 40_00, { cashReceived: false })],
};

describe('statement totals', () => {
  it('totals each currency on its own', () => {
    expect(computeStatementTotals(computeCommissions(input, '2025-12-31').entries)).toEqual([
      { currency: 'EUR', earned: money('EUR', 15_00), reversed: money('EUR', 0), net: money('EUR', 15_00), payable: money('EUR', 15_00), onHold: money('EUR', 0), entryCount: 1 },
      { currency: 'GBP', earned: money('GBP', 12_00), reversed: money('GBP', -1_50), net: money('GBP', 10_50), payable: money('GBP', 4_50), onHold: money('GBP', 6_00), entryCount: 3 },
    ]);
  });

  it('is empty without entries', () => {
    expect(computeStatementTotals([])).toEqual([]);
  });
});

describe('whatIf', () => {
  it('returns the current and the proposed plan side by side, without changing the input', () => {
    const before = JSON.stringify(input);
    const result = whatIf(input, allsetAffiliatePlan({ rateBps: 2000, months: 12, version: 2 }), '2025-12-31');
    expect(JSON.stringify(input)).toBe(before);
    expect(result.current.result.planVersion).toBe('seed-000-allset-affiliate@1');
    expect(result.proposed.result.planVersion).toBe('seed-000-allset-affiliate@2');
    expect(result.difference).toEqual([money('EUR', 5_00), money('GBP', 3_50)]);
    expect(result.proposed.result.entries.every((e) => e.planVersion === 'seed-000-allset-affiliate@2')).toBe(true);
  });
});

describe('input checks', () => {
  it.each([
    [{ ...input, lines: [p1, p1] }, /Revenue line 'P1' appears twice/],
    [{ ...input, customers: [customer('C1', '2025-02-10'), customer('C1', '2025-02-11')] }, /Customer 'C1' appears twice/],
    [{ ...input, lines: [{ ...p1, discountMinor: 50_00 }] }, /discount is larger than the gross amount/],
    [{ ...input, lines: [{ ...p1, paidOn: '2025-02-30' }] }, /paidOn/],
    [{ ...input, lines: [{ ...p1, grossMinor: 1.5 }] }, /grossMinor/],
    [{ ...input, lines: [{ ...p1, kind: 'refund' as const }] }, /must name the payment line it returns/],
  ])('refuses ambiguous input (%#)', (bad, message) => {
    expect(() => computeCommissions(bad, '2025-12-31')).toThrow(CommissionInputError);
    expect(() => computeCommissions(bad, '2025-12-31')).toThrow(message);
  });

  it('refuses a malformed today', () => {
    expect(() => computeCommissions(input, '31/12/2025')).toThrow(/not a calendar date/);
  });

  it('has a schema for the whole input', () => {
    expect(CommissionInputSchema.safeParse(input).success).toBe(true);
    expect(CommissionInputSchema.safeParse({ ...input, partner: { ...input.partner, promoSlot: 0 } }).success).toBe(false);
  });
});
