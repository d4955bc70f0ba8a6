// Writes one page of Stripe objects. Every write is an upsert keyed by the Stripe id, so a
// page applied twice (a retry, a resume after a crash) leaves the same rows as applied once.
import type Stripe from 'stripe';
import type { Database } from 'better-sqlite3';
import { allocate, isRevenueCategory, matchRule, type AttributionRule, type RevenueCategory } from '../../../src-shared/stripe/rules';

type Sqlite = Database;

const day = (epoch: number | null | undefined) => new Date((epoch ?? 0) * 1000).toISOString().slice(0, 10);
const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === 'string' ? v : v.id);
export const customerKey = (cusId: string) => `stripe:${cusId}`;
/** Revenue line ids carry the invoice id, so a refund finds the payment lines it reverses. */
export const lineKey = (invoiceId: string, lineId: string) => `stripe:${invoiceId}:${lineId}`;

// ── Attribution ──────────────────────────────────────────────────────────────────────
/** The attribution value the customers table knows for each rule kind. */
export const attributionOf = { metadata: 'referral_link', promotion_code: 'promo_code', coupon: 'promo_code', email_domain: 'warm_intro' } as const;

export function loadRules(sqlite: Sqlite): AttributionRule[] {
  return sqlite.prepare('SELECT kind, pattern, partner_id AS partnerId FROM attribution_rules ORDER BY created_at, id').all() as AttributionRule[];
}

function customerFacts(c: Stripe.Customer) {
  const promo = c.discount?.promotion_code;
  const coupon = c.discount?.source?.coupon;
  return {
    email: c.email ?? '',
    metadata: (c.metadata ?? {}) as Record<string, string>,
    promotionCode: promo == null ? null : typeof promo === 'string' ? promo : promo.code,
    coupon: coupon == null ? null : typeof coupon === 'string' ? coupon : coupon.id,
  };
}

export function upsertCustomers(sqlite: Sqlite, list: Stripe.Customer[], rules: AttributionRule[]): { customers: number; attributed: number } {
  const find = sqlite.prepare('SELECT id, partner_id FROM customers WHERE external_ref = ?');
  const insert = sqlite.prepare(
    `INSERT INTO customers (id, partner_id, external_ref, name, email, attribution, sign_up_on, promo_code)
     VALUES (@id, @partnerId, @ref, @name, @email, @attribution, @signUpOn, @promo)`,
  );
  const update = sqlite.prepare('UPDATE customers SET name = @name, email = @email, promo_code = coalesce(@promo, promo_code) WHERE id = @id');
  const attribute = sqlite.prepare('UPDATE customers SET partner_id = ?, attribution = ? WHERE id = ? AND partner_id IS NULL');
  let attributed = 0;
  for (const c of list) {
    if ((c as unknown as { deleted?: boolean }).deleted) continue;
    const facts = customerFacts(c);
    const rule = matchRule(rules, facts);
    const row = { name: c.name || c.email || c.id, email: c.email ?? '', promo: facts.promotionCode };
    const existing = find.get(c.id) as { id: string; partner_id: string | null } | undefined;
    if (!existing) {
      insert.run({ id: customerKey(c.id), partnerId: rule?.partnerId ?? null, ref: c.id, ...row, attribution: rule ? attributionOf[rule.kind] : null, signUpOn: day(c.created) });
      if (rule) attributed++;
    } else {
      update.run({ id: existing.id, ...row });
      if (rule && !existing.partner_id) attributed += attribute.run(rule.partnerId, attributionOf[rule.kind], existing.id).changes;
    }
  }
  return { customers: list.length, attributed };
}

/** A customer an invoice names before the customer list reached it (events, races). */
function ensureCustomer(sqlite: Sqlite, cusId: string, name: string, email: string, created: number): string {
  const row = sqlite.prepare('SELECT id FROM customers WHERE external_ref = ?').get(cusId) as { id: string } | undefined;
  if (row) return row.id;
  sqlite.prepare('INSERT INTO customers (id, external_ref, name, email, sign_up_on) VALUES (?, ?, ?, ?, ?)').run(customerKey(cusId), cusId, name || cusId, email, day(created));
  return customerKey(cusId);
}

// ── Products (the mapping screen) ────────────────────────────────────────────────────
export function upsertProducts(sqlite: Sqlite, list: Stripe.Product[], at: string): { products: number } {
  const st = sqlite.prepare(
    `INSERT INTO stripe_product_mappings (stripe_id, kind, name, category, excluded, updated_at) VALUES (?, 'product', ?, ?, 0, ?)
     ON CONFLICT(stripe_id) DO UPDATE SET name = excluded.name,
       category = CASE WHEN stripe_product_mappings.category IS NULL AND stripe_product_mappings.excluded = 0 THEN excluded.category ELSE stripe_product_mappings.category END`,
  );
  for (const p of list) {
    // The product's metadata.revenue_category pre-fills the mapping; a hand mapping wins.
    const hint = p.metadata?.revenue_category;
    st.run(p.id, p.name ?? p.id, isRevenueCategory(hint) ? hint : null, at);
  }
  return { products: list.length };
}

