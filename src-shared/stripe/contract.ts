// Channels of the stripe domain: settings, the paged sync, product mappings, attribution,
// Connect onboarding and the status shown in every screen's sidebar.
import { z } from 'zod';
import { defineChannel } from '../rpc/contract';
import { REVENUE_CATEGORIES, RULE_KINDS, SYNC_TYPES } from './rules';

export * from './rules';

const Id = z.string().min(1, 'Missing id').max(200);

export const Mode = z.enum(['test', 'live']);

export const SettingsView = z.object({
  configured: z.boolean(),
  /** Never the key itself: "rk_test_…a1b2". */
  maskedKey: z.string().nullable(),
  mode: Mode.nullable(),
  apiBase: z.string().nullable(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const getSettings = defineChannel({
  name: 'stripe.getSettings',
  input: z.object({}).strict(),
  output: SettingsView,
  permission: 'workspace.read',
});

export const saveSettings = defineChannel({
  name: 'stripe.saveSettings',
  input: z
    .object({
      key: z
        .string()
        .trim()
        .regex(/^(rk|sk)_(test|live)_[A-Za-z0-9_]{8,}$/, 'Paste a Stripe secret or restricted key: it starts with rk_test_, rk_live_, sk_test_ or sk_live_'),
      apiBase: z
        .string()
        .trim()
        .max(200)
        .refine((s) => s === '' || /^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(s), 'Give an address like http://127.0.0.1:12111, or leave it empty for api.stripe.com')
        .default(''),
    })
    .strict(),
  output: SettingsView,
  permission: 'workspace.admin',
});

/** Retrieves the account the key belongs to; records its id and name. */
export const checkConnection = defineChannel({
  name: 'stripe.checkConnection',
  input: z.object({}).strict(),
  output: SettingsView,
  permission: 'workspace.admin',
});

export const SyncProgress = z.object({
  runId: z.string(),
  kind: z.enum(['full', 'incremental', 'relist']),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** The object type being pulled, or 'events' / null when done. */
  phase: z.string().nullable(),
  /** Phases finished out of all, for the progress bar. */
  phasesDone: z.number().int(),
  phasesTotal: z.number().int(),
  counts: z.record(z.string(), z.number()),
  message: z.string(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

/** Starts a sync (or returns the one under way, to resume it). */
export const syncStart = defineChannel({
  name: 'stripe.syncStart',
  input: z.object({ full: z.boolean().default(false) }).strict(),
  output: SyncProgress,
  permission: 'commissions.write',
});

/** Pulls one page and stores it in one transaction; call until status is no longer 'running'. */
export const syncStep = defineChannel({
  name: 'stripe.syncStep',
  input: z.object({}).strict(),
  output: SyncProgress,
  permission: 'commissions.write',
});

export const syncCancel = defineChannel({
  name: 'stripe.syncCancel',
  input: z.object({}).strict(),
  output: z.object({ cancelled: z.boolean() }),
  permission: 'commissions.write',
});

export const SyncLogRow = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.string(),
  kind: z.string(),
  counts: z.record(z.string(), z.number()),
  message: z.string(),
});

export const syncLog = defineChannel({
  name: 'stripe.syncLog',
  input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
  output: z.array(SyncLogRow),
  permission: 'commissions.read',
});

export const StatusView = z.object({
  configured: z.boolean(),
  mode: Mode.nullable(),
  /** The last call to Stripe worked (null: none made since the app started). */
  online: z.boolean().nullable(),
  lastSyncAt: z.string().nullable(),
  pendingOutbox: z.number().int(),
  running: z.boolean(),
});
export type StatusView = z.infer<typeof StatusView>;

export const status = defineChannel({
  name: 'stripe.status',
  input: z.object({}).strict(),
  output: StatusView,
  permission: 'workspace.read',
});

// ── Product mappings ─────────────────────────────────────────────────────────────────

export const Category = z.enum(REVENUE_CATEGORIES);

export const MappingRow = z.object({
  stripeId: z.string(),
  kind: z.enum(['product', 'price']),
  name: z.string(),
  category: Category.nullable(),
  excluded: z.boolean(),
  lines: z.number().int(),
});

export const mappings = defineChannel({
  name: 'stripe.mappings',
  input: z.object({}).strict(),
  output: z.array(MappingRow),
  permission: 'commissions.read',
});

/** Sets a product's category (or excludes it) and re-categorises the revenue lines already pulled. */
export const setMapping = defineChannel({
  name: 'stripe.setMapping',
  input: z.object({ stripeId: Id, category: Category.nullable(), excluded: z.boolean().default(false) }).strict(),
  output: z.object({ linesUpdated: z.number().int() }),
  permission: 'commissions.write',
});

// ── Attribution ──────────────────────────────────────────────────────────────────────

export const RuleKind = z.enum(RULE_KINDS);

export const RuleRow = z.object({ id: z.string(), kind: RuleKind, pattern: z.string(), partnerId: z.string(), partnerCompany: z.string(), createdAt: z.string() });

export const rules = defineChannel({
  name: 'stripe.rules',
  input: z.object({}).strict(),
  output: z.array(RuleRow),
  permission: 'partners.read',
});

/** Adds a rule and applies it to the customers not yet attributed. */
export const addRule = defineChannel({
  name: 'stripe.addRule',
  input: z.object({ kind: RuleKind, pattern: z.string().trim().min(1, 'Say what to match').max(200), partnerId: Id }).strict(),
  output: z.object({ rule: RuleRow, attributed: z.number().int() }),
  permission: 'partners.write',
});

export const removeRule = defineChannel({
  name: 'stripe.removeRule',
  input: z.object({ id: Id }).strict(),
  output: z.object({ removed: z.boolean() }),
  permission: 'partners.write',
});

export const UnattributedRow = z.object({ id: z.string(), externalRef: z.string(), name: z.string(), email: z.string(), signUpOn: z.string() });

export const unattributed = defineChannel({
  name: 'stripe.unattributed',
  input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
  output: z.object({ rows: z.array(UnattributedRow), total: z.number().int() }),
  permission: 'partners.read',
});

export const attribute = defineChannel({
  name: 'stripe.attribute',
  input: z.object({ customerId: Id, partnerId: Id }).strict(),
  output: z.object({ customerId: z.string(), partnerId: z.string() }),
  permission: 'partners.write',
});

export const CustomerRow = z.object({ id: z.string(), externalRef: z.string(), name: z.string(), email: z.string(), partnerCompany: z.string().nullable(), lines: z.number().int() });

/** The customers pulled from Stripe (newest first), to see the sync's result. */
export const customers = defineChannel({
  name: 'stripe.customers',
  input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
  output: z.object({ rows: z.array(CustomerRow), total: z.number().int(), revenueLines: z.number().int() }),
  permission: 'partners.read',
});

// ── Connect ──────────────────────────────────────────────────────────────────────────

export const ConnectView = z.object({
  partnerId: z.string(),
  accountId: z.string().nullable(),
  state: z.enum(['none', 'pending', 'restricted', 'enabled']),
  mode: Mode.nullable(),
  /** The account creation waits in the outbox (offline or failed). */
  pending: z.boolean(),
  lastError: z.string(),
  capabilities: z.record(z.string(), z.string()),
  requirements: z.array(z.string()),
});
export type ConnectView = z.infer<typeof ConnectView>;

export const connectGet = defineChannel({
  name: 'stripe.connectGet',
  input: z.object({ partnerId: Id }).strict(),
  output: ConnectView,
  permission: 'partners.read',
});

/** Queues the partner's connected account (idempotency key account:<partnerId>) and tries to send it. */
export const connectCreate = defineChannel({
  name: 'stripe.connectCreate',
  input: z.object({ partnerId: Id }).strict(),
  output: ConnectView,
  permission: 'partners.write',
});

export const connectRefresh = defineChannel({
  name: 'stripe.connectRefresh',
  input: z.object({ partnerId: Id }).strict(),
  output: ConnectView,
  permission: 'partners.write',
});

export const connectLink = defineChannel({
  name: 'stripe.connectLink',
  input: z.object({ partnerId: Id }).strict(),
  output: z.object({ url: z.string(), expiresAt: z.string() }),
  permission: 'partners.write',
});

/** Sends what waits in the outbox. */
export const flushOutbox = defineChannel({
  name: 'stripe.flushOutbox',
  input: z.object({}).strict(),
  output: z.object({ sent: z.number().int(), pending: z.number().int() }),
  permission: 'partners.write',
});

