import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { users } from './workspace';
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

/**
 * What happened to an agreement: notice served, a breach noticed (and cured), a
 * termination. Dates are ISO days; the pure rules in src-shared/agreements/dates.ts read them.
 */
export const agreementEvents = sqliteTable(
  'agreement_events',
  {
    id: text('id').primaryKey(),
    agreementId: text('agreement_id').notNull().references(() => agreements.id),
    kind: text('kind', { enum: ['notice', 'breach', 'terminated'] }).notNull(),
    /** notice: served on; breach: written notice of breach on; terminated: effective on. */
    onDate: text('on_date').notNull(),
    servedBy: text('served_by', { enum: ['partner', 'company'] }),
    terminatesOn: text('terminates_on'),
    curedOn: text('cured_on'),
    reason: text('reason').notNull().default(''),
    note: text('note').notNull().default(''),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
  },
  (t) => [index('agreement_events_agreement_idx').on(t.agreementId, t.onDate)],
);
