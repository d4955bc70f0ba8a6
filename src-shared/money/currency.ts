// ISO 4217 currency codes with their minor-unit exponent (how many decimals the
// currency's smallest unit has). Amounts are stored as integers of that unit, so the
// exponent is all we need to parse and print them; symbols and grouping for people
// are the renderer's job (Intl).
export const CURRENCY_MINOR_UNITS = {
  AUD: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  ILS: 2,
  INR: 2,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  MXN: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PLN: 2,
  RON: 2,
  SEK: 2,
  SGD: 2,
  TND: 3,
  TRY: 2,
  UAH: 2,
  USD: 2,
  VND: 0,
  ZAR: 2,
} as const;

export type CurrencyCode = keyof typeof CURRENCY_MINOR_UNITS;

export const CURRENCY_CODES: readonly CurrencyCode[] = (Object.keys(CURRENCY_MINOR_UNITS) as CurrencyCode[]).sort();

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.hasOwn(CURRENCY_MINOR_UNITS, value);
}

/** Throws a message a person can act on when an import names a currency we do not know. */
export function toCurrencyCode(value: string): CurrencyCode {
  if (isCurrencyCode(value)) return value;
  throw new RangeError(`'${value}' is not a supported ISO 4217 currency code (for example GBP, EUR, USD, JPY)`);
}

/** Number of decimals of the currency's minor unit: 2 for GBP, 0 for JPY, 3 for KWD. */
export function minorUnitExponent(currency: CurrencyCode): number {
  return CURRENCY_MINOR_UNITS[currency];
}
