import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from './currency';
import { formatMinorPlain, formatMoneyPlain } from './format';
import { money } from './money';
import { MoneyParseError, parseDecimalToMinor } from './parse';

describe('parseDecimalToMinor', () => {
  it.each([
    ['40.00', 'GBP', 4000],
    ['40', 'GBP', 4000],
    ['40.5', 'GBP', 4050],
    ['0.05', 'EUR', 5],
    ['-12.34', 'USD', -1234],
    ['-0.00', 'USD', 0],
    ['  92.50 ', 'USD', 9250],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['007.10', 'GBP', 710],
  ] as const)('%j in %s → %i', (text, currency, expected) => {
    expect(parseDecimalToMinor(text, currency)).toBe(expected);
  });

  it.each([
    ['', 'GBP', 'empty', /amount is empty/],
    ['   ', 'GBP', 'empty', /amount is empty/],
    ['40.001', 'GBP', 'too_many_decimals', /'40.001' has 3 decimals, but GBP allows at most 2/],
    ['40.5', 'JPY', 'too_many_decimals', /JPY has no minor unit/],
    ['abc', 'GBP', 'not_a_number', /'abc' is not a number/],
    ['1,000.00', 'USD', 'not_a_number', /without thousands separators/],
    ['40,00', 'EUR', 'not_a_number', /not a number/],
    ['£40.00', 'GBP', 'not_a_number', /no currency symbol/],
    ['1e3', 'GBP', 'not_a_number', /not a number/],
    ['.5', 'GBP', 'not_a_number', /not a number/],
    ['5.', 'GBP', 'not_a_number', /not a number/],
    ['+5', 'GBP', 'not_a_number', /not a number/],
    ['--5', 'GBP', 'not_a_number', /not a number/],
    ['99999999999999999.00', 'GBP', 'out_of_range', /too large/],
  ] as const)('refuses %j in %s (%s)', (text, currency, problem, message) => {
    try {
      parseDecimalToMinor(text, currency);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MoneyParseError);
      expect((error as MoneyParseError).problem).toBe(problem);
      expect((error as MoneyParseError).message).toMatch(message);
    }
  });
});

describe('formatMinorPlain', () => {
  it.each([
    [4000, 'GBP', '40.00'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [-123456, 'USD', '-1234.56'],
    [0, 'USD', '0.00'],
    [1500, 'JPY', '1500'],
    [1234, 'KWD', '1.234'],
  ] as const)('%i %s → %s', (minor, currency, text) => {
    expect(formatMinorPlain(minor, currency)).toBe(text);
  });

  it('formats Money', () => {
    expect(formatMoneyPlain(money('GBP', 126_00))).toBe('126.00');
  });

  it('round-trips with the parser for every currency (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.maxSafeInteger(), (currency, minor) => {
        expect(parseDecimalToMinor(formatMinorPlain(minor, currency), currency)).toBe(minor === 0 ? 0 : minor);
      }),
    );
  });
});
