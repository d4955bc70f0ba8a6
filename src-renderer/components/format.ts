/**
 * Formatting for people happens here only, with Intl; the core deals in minor units.
 * Formatters are built once per currency: constructing Intl objects is the slow part.
 */
import { isCurrencyCode, minorUnitExponent } from '../../src-shared/money/currency';

const moneyFormats = new Map<string, Intl.NumberFormat>();
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const countFormat = new Intl.NumberFormat();

export function formatMoney(minor: number, currency: string): string {
  // The currency's own minor units (0 for JPY, 3 for KWD): the amount is exact, never rounded by display.
  const digits = isCurrencyCode(currency) ? minorUnitExponent(currency) : 2;
  let f = moneyFormats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(currency, f);
  }
  return f.format(minor / 10 ** digits);
}

export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return monthFormat.format(new Date(Date.UTC(y!, m! - 1, 1)));
}

export const formatCount = (n: number) => countFormat.format(n);
