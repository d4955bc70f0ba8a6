import { z } from 'zod';
import type { CurrencyCode } from '../money/currency';
import type { Money } from '../money/money';
import { CurrencyCodeSchema, MoneySchema } from '../money/schema';
import { YmdSchema, type Ymd } from './calendar';

// A commission plan version: everything the engine needs to turn a partner's revenue
// lines into ledger entries. Plans are versioned and never edited in place — a change
// is a new version, and every ledger entry records the version that produced it.

export const REVENUE_CATEGORIES = ['subscription', 'platform_fee', 'overage', 'usage', 'one_off', 'setup'] as const;
export type RevenueCategory = (typeof REVENUE_CATEGORIES)[number];

export const TIER_METRICS = ['paying_clients_in_month', 'referred_subscription_mrr_in_month', 'onboarded_tenants'] as const;
/**
 * - paying_clients_in_month: distinct customers with commissionable payments in the
 *   calendar month and currency (seed 002 referral: "1-29 clients = 20%").
 * - referred_subscription_mrr_in_month: commissionable subscription base received in the
 *   calendar month, in minor units of `thresholdCurrency` (seed 001: "$5,000 in MRR per month").
 * - onboarded_tenants: customers signed up on or before the month's last day.
 */
export type TierMetric = (typeof TIER_METRICS)[number];

/** A tier applies when the metric is at or above `from` (minor units for money metrics). */
export type Tier = { from: number; rateBps: number; label: string };

export type RateSchedule =
  | { kind: 'flat'; rateBps: number }
  | {
      kind: 'tiered';
      metric: TierMetric;
      /** whole_volume: the month's tier rate applies to the whole month; graduated: each slice of volume earns its own tier's rate. */
      mode: 'whole_volume' | 'graduated';
      /** Currency of money thresholds; null for count metrics. */
      thresholdCurrency: CurrencyCode | null;
      tiers: Tier[];
    }
  | {
      /** Staggered by the customer's month since sign-up: first N months X%, then Y%. */
      kind: 'staggered';
      steps: { fromMonth: number; rateBps: number }[];
    };

export type CommissionDuration =
  | { kind: 'months_from_signup'; months: number }
  | { kind: 'payments'; count: number }
  | { kind: 'lifetime' };

export type HoldingPeriod = {
  from: 'payment' | 'close';
  months?: number;
  days?: number;
  /**
   * With whole-volume tiers, hold each entry at least until the first day of the next
   * month, when the month's volume — and so its rate — is final. Off unless set, so a
   * hold is exactly what the programme states (scenario B: one month after close).
   */
  settleTiersAtMonthEnd?: boolean;
};

export type PayabilityConditions = {
  /** Only money actually received earns a payable commission (seed 001: "Cash Received"). */
  requireCashReceived: boolean;
  requireReferralReport: boolean;
  requireInvoice: boolean;
  blockWhenInBreach: boolean;
  blockWhenSuspended: boolean;
};

export type CapScope = 'customer' | 'partner_month' | 'partner_total';
export type Cap = { scope: CapScope; amount: Money };

export type CommissionPlan = {
  id: string;
  version: number;
  name: string;
  /** Where the rules come from, for explanations and audits. */
  source: string;
  base: {
    /** Counted revenue categories; the base is gross − discount of these lines (tax and credits are never part of gross). */
    categories: RevenueCategory[];
    excludedProductIds: string[];
    excludedPriceIds: string[];
  };
  rate: RateSchedule;
  /** Fixed rates for named product lines; they win over promotion and schedule. */
  productLineRates: { productLine: string; rateBps: number; label: string }[];
  /** A higher rate for the first N approved partners (the partner's promo slot is an input). */
  promotion: { firstApprovedPartners: number; rateBps: number; endsOn: Ymd | null; label: string } | null;
  duration: CommissionDuration;
  holding: HoldingPeriod;
  payability: PayabilityConditions;
  /** Seed 001 Appendix B: cancelled accounts stop earning. Payments on or after cancellation earn nothing. */
  stopOnCustomerCancellation: boolean;
  /** Seed 000: revenue share stops on the termination date. Payments on or after the partner's stop date earn nothing. */
  stopOnAgreementTermination: boolean;
  caps: Cap[];
  /** Per currency; a payout below it is blocked (the balance carries over). */
  minimumPayout: Money[];
  /** Seed 002 referral: a sign-up bonus the client gets with the partner's promo code, recorded as a programme cost. */
  clientIncentive: { amount: Money; label: string } | null;
};

export function planVersionLabel(plan: Pick<CommissionPlan, 'id' | 'version'>): string {
  return `${plan.id}@${plan.version}`;
}

// A commission above 100% of the revenue it is paid on is a typing mistake, not a plan.
const RateBpsSchema = z.number().int().min(0, 'A rate cannot be negative').max(10_000, 'A rate is at most 100% (10,000 basis points)');
const TierSchema = z.object({ from: z.number().int().min(0), rateBps: RateBpsSchema, label: z.string().min(1) });

const RateScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flat'), rateBps: RateBpsSchema }),
  z.object({
    kind: z.literal('tiered'),
    metric: z.enum(TIER_METRICS),
    mode: z.enum(['whole_volume', 'graduated']),
    thresholdCurrency: CurrencyCodeSchema.nullable(),
    tiers: z.array(TierSchema).min(1),
  }),
  z.object({
    kind: z.literal('staggered'),
    steps: z.array(z.object({ fromMonth: z.number().int().min(1), rateBps: RateBpsSchema })).min(1),
  }),
]);

const DurationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('months_from_signup'), months: z.number().int().min(1) }),
  z.object({ kind: z.literal('payments'), count: z.number().int().min(1) }),
  z.object({ kind: z.literal('lifetime') }),
]);

const PlanObjectSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().min(1),
  name: z.string().min(1),
  source: z.string(),
  base: z.object({
    categories: z.array(z.enum(REVENUE_CATEGORIES)).min(1),
    excludedProductIds: z.array(z.string()),
    excludedPriceIds: z.array(z.string()),
  }),
  rate: RateScheduleSchema,
  productLineRates: z.array(z.object({ productLine: z.string().min(1), rateBps: RateBpsSchema, label: z.string().min(1) })),
  promotion: z
    .object({
      firstApprovedPartners: z.number().int().min(1),
      rateBps: RateBpsSchema,
      endsOn: YmdSchema.nullable(),
      label: z.string().min(1),
    })
    .nullable(),
  duration: DurationSchema,
  holding: z.object({
    from: z.enum(['payment', 'close']),
    months: z.number().int().min(0).optional(),
    days: z.number().int().min(0).optional(),
    settleTiersAtMonthEnd: z.boolean().optional(),
  }),
  payability: z.object({
    requireCashReceived: z.boolean(),
    requireReferralReport: z.boolean(),
    requireInvoice: z.boolean(),
    blockWhenInBreach: z.boolean(),
    blockWhenSuspended: z.boolean(),
  }),
  stopOnCustomerCancellation: z.boolean(),
  stopOnAgreementTermination: z.boolean(),
  caps: z.array(z.object({ scope: z.enum(['customer', 'partner_month', 'partner_total']), amount: MoneySchema })),
  minimumPayout: z.array(MoneySchema),
  clientIncentive: z.object({ amount: MoneySchema, label: z.string().min(1) }).nullable(),
});

/** Rules a plan must satisfy beyond its shape; each message names the field to fix. */
export function planProblems(plan: CommissionPlan): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const rate = plan.rate;
  if (rate.kind === 'tiered') {
    if (rate.tiers[0]?.from !== 0) problems.push({ path: ['rate', 'tiers', 0, 'from'], message: 'The first tier must start at 0' });
    rate.tiers.forEach((tier, i) => {
      const previous = rate.tiers[i - 1];
      if (previous && tier.from <= previous.from) {
        problems.push({ path: ['rate', 'tiers', i, 'from'], message: 'Tier thresholds must increase' });
      }
    });
    const isMoney = rate.metric === 'referred_subscription_mrr_in_month';
    if (isMoney && rate.thresholdCurrency === null) {
      problems.push({ path: ['rate', 'thresholdCurrency'], message: 'A money metric needs the currency of its thresholds' });
    }
    if (!isMoney && rate.thresholdCurrency !== null) {
      problems.push({ path: ['rate', 'thresholdCurrency'], message: 'A count metric has no threshold currency' });
    }
  }
  if (rate.kind === 'staggered') {
    if (rate.steps[0]?.fromMonth !== 1) problems.push({ path: ['rate', 'steps', 0, 'fromMonth'], message: 'The first step must start in month 1' });
    rate.steps.forEach((step, i) => {
      const previous = rate.steps[i - 1];
      if (previous && step.fromMonth <= previous.fromMonth) {
        problems.push({ path: ['rate', 'steps', i, 'fromMonth'], message: 'Steps must start in increasing months' });
      }
    });
  }
  const lines = plan.productLineRates.map((r) => r.productLine);
  lines.forEach((line, i) => {
    if (lines.indexOf(line) !== i) problems.push({ path: ['productLineRates', i], message: `Product line '${line}' has two fixed rates` });
  });
  const minimumCurrencies = plan.minimumPayout.map((m) => m.currency);
  minimumCurrencies.forEach((c, i) => {
    if (minimumCurrencies.indexOf(c) !== i) problems.push({ path: ['minimumPayout', i], message: `Two minimum payouts in ${c}` });
  });
  plan.caps.forEach((cap, i) => {
    if (cap.amount.minor <= 0) problems.push({ path: ['caps', i, 'amount'], message: 'A cap must be positive' });
  });
  return problems;
}

export const CommissionPlanSchema: z.ZodType<CommissionPlan> = PlanObjectSchema.superRefine((plan, ctx) => {
  for (const problem of planProblems(plan)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});
