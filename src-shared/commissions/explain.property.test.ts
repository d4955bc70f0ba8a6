import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMoney, groupThousands } from './explain';
import { money } from '../money/money';

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
