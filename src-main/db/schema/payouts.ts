import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { commissionPlans } from './commissions';
import { partners } from './partners';
import { users } from './workspace';

/** Workspace-wide payout rules finance can change (one row, id = 1). */
export const payoutSettings = sqliteTable('payout_settings', {
  id: integer('id').primaryKey(),
  /** A tax form (W-9 / W-8) on file and not expired is required before paying. */
  requireTaxForm: integer('require_tax_form', { mode: 'boolean' }).notNull().default(true),
  /** JSON {currency: minor}: a run whose total in that currency is above it needs a second approver. */
  secondApprovalAbove: text('second_approval_above').notNull().default('{}'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
});

/**
 * Seed 000 pays "as soon as customers pay": a finance user's standing approval for one plan
 * and currency, with limits per line and per day. Runs under it still go through the outbox.
 */
export const standingApprovals = sqliteTable('standing_approvals', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull().references(() => commissionPlans.id),
  currency: text('currency').notNull(),
  perLineLimitMinor: integer('per_line_limit_minor').notNull(),
  perDayLimitMinor: integer('per_day_limit_minor').notNull(),
  note: text('note').notNull().default(''),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull().references(() => users.id),
  revokedAt: text('revoked_at'),
  revokedBy: text('revoked_by').references(() => users.id),
});

/** A payout run for a date: one line per partner and currency. */
export const payoutRuns = sqliteTable(
  'payout_runs',
  {
    id: text('id').primaryKey(),
    payDate: text('pay_date').notNull(),
    kind: text('kind', { enum: ['manual', 'standing'] }).notNull(),
    status: text('status', { enum: ['prepared', 'approved', 'executing', 'completed', 'voided', 'rejected'] }).notNull(),
    /** sha256 over the lines and their entries; approvals are bound to it. */
    linesHash: text('lines_hash').notNull(),
    transferGroup: text('transfer_group').notNull(),
    standingApprovalId: text('standing_approval_id').references(() => standingApprovals.id),
    preparedAt: text('prepared_at').notNull(),
    preparedBy: text('prepared_by').references(() => users.id),
    decidedAt: text('decided_at'),
    reason: text('reason').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (t) => [index('payout_runs_pay_date_idx').on(t.payDate)],
);

/** One partner's payout in one currency within a run. */
export const payoutLines = sqliteTable(
  'payout_lines',
  {
    id: text('id').primaryKey(),
    runId: text('run_id').notNull().references(() => payoutRuns.id),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    currency: text('currency').notNull(),
    /** Payable commission (positive entries). */
    earnedMinor: integer('earned_minor').notNull(),
    /** Chargebacks and refunds withheld (negative entries, ≤ 0). */
    withheldMinor: integer('withheld_minor').notNull(),
    /** earned + withheld: what is paid when the line is paid. */
    amountMinor: integer('amount_minor').notNull(),
    method: text('method', { enum: ['stripe_connect', 'outside'] }).notNull(),
    state: text('state', { enum: ['ready', 'blocked', 'carried_forward', 'queued', 'paid', 'failed', 'cancelled'] }).notNull(),
    /** JSON [{code, message}] — why the line is blocked or carried forward. */
    blockers: text('blockers').notNull().default('[]'),
    stripeAccountId: text('stripe_account_id'),
    attempt: integer('attempt').notNull().default(0),
    transferId: text('transfer_id'),
    failureReason: text('failure_reason').notNull().default(''),
    paidReference: text('paid_reference'),
    paidAt: text('paid_at'),
    paidBy: text('paid_by').references(() => users.id),
  },
  (t) => [index('payout_lines_run_idx').on(t.runId), index('payout_lines_partner_idx').on(t.partnerId)],
);

/** The ledger entries behind a payout line (its drill-down and its hash). */
export const payoutLineEntries = sqliteTable(
  'payout_line_entries',
  {
    lineId: text('line_id').notNull().references(() => payoutLines.id),
    entryKey: text('entry_key').notNull(),
    amountMinor: integer('amount_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lineId, t.entryKey] }), index('payout_line_entries_entry_idx').on(t.entryKey)],
);

/**
 * The exactly-once guard on the ledger side: an entry is claimed by at most one payout line,
 * when that line is approved for payment. A cancelled or failed-and-abandoned line releases it.
 */
export const payoutEntryClaims = sqliteTable('payout_entry_claims', {
  entryKey: text('entry_key').primaryKey(),
  lineId: text('line_id').notNull().references(() => payoutLines.id),
  claimedAt: text('claimed_at').notNull(),
});

/** Who approved (or rejected) a run, bound to the lines hash they saw. */
export const payoutApprovals = sqliteTable(
  'payout_approvals',
  {
    id: text('id').primaryKey(),
    runId: text('run_id').notNull().references(() => payoutRuns.id),
    userId: text('user_id').notNull().references(() => users.id),
    decision: text('decision', { enum: ['approve', 'reject', 'standing'] }).notNull(),
    linesHash: text('lines_hash').notNull(),
    reason: text('reason').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('payout_approvals_run_user_uq').on(t.runId, t.userId)],
);
