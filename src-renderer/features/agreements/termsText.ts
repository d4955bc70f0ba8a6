import type { AgreementTerms, NoticePeriod } from '../../../src-shared/agreements/terms';

// The agreement's terms in words, for the tab and the dialogs.

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

export function noticeText(p: NoticePeriod): string {
  return `${plural(p.count, p.unit === 'months' ? 'month' : 'day')}' notice`.replace(/^1 (month|day)' notice$/, "1 $1's notice");
}

export const afterInitialText: Record<AgreementTerms['afterInitialTerm'], string> = {
  rolling: 'Rolling until notice',
  fixed: 'Ends (fixed term)',
};

export const postTerminationText: Record<AgreementTerms['postTermination'], string> = {
  stops: 'Commission stops on the termination date',
  continues_for_prior_referrals: 'Continues for referrals made before termination',
};

export const breachOutcomeText: Record<AgreementTerms['breachOutcome'], string> = {
  suspend: 'Suspension',
  terminate: 'Termination',
};

export const months = (n: number | null) => (n === null ? 'None' : plural(n, 'month'));
export const days = (n: number | null) => (n === null ? 'None' : plural(n, 'day'));
