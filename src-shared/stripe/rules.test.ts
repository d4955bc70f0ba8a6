import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, maskKey, matchRule, modeOfKey, type AttributionRule } from './rules';

describe('allocate', () => {
  it.each([
    [9_000, [20_000, 10_000], [6_000, 3_000]],
    [100, [1, 1, 1], [34, 33, 33]],
    [5, [0, 0], [5, 0]],
    [0, [10, 20], [0, 0]],
  ])('splits %i over %j as %j', (amount, weights, expected) => {
    expect(allocate(amount, weights)).toEqual(expected);
  });

  it('always hands out exactly the amount, never more to a line than its share rounded up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 }), (amount, weights) => {
        const parts = allocate(amount, weights);
        const total = weights.reduce((s, w) => s + w, 0);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
        parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(Math.ceil((amount * weights[i]!) / total)));
      }),
    );
  });
});

describe('matchRule', () => {
  const rules: AttributionRule[] = [
    { kind: 'metadata', pattern: 'partner_ref=acme', partnerId: 'p-meta' },
    { kind: 'promotion_code', pattern: 'BRAVO5', partnerId: 'p-promo' },
    { kind: 'coupon', pattern: 'PARTNER5', partnerId: 'p-coupon' },
    { kind: 'email_domain', pattern: 'clients.example', partnerId: 'p-domain' },
  ];
  const facts = (f: Partial<Parameters<typeof matchRule>[1]>) => ({ email: '', metadata: {}, promotionCode: null, coupon: null, ...f });
  it.each([
    ['metadata key=value', facts({ metadata: { partner_ref: 'acme' } }), 'p-meta'],
    ['a different metadata value', facts({ metadata: { partner_ref: 'other' } }), null],
    ['the promotion code, any case', facts({ promotionCode: 'bravo5' }), 'p-promo'],
    ['the coupon', facts({ coupon: 'PARTNER5' }), 'p-coupon'],
    ['the e-mail domain', facts({ email: 'ap@Clients.example' }), 'p-domain'],
    ['a subdomain is not the domain', facts({ email: 'ap@x.clients.example' }), null],
    ['the first matching rule wins', facts({ metadata: { partner_ref: 'acme' }, email: 'a@clients.example' }), 'p-meta'],
  ])('%s', (_name, f, partnerId) => {
    expect(matchRule(rules, f)?.partnerId ?? null).toBe(partnerId);
  });
});

describe('keys', () => {
  it.each([
    ['rk_test_51Habcdefgh1234', 'rk_test_…1234', 'test'],
    ['sk_live_51Habcdefgh9876', 'sk_live_…9876', 'live'],
  ])('%s is shown as %s in %s mode', (key, masked, mode) => {
    expect(maskKey(key)).toBe(masked);
    expect(modeOfKey(key)).toBe(mode);
  });
});
