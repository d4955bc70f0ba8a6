import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners } from './partners';

/** One version of a partner's agreement; a new version is a new row, never an edit. */
export const agreements = sqliteTable(
  'agreements',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    version: integer('version').notNull(),
    effectiveOn: text('effective_on').notNull(),
    initialTermMonths: integer('initial_term_months').notNull(),
    afterInitialTerm: text('after_initial_term', { enum: ['rolling', 'fixed'] }).notNull(),
    noticeUnit: text('notice_unit', { enum: ['months', 'days'] }).notNull(),
    noticeCount: integer('notice_count').notNull(),
    governingLaw: text('governing_law').notNull(),
    postTermination: text('post_termination', { enum: ['stops', 'continues_for_prior_referrals'] }).notNull(),
    curePeriodDays: integer('cure_period_days'),
    nonSolicitMonths: integer('non_solicit_months'),
    breachOutcome: text('breach_outcome', { enum: ['suspend', 'terminate'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('agreements_partner_version_uq').on(t.partnerId, t.version)],
);
