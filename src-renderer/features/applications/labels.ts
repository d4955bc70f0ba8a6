import type { ApplicationRow, ApplicationStatus } from '../../../src-shared/applications/contract';
import { percentText } from '../../../src-shared/applications/rules';

export { formatLabels } from '../../../src-shared/applications/rules';
export { rejectReasonLabels } from '../../../src-shared/applications/contract';

export const statusLabels: Record<ApplicationStatus, string> = {
  submitted: 'Waiting',
  approved: 'Approved',
  rejected: 'Rejected',
};

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM-DD' or an ISO timestamp → "5 Jan 2026" (the calendar day, in UTC like the core). */
export function formatDay(isoDay: string): string {
  return dayFormat.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

export function rateLabel(bps: number | null): string {
  return bps === null ? 'Plan’s rate' : `${percentText(bps)} (${bps} bps)`;
}

export function decisionLine(a: ApplicationRow): string | null {
  if (a.status === 'submitted' || !a.decidedAt) return null;
  return `${a.status === 'approved' ? 'Approved' : 'Rejected'} on ${formatDay(a.decidedAt)}${a.decidedByName ? ` by ${a.decidedByName}` : ''}`;
}
