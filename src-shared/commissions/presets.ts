import { money } from '../money/money';
import type { IntegratorTerms } from './integrator';
import type { CommissionPlan, PayabilityConditions } from './plan';

// The four seed programmes as plan versions, with the parameters of the worked
// examples in shared/scenarios/README.md. Where a seed leaves a number to the contract
// (seed 000's "X% for X months"), a factory takes it and the constant uses the
// scenario's value.

/** Seed 000 scenario A: 15% of every payment for 12 months from sign-up, in GBP. */
export const ALLSET_SCENARIO_RATE_BPS = 1500;
export const ALLSET_SCENARIO_MONTHS = 12;
/** Seed 001 Appendix B: 20% below $5,000 referred MRR a month, 30% at or above. */
export const ALOWARE_MRR_THRESHOLD_MINOR = 5_000_00;
export const ALOWARE_BASE_RATE_BPS = 2000;
export const ALOWARE_HIGH_RATE_BPS = 3000;
/** Seed 002 §1.2 referral: 1–29 clients 20%, from 30 clients 30%; the client gets €5 with the promo code. */
export const MESSAGE_HELP_HIGH_TIER_CLIENTS = 30;
export const MESSAGE_HELP_CLIENT_BONUS_MINOR = 5_00;
/** Seed 003: standard 20%, 50% for the first 3 approved resellers. */
export const SALES_PARTNER_STANDARD_RATE_BPS = 2000;
export const SALES_PARTNER_PROMO_RATE_BPS = 5000;
export const SALES_PARTNER_PROMO_SLOTS = 3;

const NO_CONDITIONS: PayabilityConditions = {
  requireCashReceived: true,
  requireReferralReport: false,
  requireInvoice: false,
  blockWhenInBreach: false,
  blockWhenSuspended: true,
};

export function allsetAffiliatePlan(terms: { rateBps: number; months: number; version?: number }): CommissionPlan {
  return {
    id: 'seed-000-allset-affiliate',
    version: terms.version ?? 1,
    name: 'AllSet affiliate revenue share',
    source: 'Seed 000, "Revenue share: how to get paid" and "Terms and commitment"; rate and duration from Appendix A',
    // "Revenue share on every payment your customers make through AllSet."
    base: { categories: ['subscription', 'platform_fee', 'overage', 'usage', 'one_off', 'setup'], excludedProductIds: [], excludedPriceIds: [] },
    rate: { kind: 'flat', rateBps: terms.rateBps },
    productLineRates: [],
    promotion: null,
    // "Commission lasts for X months per customer from their sign-up date."
    duration: { kind: 'months_from_signup', months: terms.months },
    // "Payments go directly to your Stripe Connect account in real-time. No invoicing, no waiting."
    holding: { from: 'payment', days: 0 },
    payability: NO_CONDITIONS,
    stopOnCustomerCancellation: false,
    // "Revenue share stops immediately on termination date. No post-term commissions."
    stopOnAgreementTermination: true,
    caps: [],
    minimumPayout: [],
    clientIncentive: null,
  };
}

export const SEED_000_ALLSET_AFFILIATE: CommissionPlan = allsetAffiliatePlan({ rateBps: ALLSET_SCENARIO_RATE_BPS, months: ALLSET_SCENARIO_MONTHS });

export const SEED_001_ALOWARE_LEAD_REFERRAL: CommissionPlan = {
  id: 'seed-001-aloware-lead-referral',
  version: 1,
  name: 'Aloware affiliate & lead referral',
  source: 'Seed 001, Appendix B – Commission Calculation',
  // "Subscription only": usage fees (number rental, local presence, toll-free minutes,
  // compliance fees, automated SMS) are not recurring revenue.
  base: { categories: ['subscription'], excludedProductIds: [], excludedPriceIds: [] },
  rate: {
    kind: 'tiered',
    metric: 'referred_subscription_mrr_in_month',
    mode: 'whole_volume',
    thresholdCurrency: 'USD',
    tiers: [
      { from: 0, rateBps: ALOWARE_BASE_RATE_BPS, label: 'under $5,000 MRR' },
      { from: ALOWARE_MRR_THRESHOLD_MINOR, rateBps: ALOWARE_HIGH_RATE_BPS, label: '$5,000+ MRR' },
    ],
  },
  productLineRates: [],
  promotion: null,
  // "The fee payments are valid as long as the account stays with Aloware."
  duration: { kind: 'lifetime' },
  // "A 1-month waiting period after close." Scenario B's reading: payable one month after
  // the account's close date, nothing more (settleTiersAtMonthEnd is available as a setting).
  holding: { from: 'close', months: 1, settleTiersAtMonthEnd: false },
  payability: {
    requireCashReceived: true,
    requireReferralReport: true,
    requireInvoice: true,
    blockWhenInBreach: true,
    blockWhenSuspended: true,
  },
  // "Canceled referred accounts will seize to incur commission payments."
  stopOnCustomerCancellation: true,
  // §10: "Partner will be paid for any qualifying referral until the date of termination."
  stopOnAgreementTermination: true,
  caps: [],
  minimumPayout: [],
  clientIncentive: null,
};

