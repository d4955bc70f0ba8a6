import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money/currency';
import { money } from '../money/money';
import { addDays } from './calendar';
import { computeCommissions } from './engine';
import type { CommissionInput, CustomerInput, RevenueLine } from './input';
import type { CommissionPlan } from './plan';
import { PRESET_PLANS, SEED_000_ALLSET_AFFILIATE, SEED_001_ALOWARE_LEAD_REFERRAL } from './presets';
import { computeStatementTotals } from './totals';

// Invariants of the engine over generated partners, customers and revenue.

const day = (offset: number) => addDays('2026-01-01', offset);
const CATEGORIES = ['subscription', 'platform_fee', 'overage', 'usage', 'one_off', 'setup'] as const;

const extraPlans: CommissionPlan[] = [
  { ...SEED_000_ALLSET_AFFILIATE, id: 'capped', caps: [{ scope: 'customer', amount: money('GBP', 100_00) }, { scope: 'partner_month', amount: money('EUR', 150_00) }] },
  { ...SEED_000_ALLSET_AFFILIATE, id: 'staggered', rate: { kind: 'staggered', steps: [{ fromMonth: 1, rateBps: 3000 }, { fromMonth: 3, rateBps: 1000 }] }, duration: { kind: 'payments', count: 4 } },
  { ...SEED_001_ALOWARE_LEAD_REFERRAL, id: 'graduated', rate: { kind: 'tiered', metric: 'referred_subscription_mrr_in_month', mode: 'graduated', thresholdCurrency: 'GBP', tiers: [{ from: 0, rateBps: 2000, label: 'low' }, { from: 3_000_00, rateBps: 3000, label: 'high' }] } },
  { ...SEED_000_ALLSET_AFFILIATE, id: 'clients-graduated', rate: { kind: 'tiered', metric: 'paying_clients_in_month', mode: 'graduated', thresholdCurrency: null, tiers: [{ from: 0, rateBps: 1000, label: 'a' }, { from: 2, rateBps: 1500, label: 'b' }] } },
  { ...SEED_000_ALLSET_AFFILIATE, id: 'tenants', rate: { kind: 'tiered', metric: 'onboarded_tenants', mode: 'whole_volume', thresholdCurrency: null, tiers: [{ from: 0, rateBps: 1000, label: 'a' }, { from: 3, rateBps: 2500, label: 'b' }] }, holding: { from: 'payment', days: 10, settleTiersAtMonthEnd: true } },
];
const plans = [...PRESET_PLANS, ...extraPlans];

const customerArb = (id: string) =>
  fc.record({ signUp: fc.integer({ min: 0, max: 200 }), close: fc.option(fc.integer({ min: 0, max: 40 })), cancel: fc.option(fc.integer({ min: 0, max: 300 })), promo: fc.boolean() }).map(
    ({ signUp, close, cancel, promo }): CustomerInput => ({
      id,
      signUpOn: day(signUp),
      closedOn: close === null ? null : day(signUp + close),
      cancelledOn: cancel === null ? null : day(signUp + cancel),
      signedUpWithPromoCode: promo,
    }),
  );

const paymentArb = fc
  .record({
    customer: fc.integer({ min: 0, max: 4 }),
    on: fc.integer({ min: 0, max: 400 }),
    currency: fc.constantFrom<CurrencyCode>('GBP', 'EUR', 'USD'),
    category: fc.oneof(fc.constant('subscription' as const), fc.constantFrom(...CATEGORIES)),
    gross: fc.integer({ min: 0, max: 2_000_00 }),
    discountShare: fc.integer({ min: 0, max: 100 }),
    cash: fc.option(fc.boolean()),
  })
  .map((p) => ({ ...p, discount: Math.floor((p.gross * p.discountShare) / 200) }));

const inputArb = fc
  .record({
    plan: fc.constantFrom(...plans),
    promoSlot: fc.option(fc.integer({ min: 1, max: 5 })),
    stop: fc.option(fc.integer({ min: 100, max: 500 }), { freq: 3 }),
    customers: fc.tuple(customerArb('C0'), customerArb('C1'), customerArb('C2'), customerArb('C3')),
    payments: fc.array(paymentArb, { maxLength: 25 }),
    returns: fc.array(fc.record({ of: fc.nat(), after: fc.integer({ min: 0, max: 70 }), share: fc.integer({ min: 1, max: 120 }), chargeback: fc.boolean() }), { maxLength: 8 }),
    today: fc.integer({ min: 0, max: 700 }),
  })
  .map(({ plan, promoSlot, stop, customers, payments, returns, today }) => {
    const lines: RevenueLine[] = payments.map((p, i) => ({
      id: `L${String(i).padStart(2, '0')}`,
      customerId: `C${p.customer}`, // C4 is never attributed
      // Mostly after the customer's sign-up, so most lines have a chance to earn.
      paidOn: addDays(customers[p.customer]?.signUpOn ?? day(0), p.on - 10),
      currency: p.currency,
      category: p.category,
      grossMinor: p.gross,
      discountMinor: p.discount,
      kind: 'payment',
      ...(p.cash === null ? {} : { cashReceived: p.cash }),
    }));
    returns.forEach((r, i) => {
      const original = lines[r.of % Math.max(1, payments.length)];
      if (!original || original.kind !== 'payment') return;
      const net = original.grossMinor - original.discountMinor;
      lines.push({
        id: `R${i}`,
        customerId: original.customerId,
        paidOn: addDays(original.paidOn, r.after),
        currency: original.currency,
        category: original.category,
        grossMinor: Math.max(1, Math.floor((net * r.share) / 100)),
        discountMinor: 0,
        kind: r.chargeback ? 'chargeback' : 'refund',
        originalLineId: original.id,
      });
    });
    const input: CommissionInput = {
      plan,
      partner: { id: 'P', promoSlot, commissionStopOn: stop === null ? null : day(stop), inBreach: false, suspended: false },
      customers: [...customers],
      lines,
    };
    return { input, today: day(today) };
  });

