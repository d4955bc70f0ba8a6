import { minorUnitExponent, type CurrencyCode } from './currency';
import type { Money } from './money';

/**
 * Plain decimal text of an amount — '40.00', '-0.05', '1500' for JPY — with no symbol
 * or grouping, for CSV exports and round-tripping through parseDecimalToMinor. Human
 * formatting happens in the renderer with Intl.
 */
export function formatMinorPlain(minor: number, currency: CurrencyCode): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not a whole number of minor units`);
  const exponent = minorUnitExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor));
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

export function formatMoneyPlain(amount: Money): string {
  return formatMinorPlain(amount.minor, amount.currency);
}
