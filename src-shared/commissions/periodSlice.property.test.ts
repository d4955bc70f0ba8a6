import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money/currency';
import { money } from '../money/money';
import { addDays, lastDayOfMonth, monthKey } from './calendar';
import { computeCommissions } from './engine';
import type { CustomerInput, RevenueLine } from './input';
import { linesForPeriod, needsFullHistory, type LineStore } from './periodSlice';
import type { CommissionPlan } from './plan';
import { PRESET_PLANS, SEED_000_ALLSET_AFFILIATE, SEED_001_ALOWARE_LEAD_REFERRAL } from './presets';

// A period run reads only the lines its entries depend on (periodSlice.ts). Property: for
// every plan shape and every month, the entries and exclusions of that month computed from
// the slice are exactly those computed from the partner's whole history to the month's end.

const day = (offset: number) => addDays('2026-01-01', offset);
const CATEGORIES = ['subscription', 'platform_fee', 'overage', 'usage', 'one_off', 'setup'] as const;

const plans: CommissionPlan[] = [
  ...PRESET_PLANS,
  { ...SEED_000_ALLSET_AFFILIATE, id: 'month-cap', caps: [{ scope: 'partner_month', amount: money('GBP', 20_00) }] },
  { ...SEED_000_ALLSET_AFFILIATE, id: 'customer-cap', caps: [{ scope: 'customer', amount: money('GBP', 30_00) }] },
  { ...SEED_000_ALLSET_AFFILIATE, id: 'payments', duration: { kind: 'payments', count: 3 } },
  { ...SEED_000_ALLSET_AFFILIATE, id: 'staggered', duration: { kind: 'lifetime' }, rate: { kind: 'staggered', steps: [{ fromMonth: 1, rateBps: 3000 }, { fromMonth: 3, rateBps: 1000 }] } },
  { ...SEED_001_ALOWARE_LEAD_REFERRAL, id: 'graduated', rate: { kind: 'tiered', metric: 'referred_subscription_mrr_in_month', mode: 'graduated', thresholdCurrency: 'GBP', tiers: [{ from: 0, rateBps: 2000, label: 'low' }, { from: 100_00, rateBps: 3000, label: 'high' }] } },
  { ...SEED_000_ALLSET_AFFILIATE, id: 'clients', duration: { kind: 'lifetime' }, rate: { kind: 'tiered', metric: 'paying_clients_in_month', mode: 'whole_volume', thresholdCurrency: null, tiers: [{ from: 0, rateBps: 1000, label: 'a' }, { from: 2, rateBps: 1500, label: 'b' }] } },
  { ...SEED_000_ALLSET_AFFILIATE, id: 'clients-graduated', rate: { kind: 'tiered', metric: 'paying_clients_in_month', mode: 'graduated', thresholdCurrency: null, tiers: [{ from: 0, rateBps: 1000, label: 'a' }, { from: 2, rateBps: 1500, label: 'b' }] } },
  { ...SEED_000_ALLSET_AFFILIATE, id: 'tenants', rate: { kind: 'tiered', metric: 'onboarded_tenants', mode: 'whole_volume', thresholdCurrency: null, tiers: [{ from: 0, rateBps: 1000, label: 'a' }, { from: 3, rateBps: 2500, label: 'b' }] } },
];

const customerArb = (id: string) =>
  fc.record({ signUp: fc.integer({ min: 0, max: 60 }), close: fc.option(fc.integer({ min: 0, max: 40 })), cancel: fc.option(fc.integer({ min: 20, max: 200 })) }).map(
    ({ signUp, close, cancel }): CustomerInput => ({
      id,
      signUpOn: day(signUp),
      closedOn: close === null ? null : day(signUp + close),
      cancelledOn: cancel === null ? null : day(signUp + cancel),
    }),
  );