export const SEED_002_MESSAGE_HELP_REFERRAL: CommissionPlan = {
  id: 'seed-002-message-help-referral',
  version: 1,
  name: 'Message.Help referral programme',
  source: 'Seed 002, §1.2 and §1.5 (referral format)',
  // §1.5: "Based on the Payment Total, the partner is credited with 20%" — every payment counts.
  base: { categories: ['subscription', 'platform_fee', 'overage', 'usage', 'one_off', 'setup'], excludedProductIds: [], excludedPriceIds: [] },
  rate: {
    kind: 'tiered',
    metric: 'paying_clients_in_month',
    mode: 'whole_volume',
    thresholdCurrency: null,
    // "1-29 clients = 20%, 30 > clients 30%": read as 30 or more clients.
    tiers: [
      { from: 0, rateBps: 2000, label: '1–29 clients' },
      { from: MESSAGE_HELP_HIGH_TIER_CLIENTS, rateBps: 3000, label: '30+ clients' },
    ],
  },
  productLineRates: [],
  promotion: null,
  duration: { kind: 'lifetime' },
  // The reward follows "the results of your payment" at the month's client count: an
  // entry is paid once its month is over and the count, so the rate, is final.
  holding: { from: 'payment', days: 0, settleTiersAtMonthEnd: true },
  payability: NO_CONDITIONS,
  stopOnCustomerCancellation: false,
  stopOnAgreementTermination: true,
  caps: [],
  minimumPayout: [],
  clientIncentive: { amount: money('EUR', MESSAGE_HELP_CLIENT_BONUS_MINOR), label: 'sign-up bonus' },
};

/** Seed 002 §1.2 integrator discounts, §1.3 welcome bonus; see integrator.ts. */
export const SEED_002_MESSAGE_HELP_INTEGRATOR: IntegratorTerms = {
  currency: 'EUR',
  tieredLines: ['amo', 'kommo', 'bitrix', 'message_help_crm'],
  // "1-4 clients = 35%, 5-9 clients = 40%, 10 > clients = 50%": 10 > read as 10 or more.
  tiers: [
    { minClients: 1, discountBps: 3500, label: '1–4 clients' },
    { minClients: 5, discountBps: 4000, label: '5–9 clients' },
    { minClients: 10, discountBps: 5000, label: '10+ clients' },
  ],
  fixedLines: [{ productLine: 'altegio', discountBps: 3500, label: 'Altegio fixed 35%' }],
  welcomeBonus: { amount: money('EUR', 500_00), usableForDays: 60, maxClients: 1 },
};

export function salesPartnerPlan(terms: { standardRateBps: number; version?: number } = { standardRateBps: SALES_PARTNER_STANDARD_RATE_BPS }): CommissionPlan {
  return {
    id: 'seed-003-sales-partner',
    version: terms.version ?? 1,
    name: 'Sales partner programme',
    source: 'Seed 003, "Program rules"',
    // "Revenue is defined as effective platform fee plus message overage revenue."
    base: { categories: ['platform_fee', 'overage'], excludedProductIds: [], excludedPriceIds: [] },
    // "Standard commission is 20%, configured per reseller by super admins."
    rate: { kind: 'flat', rateBps: terms.standardRateBps },
    productLineRates: [],
    promotion: {
      firstApprovedPartners: SALES_PARTNER_PROMO_SLOTS,
      rateBps: SALES_PARTNER_PROMO_RATE_BPS,
      endsOn: null,
      label: '50% launch rate',
    },
    duration: { kind: 'lifetime' },
    holding: { from: 'payment', days: 0 },
    payability: NO_CONDITIONS,
    stopOnCustomerCancellation: false,
    stopOnAgreementTermination: true,
    caps: [],
    minimumPayout: [],
    clientIncentive: null,
  };
}

export const SEED_003_SALES_PARTNER: CommissionPlan = salesPartnerPlan();

export const PRESET_PLANS: readonly CommissionPlan[] = [
  SEED_000_ALLSET_AFFILIATE,
  SEED_001_ALOWARE_LEAD_REFERRAL,
  SEED_002_MESSAGE_HELP_REFERRAL,
  SEED_003_SALES_PARTNER,
];
