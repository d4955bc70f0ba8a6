import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { CommissionPlanSchema, planVersionLabel, type CommissionPlan } from './plan';
import { allsetAffiliatePlan, PRESET_PLANS, salesPartnerPlan, SEED_001_ALOWARE_LEAD_REFERRAL, SEED_002_MESSAGE_HELP_REFERRAL } from './presets';

describe('plan schema', () => {
  it.each(PRESET_PLANS.map((p) => [p.id, p] as const))('preset %s is a valid plan', (_id, plan) => {
    expect(CommissionPlanSchema.safeParse(plan).success).toBe(true);
  });

  it('builds plan versions from contract terms', () => {
    const plan = allsetAffiliatePlan({ rateBps: 2000, months: 24, version: 3 });
    expect(planVersionLabel(plan)).toBe('seed-000-allset-affiliate@3');
    expect(plan.duration).toEqual({ kind: 'months_from_signup', months: 24 });
    expect(salesPartnerPlan({ standardRateBps: 2500 }).rate).toEqual({ kind: 'flat', rateBps: 2500 });
  });

  const messages = (plan: unknown) => {
    const parsed = CommissionPlanSchema.safeParse(plan);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it.each<[string, Partial<CommissionPlan>, string]>([
    [
      'tiers not starting at 0',
      { rate: { kind: 'tiered', metric: 'paying_clients_in_month', mode: 'whole_volume', thresholdCurrency: null, tiers: [{ from: 1, rateBps: 2000, label: 'x' }] } },
      'rate.tiers.0.from: The first tier must start at 0',
    ],
    [
      'decreasing tiers',
      {
        rate: {
          kind: 'tiered',
          metric: 'paying_clients_in_month',
          mode: 'whole_volume',
          thresholdCurrency: null,
          tiers: [
            { from: 0, rateBps: 2000, label: 'a' },
            { from: 0, rateBps: 3000, label: 'b' },
          ],
        },
      },
      'rate.tiers.1.from: Tier thresholds must increase',
    ],
    [
      'money tiers without a currency',
      { rate: { kind: 'tiered', metric: 'referred_subscription_mrr_in_month', mode: 'whole_volume', thresholdCurrency: null, tiers: [{ from: 0, rateBps: 2000, label: 'x' }] } },
      'rate.thresholdCurrency: A money metric needs the currency of its thresholds',
    ],
    ['staggered steps not from month 1', { rate: { kind: 'staggered', steps: [{ fromMonth: 2, rateBps: 1 }] } }, 'rate.steps.0.fromMonth: The first step must start in month 1'],
    ['a fractional rate', { rate: { kind: 'flat', rateBps: 12.5 } }, 'rate.rateBps'],
    ['a non-positive cap', { caps: [{ scope: 'customer', amount: money('GBP', 0) }] }, 'caps.0.amount: A cap must be positive'],
    ['a bad currency', { minimumPayout: [{ currency: 'XXQ', minor: 1 } as never] }, 'minimumPayout.0.currency'],
  ])('refuses %s', (_what, change, message) => {
    expect(messages({ ...SEED_002_MESSAGE_HELP_REFERRAL, ...change }).join('\n')).toContain(message);
  });

  it('accepts the seed 001 preset unchanged and refuses a missing field', () => {
    expect(messages(SEED_001_ALOWARE_LEAD_REFERRAL)).toEqual([]);
    const { holding: _, ...withoutHolding } = SEED_001_ALOWARE_LEAD_REFERRAL;
    expect(messages(withoutHolding).join()).toContain('holding');
  });
});
