import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './workspace';
import { partners } from './partners';

/** A referred customer (a "client" in seed 002, a "tenant" in seed 003, an "account" in seed 001). */
export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').references(() => partners.id),
    externalRef: text('external_ref').unique(),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    attribution: text('attribution', { enum: ['referral_link', 'promo_code', 'warm_intro', 'integration', 'import'] }),
    signUpOn: text('sign_up_on').notNull(),
    closedOn: text('closed_on'),
    cancelledOn: text('cancelled_on'),
    /** The partner's promo code or referral link the customer signed up with. */
    promoCode: text('promo_code'),
    /** Seed 002: the product line (e.g. the fixed-35% Altegio line). */
    productLine: text('product_line').notNull().default(''),
  },
  (t) => [
    index('customers_partner_idx').on(t.partnerId),
    // What a period run reads about a partner's customers, in id order, without visiting the table.
    index('customers_partner_run_idx').on(t.partnerId, t.id, t.name, t.signUpOn, t.closedOn, t.cancelledOn, t.attribution, t.productLine),
  ],
);

/** Seed 001's lead pipeline: registered → qualified → won / lost. */
export const leads = sqliteTable(
  'leads',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    company: text('company').notNull(),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    source: text('source', { enum: ['warm_intro', 'registration', 'referral_link'] }).notNull(),
    status: text('status', { enum: ['registered', 'qualified', 'won', 'lost'] }).notNull(),
    registeredOn: text('registered_on').notNull(),
    qualifiedOn: text('qualified_on'),
    qualificationNote: text('qualification_note').notNull().default(''),
    decidedOn: text('decided_on'),
    lostReason: text('lost_reason').notNull().default(''),
    customerId: text('customer_id').references(() => customers.id),
  },
  (t) => [index('leads_partner_idx').on(t.partnerId, t.status)],
);

/** Seed 002 §1.4: a partner may keep an existing client with evidence of its integration support. */
export const attributionDisputes = sqliteTable(
  'attribution_disputes',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    claimantPartnerId: text('claimant_partner_id').notNull().references(() => partners.id),
    currentPartnerId: text('current_partner_id').references(() => partners.id),
    openedOn: text('opened_on').notNull(),
    evidence: text('evidence').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'rejected'] }).notNull(),
    decidedOn: text('decided_on'),
    decidedBy: text('decided_by').references(() => users.id),
    decisionNote: text('decision_note').notNull().default(''),
  },
  (t) => [index('attribution_disputes_status_idx').on(t.status)],
);

/**
 * One line of money received from (or returned to) a customer. Amounts are integer minor
 * units of `currency`; refunds and chargebacks are their own lines pointing at the payment.
 */
export const revenueLines = sqliteTable(
  'revenue_lines',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    externalRef: text('external_ref').unique(),
    paidOn: text('paid_on').notNull(),
    currency: text('currency').notNull(),
    category: text('category', { enum: ['subscription', 'platform_fee', 'overage', 'usage', 'one_off', 'setup'] }).notNull(),
    product: text('product').notNull().default(''),
    grossMinor: integer('gross_minor').notNull(),
    discountMinor: integer('discount_minor').notNull().default(0),
    kind: text('kind', { enum: ['payment', 'refund', 'chargeback'] }).notNull(),
    refersTo: text('refers_to'),
    productId: text('product_id'),
    priceId: text('price_id'),
    /** False for an invoiced amount not yet received (seed 001: commission only on cash received). */
    cashReceived: integer('cash_received', { mode: 'boolean' }).notNull().default(true),
    /** Where the line came from: 'import:<file hash>', 'stripe', 'demo'. */
    source: text('source').notNull().default(''),
  },
  (t) => [
    index('revenue_customer_paid_idx').on(t.customerId, t.paidOn),
    // A period run's read (partnerFacts.ts MONTH_READS): entries grouped by month, then customer,
    // holding every column the engine needs, so a run reads one month's slice of this index and
    // not a page of the table per customer. (Its migration's SQL is written by hand: drizzle-kit
    // splits an index expression at its commas.)
    index('revenue_month_customer_idx').on(
      sql`substr(${t.paidOn}, 1, 7)`, t.customerId, t.paidOn, t.id, t.currency, t.category, t.grossMinor, t.discountMinor, t.kind, t.refersTo,
      t.productId, t.priceId, t.cashReceived,
    ),
  ],
);
