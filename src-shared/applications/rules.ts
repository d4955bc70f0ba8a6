import { agreementTemplates, defaultTemplate } from '../agreements/templates';
import type { AgreementTerms } from '../agreements/terms';
import type { IsoDate } from '../dates/isoDate';
import {
  SALES_PARTNER_PROMO_RATE_BPS,
  SALES_PARTNER_STANDARD_RATE_BPS,
  SEED_000_ALLSET_AFFILIATE,
  SEED_001_ALOWARE_LEAD_REFERRAL,
  SEED_002_MESSAGE_HELP_REFERRAL,
  SEED_003_SALES_PARTNER,
} from '../commissions/presets';

// Pure rules of the application review: which formats a programme takes, the rates an
// approval starts from, and the promotion slots of seed 003 ("the first 3 approved
// resellers lock in the 50% launch rate"). No clock, no database: `today` is an argument.

export type PartnerFormat = 'affiliate' | 'referral' | 'lead_referral' | 'integrator' | 'reseller';
export const ALL_FORMATS: readonly PartnerFormat[] = ['affiliate', 'referral', 'lead_referral', 'integrator', 'reseller'];

/** The formats each seed programme describes; a programme the app does not know takes any. */
const programmeFormats: Record<string, readonly PartnerFormat[]> = {
  // Seed 000: affiliates with a hosted sign-up page or an integration.
  allset: ['affiliate'],
  // Seed 001: "affiliate & lead referral".
  aloware: ['lead_referral', 'affiliate'],
  // Seed 002: two formats, referral and integrator.
  messagehelp: ['referral', 'integrator'],
  // Seed 003: resellers.
  salespartner: ['reseller'],
};

export function formatsFor(programmeCode: string): readonly PartnerFormat[] {
  return programmeFormats[programmeCode] ?? ALL_FORMATS;
}

export const formatLabels: Record<PartnerFormat, string> = {
  affiliate: 'Affiliate',
  referral: 'Referral',
  lead_referral: 'Lead referral',
  integrator: 'Integrator',
  reseller: 'Reseller',
};

export type ProgrammeRates = {
  /** The rate a partner gets without a promotion slot; null = the programme plan's own (tiered) rate. */
  standardRateBps: number | null;
  /** The rate a promotion slot carries; null = the programme has no promotion. */
  promoRateBps: number | null;
};

/**
 * Seed 003: "Standard commission is 20%, configured per reseller by super admins" and
 * "a temporary 50% commission promotion … for the first 3 approved reseller partners".
 * The other seed programmes pay by their plan's tiers, so a partner's own rate stays
 * empty (null) unless the reviewer sets one.
 */
export function programmeRates(programmeCode: string, promoSlotCapacity: number): ProgrammeRates {
  // Another programme given promotion slots has no figures of its own: it takes seed 003's.
  const hasPromotion = promoSlotCapacity > 0;
  const standardRateBps = programmeCode === 'salespartner' || hasPromotion ? SALES_PARTNER_STANDARD_RATE_BPS : null;
  const promoRateBps = hasPromotion ? SALES_PARTNER_PROMO_RATE_BPS : null;
  return { standardRateBps, promoRateBps };
}

/** The preset commission plan a new partner of this programme and format starts on, if any. */
export function defaultPlanId(programmeCode: string, format: PartnerFormat): string | null {
  if (programmeCode === 'allset') return SEED_000_ALLSET_AFFILIATE.id;
  if (programmeCode === 'aloware') return SEED_001_ALOWARE_LEAD_REFERRAL.id;
  // Seed 002's integrators pay discounted prices from a balance instead of earning commission.
  if (programmeCode === 'messagehelp') return format === 'integrator' ? null : SEED_002_MESSAGE_HELP_REFERRAL.id;
  if (programmeCode === 'salespartner') return SEED_003_SALES_PARTNER.id;
  return null;
}

/**
 * The next promotion slot to hand out: the lowest number in 1..capacity nobody holds, or
 * null when all are taken. Slots are never handed on (resellerStatus.ts), so in practice
 * this is "one more than the slots taken so far".
 */
export function nextPromoSlot(taken: readonly number[], capacity: number): number | null {
  const held = new Set(taken);
  for (let n = 1; n <= capacity; n++) if (!held.has(n)) return n;
  return null;
}

export function promoSlotsLeft(taken: readonly number[], capacity: number): number {
  return Math.max(0, capacity - taken.filter((n) => n >= 1 && n <= capacity).length);
}

/** "2 of 3 promotion slots left" — the banner above the queue and the approval dialog. */
export function promoSlotsText(left: number, capacity: number): string {
  return `${left} of ${capacity} promotion ${capacity === 1 ? 'slot' : 'slots'} left`;
}

export type ApprovalOutcome = {
  slotNo: number | null;
  rateBps: number | null;
  /** A slot was asked for but none was free when the approval was saved. */
  promoMissed: boolean;
};

/**
 * What an approval gives, decided inside the approving transaction once the next free slot
 * is known. With a slot: the reviewer's rate, else the promotion rate. Asked for a slot but
 * none left (another approval took the last one first): the standard rate — the reviewer's
 * figure was chosen for a promotion partner. No slot asked for: the reviewer's rate, else
 * the standard rate.
 */
export function approvalOutcome(a: { claimPromoSlot: boolean; nextSlot: number | null; rateBps: number | null | undefined; rates: ProgrammeRates }): ApprovalOutcome {
  if (a.claimPromoSlot && a.nextSlot !== null) {
    return { slotNo: a.nextSlot, rateBps: a.rateBps ?? a.rates.promoRateBps ?? a.rates.standardRateBps, promoMissed: false };
  }
  if (a.claimPromoSlot) return { slotNo: null, rateBps: a.rates.standardRateBps, promoMissed: true };
  return { slotNo: null, rateBps: a.rateBps === undefined ? a.rates.standardRateBps : a.rateBps, promoMissed: false };
}

export type ApprovalDefaults = {
  claimPromoSlot: boolean;
  rateBps: number | null;
  planId: string | null;
  agreement: AgreementTerms;
  /** Which programme's terms prefilled the agreement ('default' when the programme has none). */
  templateCode: string;
};

/** The approval dialog's starting values for an application, as of `today`. */
export function approvalDefaults(a: {
  programmeCode: string;
  promoSlotCapacity: number;
  slotsTaken: readonly number[];
  format: PartnerFormat;
  today: IsoDate;
}): ApprovalDefaults {
  const rates = programmeRates(a.programmeCode, a.promoSlotCapacity);
  const claimPromoSlot = nextPromoSlot(a.slotsTaken, a.promoSlotCapacity) !== null;
  const template = agreementTemplates[a.programmeCode];
  return {
    claimPromoSlot,
    rateBps: claimPromoSlot ? rates.promoRateBps : rates.standardRateBps,
    planId: defaultPlanId(a.programmeCode, a.format),
    agreement: { ...(template ?? defaultTemplate), noticePeriod: { ...(template ?? defaultTemplate).noticePeriod }, effectiveOn: a.today },
    templateCode: template ? a.programmeCode : 'default',
  };
}

/** A rate in basis points for people: 5000 → "50%", 1250 → "12.5%". */
export function percentText(bps: number): string {
  return `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}
