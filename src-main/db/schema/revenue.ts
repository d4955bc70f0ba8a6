import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
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
  },
  (t) => [index('customers_partner_idx').on(t.partnerId)],
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
  },
  (t) => [index('revenue_customer_paid_idx').on(t.customerId, t.paidOn)],
);
