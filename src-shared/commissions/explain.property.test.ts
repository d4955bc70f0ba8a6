import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMoney, groupThousands } from './explain';
import { money } from '../money/money';
import { CURRENCY_CODES, type CurrencyCode } from '../money/currency';
import { formatMinorPlain } from '../money/format';

describe('groupThousands', () => {
  it('groups digits in threes from the right, as the regular expression it replaced did', () => {
    const oracle = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,20}$/), (digits) => {
        expect(groupThousands(digits)).toBe(oracle(digits));
      }),
      { numRuns: 5000 },
    );
    expect(groupThousands('1234567')).toBe('1,234,567');
  });
});

describe('describeMoney', () => {
  it.each([
    ['GBP', 4000, '£40.00'],
    ['USD', 500000, '$5,000.00'],
    ['EUR', -500, '-€5.00'],
    ['JPY', 1234567, '¥1,234,567'],
    ['CHF', 1250, 'CHF 12.50'],
    ['GBP', 5, '£0.05'],
  ] as const)('%s %i → %s', (currency, minor, text) => {
    expect(describeMoney(money(currency, minor))).toBe(text);
  });
});

describe('describeMoney against the plain decimal format', () => {
  it('is formatMinorPlain with its whole part grouped and the currency symbol, for every currency and safe amount', () => {
    const oracle = (minor: number, currency: CurrencyCode) => {
      const plain = formatMinorPlain(Math.abs(minor), currency);
      const [whole, fraction] = plain.split('.') as [string, string | undefined];
      const symbol = ({ GBP: '£', USD: '$', EUR: '€', JPY: '¥' } as Partial<Record<CurrencyCode, string>>)[currency];
      const number = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
      return `${minor < 0 ? '-' : ''}${symbol ?? `${currency} `}${number}`;
    };
    const amounts = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.integer().map((n) => -Math.abs(n)), fc.constantFrom(0, -0, 1, 9, 10, 99, 100, 999, 1000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), amounts, (currency, minor) => {
        expect(describeMoney(money(currency, minor))).toBe(oracle(minor, currency));
      }),
      { numRuns: 20000 },
    );
  });
});
