import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, isCurrencyCode, minorUnitExponent, toCurrencyCode } from './currency';
import { add, compare, CurrencyMismatchError, money, neg, sub, sum, toMinor, zero } from './money';

const gbp = (minor: number) => money('GBP', minor);

describe('currencies', () => {
  it.each([
    ['EUR', 2],
    ['GBP', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
  ] as const)('%s has %i decimals', (code, exponent) => {
    expect(minorUnitExponent(code)).toBe(exponent);
  });

  it('knows only real codes, not object keys', () => {
    expect(isCurrencyCode('GBP')).toBe(true);
    expect(isCurrencyCode('gbp')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
    expect(() => toCurrencyCode('XXQ')).toThrow(/'XXQ' is not a supported ISO 4217 currency code/);
    expect(CURRENCY_CODES).toContain('JPY');
  });
});

describe('Money arithmetic', () => {
  it('adds, subtracts, negates and sums in one currency', () => {
    expect(add(gbp(4000), gbp(600))).toEqual(gbp(4600));
    expect(sub(gbp(600), gbp(4000))).toEqual(gbp(-3400));
    expect(neg(gbp(600))).toEqual(gbp(-600));
    expect(sum('GBP', [gbp(1), gbp(2), gbp(3)])).toEqual(gbp(6));
    expect(sum('GBP', [])).toEqual(zero('GBP'));
  });

  it('throws on mixed currencies instead of summing silently', () => {
    expect(() => add(gbp(1), money('EUR', 1))).toThrow(CurrencyMismatchError);
    expect(() => sub(gbp(1), money('USD', 1))).toThrow(/Cannot subtract GBP and USD/);
    expect(() => sum('GBP', [gbp(1), money('EUR', 1)])).toThrow(CurrencyMismatchError);
    expect(() => compare(gbp(1), money('EUR', 1))).toThrow(CurrencyMismatchError);
  });

  it('refuses non-integers and unsafe results', () => {
    expect(() => toMinor(1.5)).toThrow(/not a whole number/);
    expect(() => add(gbp(Number.MAX_SAFE_INTEGER), gbp(1))).toThrow(RangeError);
    expect(Object.is(neg(gbp(0)).minor, 0)).toBe(true);
  });

  it('add and sub are inverse (property)', () => {
    const amount = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(sub(add(gbp(a), gbp(b)), gbp(b))).toEqual(gbp(a));
        expect(add(gbp(a), neg(gbp(a)))).toEqual(gbp(0));
      }),
    );
  });
});
