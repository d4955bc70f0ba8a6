import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

/** A partner programme as written in one of the seed documents (its format and currency). */
export const programmes = sqliteTable('programmes', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  description: text('description').notNull().default(''),
});

export const partners = sqliteTable(
  'partners',
  {
    id: text('id').primaryKey(),
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    company: text('company').notNull(),
    format: text('format', { enum: ['affiliate', 'referral', 'lead_referral', 'integrator', 'reseller'] }).notNull(),
    status: text('status', { enum: ['applicant', 'onboarding', 'active', 'suspended', 'terminated'] }).notNull(),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    country: text('country').notNull().default(''),
    promoCode: text('promo_code'),
    stripeAccountId: text('stripe_account_id'),
    registeredOn: text('registered_on').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('partners_programme_idx').on(t.programmeId), index('partners_company_idx').on(t.company)],
);
