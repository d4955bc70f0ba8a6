import { minorUnitExponent, type CurrencyCode } from './currency';
import { toMinor, type Minor } from './money';

export type MoneyParseProblem = 'empty' | 'not_a_number' | 'too_many_decimals' | 'out_of_range';

export class MoneyParseError extends Error {
  override readonly name = 'MoneyParseError';
  constructor(readonly problem: MoneyParseProblem, readonly input: string, message: string) {
    super(message);
  }
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Strict parser for imported amounts: '40.00' in GBP → 4000. Accepts an optional
 * leading '-', digits and at most the currency's number of decimals; surrounding
 * spaces are ignored. Everything else (thousands separators, decimal commas, symbols,
 * exponents, '.5', '5.') is refused with a message naming the problem, because a
 * guessed amount in a finance import is worse than a refused one.
 */
export function parseDecimalToMinor(text: string, currency: CurrencyCode): Minor {
  const input = text.trim();
  const exponent = minorUnitExponent(currency);
  const example = exponent === 0 ? '1500' : `40.${'0'.repeat(exponent)}`;
  if (input === '') throw new MoneyParseError('empty', text, `The amount is empty; expected a number such as ${example}`);
  const match = DECIMAL.exec(input);
  if (!match) {
    const hint = /\d[,\s']\d/.test(input)
      ? ' (write it without thousands separators, with a dot for decimals)'
      : /[^\d.,\s'+-]/.test(input)
        ? ' (write only digits, no currency symbol or letters)'
        : '';
    throw new MoneyParseError(
      'not_a_number',
      text,
      `'${input}' is not a number; expected a ${currency} amount such as ${example}${hint}`,
    );
  }
  const [, minus, whole = '', fraction = ''] = match;
  if (fraction.length > exponent) {
    const allowed = exponent === 0 ? `${currency} has no minor unit, so no decimals are allowed` : `${currency} allows at most ${exponent}`;
    throw new MoneyParseError(
      'too_many_decimals',
      text,
      `'${input}' has ${fraction.length} decimal${fraction.length === 1 ? '' : 's'}, but ${allowed}`,
    );
  }
  const digits = BigInt(whole + fraction.padEnd(exponent, '0'));
  const value = minus ? -digits : digits;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyParseError('out_of_range', text, `'${input}' is too large to be stored exactly`);
  }
  return toMinor(Number(value));
}
