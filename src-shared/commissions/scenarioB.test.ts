import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { computeCommissions } from './engine';
import { payabilityBlockers } from './payability';
import { SEED_001_ALOWARE_LEAD_REFERRAL } from './presets';
import { customer, partner, payment, refund } from './testKit';
import { computeStatementTotals } from './totals';

// Scenario B (seed 001, Aloware lead referral): subscription only, MRR tiers on the
// whole month, payable one month after close on cash received, chargebacks withheld.
const usd = { currency: 'USD' as const };
const aOct = payment('A-2026-10-sub', 'A', '2026-10-01', 3_000_00, usd);
const bOct = payment('B-2026-10-sub', 'B', '2026-10-03', 1_500_00, usd);
const lines = [
  aOct,
  payment('A-2026-10-minutes', 'A', '2026-10-01', 400_00, { ...usd, category: 'usage' }),
  bOct,
  payment('B-2026-10-sms', 'B', '2026-10-03', 150_00, { ...usd, category: 'usage' }),
  payment('A-2026-11-sub', 'A', '2026-11-01', 3_000_00, usd),
  payment('B-2026-11-sub', 'B', '2026-11-03', 1_500_00, usd),
  payment('C-2026-11-sub', 'C', '2026-11-05', 800_00, usd),
  refund('B-2026-10-dispute', bOct, '2026-11-15', 1_500_00, 'chargeback'),
];
const alowarePartner = partner({ id: 'aloware-partner' });
const input = {
  plan: SEED_001_ALOWARE_LEAD_REFERRAL,
  partner: alowarePartner,
  customers: [
    customer('A', '2026-09-01', { closedOn: '2026-09-20' }),
    customer('B', '2026-09-01', { closedOn: '2026-09-25' }),
    customer('C', '2026-10-15', { closedOn: '2026-11-05' }),
  ],
  lines,
};
const payoutDay = '2026-12-01';
const result = computeCommissions(input, payoutDay);

describe('Scenario B — Aloware lead referral (seed 001)', () => {
  it.each([
    // key, amount, rate, status on 2026-12-01, hold until
    ['A-2026-10-sub:revenue_share', 600_00, 2000, 'payable', '2026-10-20'], // closed 2026-09-20 + 1 month
    ['B-2026-10-sub:revenue_share', 300_00, 2000, 'payable', '2026-10-25'], // closed 2026-09-25 + 1 month
    ['A-2026-11-sub:revenue_share', 900_00, 3000, 'payable', '2026-11-01'], // waiting period over: payable once paid
    ['B-2026-11-sub:revenue_share', 450_00, 3000, 'payable', '2026-11-03'],
    ['C-2026-11-sub:revenue_share', 240_00, 3000, 'on_hold', '2026-12-05'],
    ['B-2026-10-dispute:chargeback_reversal', -300_00, 2000, 'payable', '2026-11-15'],
  ])('%s: %i at %i bps, %s (hold until %s)', (key, amount, rateBps, status, holdUntil) => {
    expect(result.entries.find((e) => e.key === key)).toMatchObject({ amount: money('USD', amount), rateBps, status, holdUntil });
  });

  it('has no other entries: usage fees are not recurring revenue', () => {
    expect(result.entries).toHaveLength(6);
    expect(result.excluded.map((x) => [x.revenueLineId, x.reason])).toEqual([
      ['A-2026-10-minutes', 'category_not_counted'],
      ['B-2026-10-sms', 'category_not_counted'],
    ]);
    expect(result.excluded[0]?.explanation).toBe('$400.00 usage is not commissionable under Aloware affiliate & lead referral: only subscription counts');
  });

  it('October: MRR $4,500.00 → 20% → $900.00; November: MRR $5,300.00 → 30% → $1,590.00', () => {
    const monthTotal = (period: string) =>
      result.entries.filter((e) => e.period === period && e.rule === 'revenue_share').reduce((s, e) => s + e.amount.minor, 0);
    expect(monthTotal('2026-10')).toBe(900_00);
    expect(monthTotal('2026-11')).toBe(1_590_00);
    expect(result.entries.find((e) => e.key === 'A-2026-10-sub:revenue_share')?.explanation).toBe(
      '20% of $3,000.00 subscription, tier under $5,000 MRR (referred subscription MRR in 2026-10: $4,500.00)',
    );
    expect(result.entries.find((e) => e.key === 'C-2026-11-sub:revenue_share')?.tier).toBe('$5,000+ MRR');
  });

  it('the chargeback withholds the $300.00 that payment earned from the next payout', () => {
    const cb = result.entries.find((e) => e.rule === 'chargeback_reversal');
    expect(cb).toMatchObject({ reverses: 'B-2026-10-sub:revenue_share', period: '2026-11', amount: money('USD', -300_00) });
    expect(cb?.explanation).toBe(
      'Chargeback of $1,500.00 on the $1,500.00 subscription paid 2026-10-03 (line B-2026-10-sub): $300.00 of the $300.00 commission it earned is withheld from future payouts',
    );
  });

  it('payout run on 2026-12-01: $900 + $900 + $450 − $300 = $1,950.00 payable; C’s $240.00 on hold until 2026-12-05', () => {
    const [totals] = computeStatementTotals(result.entries);
    expect(totals).toMatchObject({ currency: 'USD', payable: money('USD', 1_950_00), onHold: money('USD', 240_00), net: money('USD', 2_190_00) });
    expect(computeStatementTotals(computeCommissions(input, '2026-12-05').entries)[0]?.payable).toEqual(money('USD', 2_190_00));
    expect(computeStatementTotals(computeCommissions(input, '2026-10-24').entries)[0]?.payable).toEqual(money('USD', 600_00));
    expect(computeStatementTotals(computeCommissions(input, '2026-10-25').entries)[0]?.payable).toEqual(money('USD', 900_00));
  });

  it.each([
    [true, true, []],
    [true, false, ['missing_invoice']],
    [false, true, ['missing_referral_report']],
    [false, false, ['missing_referral_report', 'missing_invoice']],
  ])('report recorded %s, invoice recorded %s → blockers %j', (referralReportRecorded, invoiceRecorded, codes) => {
    const blockers = payabilityBlockers(SEED_001_ALOWARE_LEAD_REFERRAL, alowarePartner, {
      referralReportRecorded,
      invoiceRecorded,
      payableTotal: money('USD', 1_950_00),
    });
    expect(blockers.map((b) => b.code)).toEqual(codes);
  });

  it('without the invoice the line is blocked and says so', () => {
    const [blocker] = payabilityBlockers(SEED_001_ALOWARE_LEAD_REFERRAL, alowarePartner, { referralReportRecorded: true, invoiceRecorded: false });
    expect(blocker?.message).toBe("Blocked until the partner's invoice for this commission is recorded");
  });
});
