import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commissionsWorkspace, type CommissionsWorkspace, type RevenueCsvRow } from '../fixtures/commissions/kit';

// Properties over generated partners and revenue, on one real encrypted workspace: the
// lines of every statement add up to its totals and to the ledger's own (SQL) totals, per
// currency; and rerunning any period adds nothing.

let w: CommissionsWorkspace;
const planIds = new Map<string, string>();
let programme: string;

beforeAll(async () => {
  w = await commissionsWorkspace('2026-08-15');
  programme = w.programme('mixed', 'USD');
  for (const code of ['allset', 'aloware', 'messagehelp', 'salespartner']) planIds.set(code, await w.preset(code, '2026-01-01', programme));
}, 60_000);
afterAll(() => w?.cleanup());

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'];
const CATEGORIES = ['subscription', 'platform_fee', 'overage', 'usage', 'setup'] as const;

const caseArb = fc.record({
  plan: fc.constantFrom('allset', 'aloware', 'messagehelp', 'salespartner'),
  customers: fc.array(fc.record({ signUpDay: fc.integer({ min: 1, max: 28 }), closed: fc.boolean(), promo: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  payments: fc.array(
    fc.record({
      customer: fc.nat(),
      month: fc.integer({ min: 0, max: 3 }),
      day: fc.integer({ min: 1, max: 28 }),
      currency: fc.constantFrom('USD', 'EUR', 'GBP'),
      category: fc.constantFrom(...CATEGORIES),
      cents: fc.integer({ min: 0, max: 900_000 }),
      discountPct: fc.integer({ min: 0, max: 50 }),
      cash: fc.boolean(),
    }),
    { maxLength: 14 },
  ),
  returns: fc.array(fc.record({ of: fc.nat(), laterMonths: fc.integer({ min: 0, max: 2 }), pct: fc.integer({ min: 1, max: 60 }), chargeback: fc.boolean() }), { maxLength: 4 }),
});

let seq = 0;
const amount = (cents: number) => (cents / 100).toFixed(2);

describe('ledger properties on a real workspace', () => {
  it('statement lines sum to the statement totals and to the ledger totals, per currency; a rerun adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const n = ++seq;
        const partner = w.partner(programme, `Generated ${n}`, { format: 'referral' });
        const refs = c.customers.map((cu, i) => {
          const ref = `p${n}-c${i}`;
          w.customer(partner, ref, { signUpOn: `2026-01-${String(cu.signUpDay).padStart(2, '0')}`, closedOn: cu.closed ? '2026-01-28' : undefined, attribution: cu.promo ? 'promo_code' : 'referral_link' });
          return ref;
        });
        await w.assign(partner, planIds.get(c.plan)!);
        const rows: RevenueCsvRow[] = c.payments.map((p, i) => {
          const gross = p.cents;
          return {
            external_ref: `p${n}-l${i}`, customer_ref: refs[p.customer % refs.length], paid_on: `${MONTHS[p.month]}-${String(p.day).padStart(2, '0')}`,
            currency: p.currency, category: p.category, gross: amount(gross), discount: amount(Math.floor((gross * p.discountPct) / 100)), kind: 'payment', cash_received: p.cash,
          };
        });
        c.returns.forEach((r, i) => {
          if (c.payments.length === 0) return;
          const k = r.of % c.payments.length;
          const p = c.payments[k]!;
          const month = Math.min(3, p.month + r.laterMonths);
          rows.push({
            external_ref: `p${n}-r${i}`, customer_ref: rows[k]!.customer_ref, paid_on: `${MONTHS[month]}-28`, currency: p.currency, category: p.category,
            gross: amount(Math.max(1, Math.floor((p.cents * r.pct) / 100))), kind: r.chargeback ? 'chargeback' : 'refund', refers_to: `p${n}-l${k}`,
          });
        });
        if (rows.length) expect((await w.importRevenue(rows)).committed).toBe(true);
        for (const m of MONTHS) await w.call('commissions.run', { period: m, partnerIds: [partner] });

        const perCurrency = new Map<string, number>();
        for (const period of MONTHS) {
          const s = await w.call('commissions.statement', { partnerId: partner, period });
          const ledger = await w.call('commissions.ledger', { partnerId: partner, period, limit: 5000 });
          expect(ledger.totals).toEqual(s.totals);
          for (const t of s.totals) {
            const lines = s.entries.filter((e: any) => e.currency === t.currency);
            expect(lines.reduce((sum: number, e: any) => sum + e.amountMinor, 0)).toBe(t.netMinor);
            expect(t.earnedMinor + t.reversedMinor).toBe(t.netMinor);
            expect(t.payableMinor + t.onHoldMinor).toBe(t.netMinor);
            expect(lines.length).toBe(t.entryCount);
            perCurrency.set(t.currency, (perCurrency.get(t.currency) ?? 0) + t.netMinor);
          }
        }
        const whole = await w.call('commissions.ledger', { partnerId: partner });
        expect(Object.fromEntries(whole.totals.map((t: any) => [t.currency, t.netMinor]))).toEqual(Object.fromEntries(perCurrency));

        const before = w.ledgerCount();
        for (const m of MONTHS) expect(await w.call('commissions.run', { period: m, partnerIds: [partner] })).toMatchObject({ entriesAdded: 0, adjustmentsAdded: 0 });
        expect(w.ledgerCount()).toBe(before);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