const netByCurrency = (input: CommissionInput, today: string) =>
  Object.fromEntries(computeStatementTotals(computeCommissions(input, today).entries).map((t) => [t.currency, t.net.minor]));

describe('engine invariants (properties)', () => {
  it('line sums equal the statement totals, per currency', () => {
    fc.assert(
      fc.property(inputArb, ({ input, today }) => {
        const { entries } = computeCommissions(input, today);
        for (const t of computeStatementTotals(entries)) {
          const mine = entries.filter((e) => e.currency === t.currency);
          expect(mine.reduce((s, e) => s + e.amount.minor, 0)).toBe(t.net.minor);
          expect(t.payable.minor + t.onHold.minor).toBe(t.net.minor);
          expect(t.earned.minor + t.reversed.minor).toBe(t.net.minor);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('running twice, or on the input in another order, gives identical output', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), ({ input, today }, seed) => {
        const first = computeCommissions(input, today);
        expect(computeCommissions(input, today)).toEqual(first);
        const shuffle = <T,>(xs: readonly T[]) => xs.map((x, i) => ({ x, k: Math.sin(seed + i * 7919) })).sort((a, b) => a.k - b.k).map(({ x }) => x);
        expect(computeCommissions({ ...input, customers: shuffle(input.customers), lines: shuffle(input.lines) }, today)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every line exactly once: in entries or excluded with a reason', () => {
    fc.assert(
      fc.property(inputArb, ({ input, today }) => {
        const { entries, excluded } = computeCommissions(input, today);
        const keys = entries.map((e) => e.key);
        expect(new Set(keys).size).toBe(keys.length);
        const earned = new Set(entries.map((e) => e.revenueLineId));
        const left = new Set(excluded.map((x) => x.revenueLineId));
        expect(excluded.length).toBe(left.size);
        for (const line of input.lines) expect(Number(earned.has(line.id)) + Number(left.has(line.id))).toBe(1);
        for (const e of entries) {
          expect(e.explanation.length).toBeGreaterThan(0);
          expect(e.amount.currency).toBe(e.currency);
          if (e.reverses) expect(keys).toContain(e.reverses);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never reverses more than a payment earned, and a payment returned in full nets to zero', () => {
    fc.assert(
      fc.property(inputArb, ({ input, today }) => {
        const { entries } = computeCommissions(input, today);
        for (const accrual of entries.filter((e) => e.rule === 'revenue_share')) {
          const reversed = entries.filter((e) => e.reverses === accrual.key).reduce((s, e) => s + e.amount.minor, 0);
          expect(reversed).toBeLessThanOrEqual(0);
          expect(accrual.amount.minor + reversed).toBeGreaterThanOrEqual(0);
          const line = input.lines.find((l) => l.id === accrual.revenueLineId);
          const returned = input.lines.filter((l) => l.originalLineId === accrual.revenueLineId && l.kind !== 'payment').reduce((s, l) => s + l.grossMinor, 0);
          if (line && returned >= line.grossMinor - line.discountMinor) expect(accrual.amount.minor + reversed).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a refund followed by an identical new charge nets to the same total', () => {
    const rechargeable = inputArb.filter(({ input }) => !input.plan.caps.length && !(input.plan.rate.kind === 'tiered' && input.plan.rate.mode === 'graduated'));
    fc.assert(
      fc.property(rechargeable, fc.nat(), ({ input, today }, pick) => {
        const untouched = input.lines.filter((l) => l.kind === 'payment' && !input.lines.some((r) => r.originalLineId === l.id));
        const original = untouched[pick % Math.max(1, untouched.length)];
        if (!original) return;
        const refundLine: RevenueLine = { ...original, id: 'zz-refund', kind: 'refund', originalLineId: original.id, grossMinor: original.grossMinor - original.discountMinor, discountMinor: 0 };
        const recharge: RevenueLine = { ...original, id: 'zz-recharge' };
        expect(netByCurrency({ ...input, lines: [...input.lines, refundLine, recharge] }, today)).toEqual(netByCurrency(input, today));
      }),
      { numRuns: 300 },
    );
  });
});
