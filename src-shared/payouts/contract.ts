import { z } from 'zod';
import { IsoDateSchema } from '../dates/isoDate';
import { defineChannel } from '../rpc/contract';

// Channels of the payouts domain: runs prepared for a pay date from the payable ledger,
// approved by finance (maker-checker, a second approver above a threshold, bound to a
// hash of the lines) or under a standing approval, executed as Stripe Connect transfers
// through the outbox — or paid outside the app and marked paid — and the documents that
// go with them (remittance advice, payout register, chargeback notice).

const Id = z.string().min(1, 'Choose one').max(200);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code such as USD');
const Minor = z.number().int();
const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month written YYYY-MM, e.g. 2026-11');

export const RUN_STATUSES = ['prepared', 'approved', 'executing', 'completed', 'voided', 'rejected'] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

export const LINE_STATES = ['ready', 'blocked', 'carried_forward', 'queued', 'paid', 'failed', 'cancelled'] as const;
export const LineState = z.enum(LINE_STATES);
export type LineState = z.infer<typeof LineState>;

export const PayoutMethod = z.enum(['stripe_connect', 'outside']);

export const BlockerSchema = z.object({ code: z.string(), message: z.string() });
export type Blocker = z.infer<typeof BlockerSchema>;

export const LineSchema = z.object({
  id: z.string(),
  runId: z.string(),
  partnerId: z.string(),
  partnerCompany: z.string(),
  currency: z.string(),
  /** Payable commission (positive entries). */
  earnedMinor: Minor,
  /** Chargebacks and refunds withheld (≤ 0). */
  withheldMinor: Minor,
  /** earned + withheld: the transfer. */
  amountMinor: Minor,
  method: PayoutMethod,
  state: LineState,
  blockers: z.array(BlockerSchema),
  stripeAccountId: z.string().nullable(),
  attempt: z.number().int(),
  transferId: z.string().nullable(),
  failureReason: z.string(),
  /** Why a queued transfer has not gone out yet (Stripe not connected, offline…), '' when nothing was tried. */
  waitingReason: z.string(),
  paidReference: z.string().nullable(),
  paidAt: z.string().nullable(),
  entryCount: z.number().int(),
});
export type Line = z.infer<typeof LineSchema>;

export const ApprovalSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  decision: z.enum(['approve', 'reject', 'standing']),
  reason: z.string(),
  at: z.string(),
});

export const TotalSchema = z.object({ currency: z.string(), amountMinor: Minor, lineCount: z.number().int() });

export const RunSummarySchema = z.object({
  id: z.string(),
  payDate: z.string(),
  kind: z.enum(['manual', 'standing']),
  status: RunStatus,
  preparedBy: z.string().nullable(),
  preparedAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string(),
  note: z.string(),
  transferGroup: z.string(),
  /** What the run pays (lines ready, queued or paid), per currency. */
  totals: z.array(TotalSchema),
  counts: z.record(z.string(), z.number().int()),
  approvalsNeeded: z.number().int(),
  approvals: z.array(ApprovalSchema),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const RunDetailSchema = RunSummarySchema.extend({
  linesHash: z.string(),
  lines: z.array(LineSchema),
  /** Whether the signed-in user may approve now, and if not why (shown beside the button). */
  approval: z.object({ allowed: z.boolean(), reason: z.string() }),
  /** Documents period for seed 001's referral report and invoice (the month before the pay date). */
  documentsPeriod: z.string(),
  /** A prepared run whose lines the ledger no longer gives (a document recorded, a new entry…): approving it would void it. */
  stale: z.boolean(),
});
export type RunDetail = z.infer<typeof RunDetailSchema>;

export const LineEntrySchema = z.object({
  key: z.string(),
  occurredOn: z.string(),
  period: z.string(),
  customerName: z.string(),
  rule: z.string(),
  baseMinor: Minor,
  rateBps: z.number().int(),
  amountMinor: Minor,
  explanation: z.string(),
  holdUntil: z.string().nullable(),
});

export const FileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** utf8 for text files (CSV, .eml), base64 for binary ones (PDF, XLSX). */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type PayoutFile = z.infer<typeof FileSchema>;

export const SettingsSchema = z.object({
  requireTaxForm: z.boolean(),
  secondApprovalAbove: z.array(z.object({ currency: Currency, minor: Minor.min(0, 'The threshold cannot be negative') })),
});

export const StandingSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planCode: z.string(),
  planName: z.string(),
  currency: z.string(),
  perLineLimitMinor: Minor,
  perDayLimitMinor: Minor,
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});

export const DocumentSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  kind: z.enum(['referral_report', 'invoice']),
  period: z.string(),
  reference: z.string(),
  receivedOn: z.string(),
  recordedAt: z.string(),
});

// ---- runs ----------------------------------------------------------------------------

export const list = defineChannel({
  name: 'payouts.list',
  input: z.object({ status: RunStatus.optional(), statuses: z.array(RunStatus).max(6).optional(), limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }).strict(),
  output: z.object({ runs: z.array(RunSummarySchema), total: z.number().int() }),
  permission: 'payouts.read',
});

export const get = defineChannel({
  name: 'payouts.get',
  input: z.object({ runId: Id }).strict(),
  output: RunDetailSchema,
  permission: 'payouts.read',
});

export const lineEntries = defineChannel({
  name: 'payouts.lineEntries',
  input: z.object({ lineId: Id }).strict(),
  output: z.object({ line: LineSchema, entries: z.array(LineEntrySchema) }),
  permission: 'payouts.read',
});

