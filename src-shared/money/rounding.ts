import { money, type Money } from './money';

/** 10,000 basis points = 100%. Rates are integers of basis points (15% = 1500). */
export const BPS_PER_WHOLE = 10_000;

/**
 * numerator / denominator rounded to the nearest integer, ties to the even neighbour
 * (banker's rounding). Symmetric around zero: -2.5 → -2, -3.5 → -4. Exact for any size
 * because it works on BigInt.
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let quotient = abs / denominator;
  const twiceRemainder = (abs % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

export function assertRateBps(rateBps: number): void {
  if (!Number.isSafeInteger(rateBps) || rateBps < 0) {
    throw new RangeError(`Rate ${rateBps} must be a whole, non-negative number of basis points (15% = 1500)`);
  }
}

/**
 * `rateBps` basis points of `base`, computed exactly and rounded once, half to even, to
 * the minor unit. The one rounding rule of the ledger: each ledger line is rounded on
 * its own, so the sum of lines may differ from the rate applied to the sum of bases by
 * at most half a minor unit per line (see rounding.test.ts).
 */
export function percentOf(base: Money, rateBps: number): Money {
  assertRateBps(rateBps);
  return money(base.currency, Number(divideHalfEven(BigInt(base.minor) * BigInt(rateBps), BigInt(BPS_PER_WHOLE))));
}

/**
 * amount × numerator / denominator, rounded once half to even — used for proportional
 * shares (a partial refund reverses that share of the commission the payment earned).
 */
export function shareOf(amount: Money, numerator: number, denominator: number): Money {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`Share ${numerator}/${denominator} must be whole numbers with a positive denominator`);
  }
  return money(amount.currency, Number(divideHalfEven(BigInt(amount.minor) * BigInt(numerator), BigInt(denominator))));
}
