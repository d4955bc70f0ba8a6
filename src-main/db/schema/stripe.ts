import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners } from './partners';
import { users } from './workspace';

/** Stripe connection settings; the restricted key lives here, inside the encrypted workspace. */
export const stripeSettings = sqliteTable('stripe_settings', {
  id: integer('id').primaryKey(),
  restrictedKey: text('restricted_key'),
  mode: text('mode', { enum: ['test', 'live'] }),
  accountId: text('account_id'),
  accountName: text('account_name'),
  /** For the fake Stripe and proxies: 'http://127.0.0.1:12111'; null = api.stripe.com. */
  apiBase: text('api_base'),
  checkedAt: text('checked_at'),
  updatedAt: text('updated_at').notNull(),
});

/** Where each object type's pull stopped, so a sync resumes instead of starting over. */
export const stripeSyncCursors = sqliteTable('stripe_sync_cursors', {
  objectType: text('object_type').primaryKey(),
  /** Last object id seen in a full list (starting_after), while a list is under way. */
  listCursor: text('list_cursor'),
  /** created[gte] of the last complete list, in Unix seconds. */
  listedUpTo: integer('listed_up_to'),
  /** The newest event id applied, for incremental syncs through the Events API. */
  lastEventId: text('last_event_id'),
  lastEventCreated: integer('last_event_created'),
  updatedAt: text('updated_at').notNull(),
});

/** One sync run: what it did, or why it stopped. */
export const stripeSyncLog = sqliteTable('stripe_sync_log', {
  id: text('id').primaryKey(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  status: text('status', { enum: ['running', 'done', 'failed', 'cancelled'] }).notNull(),
  kind: text('kind', { enum: ['full', 'incremental', 'relist'] }).notNull(),
  counts: text('counts').notNull().default('{}'),
  message: text('message').notNull().default(''),
  startedBy: text('started_by').references(() => users.id),
});

/** Stripe products and prices mapped to revenue categories (or excluded), by hand or by metadata. */
export const stripeProductMappings = sqliteTable('stripe_product_mappings', {
  stripeId: text('stripe_id').primaryKey(),
  kind: text('kind', { enum: ['product', 'price'] }).notNull(),
  name: text('name').notNull().default(''),
  category: text('category', { enum: ['subscription', 'platform_fee', 'overage', 'usage', 'one_off', 'setup'] }),
  excluded: integer('excluded', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull(),
});

/** Rules that attribute Stripe customers to partners. */
export const attributionRules = sqliteTable(
  'attribution_rules',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['metadata', 'promotion_code', 'coupon', 'email_domain'] }).notNull(),
    /** metadata: "key=value"; promotion_code / coupon: the code or id; email_domain: "example.com". */
    pattern: text('pattern').notNull(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('attribution_rules_uq').on(t.kind, t.pattern)],
);

/**
 * Outbound work that must happen exactly once (Connect transfers, account creation), written
 * in the same transaction as the decision that causes it and sent with its idempotency key.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error').notNull().default(''),
    result: text('result'),
    createdAt: text('created_at').notNull(),
    firstSentAt: text('first_sent_at'),
    sentAt: text('sent_at'),
  },
  (t) => [index('outbox_status_idx').on(t.status, t.createdAt)],
);
