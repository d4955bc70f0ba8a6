import type { TaxFormKind } from './schemas';

export type TaxFormStatus = 'missing' | 'valid' | 'no_expiry' | 'expiring' | 'expired';

/** A tax form expiring within this many days is flagged so a new one can be requested in time. */
export const TAX_FORM_WARNING_DAYS = 30;

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether the partner's tax form on file is usable on `today`, and whether it runs out soon. */
export function taxFormStatus(kind: TaxFormKind | null, expiresOn: string | null, today: string, warnDays = TAX_FORM_WARNING_DAYS): TaxFormStatus {
  if (!kind) return 'missing';
  if (!expiresOn) return 'no_expiry';
  if (expiresOn < today) return 'expired';
  if (expiresOn <= addDaysIso(today, warnDays)) return 'expiring';
  return 'valid';
}

/**
 * The usual expiry of a form received on a date: a W-8BEN or W-8BEN-E stays in effect until
 * the last day of the third calendar year after the year it was signed; a W-9 has no expiry.
 */
export function usualTaxFormExpiry(kind: TaxFormKind, receivedOn: string): string | null {
  if (kind === 'W-9') return null;
  return `${String(Number(receivedOn.slice(0, 4)) + 3).padStart(4, '0')}-12-31`;
}
