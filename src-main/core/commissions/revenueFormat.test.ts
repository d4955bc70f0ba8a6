import { describe, expect, it } from 'vitest';
import { checkHeader, isCalendarDay, parseRevenueRow } from './revenueFormat';

describe('the revenue CSV format', () => {
  it.each([
    ['2026-02-28', true], ['2024-02-29', true], ['2026-02-29', false], ['2100-02-29', false], ['2000-02-29', true],
    ['2026-04-31', false], ['2026-12-31', true], ['2026-13-01', false], ['2026-00-10', false], ['2026-1-01', false],
    ['26-01-01', false], ['2026/01/01', false], ['2026-01-1a', false], ['2026-01-01 ', false],
  ])('%s is a calendar day: %s', (day, ok) => {
    expect(isCalendarDay(day)).toBe(ok);
  });

  it('reads a payment with defaults for the optional columns', () => {
    const r = parseRevenueRow(2, { external_ref: ' in_1 ', customer_ref: 'cus_1', paid_on: '2026-03-01', currency: 'gbp', category: 'subscription', gross: '40.00', kind: 'payment' });
    expect(r).toEqual({
      ok: true,
      row: { line: 2, externalRef: 'in_1', customerRef: 'cus_1', paidOn: '2026-03-01', currency: 'GBP', category: 'subscription', product: '', productId: null, priceId: null, grossMinor: 40_00, discountMinor: 0, kind: 'payment', refersTo: null, cashReceived: true },
    });
  });

  it('names every problem of a line by its column', () => {
    const r = parseRevenueRow(7, { external_ref: '', customer_ref: 'c', paid_on: '2026-02-30', currency: 'GBP', category: 'fees', gross: '1.005', kind: 'refund', cash_received: 'yes' });
    expect(r.ok ? [] : r.problems.map((p) => p.column)).toEqual(['external_ref', 'paid_on', 'category', 'gross', 'refers_to', 'cash_received']);
  });

  it('refuses unknown, repeated and missing header columns', () => {
    expect(checkHeader(['external_ref', 'Customer_Ref', 'paid_on', 'currency', 'category', 'gross', 'kind']).problems).toEqual([]);
    expect(checkHeader(['external_ref', 'external_ref', 'amount']).problems.map((p) => p.message)).toEqual([
      "Column 'external_ref' appears twice",
      "Unknown column 'amount'; the columns are external_ref, customer_ref, paid_on, currency, category, product, product_id, price_id, gross, discount, kind, refers_to, cash_received",
      'Missing columns: customer_ref, paid_on, currency, category, gross, kind',
    ]);
  });
});
