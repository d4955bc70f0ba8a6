import { formatCount, formatMoney } from '../../components/format';

// Formatting for the commission screens, beside components/format.ts (money goes through
// its formatMoney only). ISO days are calendar days: formatted in UTC so they never shift.

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const stampFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  return dayFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export function formatStamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : stampFormat.format(d);
}

/** Basis points as a percentage for people: 1500 → "15%", 1250 → "12.5%". */
export function formatRate(bps: number): string {
  return `${percentFormat.format(bps / 100)}%`;
}

/** A signed amount with an explicit + for gains (what-if differences). */
export function formatSignedMoney(minor: number, currency: string): string {
  return minor > 0 ? `+${formatMoney(minor, currency)}` : formatMoney(minor, currency);
}

/** The calendar month (UTC, as the core counts days) `offset` months from now, as YYYY-MM. */
export function monthFromNow(offset = 0): string {
  const d = new Date();
  const m = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

export const ruleLabel: Record<string, string> = {
  revenue_share: 'Revenue share',
  refund_reversal: 'Refund reversal',
  chargeback_reversal: 'Chargeback',
  adjustment: 'Adjustment',
};

export const movementLabel: Record<string, string> = {
  top_up_card: 'Top-up by card',
  top_up_invoice: 'Top-up by invoice',
  charge: 'Client charge',
  bonus_grant: 'Welcome bonus granted',
  bonus_use: 'Welcome bonus used',
  bonus_expiry: 'Welcome bonus expired',
};

export const formatLabel: Record<string, string> = {
  affiliate: 'Affiliate',
  lead_referral: 'Lead referral',
  referral: 'Referral',
  integrator: 'Integrator',
  reseller: 'Reseller',
};

export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