export const prepare = defineChannel({
  name: 'payouts.prepare',
  input: z.object({ payDate: IsoDateSchema, note: z.string().max(500).default('') }).strict(),
  output: RunDetailSchema,
  permission: 'payouts.prepare',
});

export const approve = defineChannel({
  name: 'payouts.approve',
  /** linesHash: the hash of the lines the approver saw; a different hash is refused. */
  input: z.object({ runId: Id, linesHash: z.string().min(1).max(128) }).strict(),
  output: RunDetailSchema,
  permission: 'payouts.approve',
});

export const reject = defineChannel({
  name: 'payouts.reject',
  input: z.object({ runId: Id, reason: z.string().trim().min(3, 'Say why the run is rejected (at least 3 characters)').max(1000) }).strict(),
  output: RunDetailSchema,
  permission: 'payouts.approve',
});

export const execute = defineChannel({
  name: 'payouts.execute',
  /** limit: send at most this many transfers and return, so a screen can show progress between calls. */
  input: z.object({ runId: Id, limit: z.number().int().min(1).max(1000).optional() }).strict(),
  output: RunDetailSchema,
  permission: 'payouts.prepare',
});

export const retryLine = defineChannel({
  name: 'payouts.retryLine',
  input: z.object({ lineId: Id }).strict(),
  output: RunDetailSchema,
  permission: 'payouts.approve',
});

export const releaseLine = defineChannel({
  name: 'payouts.releaseLine',
  input: z.object({ lineId: Id, reason: z.string().trim().min(3, 'Say why the line is released (at least 3 characters)').max(1000) }).strict(),
  output: RunDetailSchema,
  permission: 'payouts.approve',
});

export const markPaid = defineChannel({
  name: 'payouts.markPaid',
  input: z.object({ lineId: Id, reference: z.string().trim().min(1, 'Enter the payment reference (bank transfer id, cheque number…)').max(200), paidOn: IsoDateSchema }).strict(),
  output: RunDetailSchema,
  permission: 'payouts.approve',
});

// ---- settings, standing approvals, partner documents ----------------------------------

export const settings = defineChannel({ name: 'payouts.settings', input: z.object({}).strict(), output: SettingsSchema, permission: 'payouts.read' });

export const saveSettings = defineChannel({ name: 'payouts.saveSettings', input: SettingsSchema.strict(), output: SettingsSchema, permission: 'payouts.approve' });

export const standingList = defineChannel({
  name: 'payouts.standingList',
  input: z.object({}).strict(),
  output: z.object({ approvals: z.array(StandingSchema) }),
  permission: 'payouts.read',
});

export const standingCreate = defineChannel({
  name: 'payouts.standingCreate',
  input: z
    .object({
      planId: Id,
      currency: Currency,
      perLineLimitMinor: Minor.min(1, 'The limit per line must be above zero'),
      perDayLimitMinor: Minor.min(1, 'The limit per day must be above zero'),
      note: z.string().max(500).default(''),
    })
    .strict()
    .refine((v) => v.perDayLimitMinor >= v.perLineLimitMinor, { path: ['perDayLimitMinor'], message: 'The limit per day cannot be below the limit per line' }),
  output: StandingSchema,
  permission: 'payouts.approve',
});

export const standingRevoke = defineChannel({ name: 'payouts.standingRevoke', input: z.object({ id: Id }).strict(), output: StandingSchema, permission: 'payouts.approve' });

export const payStanding = defineChannel({
  name: 'payouts.payStanding',
  input: z.object({ payDate: IsoDateSchema.optional() }).strict(),
  output: z.object({
    /** One run per standing approval that had something to pay, already approved and executed as far as Stripe allowed. */
    runs: z.array(RunDetailSchema),
    /** Why transfers wait, when Stripe is not connected or cannot be reached ('' when all went out). */
    message: z.string(),
    /** Payable lines left for a manual run, and why (over a limit, blocked). */
    left: z.array(z.object({ partnerCompany: z.string(), currency: z.string(), amountMinor: Minor, reason: z.string() })),
  }),
  permission: 'payouts.prepare',
});

export const documents = defineChannel({
  name: 'payouts.documents',
  input: z.object({ partnerId: Id }).strict(),
  output: z.object({ documents: z.array(DocumentSchema) }),
  permission: 'payouts.read',
});

export const recordDocument = defineChannel({
  name: 'payouts.recordDocument',
  input: z
    .object({
      partnerId: Id,
      kind: z.enum(['referral_report', 'invoice']),
      period: PeriodSchema,
      reference: z.string().trim().min(1, 'Enter the document reference (e.g. the invoice number)').max(200),
      receivedOn: IsoDateSchema,
    })
    .strict(),
  output: DocumentSchema,
  permission: 'payouts.prepare',
});

// ---- documents out -------------------------------------------------------------------

export const remittance = defineChannel({ name: 'payouts.remittance', input: z.object({ lineId: Id }).strict(), output: FileSchema, permission: 'payouts.read' });

export const register = defineChannel({
  name: 'payouts.register',
  input: z.object({ runId: Id, format: z.enum(['csv', 'xlsx']) }).strict(),
  output: FileSchema,
  permission: 'reports.export',
});

export const chargebackNotice = defineChannel({
  name: 'payouts.chargebackNotice',
  /** runId: the chargebacks withheld in that run's line; without it, those not yet settled by a payout. */
  input: z.object({ partnerId: Id, runId: Id.optional() }).strict(),
  output: z.object({ to: z.string(), subject: z.string(), text: z.string(), eml: FileSchema, chargebackCount: z.number().int() }),
  permission: 'payouts.read',
});
