import type { AgreementTerms } from './terms';

/**
 * The agreement terms each seed programme states, used to prefill a new agreement (at
 * application approval or by hand). Fields a programme does not state are the app's
 * defaults and say so. The effective date is always chosen per partner.
 */
export type TermsTemplate = Omit<AgreementTerms, 'effectiveOn'>;

export const agreementTemplates: Record<string, TermsTemplate> = {
  // Seed 000: 12-month initial term, then rolling with 3 months' notice; share stops on termination.
  allset: { initialTermMonths: 12, afterInitialTerm: 'rolling', noticePeriod: { unit: 'months', count: 3 }, governingLaw: 'England and Wales', postTermination: 'stops', curePeriodDays: null, nonSolicitMonths: null, breachOutcome: 'terminate' },
  // Seed 001: 3-day notice, 15 days to cure a breach, 1-year non-solicit, California law.
  aloware: { initialTermMonths: 0, afterInitialTerm: 'rolling', noticePeriod: { unit: 'days', count: 3 }, governingLaw: 'State of California', postTermination: 'stops', curePeriodDays: 15, nonSolicitMonths: 12, breachOutcome: 'terminate' },
  // Seed 002 states no term or notice: the app's default of 30 days' notice.
  messagehelp: { initialTermMonths: 0, afterInitialTerm: 'rolling', noticePeriod: { unit: 'days', count: 30 }, governingLaw: 'Estonia', postTermination: 'stops', curePeriodDays: null, nonSolicitMonths: null, breachOutcome: 'suspend' },
  // Seed 003 states no term or notice: the app's default of 30 days' notice and 30 days to cure.
  salespartner: { initialTermMonths: 0, afterInitialTerm: 'rolling', noticePeriod: { unit: 'days', count: 30 }, governingLaw: 'State of Delaware', postTermination: 'stops', curePeriodDays: 30, nonSolicitMonths: null, breachOutcome: 'suspend' },
};

export const defaultTemplate: TermsTemplate = agreementTemplates.messagehelp!;
