import { CURRENCY_MINOR_UNITS } from '../money/currency';

// Money in exports. Amounts stay integers of minor units until the moment they are written:
// CSV gets the exact decimal text, XLSX a number in major units parsed from that same text
// (the double nearest the exact decimal — never the result of float arithmetic on totals),
// with a number format that shows the currency and its decimals.

/** Decimals of the currency's minor unit; 2 for a code we do not know. */
export function exponentOf(currency: string): number {
  return (CURRENCY_MINOR_UNITS as Record<string, number>)[currency] ?? 2;
}

/** '1234.50', '-0.05', '1500' (JPY), '1.234' (KWD): exact, no grouping, no symbol. */
export function decimalText(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not a whole number of minor units`);
  const e = exponentOf(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor));
  if (e === 0) return sign + digits;
  const padded = digits.padStart(e + 1, '0');
  return `${sign}${padded.slice(0, -e)}.${padded.slice(-e)}`;
}

/** The amount in major units as a spreadsheet number (parsed from the exact decimal text). */
export function majorNumber(minor: number, currency: string): number {
  return Number(decimalText(minor, currency));
}

const symbols: Record<string, string> = { USD: '"$"', GBP: '"£"', JPY: '"¥"', EUR: '[$€-x-euro2] ' };

/**
 * An Excel number format for the currency: '"$"#,##0.00', '[$€-x-euro2] #,##0.00',
 * '"£"#,##0.00', '"¥"#,##0', else the code in front ('[$CHF] #,##0.00'). A single section,
 * so a negative amount shows as -$1.00.
 */
export function excelCurrencyFormat(currency: string): string {
  const e = exponentOf(currency);
  const digits = e === 0 ? '#,##0' : `#,##0.${'0'.repeat(e)}`;
  return `${symbols[currency] ?? `[$${currency.replace(/[^A-Z]/g, '')}] `}${digits}`;
}
