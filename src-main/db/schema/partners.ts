import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, blob } from 'drizzle-orm/sqlite-core';
import { users } from './workspace';

/** A partner programme as written in one of the seed documents (its format and currency). */
export const programmes = sqliteTable('programmes', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  description: text('description').notNull().default(''),
  /** Seed 003: "the first 3 approved resellers" get the promotion rate; 0 = no promotion. */
  promoSlotCapacity: integer('promo_slot_capacity').notNull().default(0),
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
    stripeAccountState: text('stripe_account_state', { enum: ['none', 'pending', 'restricted', 'enabled'] }).notNull().default('none'),
    /** How payouts reach the partner: Stripe Connect transfers, or paid outside the app and marked paid. */
    payoutMethod: text('payout_method', { enum: ['stripe_connect', 'outside'] }).notNull().default('stripe_connect'),
    registeredOn: text('registered_on').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at'),
    /** The commission plan assigned (plans arrive with the commission engine). */
    planId: text('plan_id'),
    /** Seed 003: "configured per reseller by super admins"; null = the plan's rate. */
    commissionRateBps: integer('commission_rate_bps'),
    focusMarket: text('focus_market').notNull().default(''),
    website: text('website').notNull().default(''),
    notes: text('notes').notNull().default(''),
    taxFormKind: text('tax_form_kind', { enum: ['W-9', 'W-8BEN', 'W-8BEN-E'] }),
    taxFormReceivedOn: text('tax_form_received_on'),
    taxFormExpiresOn: text('tax_form_expires_on'),
    // Seed 000's partner set-up.
    integrationType: text('integration_type', { enum: ['web_pages', 'webhook'] }),
    hostedSignupUrl: text('hosted_signup_url'),
    crmAccessScope: text('crm_access_scope', { enum: ['none', 'read_only'] }).notNull().default('none'),
    gdprConfirmedOn: text('gdpr_confirmed_on'),
    gdprConfirmedBy: text('gdpr_confirmed_by'),
  },
  (t) => [
    index('partners_programme_idx').on(t.programmeId),
    index('partners_company_idx').on(t.company),
    index('partners_status_idx').on(t.status),
    // The partner list sorts case-insensitively by company and pages by id (100,000 partners).
    index('partners_company_nocase_idx').on(sql`${t.company} COLLATE NOCASE`, t.id),
    index('partners_registered_idx').on(t.registeredOn, t.id),
    index('partners_country_idx').on(t.country, sql`${t.company} COLLATE NOCASE`, t.id),
    index('partners_status_registered_idx').on(t.status, t.registeredOn, t.id),
  ],
);

export const partnerContacts = sqliteTable(
  'partner_contacts',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    role: text('role').notNull().default(''),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('partner_contacts_partner_idx').on(t.partnerId)],
);

/** Files kept inside the encrypted workspace (signed contracts, tax forms…). */
export const partnerAttachments = sqliteTable(
  'partner_attachments',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    uploadedAt: text('uploaded_at').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id),
  },
  (t) => [index('partner_attachments_partner_idx').on(t.partnerId)],
);

/** Seed 000's onboarding checklist: contract, Stripe Connect, kickoff, CRM access, integration, live. */
export const onboardingSteps = sqliteTable(
  'onboarding_steps',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    step: text('step', { enum: ['contract_signed', 'stripe_connect', 'kickoff_call', 'crm_access', 'integration_built', 'live'] }).notNull(),
    dueOn: text('due_on'),
    doneOn: text('done_on'),
    owner: text('owner').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('onboarding_partner_step_uq').on(t.partnerId, t.step)],
);

/** Seed 000, Appendix A: optional paid extras and their agreed costs. */
export const partnerExtras = sqliteTable(
  'partner_extras',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    description: text('description').notNull(),
    costMinor: integer('cost_minor').notNull(),
    currency: text('currency').notNull(),
    billing: text('billing', { enum: ['one_off', 'monthly', 'yearly'] }).notNull(),
    agreedOn: text('agreed_on').notNull(),
  },
  (t) => [index('partner_extras_partner_idx').on(t.partnerId)],
);

/** A user's saved table view (sorting, filters, columns) for a named table. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    tableId: text('table_id').notNull(),
    name: text('name').notNull(),
    state: text('state').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('saved_views_user_table_name_uq').on(t.userId, t.tableId, t.name)],
);
