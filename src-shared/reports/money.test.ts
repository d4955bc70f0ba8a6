import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalText, excelCurrencyFormat, majorNumber } from './money';

describe('money in exports', () => {
  it.each([
    [123450, 'USD', '1234.50'],
    [-5, 'EUR', '-0.05'],
    [0, 'GBP', '0.00'],
    [1500, 'JPY', '1500'],
    [1234, 'KWD', '1.234'],
    [-1, 'KWD', '-0.001'],
    [7, 'XXX', '0.07'],
  ])('%i minor units of %s are written %s', (minor, currency, text) => {
    expect(decimalText(minor, currency)).toBe(text);
  });

  it.each([
    ['USD', '"$"#,##0.00'],
    ['EUR', '[$€-x-euro2] #,##0.00'],
    ['GBP', '"£"#,##0.00'],
    ['JPY', '"¥"#,##0'],
    ['KWD', '[$KWD] #,##0.000'],
    ['CHF', '[$CHF] #,##0.00'],
  ])('%s cells use the number format %s', (currency, format) => {
    expect(excelCurrencyFormat(currency)).toBe(format);
  });

  it('a spreadsheet number reads back as the same cents, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom('USD', 'JPY', 'KWD'), (minor, currency) => {
        const e = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
        expect(Math.round(majorNumber(minor, currency) * 10 ** e)).toBe(minor);
        expect(majorNumber(minor, currency).toFixed(e)).toBe(decimalText(minor, currency));
      }),
    );
  });

  it('refuses a fractional amount of minor units', () => {
    expect(() => decimalText(1.5, 'USD')).toThrow(/whole number/);
  });
});
