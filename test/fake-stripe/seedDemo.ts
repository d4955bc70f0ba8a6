import type Stripe from 'stripe';
import { demoProgrammes } from '../../src-main/core/demo/programmes';
import { seededRandom } from '../../src-main/core/demo/random';
import { addAccount } from './accounts';
import { addCoupon, addPrice, addProduct, addPromotionCode } from './catalog';
import { disputeCharge, refundCharge } from './charges';
import { DAY, type StripeCore } from './core';
import { addCustomer } from './customers';
import { addInvoice, type InvoiceLineInput } from './invoices';
import { addSubscription, cancelSubscription } from './subscriptions';

/**
 * Demo data for the four seed programmes, as their customers would appear in the SaaS
 * company's Stripe account: one subscription per customer paid monthly for up to twelve
 * months, usage and overage billed beside it, partner promotion codes, a few refunds and
 * disputes, and a Connect account per partner. Deterministic for a given clock.
 *
 * Attribution signals the sync can read:
 * - allset, aloware, salespartner: `customer.metadata.partner_ref` = demoPartnerRef(company);
 * - messagehelp: the partner's promotion code (the demo workspace's partner promo code) on
 *   `customer.discount.promotion_code` and on each invoice's discount;
 * - about 5% of customers carry neither (to attribute by hand or by e-mail domain).
 * Products carry `metadata.programme` and `metadata.revenue_category` (subscription,
 * platform_fee, usage, overage) as a hint for the mapping screen.
 */
export interface DemoOptions {
  /** How many invoices to make in all (50,000 for the sync benchmark). */
  invoices: number;
  /** How far back the history goes (default 12 months). */
  months?: number;
  randomSeed?: number;
}

export interface DemoSummary {
  customers: number;
  subscriptions: number;
  invoices: number;
  charges: number;
  refunds: number;
  disputes: number;
  accounts: number;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The `metadata.partner_ref` the demo puts on a partner's customers and Connect account. */
export const demoPartnerRef = (company: string) => slug(company);

/** Seed 002's partner promo codes, as the demo workspace stores them on partners. */
export const demoPromoCode = (company: string) => `${slug(company).slice(0, 8).toUpperCase()}5`;

const customerWords = ['Apex', 'Blue', 'Cedar', 'Delta', 'Ember', 'Fern', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kite', 'Lark', 'Maple', 'Nova', 'Orbit', 'Pine'];
const customerKinds = ['Dental', 'Plumbing', 'Realty', 'Fitness', 'Legal', 'Clinic', 'Logistics', 'Studio', 'Motors', 'Cafe'];
const usageProducts = ['Toll-free minutes', 'Automated SMS', 'Number rental', 'Local presence'];

/** Adds n calendar months to an epoch-seconds time, the day clamped to the month's end. */
function addMonths(t: number, n: number): number {
  const d = new Date(t * 1000);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1, d.getUTCHours(), d.getUTCMinutes()));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return Math.floor(target.getTime() / 1000);
}

interface ProgrammeCatalog {
  code: string;
  currency: string;
  plans: Stripe.Price[];
  usage: Stripe.Price[];
  overage: Stripe.Price | null;
  coupon: Stripe.Coupon | null;
}

function catalogFor(core: StripeCore, p: (typeof demoProgrammes)[number], at: number): ProgrammeCatalog {
  const currency = p.currency.toLowerCase();
  const plans = p.tariffs.map((t) => {
    const product = addProduct(core, { name: t.product, metadata: { programme: p.code, revenue_category: t.category }, created: at });
    return addPrice(core, { product: product.id, currency, unit_amount: t.minor, recurring: { interval: 'month' }, lookup_key: `${p.code}_${slug(t.product)}_monthly`, created: at });
  });
  const perUnit = (name: string, category: string, unit: number) => {
    const product = addProduct(core, { name, metadata: { programme: p.code, revenue_category: category }, created: at });
    return addPrice(core, { product: product.id, currency, unit_amount: unit, lookup_key: `${p.code}_${slug(name)}`, created: at });
  };
  // Seed 001: usage fees are billed beside the subscription and earn nothing.
  const usage = p.code === 'aloware' ? usageProducts.map((n) => perUnit(n, 'usage', 100)) : [];
  // Seed 003: message overage counts towards the reseller's revenue.
  const overage = p.code === 'salespartner' ? perUnit('Message overage', 'overage', 50) : null;
  const coupon =
    p.code === 'messagehelp'
      ? addCoupon(core, { id: 'PARTNER5', name: 'Partner code 5% off', percent_off: 5, duration: 'forever', created: at })
      : p.code === 'salespartner'
        ? addCoupon(core, { id: 'SP19OFF', name: 'Platform fee $19 off', amount_off: 1900, currency, duration: 'once', created: at })
        : null;
  return { code: p.code, currency, plans, usage, overage, coupon };
}

