import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidRevenueLine, RevenueLineSchema } from './input';

// The plain check that spares the run a zod parse per line must accept exactly the lines
// the schema accepts — never one more, or a bad line would slip into a computation.
const text = fc.oneof(fc.constant(''), fc.constantFrom('l1', 'p1', 'c_1'), fc.string({ maxLength: 4 }));
const maybe = <T,>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean());
const amount = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.5, -0, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1),
  fc.constant('10'),
  fc.constant(null),
);
const line = fc.record(
  {
    id: maybe(text),
    customerId: maybe(text),
    paidOn: maybe(fc.constantFrom('2026-02-28', '2026-02-29', '2024-02-29', '2026-1-01', '0999-01-01', '')),
    currency: maybe(fc.constantFrom('GBP', 'USD', 'EUR', 'JPY', 'gbp', 'XXX', '')),
    category: maybe(fc.constantFrom('subscription', 'platform_fee', 'overage', 'usage', 'one_off', 'setup', 'other')),
    productLine: maybe(text),
    productId: maybe(text),
    priceId: maybe(text),
    grossMinor: amount,
    discountMinor: amount,
    kind: maybe(fc.constantFrom('payment', 'refund', 'chargeback', 'Payment')),
    originalLineId: maybe(text),
    cashReceived: maybe(fc.boolean()),
    extra: fc.string(),
  },
  { requiredKeys: [] },
);
const valid = fc.record({
  id: fc.constantFrom('l1', 'l2'),
  customerId: fc.constant('c1'),
  paidOn: fc.constantFrom('2026-02-28', '2024-02-29'),
  currency: fc.constantFrom('GBP', 'JPY'),
  category: fc.constantFrom('subscription', 'usage'),
  grossMinor: fc.integer({ min: 0, max: 1000 }),
  discountMinor: fc.integer({ min: 0, max: 1000 }),
  kind: fc.constantFrom('payment', 'refund', 'chargeback'),
  originalLineId: fc.constantFrom(undefined, null, '', 'l0'),
});

describe('isValidRevenueLine', () => {
  it('accepts exactly what RevenueLineSchema accepts', () => {
    const agree = (l: unknown) => {
      expect(isValidRevenueLine(l)).toBe(RevenueLineSchema.safeParse(l).success);
    };
    fc.assert(fc.property(fc.oneof(line, valid, fc.anything()), agree), { numRuns: 30_000 });
    for (const l of [null, undefined, [], 'line', 5, new Date()]) agree(l);
  });

  it('accepts a well-formed payment and refuses a discount above the gross', () => {
    const payment = { id: 'l1', customerId: 'c1', paidOn: '2026-03-01', currency: 'GBP', category: 'subscription', grossMinor: 100, discountMinor: 0, kind: 'payment' };
    expect(isValidRevenueLine(payment)).toBe(true);
    expect(isValidRevenueLine({ ...payment, discountMinor: 101 })).toBe(false);
    expect(isValidRevenueLine({ ...payment, kind: 'refund' })).toBe(false);
  });
});
