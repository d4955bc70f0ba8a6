import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers, revenueLines } from './revenue';
import { partners, programmes } from './partners';
import { users } from './workspace';

/** A commission plan; its rules live in versions, never edited in place. */
export const commissionPlans = sqliteTable('commission_plans', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  programmeId: text('programme_id').references(() => programmes.id),
  createdAt: text('created_at').notNull(),
});

/**
 * One version of a plan's rules (src-shared/commissions/plan.ts, as JSON validated by its
 * schema). The version in force on a period's last day computes that period.
 */
export const planVersions = sqliteTable(
  'plan_versions',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull().references(() => commissionPlans.id),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    body: text('body').notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('plan_versions_plan_version_uq').on(t.planId, t.version), index('plan_versions_effective_idx').on(t.planId, t.effectiveFrom)],
);

/** A commission run: which period, as of when, by whom, and what it added. */
export const commissionRuns = sqliteTable('commission_runs', {
  id: text('id').primaryKey(),
  period: text('period').notNull(),
  asOf: text('as_of').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  startedBy: text('started_by').references(() => users.id),
  partners: integer('partners').notNull().default(0),
  entriesAdded: integer('entries_added').notNull().default(0),
  adjustmentsAdded: integer('adjustments_added').notNull().default(0),
});

/**
 * The commission ledger. Append-only: an amount is never changed; a correction is a new
 * entry (rule 'adjustment') pointing at the key it corrects; refunds and chargebacks are
 * their own negative entries. `key` is deterministic, so rerunning a period adds nothing.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull().unique(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    revenueLineId: text('revenue_line_id').notNull().references(() => revenueLines.id),
    occurredOn: text('occurred_on').notNull(),
    period: text('period').notNull(),
    currency: text('currency').notNull(),
    baseMinor: integer('base_minor').notNull(),
    rateBps: integer('rate_bps').notNull(),
    tier: text('tier'),
    planVersionId: text('plan_version_id').notNull().references(() => planVersions.id),
    amountMinor: integer('amount_minor').notNull(),
    rule: text('rule', { enum: ['revenue_share', 'refund_reversal', 'chargeback_reversal', 'adjustment'] }).notNull(),
    explanation: text('explanation').notNull(),
    reversesKey: text('reverses_key'),
    runId: text('run_id').notNull().references(() => commissionRuns.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('ledger_partner_period_idx').on(t.partnerId, t.period),
    index('ledger_period_idx').on(t.period, t.currency),
    index('ledger_line_idx').on(t.revenueLineId),
  ],
);

/**
 * When each ledger entry may be paid. Kept apart from the entries on purpose: a hold is
 * not an amount, and it moves when facts arrive (an account's close date, cash received).
 */
export const ledgerHolds = sqliteTable('ledger_holds', {
  entryKey: text('entry_key').primaryKey(),
  holdUntil: text('hold_until'),
  holdReason: text('hold_reason').notNull().default(''),
  updatedAt: text('updated_at').notNull(),
});

/** Programme costs attributed to a partner that are not commission (seed 002: the client's €5). */
export const programmeCosts = sqliteTable(
  'programme_costs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull().unique(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    occurredOn: text('occurred_on').notNull(),
    period: text('period').notNull(),
    currency: text('currency').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    rule: text('rule').notNull(),
    explanation: text('explanation').notNull(),
    runId: text('run_id').notNull().references(() => commissionRuns.id),
  },
  (t) => [index('programme_costs_partner_idx').on(t.partnerId, t.period)],
);

/**
 * Seed 002's integrator balance: top-ups by card or invoice, charges for clients at the
 * tariff minus the partner discount, welcome-bonus use and expiry. Append-only.
 */
export const integratorMovements = sqliteTable(
  'integrator_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull().unique(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    customerId: text('customer_id').references(() => customers.id),
    occurredOn: text('occurred_on').notNull(),
    kind: text('kind', { enum: ['top_up_card', 'top_up_invoice', 'charge', 'bonus_grant', 'bonus_use', 'bonus_expiry'] }).notNull(),
    account: text('account', { enum: ['prepaid', 'welcome_bonus'] }).notNull(),
    currency: text('currency').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    reference: text('reference').notNull().default(''),
    explanation: text('explanation').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [index('integrator_movements_partner_idx').on(t.partnerId, t.occurredOn)],
);

/** Seed 001: the partner's referral report and invoice for a period, required before payout. */
export const partnerDocuments = sqliteTable(
  'partner_documents',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    kind: text('kind', { enum: ['referral_report', 'invoice'] }).notNull(),
    period: text('period').notNull(),
    reference: text('reference').notNull().default(''),
    receivedOn: text('received_on').notNull(),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
  },
  (t) => [uniqueIndex('partner_documents_uq').on(t.partnerId, t.kind, t.period)],
);
