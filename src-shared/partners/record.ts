import type { PartnerFields, PartnerFormat } from './schemas';
import { PartnerFormat as PartnerFormatEnum } from './schemas';

/**
 * Which partner formats each seed programme has. A programme not listed here (one a
 * workspace set up itself) accepts every format.
 */
const programmeFormats: Record<string, readonly PartnerFormat[]> = {
  allset: ['affiliate'], // Seed 000: the AllSet affiliate programme
  aloware: ['lead_referral', 'affiliate'], // Seed 001: "affiliate & lead referral"
  messagehelp: ['referral', 'integrator'], // Seed 002: referral and integrator formats
  salespartner: ['reseller'], // Seed 003: resellers
};

export function formatsForProgramme(programmeCode: string): readonly PartnerFormat[] {
  return programmeFormats[programmeCode] ?? PartnerFormatEnum.options;
}

const words = (f: string) => f.replace('_', ' ');

interface RecordRuleFields extends Pick<PartnerFields, 'format' | 'stripeAccountId' | 'stripeAccountState' | 'taxFormKind'> {
  taxFormReceivedOn: string | null;
  taxFormExpiresOn: string | null;
  registeredOn: string;
}

/**
 * Rules that span several fields of the partner record, as field → message (empty = fine).
 * Pure: `today` is passed in, so a date "in the future" is judged against the caller's clock.
 */
export function partnerRecordProblems(f: RecordRuleFields, programmeCode: string, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const formats = formatsForProgramme(programmeCode);
  if (!formats.includes(f.format)) {
    problems.format = `This programme has ${formats.map(words).join(' and ')} partners, not ${words(f.format)}`;
  }
  if (f.stripeAccountState !== 'none' && !f.stripeAccountId) {
    problems.stripeAccountId = 'Enter the Stripe Connect account id (acct_…) for an account that is pending, restricted or enabled';
  }
  if (f.stripeAccountId && f.stripeAccountState === 'none') {
    problems.stripeAccountState = 'Choose the account’s state: pending, restricted or enabled';
  }
  if (!f.taxFormKind && (f.taxFormReceivedOn || f.taxFormExpiresOn)) {
    problems.taxFormKind = 'Choose which tax form the dates belong to (W-9, W-8BEN or W-8BEN-E)';
  }
  if (f.taxFormReceivedOn && f.taxFormReceivedOn > today) {
    problems.taxFormReceivedOn = 'A tax form cannot be received in the future';
  }
  if (f.taxFormReceivedOn && f.taxFormExpiresOn && f.taxFormExpiresOn <= f.taxFormReceivedOn) {
    problems.taxFormExpiresOn = 'The expiry date must be after the date the form was received';
  }
  if (f.registeredOn > today) problems.registeredOn = 'The registration date cannot be in the future';
  return problems;
}