const caseArb = fc
  .record({
    plan: fc.constantFrom(...plans),
    promoSlot: fc.option(fc.integer({ min: 1, max: 4 })),
    customers: fc.tuple(customerArb('C0'), customerArb('C1'), customerArb('C2')),
    payments: fc.array(
      fc.record({
        customer: fc.integer({ min: 0, max: 2 }),
        on: fc.integer({ min: 0, max: 180 }),
        currency: fc.constantFrom<CurrencyCode>('GBP', 'GBP', 'USD'),
        category: fc.oneof(fc.constant('subscription' as const), fc.constantFrom(...CATEGORIES)),
        gross: fc.integer({ min: 0, max: 300_00 }),
      }),
      { maxLength: 30 },
    ),
    returns: fc.array(fc.record({ of: fc.nat(), after: fc.integer({ min: 0, max: 80 }), share: fc.integer({ min: 1, max: 70 }), chargeback: fc.boolean() }), { maxLength: 10 }),
  })
  .map(({ plan, promoSlot, customers, payments, returns }) => {
    const lines: RevenueLine[] = payments.map((p, i) => ({
      id: `L${String(i).padStart(2, '0')}`,
      customerId: `C${p.customer}`,
      paidOn: day(p.on),
      currency: p.currency,
      category: p.category,
      grossMinor: p.gross,
      discountMinor: 0,
      kind: 'payment',
    }));
    returns.forEach((r, i) => {
      const original = lines[r.of % Math.max(1, payments.length)];
      if (!original || original.kind !== 'payment') return;
      lines.push({
        id: `R${i}`,
        customerId: original.customerId,
        paidOn: addDays(original.paidOn, r.after),
        currency: original.currency,
        category: original.category,
        grossMinor: Math.max(1, Math.floor((original.grossMinor * r.share) / 100)),
        discountMinor: 0,
        kind: r.chargeback ? 'chargeback' : 'refund',
        originalLineId: original.id,
      });
    });
    return { plan, partner: { id: 'P', promoSlot, commissionStopOn: null, inBreach: false, suspended: false }, customers: [...customers], lines };
  });

function memoryStore(lines: readonly RevenueLine[]): LineStore {
  return {
    between: (from, to) => lines.filter((l) => l.paidOn >= from && l.paidOn <= to),
    byIds: (ids) => lines.filter((l) => ids.includes(l.id)),
    returnsOf: (payments, from, to) => lines.filter((l) => l.kind !== 'payment' && payments.some((p) => p.id === l.originalLineId) && l.paidOn >= from && l.paidOn <= to),
  };
}

describe('a period run reads only the lines the period depends on', () => {
  it('the slice gives the same entries and exclusions for the period as the whole history', () => {
    fc.assert(
      fc.property(caseArb, ({ plan, partner, customers, lines }) => {
        const months = [...new Set(lines.map((l) => monthKey(l.paidOn)))].sort();
        for (const period of months) {
          const end = lastDayOfMonth(period);
          const history = lines.filter((l) => l.paidOn <= end);
          const full = computeCommissions({ plan, partner, customers, lines: history }, '2026-12-31');
          const slice = linesForPeriod(plan, period, memoryStore(lines));
          const part = computeCommissions({ plan, partner, customers, lines: slice }, '2026-12-31');
          const inPeriod = <T extends { occurredOn: string }>(xs: T[]) => xs.filter((x) => monthKey(x.occurredOn) === period);
          expect(inPeriod(part.entries)).toEqual(inPeriod(full.entries));
          expect(inPeriod(part.excluded)).toEqual(inPeriod(full.excluded));
          if (!needsFullHistory(plan)) expect(slice.every((l) => l.paidOn <= end)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('reads one month when no return reaches back, and the returned payment’s whole month when one does', () => {
    const pay = (id: string, on: string): RevenueLine => ({ id, customerId: 'C0', paidOn: on, currency: 'GBP', category: 'subscription', grossMinor: 100_00, discountMinor: 0, kind: 'payment' });
    const lines: RevenueLine[] = [
      pay('jan', '2026-01-05'), pay('jan2', '2026-01-20'), pay('feb', '2026-02-05'), pay('mar', '2026-03-05'),
      { ...pay('ref-feb', '2026-02-10'), kind: 'refund', grossMinor: 10_00, originalLineId: 'jan' },
      { ...pay('ref-mar', '2026-03-10'), kind: 'refund', grossMinor: 10_00, originalLineId: 'jan' },
    ];
    const store = memoryStore(lines);
    const ids = (period: string, plan: CommissionPlan = SEED_001_ALOWARE_LEAD_REFERRAL) => linesForPeriod(plan, period, store).map((l) => l.id).sort();
    expect(ids('2026-01')).toEqual(['jan', 'jan2']);
    expect(ids('2026-03')).toEqual(['jan', 'jan2', 'mar', 'ref-feb', 'ref-mar']);
    expect(ids('2026-03', plans.find((p) => p.id === 'payments'))).toEqual(['feb', 'jan', 'jan2', 'mar', 'ref-feb', 'ref-mar']);
  });
});
