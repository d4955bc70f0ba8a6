import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners, programmes } from './partners';
import { users } from './workspace';

/** Seed 003: a would-be partner's application, reviewed by super admins. */
export const applications = sqliteTable(
  'applications',
  {
    id: text('id').primaryKey(),
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    format: text('format', { enum: ['affiliate', 'referral', 'lead_referral', 'integrator', 'reseller'] }).notNull(),
    company: text('company').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    country: text('country').notNull().default(''),
    website: text('website').notNull().default(''),
    focusMarket: text('focus_market').notNull().default(''),
    expectedTenantsPerYear: integer('expected_tenants_per_year').notNull().default(0),
    pipelineNote: text('pipeline_note').notNull().default(''),
    submittedOn: text('submitted_on').notNull(),
    status: text('status', { enum: ['submitted', 'approved', 'rejected'] }).notNull(),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by').references(() => users.id),
    rejectReason: text('reject_reason', { enum: ['not_a_fit', 'insufficient_pipeline', 'duplicate', 'compliance', 'incomplete', 'other'] }),
    decisionNote: text('decision_note').notNull().default(''),
    partnerId: text('partner_id').references(() => partners.id),
    approvedRateBps: integer('approved_rate_bps'),
    planId: text('plan_id'),
  },
  (t) => [index('applications_status_idx').on(t.status, t.submittedOn)],
);

/**
 * Seed 003's promotion slots, numbered 1..capacity per programme. The primary key makes a
 * slot impossible to hand out twice, whatever races; a partner holds at most one slot.
 */
export const promoSlots = sqliteTable(
  'promo_slots',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    slotNo: integer('slot_no').notNull(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    assignedAt: text('assigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.slotNo] }), uniqueIndex('promo_slots_partner_uq').on(t.partnerId)],
);