interface Mapping { category: RevenueCategory | null; excluded: number; name: string }
function mappingLookup(sqlite: Sqlite) {
  const st = sqlite.prepare('SELECT category, excluded, name FROM stripe_product_mappings WHERE stripe_id = ?');
  const cache = new Map<string, Mapping | undefined>();
  return (id: string | null) => {
    if (!id) return undefined;
    if (!cache.has(id)) cache.set(id, st.get(id) as Mapping | undefined);
    return cache.get(id);
  };
}

// ── Subscriptions ────────────────────────────────────────────────────────────────────
export function upsertSubscriptions(sqlite: Sqlite, list: Stripe.Subscription[]): { subscriptions: number } {
  const st = sqlite.prepare('UPDATE customers SET cancelled_on = ? WHERE external_ref = ?');
  for (const s of list) {
    const cus = idOf(s.customer)!;
    if (s.status === 'canceled') st.run(day(s.canceled_at ?? s.ended_at), cus);
    else if (s.status === 'active' || s.status === 'trialing' || s.status === 'past_due') st.run(null, cus);
  }
  return { subscriptions: list.length };
}

// ── Invoices → payment lines ─────────────────────────────────────────────────────────
export interface InvoiceWithLines {
  invoice: Stripe.Invoice;
  lines: Stripe.InvoiceLineItem[];
}

export function upsertInvoices(sqlite: Sqlite, list: InvoiceWithLines[]): { invoices: number; lines: number } {
  const mapping = mappingLookup(sqlite);
  const upsert = sqlite.prepare(
    `INSERT INTO revenue_lines (id, customer_id, external_ref, paid_on, currency, category, product, gross_minor, discount_minor, kind, refers_to, product_id, price_id, cash_received, source)
     VALUES (@id, @customerId, @ref, @paidOn, @currency, @category, @product, @gross, @discount, 'payment', NULL, @productId, @priceId, 1, 'stripe')
     ON CONFLICT(id) DO UPDATE SET paid_on = excluded.paid_on, category = excluded.category, product = excluded.product,
       gross_minor = excluded.gross_minor, discount_minor = excluded.discount_minor, product_id = excluded.product_id, price_id = excluded.price_id`,
  );
  const removeInvoice = sqlite.prepare("DELETE FROM revenue_lines WHERE id >= ? AND id < ? AND kind = 'payment' AND id NOT IN (SELECT refers_to FROM revenue_lines WHERE refers_to IS NOT NULL)");
  const removeLine = sqlite.prepare("DELETE FROM revenue_lines WHERE id = ? AND id NOT IN (SELECT refers_to FROM revenue_lines WHERE refers_to IS NOT NULL)");
  let lines = 0;
  for (const { invoice: inv, lines: items } of list) {
    const prefix = `stripe:${inv.id}:`;
    // Seed 001: commission only on cash received — only paid invoices become revenue.
    if (inv.status !== 'paid') {
      removeInvoice.run(prefix, `stripe:${inv.id};`);
      continue;
    }
    const customerId = ensureCustomer(sqlite, idOf(inv.customer)!, inv.customer_name ?? '', inv.customer_email ?? '', inv.created);
    const payment = inv.payments?.data?.[0];
    const paidOn = day(payment?.status_transitions?.paid_at ?? inv.status_transitions?.paid_at ?? inv.created);
    for (const l of items) {
      const priceId = l.pricing?.price_details?.price ?? null;
      const productId = l.pricing?.price_details?.product ?? null;
      const m = mapping(typeof priceId === 'string' ? priceId : null) ?? mapping(productId);
      const id = lineKey(inv.id, l.id);
      if (m?.excluded) {
        removeLine.run(id);
        continue;
      }
      const category: RevenueCategory = m?.category ?? (l.parent?.type === 'subscription_item_details' ? 'subscription' : 'one_off');
      const discount = (l.discount_amounts ?? []).reduce((s, d) => s + d.amount, 0);
      upsert.run({
        id,
        customerId,
        ref: l.id,
        paidOn,
        currency: inv.currency.toUpperCase(),
        category,
        product: m?.name ?? l.description ?? '',
        gross: l.amount,
        discount,
        productId,
        priceId: typeof priceId === 'string' ? priceId : null,
      });
      lines++;
    }
  }
  return { invoices: list.length, lines };
}

