import type { CurrencyCode } from './currency';

declare const minorBrand: unique symbol;

/**
 * A whole number of a currency's minor unit (pence, cents, yen). Branded so a plain
 * number cannot be passed where an exact amount is expected; always a safe integer,
 * so arithmetic on it is exact.
 */
export type Minor = number & { readonly [minorBrand]: true };

/** An amount in one currency. Amounts of different currencies are never added. */
export type Money = { readonly currency: CurrencyCode; readonly minor: Minor };

export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
  constructor(readonly left: CurrencyCode, readonly right: CurrencyCode, operation: string) {
    super(`Cannot ${operation} ${left} and ${right}: amounts in different currencies are never combined`);
  }
}

export function isMinor(value: unknown): value is Minor {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Checks that `value` is an exact integer amount; -0 becomes 0 so output is stable. */
export function toMinor(value: number): Minor {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${value} is not a whole number of minor units within the safe integer range`);
  }
  return (value === 0 ? 0 : value) as Minor;
}

export function money(currency: CurrencyCode, minor: number): Money {
  return { currency, minor: toMinor(minor) };
}

export function zero(currency: CurrencyCode): Money {
  return money(currency, 0);
}

function sameCurrency(a: Money, b: Money, operation: string): CurrencyCode {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency, operation);
  return a.currency;
}

/** Throws on mixed currencies and on results outside the safe integer range. */
export function add(a: Money, b: Money): Money {
  return money(sameCurrency(a, b, 'add'), a.minor + b.minor);
}

export function sub(a: Money, b: Money): Money {
  return money(sameCurrency(a, b, 'subtract'), a.minor - b.minor);
}

export function neg(a: Money): Money {
  return money(a.currency, -a.minor);
}

/** Sum in `currency`; the currency is explicit so an empty list has a well-defined total. */
export function sum(currency: CurrencyCode, values: readonly Money[]): Money {
  let total = zero(currency);
  for (const v of values) {
    if (v.currency !== currency) throw new CurrencyMismatchError(currency, v.currency, 'sum');
    total = add(total, v);
  }
  return total;
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, 'compare');
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

export function minMoney(a: Money, b: Money): Money {
  return compare(a, b) <= 0 ? a : b;
}

export function maxMoney(a: Money, b: Money): Money {
  return compare(a, b) >= 0 ? a : b;
}

export function isZero(a: Money): boolean {
  return a.minor === 0;
}

export function isNegative(a: Money): boolean {
  return a.minor < 0;
}

export function isPositive(a: Money): boolean {
  return a.minor > 0;
}

export function equalsMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.minor === b.minor;
}
