import type { IsoDate } from '../dates/isoDate';
import type { AgreementStateName, NoticeOutcome } from './dates';

// Words the core puts in messages and the screens put on badges. Messages are written in
// English by the core (they are the text a person reads in the dialog), so the date format
// here is fixed — "15 Jan 2026" — and does not depend on the machine's locale.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** '2026-01-15' → '15 Jan 2026'. */
export function dayText(date: IsoDate | string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? '?'} ${y}`;
}

export const stateLabels: Record<AgreementStateName, string> = {
  draft: 'Not yet in effect',
  initial_term: 'Initial term',
  rolling: 'Rolling',
  notice_served: 'Notice served',
  in_cure: 'In cure period',
  suspended: 'Suspended',
  terminated: 'Terminated',
  ended: 'Ended (fixed term)',
};

/** The sentence shown when notice cannot be served on that day, or null when it can. */
export function noticeRefusal(outcome: NoticeOutcome): string | null {
  if (outcome.ok) return null;
  switch (outcome.reason) {
    // Seed 000: "Months 1-12: Initial term. Neither party can exit early (except for breach)."
    case 'initial-term':
      return `Notice can first be served on ${dayText(outcome.firstAllowed)} — the initial term runs until then`;
    case 'before-effective':
      return `Notice cannot be served before the agreement takes effect on ${dayText(outcome.effectiveOn)}`;
    case 'fixed-term':
      return `This is a fixed-term agreement: it ends on ${dayText(outcome.endsOn)} without notice`;
  }
}
