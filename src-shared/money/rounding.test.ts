import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, sum } from './money';
import { divideHalfEven, percentOf, shareOf } from './rounding';

describe('divideHalfEven (banker’s rounding)', () => {
  it.each([
    [5n, 2n, 2n], // 2.5 → 2
    [7n, 2n, 4n], // 3.5 → 4
    [-5n, 2n, -2n], // -2.5 → -2
    [-7n, 2n, -4n], // -3.5 → -4
    [11n, 4n, 3n], // 2.75 → 3
    [9n, 4n, 2n], // 2.25 → 2
    [-9n, 4n, -2n],
    [-11n, 4n, -3n],
    [5n, -2n, -2n],
    [0n, 3n, 0n],
  ])('%s / %s → %s', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  it('refuses division by zero', () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow(/Division by zero/);
  });
});

describe('percentOf', () => {
  it.each([
    // base minor, rate bps, expected minor
    [4000, 1500, 600], // 15% of £40.00 = £6.00 (scenario A)
    [2000, 2000, 400],
    [300000, 2000, 60000],
    [80000, 3000, 24000],
    [9250, 2000, 1850], // scenario D: 20% of $92.50 = $18.50
    [50, 1000, 5],
    [25, 1000, 2], // 2.5 → 2 (even)
    [35, 1000, 4], // 3.5 → 4 (even)
    [45, 1000, 4], // 4.5 → 4
    [-25, 1000, -2], // negatives round symmetrically
    [-35, 1000, -4],
    [1, 5000, 0], // 0.5 → 0
    [3, 5000, 2], // 1.5 → 2
    [3000, 3500, 1050], // 35% of €30.00 = €10.50
    [1, 1, 0],
    [12345, 1250, 1543], // 1543.125 → 1543
  ])('%i × %i bps → %i', (base, rate, expected) => {
    expect(percentOf(money('GBP', base), rate)).toEqual(money('GBP', expected));
  });

  it('is exact beyond double precision', () => {
    expect(percentOf(money('USD', Number.MAX_SAFE_INTEGER), 10_000).minor).toBe(Number.MAX_SAFE_INTEGER);
    expect(percentOf(money('USD', 9_007_199_254_740_990), 5000).minor).toBe(4_503_599_627_370_495);
  });

  it('refuses fractional and negative rates', () => {
    expect(() => percentOf(money('GBP', 100), 12.5)).toThrow(/basis points/);
    expect(() => percentOf(money('GBP', 100), -1)).toThrow(/basis points/);
  });

  it('keeps the currency', () => {
    expect(percentOf(money('JPY', 1001), 1500)).toEqual(money('JPY', 150)); // 150.15 → 150
  });

  const amount = fc.integer({ min: -1e9, max: 1e9 });
  const rate = fc.integer({ min: 0, max: 10_000 });

  it('is within half a minor unit of the exact product (property)', () => {
    fc.assert(
      fc.property(amount, rate, (base, bps) => {
        const got = percentOf(money('EUR', base), bps).minor;
        expect(Math.abs(got * 10_000 - base * bps)).toBeLessThanOrEqual(5_000);
      }),
    );
  });

  it('is odd-symmetric: percentOf(−x) = −percentOf(x) (property)', () => {
    fc.assert(
      fc.property(amount, rate, (base, bps) => {
        expect(percentOf(money('EUR', -base), bps).minor).toBe(-percentOf(money('EUR', base), bps).minor || 0);
      }),
    );
  });

  // Documented rounding: each ledger line is rounded once on its own, so the sum of the
  // per-line commissions may differ from the rate applied to the summed base, by at most
  // half a minor unit per line.
  it('sum of per-line percentOf is within n/2 minor units of percentOf of the sum (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e8 }), { minLength: 1, maxLength: 40 }), rate, (bases, bps) => {
        const perLine = sum(
          'USD',
          bases.map((b) => percentOf(money('USD', b), bps)),
        ).minor;
        const exactTimes10k = bases.reduce((s, b) => s + b * bps, 0);
        expect(Math.abs(perLine * 10_000 - exactTimes10k)).toBeLessThanOrEqual(5_000 * bases.length);
        const onTotal = percentOf(money('USD', bases.reduce((s, b) => s + b, 0)), bps).minor;
        expect(Math.abs(perLine - onTotal)).toBeLessThanOrEqual(Math.ceil(bases.length / 2));
      }),
    );
  });

  it('equals percentOf of the sum when every line is exact (e.g. whole pounds at 15%)', () => {
    const lines = [4000, 6000, 4000].map((b) => percentOf(money('GBP', b), 1500));
    expect(sum('GBP', lines)).toEqual(percentOf(money('GBP', 14000), 1500));
  });
});

describe('shareOf', () => {
  it.each([
    [600, 2000, 4000, 300], // refund of £20.00 of £40.00 reverses half of £6.00
    [5, 1, 2, 2], // 2.5 → 2
    [7, 1, 2, 4], // 3.5 → 4
    [-5, 1, 2, -2],
    [100, 1, 3, 33],
  ])('%i × %i / %i → %i', (amount, num, den, expected) => {
    expect(shareOf(money('GBP', amount), num, den)).toEqual(money('GBP', expected));
  });

  it('refuses a zero denominator', () => {
    expect(() => shareOf(money('GBP', 1), 1, 0)).toThrow(/positive denominator/);
  });
});