// ── Refunds and lost disputes → reversal lines referring to the payment lines ───────
interface PaymentLine { id: string; customer_id: string; currency: string; category: string; product: string; product_id: string | null; price_id: string | null; net: number }

export interface Reversal {
  /** re_… or dp_… */
  id: string;
  kind: 'refund' | 'chargeback';
  /** null: remove (a failed refund, a dispute won or still open). */
  amount: number | null;
  on: number;
  invoiceId: string | null;
}

export function upsertReversals(sqlite: Sqlite, list: Reversal[]): { reversals: number; unmatched: number } {
  const linesOf = sqlite.prepare(
    "SELECT id, customer_id, currency, category, product, product_id, price_id, gross_minor - discount_minor AS net FROM revenue_lines WHERE id >= ? AND id < ? AND kind = 'payment' ORDER BY id",
  );
  const remove = sqlite.prepare('DELETE FROM revenue_lines WHERE id >= ? AND id < ?');
  const upsert = sqlite.prepare(
    `INSERT INTO revenue_lines (id, customer_id, external_ref, paid_on, currency, category, product, gross_minor, discount_minor, kind, refers_to, product_id, price_id, cash_received, source)
     VALUES (@id, @customerId, @ref, @paidOn, @currency, @category, @product, @gross, 0, @kind, @refersTo, @productId, @priceId, 1, 'stripe')
     ON CONFLICT(id) DO UPDATE SET paid_on = excluded.paid_on, gross_minor = excluded.gross_minor`,
  );
  let reversals = 0;
  let unmatched = 0;
  for (const r of list) {
    const prefix = `stripe:${r.id}:`;
    remove.run(prefix, `stripe:${r.id};`);
    if (r.amount === null || r.amount <= 0) continue;
    const lines = r.invoiceId ? (linesOf.all(`stripe:${r.invoiceId}:`, `stripe:${r.invoiceId};`) as PaymentLine[]) : [];
    if (lines.length === 0) {
      unmatched++;
      continue;
    }
    const parts = allocate(r.amount, lines.map((l) => l.net));
    lines.forEach((l, i) => {
      if (parts[i]! === 0) return;
      const lineId = l.id.slice(l.id.lastIndexOf(':') + 1);
      upsert.run({
        id: `${prefix}${lineId}`,
        customerId: l.customer_id,
        ref: `${r.id}:${lineId}`,
        paidOn: day(r.on),
        currency: l.currency,
        category: l.category,
        product: l.product,
        gross: parts[i]!, // the cash returned, positive; the kind says it goes back (commissions/input.ts)
        kind: r.kind,
        refersTo: l.id,
        productId: l.product_id,
        priceId: l.price_id,
      });
    });
    reversals++;
  }
  return { reversals, unmatched };
}

export const refundReversal = (r: Stripe.Refund, invoiceId: string | null): Reversal => ({
  id: r.id,
  kind: 'refund',
  amount: r.status === 'succeeded' || r.status === 'pending' ? r.amount : null,
  on: r.created,
  invoiceId,
});

/** Only a lost dispute takes the money back (seed rules: a chargeback is clawed back). */
export const disputeReversal = (d: Stripe.Dispute, invoiceId: string | null): Reversal => ({
  id: d.id,
  kind: 'chargeback',
  amount: d.status === 'lost' ? d.amount : null,
  on: (d.balance_transactions?.[0]?.created as number | undefined) ?? d.created,
  invoiceId,
});

// ── Connect accounts ─────────────────────────────────────────────────────────────────
export function accountState(a: Stripe.Account): 'pending' | 'restricted' | 'enabled' {
  const due = a.requirements?.currently_due?.length ?? 0;
  if (a.capabilities?.transfers === 'active' && a.payouts_enabled && due === 0) return 'enabled';
  if (a.details_submitted || due > 0 || a.requirements?.disabled_reason) return 'restricted';
  return 'pending';
}

export function upsertAccounts(sqlite: Sqlite, list: Stripe.Account[]): { accounts: number; matched: number } {
  const byId = sqlite.prepare('UPDATE partners SET stripe_account_state = ? WHERE stripe_account_id = ?');
  const byMeta = sqlite.prepare("UPDATE partners SET stripe_account_id = ?, stripe_account_state = ? WHERE id = ? AND (stripe_account_id IS NULL OR stripe_account_id = '')");
  let matched = 0;
  for (const a of list) {
    const state = accountState(a);
    let n = byId.run(state, a.id).changes;
    if (n === 0 && a.metadata?.partner_id) n = byMeta.run(a.id, state, a.metadata.partner_id).changes;
    matched += n;
  }
  return { accounts: list.length, matched };
}