export function seedDemo(core: StripeCore, opts: DemoOptions): DemoSummary {
  const rnd = seededRandom(opts.randomSeed ?? 20260101);
  const now = core.now();
  const months = opts.months ?? 12;
  const firstMonth = addMonths(now, -months);
  const summary: DemoSummary = { customers: 0, subscriptions: 0, invoices: 0, charges: 0, refunds: 0, disputes: 0, accounts: 0 };

  const partners: { programme: ProgrammeCatalog; company: string; promo: Stripe.PromotionCode | null }[] = [];
  for (const p of demoProgrammes) {
    const cat = catalogFor(core, p, firstMonth - 90 * DAY);
    const country = p.currency === 'GBP' ? 'GB' : p.currency === 'EUR' ? 'EE' : 'US';
    p.companies.forEach((company, i) => {
      const last = i === p.companies.length - 1; // still onboarding: no account, no customers
      if (!last) {
        addAccount(core, {
          type: 'express',
          country,
          email: `payouts@${slug(company)}.example`,
          business_type: 'company',
          business_name: company,
          capabilities: ['transfers'],
          metadata: { partner_ref: demoPartnerRef(company), programme: p.code },
          created: firstMonth - rnd.int(10, 120) * DAY,
          onboarded: i !== p.companies.length - 2, // one partner per programme has requirements due
        });
        summary.accounts++;
        const promo = cat.coupon && p.code === 'messagehelp'
          ? addPromotionCode(core, { coupon: cat.coupon.id, code: demoPromoCode(company), metadata: { partner_ref: demoPartnerRef(company) }, created: firstMonth - 60 * DAY })
          : null;
        partners.push({ programme: cat, company, promo });
      }
    });
  }

  let n = 0;
  while (summary.invoices < opts.invoices) {
    const partner = partners[n % partners.length]!;
    const cat = partner.programme;
    n++;
    const name = `${rnd.pick(customerWords)} ${rnd.pick(customerKinds)} ${n}`;
    const signUp = firstMonth + rnd.int(-60, months * 30 - 5) * DAY + rnd.int(0, 86_399);
    const unattributed = rnd.chance(0.05);
    const byPromo = cat.code === 'messagehelp' && !unattributed;
    const customer = addCustomer(core, {
      name,
      email: `billing@${slug(name)}.example`,
      metadata: unattributed || byPromo ? {} : { partner_ref: demoPartnerRef(partner.company) },
      ...(byPromo && partner.promo ? { promotion_code: partner.promo.id } : {}),
      created: signUp,
    });
    summary.customers++;
    const plan = rnd.pick(cat.plans);
    const sub = addSubscription(core, {
      customer: customer.id,
      items: [{ price: plan.id }],
      ...(byPromo && partner.promo ? { promotion_code: partner.promo.id } : {}),
      created: signUp,
    });
    summary.subscriptions++;
    const cancelAt = rnd.chance(0.12) ? signUp + rnd.int(90, 300) * DAY : null;

    for (let m = 0; summary.invoices < opts.invoices; m++) {
      const created = addMonths(signUp, m);
      if (created >= now - 3600) break;
      if (cancelAt !== null && created >= cancelAt) break;
      if (created < firstMonth) continue;
      const period = { start: created, end: addMonths(signUp, m + 1) };
      const lines: InvoiceLineInput[] = [{ amount: plan.unit_amount!, price: plan.id, period }];
      if (cat.code === 'messagehelp' && byPromo) lines[0]!.discount = Math.round(plan.unit_amount! * 0.05);
      if (cat.code === 'salespartner' && rnd.chance(0.3)) lines[0]!.discount = 1900;
      if (cat.usage.length) {
        const usage = rnd.pick(cat.usage);
        const quantity = rnd.int(40, 400);
        lines.push({ amount: quantity * usage.unit_amount!, price: usage.id, quantity, period });
      }
      if (cat.overage && rnd.chance(0.5)) {
        const quantity = rnd.int(5, 60);
        lines.push({ amount: quantity * cat.overage.unit_amount!, price: cat.overage.id, quantity, period });
      }
      const coupon = cat.code === 'salespartner' && lines[0]!.discount ? cat.coupon!.id : undefined;
      const { charge } = addInvoice(core, {
        customer: customer.id,
        subscription: sub.id,
        lines,
        ...(coupon ? { coupon } : {}),
        billing_reason: m === 0 ? 'subscription_create' : 'subscription_cycle',
        created,
        paid_at: created + rnd.int(60, 7200),
      });
      summary.invoices++;
      if (!charge) continue;
      summary.charges++;
      const later = (days: number) => Math.min(now, (charge.created as number) + days * DAY);
      if (rnd.chance(0.02)) {
        refundCharge(core, charge.id, rnd.chance(0.5) ? undefined : Math.floor(charge.amount / 2), { at: later(rnd.int(1, 20)) });
        summary.refunds++;
      } else if (rnd.chance(0.004)) {
        const status = rnd.pick(['lost', 'lost', 'won', 'needs_response'] as const);
        disputeCharge(core, charge.id, status, { at: later(rnd.int(5, 40)) });
        summary.disputes++;
      }
    }
    if (cancelAt !== null && cancelAt < now) cancelSubscription(core, sub.id, cancelAt);
  }
  return summary;
}
