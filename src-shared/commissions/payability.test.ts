import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { payabilityBlockers } from './payability';
import type { CommissionPlan } from './plan';
import { SEED_000_ALLSET_AFFILIATE, SEED_001_ALOWARE_LEAD_REFERRAL } from './presets';
import { partner } from './testKit';

describe('payabilityBlockers', () => {
  const run = { referralReportRecorded: true, invoiceRecorded: true };
  it.each([
    [SEED_001_ALOWARE_LEAD_REFERRAL, partner({ inBreach: true }), run, ['partner_in_breach']],
    [SEED_001_ALOWARE_LEAD_REFERRAL, partner({ suspended: true }), run, ['partner_suspended']],
    // Seed 000: "No invoicing, no waiting" — nothing to record before a payout.
    [SEED_000_ALLSET_AFFILIATE, partner(), { referralReportRecorded: false, invoiceRecorded: false }, []],
    [SEED_000_ALLSET_AFFILIATE, partner(), { ...run, payableTotal: money('GBP', -3_00) }, ['nothing_payable']],
  ] as const)('%#: %j', (plan, p, facts, codes) => {
    expect(payabilityBlockers(plan, p, facts).map((b) => b.code)).toEqual(codes);
  });

  it('blocks a payout below the minimum in its currency only', () => {
    const plan: CommissionPlan = { ...SEED_000_ALLSET_AFFILIATE, minimumPayout: [money('GBP', 50_00)] };
    expect(payabilityBlockers(plan, partner(), { ...run, payableTotal: money('GBP', 49_99) })).toEqual([
      { code: 'below_minimum_payout', message: 'The payable £49.99 is below the £50.00 minimum payout; it carries over' },
    ]);
    expect(payabilityBlockers(plan, partner(), { ...run, payableTotal: money('GBP', 50_00) })).toEqual([]);
    expect(payabilityBlockers(plan, partner(), { ...run, payableTotal: money('EUR', 1) })).toEqual([]);
  });
});
