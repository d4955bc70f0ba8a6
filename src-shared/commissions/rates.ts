import type { CurrencyCode } from '../money/currency';
import { money, type Money } from '../money/money';
import { compareText, monthKey } from './calendar';
import type { PaymentFacts } from './eligibility';
import { describeMetric, describeMoney } from './explain';
import type { CustomerInput, PartnerInput } from './input';
import type { ExclusionReason } from './ledger';
import { tierIndexFor, volumeKey, wholeMonthMetric, type MonthVolume } from './metrics';
import type { CommissionPlan, Tier } from './plan';

// Which rate a commissionable payment earns. Precedence, most specific first:
//  1. a fixed rate for the payment's product line (seed 002: "Altegio — fixed 35%");
//  2. the promotion, for a partner holding one of its slots (seed 003: "50% for the
//     first 3 approved resellers");
//  3. the plan's schedule: flat, staggered by customer month, or tiered.

export type RatedSlice = {
  base: Money;
  rateBps: number;
  tier: string | null;
  /** Words for the explanation, e.g. 'tier 30+ clients (30 paying clients in 2026-11)'. */
  note: string | null;
  /** True when the rate depends on the whole month's volume, so it is final only when the month ends. */
  finalAtMonthEnd: boolean;
};

export type RateVerdict = { ok: true; slices: RatedSlice[] } | { ok: false; reason: ExclusionReason; explanation: string };

export type Rater = { rate(facts: PaymentFacts): RateVerdict };

export function createRater(
  plan: CommissionPlan,
  partner: PartnerInput,
  customers: readonly CustomerInput[],
  volumes: ReadonlyMap<string, MonthVolume>,
): Rater {
  // Graduated state, advanced in event order for every commissionable payment so a
  // payment's slices depend only on what came before it: it is final when made.
  const graduatedVolume = new Map<string, number>();
  const clientOrdinals = new Map<string, Map<string, number>>();
  const onboardedOrdinal = new Map(
    [...customers]
      .sort((a, b) => compareText(a.signUpOn, b.signUpOn) || compareText(a.id, b.id))
      .map((c, i) => [c.id, i + 1]),
  );

  function advance(facts: PaymentFacts): { volumeBefore: number; clientOrdinal: number } {
    const key = volumeKey(monthKey(facts.line.paidOn), facts.line.currency);
    const volumeBefore = graduatedVolume.get(key) ?? 0;
    if (facts.line.category === 'subscription') graduatedVolume.set(key, volumeBefore + facts.base.minor);
    const ordinals = clientOrdinals.get(key) ?? new Map<string, number>();
    if (!ordinals.has(facts.customer.id)) ordinals.set(facts.customer.id, ordinals.size + 1);
    clientOrdinals.set(key, ordinals);
    return { volumeBefore, clientOrdinal: ordinals.get(facts.customer.id) ?? 1 };
  }

  const single = (facts: PaymentFacts, rateBps: number, note: string | null, tier: string | null = null, finalAtMonthEnd = false): RateVerdict => ({
    ok: true,
    slices: [{ base: facts.base, rateBps, tier, note, finalAtMonthEnd }],
  });

  return {
    rate(facts) {
      const position = advance(facts);
      const line = facts.line;
      const fixed = plan.productLineRates.find((r) => r.productLine === line.productLine);
      if (fixed) return single(facts, fixed.rateBps, fixed.label);

      const promo = plan.promotion;
      if (promo && partner.promoSlot !== null && partner.promoSlot <= promo.firstApprovedPartners && (promo.endsOn === null || line.paidOn < promo.endsOn)) {
        return single(facts, promo.rateBps, `${promo.label} (promo slot ${partner.promoSlot} of ${promo.firstApprovedPartners})`);
      }

      const schedule = plan.rate;
      switch (schedule.kind) {
        case 'flat':
          return single(facts, schedule.rateBps, null);
        case 'staggered': {
          let step = schedule.steps[0];
          for (const s of schedule.steps) if (facts.customerMonth >= s.fromMonth) step = s;
          const rateBps = step?.rateBps ?? 0;
          return single(facts, rateBps, `staggered rate for month ${facts.customerMonth} since sign-up (from month ${step?.fromMonth ?? 1})`);
        }
        case 'tiered': {
          const month = monthKey(line.paidOn);
          const isMoney = schedule.metric === 'referred_subscription_mrr_in_month';
          if (isMoney && schedule.thresholdCurrency !== line.currency) {
            return {
              ok: false,
              reason: 'currency_not_in_plan',
              explanation: `Paid in ${line.currency}, but the plan's MRR tiers are in ${schedule.thresholdCurrency ?? 'another currency'}; amounts in different currencies are never combined`,
            };
          }
          const thresholdCurrency: CurrencyCode | null = isMoney ? line.currency : null;
          if (schedule.mode === 'whole_volume') {
            const value = wholeMonthMetric(schedule.metric, volumes.get(volumeKey(month, line.currency)), customers, month);
            const tier = schedule.tiers[tierIndexFor(schedule.tiers, value)] as Tier;
            return single(facts, tier.rateBps, `tier ${tier.label} (${describeMetric(schedule.metric, value, month, thresholdCurrency)})`, tier.label, true);
          }
          if (isMoney && line.category === 'subscription') {
            return { ok: true, slices: graduatedSlices(facts, schedule.tiers, position.volumeBefore, month) };
          }
          const ordinal =
            schedule.metric === 'paying_clients_in_month'
              ? position.clientOrdinal
              : schedule.metric === 'onboarded_tenants'
                ? (onboardedOrdinal.get(facts.customer.id) ?? 1)
                : position.volumeBefore;
          const tier = schedule.tiers[tierIndexFor(schedule.tiers, ordinal)] as Tier;
          const what =
            schedule.metric === 'paying_clients_in_month'
              ? `paying client no. ${ordinal} in ${month}`
              : schedule.metric === 'onboarded_tenants'
                ? `onboarded tenant no. ${ordinal}`
                : describeMetric(schedule.metric, ordinal, month, thresholdCurrency);
          return single(facts, tier.rateBps, `graduated tier ${tier.label} (${what})`, tier.label);
        }
      }
    },
  };
}

/** Splits a subscription payment across money tiers: each slice of volume earns its own tier's rate. */
function graduatedSlices(facts: PaymentFacts, tiers: readonly Tier[], volumeBefore: number, month: string): RatedSlice[] {
  const slices: RatedSlice[] = [];
  const start = volumeBefore;
  const end = volumeBefore + facts.base.minor;
  tiers.forEach((tier, i) => {
    const next = tiers[i + 1];
    const from = Math.max(start, tier.from);
    const to = Math.min(end, next ? next.from : end);
    if (to <= from) return;
    const base = money(facts.base.currency, to - from);
    const volume = `${describeMoney(money(facts.base.currency, from))}–${describeMoney(money(facts.base.currency, to))} of ${month} volume`;
    slices.push({
      base,
      rateBps: tier.rateBps,
      tier: tier.label,
      note: `graduated tier ${tier.label} (${volume})`,
      finalAtMonthEnd: false,
    });
  });
  return slices;
}
