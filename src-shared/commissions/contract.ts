import { z } from 'zod';
import { IsoDateSchema } from '../dates/isoDate';
import { defineChannel } from '../rpc/contract';

// Channels of the commissions domain: plans and their versions, revenue import, the
// period run, the append-only ledger, statements, what-if and seed 002's integrator
// balance. Money goes out as integer minor units beside its currency (`…Minor` fields
// with a `currency`), rates as basis points; amounts in different currencies are
// never added — every total is one row per currency.

// ---- shared shapes ------------------------------------------------------------------

/** 'YYYY-MM', a calendar month (the period of a run, a statement, a ledger filter). */
export const PeriodSchema = z
  .string({ error: 'Enter a month written YYYY-MM, e.g. 2026-10.' })
  // From year 1000: the calendar (calendar.ts) refuses earlier years, and a run of year 0000 must be a field error, not a crash.
  .regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, { error: (iss) => `"${String(iss.input)}" is not a month written YYYY-MM, e.g. 2026-10.` });

const Id = z.string().min(1, 'Choose one').max(200);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code such as EUR');
const Minor = z.number().int();

export const AmountSchema = z.object({ currency: z.string(), minor: Minor });
export type Amount = z.infer<typeof AmountSchema>;

/** One currency's block of a statement or ledger view: earned + reversed = net = on hold + payable + in payout + paid. */
export const CurrencyTotalsSchema = z.object({
  currency: z.string(),
  earnedMinor: Minor,
  reversedMinor: Minor,
  netMinor: Minor,
  payableMinor: Minor,
  onHoldMinor: Minor,
  inPayoutMinor: Minor,
  paidMinor: Minor,
  entryCount: z.number().int(),
});
export type CurrencyTotalsRow = z.infer<typeof CurrencyTotalsSchema>;

export const ExportedFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });

// ---- plans ---------------------------------------------------------------------------

/**
 * 'commission': a CommissionPlan body (src-shared/commissions/plan.ts) that earns the
 * partner a share of its customers' revenue. 'integrator': seed 002's reseller model
 * (src-shared/commissions/integratorPlan.ts): the partner pays for its clients minus a
 * tiered discount from a prepaid balance; it earns no commission.
 */
export const PlanKind = z.enum(['commission', 'integrator']);
export type PlanKind = z.infer<typeof PlanKind>;

export const PlanSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: PlanKind,
  programmeId: z.string().nullable(),
  programmeName: z.string().nullable(),
  /** Latest version number and the day it takes effect. */
  latestVersion: z.number().int(),
  latestEffectiveFrom: z.string(),
  versionCount: z.number().int(),
  /** Partners this plan is assigned to. */
  partnerCount: z.number().int(),
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const PlanVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  /** In force from this day; the version in force on a period's last day computes that period. */
  effectiveFrom: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** The plan body as stored (a CommissionPlan, or an IntegratorPlan when kind = 'integrator'). */
  body: z.record(z.string(), z.unknown()),
  /** Ledger entries this version produced. */
  entryCount: z.number().int(),
});
export type PlanVersionRow = z.infer<typeof PlanVersionSchema>;

export const listPlans = defineChannel({
  name: 'commissions.listPlans',
  input: z.object({}).strict(),
  output: z.object({ plans: z.array(PlanSummarySchema) }),
  permission: 'commissions.read',
});

export const getPlan = defineChannel({
  name: 'commissions.getPlan',
  input: z.object({ planId: Id }).strict(),
  output: z.object({
    plan: PlanSummarySchema,
    /** Newest first. */
    versions: z.array(PlanVersionSchema),
    partners: z.array(z.object({ id: z.string(), company: z.string(), status: z.string() })),
  }),
  permission: 'commissions.read',
});

const PlanCode = z
  .string({ error: 'Enter a short code for the plan, e.g. allset' })
  .trim()
  .min(1, 'Enter a short code for the plan, e.g. allset')
  .max(60, 'A plan code is at most 60 characters')
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'Use lower-case letters, digits, "-", "_" or "." (e.g. aloware-2026)');

const SavedVersionSchema = z.object({
  planId: z.string(),
  code: z.string(),
  version: z.number().int(),
  planVersionId: z.string(),
  effectiveFrom: z.string(),
  created: z.boolean().describe('true when this call created the plan itself'),
});

/**
 * A new plan (unknown code) or a new version of an existing one (known code). Versions are
 * append-only. `body` is checked against CommissionPlanSchema (or IntegratorPlanSchema when
 * body.kind = 'integrator'); its `id` and `version` are filled in from the plan. Problems come
 * back as fieldErrors keyed by the JSON path inside the body, prefixed `body.` — e.g.
 * `body.rate.tiers.1.from`.
 */
export const savePlanVersion = defineChannel({
  name: 'commissions.savePlanVersion',
  input: z
    .object({
      code: PlanCode,
      name: z.string().trim().min(1, 'Give the plan a name').max(200),
      programmeId: Id.nullable().optional(),
      effectiveFrom: IsoDateSchema,
      body: z.record(z.string(), z.unknown(), { error: 'The plan body must be a JSON object' }),
      note: z.string().max(2000).default(''),
    })
    .strict(),
  output: SavedVersionSchema,
  permission: 'commissions.write',
});

/**
 * The JSON written by exportPlan: { format: 'partnerdesk.plan', formatVersion: 1, code, name,
 * programmeCode, effectiveFrom, note, body }. Importing it saves a new version (or a new plan).
 */
export const importPlan = defineChannel({
  name: 'commissions.importPlan',
  input: z
    .object({
      json: z.string().min(2, 'The file is empty').max(2_000_000, 'The file is too large for a plan'),
      /** Overrides the file's effectiveFrom. */
      effectiveFrom: IsoDateSchema.optional(),
    })
    .strict(),
  output: SavedVersionSchema,
  permission: 'commissions.write',
});

export const exportPlan = defineChannel({
  name: 'commissions.exportPlan',
  input: z.object({ planId: Id, version: z.number().int().min(1).optional() }).strict(),
  output: ExportedFileSchema,
  permission: 'commissions.read',
});

/** The seed programmes' plans, ready to save as a first version. */
export const presets = defineChannel({
  name: 'commissions.presets',
  input: z.object({}).strict(),
  output: z.object({
    presets: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        kind: PlanKind,
        /** The demo programme's code (allset, aloware, messagehelp, salespartner). */
        programmeCode: z.string(),
        source: z.string(),
        body: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
  permission: 'commissions.read',
});

export const assignPlan = defineChannel({
  name: 'commissions.assignPlan',
  input: z.object({ partnerId: Id, planId: Id }).strict(),
  output: z.object({ partnerId: z.string(), planId: z.string(), previousPlanId: z.string().nullable() }),
  permission: 'commissions.write',
});

/** Partners with the plan assigned to each (the plan assignment screen; the CLI's --partner <id|company>). */
export const partners = defineChannel({
  name: 'commissions.partners',
  input: z
    .object({
      /** Matches the id exactly, or part of the company name (case-insensitive). */
      search: z.string().trim().max(200).optional(),
      limit: z.number().int().min(1).max(20_000).default(1000),
    })
    .strict(),
  output: z.object({
    rows: z.array(
      z.object({
        id: z.string(),
        company: z.string(),
        programme: z.string(),
        programmeCode: z.string(),
        format: z.string(),
        status: z.string(),
        planId: z.string().nullable(),
        planCode: z.string().nullable(),
        commissionRateBps: z.number().int().nullable(),
      }),
    ),
  }),
  permission: 'commissions.read',
});

// ---- revenue import --------------------------------------------------------------------

export const RowErrorSchema = z.object({
  /** 1-based line of the file (the header is line 1). */
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type RowError = z.infer<typeof RowErrorSchema>;

/**
 * Revenue lines from a CSV file (format: src-main/core/commissions/revenueFormat.ts). With
 * commit = false nothing is written: the answer is the preview. With commit = true every line
 * is written in one transaction, or — when any line has an error — none. Lines already
 * imported with the same content are skipped, so importing the same file again changes nothing.
 */
export const importRevenue = defineChannel({
  name: 'commissions.importRevenue',
  input: z
    .object({
      csv: z.string().max(512 * 1024 * 1024, 'The file is larger than 512 MB; split it'),
      fileName: z.string().max(500).default('revenue.csv'),
      commit: z.boolean(),
    })
    .strict(),
  output: z.object({
    fileName: z.string(),
    committed: z.boolean(),
    /** Data lines in the file (excluding the header). */
    rows: z.number().int(),
    /** New lines (written when committed). */
    newLines: z.number().int(),
    /** Lines already in the workspace with the same content (skipped). */
    unchanged: z.number().int(),
    errors: z.array(RowErrorSchema),
    /** More errors than listed. */
    moreErrors: z.number().int(),
    /** Sums of the new lines by currency and kind (gross − discount). */
    totals: z.array(z.object({ currency: z.string(), kind: z.string(), lines: z.number().int(), netMinor: Minor })),
    /** The first new lines, for the preview table. */
    preview: z.array(
      z.object({
        line: z.number().int(),
        externalRef: z.string(),
        customerRef: z.string(),
        customerName: z.string(),
        partnerCompany: z.string().nullable(),
        paidOn: z.string(),
        currency: z.string(),
        category: z.string(),
        kind: z.string(),
        grossMinor: Minor,
        discountMinor: Minor,
      }),
    ),
  }),
  permission: 'commissions.write',
});

// ---- runs ---------------------------------------------------------------------------------

export const RunSummarySchema = z.object({
  runId: z.string(),
  period: z.string(),
  /** The day holds and statuses were judged on (the run's clock). */
  asOf: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: z.string().nullable(),
  /** Partners computed (those with a plan in force). */
  partners: z.number().int(),
  entriesAdded: z.number().int(),
  adjustmentsAdded: z.number().int(),
  costsAdded: z.number().int(),
  movementsAdded: z.number().int(),
  /** Sum of what this run added to the ledger, per currency. */
  totals: z.array(AmountSchema),
  /** Partners skipped and why (no plan version in force…), and integrator charges refused. */
  notes: z.array(z.string()),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

/**
 * Computes every partner with a plan for one calendar month and appends to the ledger: new
 * entries by key; for an entry whose amount has changed, an 'adjustment' entry with the
 * difference (an amount is never updated). Rerunning the same period adds nothing.
 */
export const run = defineChannel({
  name: 'commissions.run',
  input: z.object({ period: PeriodSchema, partnerIds: z.array(Id).max(100_000).optional() }).strict(),
  output: RunSummarySchema,
  permission: 'commissions.write',
});

export const runs = defineChannel({
  name: 'commissions.runs',
  input: z.object({ period: PeriodSchema.optional(), limit: z.number().int().min(1).max(1000).default(100) }).strict(),
  output: z.object({ runs: z.array(RunSummarySchema.omit({ totals: true, notes: true, costsAdded: true, movementsAdded: true })) }),
  permission: 'commissions.read',
});

// ---- ledger ----------------------------------------------------------------------------------

/** on hold → payable → in payout (claimed by an approved payout line) → paid. */
export const EntryStatusSchema = z.enum(['on_hold', 'payable', 'in_payout', 'paid']);
export const EntryRuleSchema = z.enum(['revenue_share', 'refund_reversal', 'chargeback_reversal', 'adjustment']);

export const LedgerRowSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  partnerId: z.string(),
  partnerCompany: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  revenueLineId: z.string(),
  occurredOn: z.string(),
  period: z.string(),
  currency: z.string(),
  baseMinor: Minor,
  rateBps: z.number().int(),
  tier: z.string().nullable(),
  /** 'code@version', e.g. 'aloware@2'. */
  planVersion: z.string(),
  planVersionId: z.string(),
  amountMinor: Minor,
  rule: EntryRuleSchema,
  /** One line, e.g. "15% of £40.00 subscription, month 3 of 12". */
  explanation: z.string(),
  reversesKey: z.string().nullable(),
  holdUntil: z.string().nullable(),
  holdReason: z.string(),
  /** Derived: payable when hold_until ≤ today, else on hold. */
  status: EntryStatusSchema,
  runId: z.string(),
  createdAt: z.string(),
});
export type LedgerRow = z.infer<typeof LedgerRowSchema>;

export const ledger = defineChannel({
  name: 'commissions.ledger',
  input: z
    .object({
      partnerId: Id.optional(),
      period: PeriodSchema.optional(),
      status: EntryStatusSchema.optional(),
      currency: Currency.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(200),
    })
    .strict(),
  output: z.object({
    rows: z.array(LedgerRowSchema),
    /** Rows matching the filters (all pages). */
    total: z.number().int(),
    /** Totals of all matching rows (all pages), one per currency. */
    totals: z.array(CurrencyTotalsSchema),
    asOf: z.string(),
  }),
  permission: 'commissions.read',
});

// ---- statements -----------------------------------------------------------------------------

export const MovementSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  occurredOn: z.string(),
  kind: z.enum(['top_up_card', 'top_up_invoice', 'charge', 'bonus_grant', 'bonus_use', 'bonus_expiry']),
  account: z.enum(['prepaid', 'welcome_bonus']),
  currency: z.string(),
  /** Signed: credits positive, debits negative. */
  amountMinor: Minor,
  /** Running balance of `account` after this movement. */
  balanceAfterMinor: Minor,
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  reference: z.string(),
  explanation: z.string(),
});
export type MovementRow = z.infer<typeof MovementSchema>;

export const IntegratorBalanceSchema = z.object({
  partnerId: z.string(),
  currency: z.string().nullable(),
  movements: z.array(MovementSchema),
  prepaidBalanceMinor: Minor,
  bonusBalanceMinor: Minor,
  /** Seed 002 §1.3: the welcome bonus is usable from..until inclusive, expires on expiresOn. */
  bonusWindow: z.object({ usableFrom: z.string(), usableUntil: z.string(), expiresOn: z.string() }).nullable(),
});

export const StatementSchema = z.object({
  partner: z.object({ id: z.string(), company: z.string(), programme: z.string(), format: z.string(), status: z.string() }),
  period: z.string(),
  asOf: z.string(),
  plan: z.object({ id: z.string(), code: z.string(), name: z.string(), version: z.number().int(), kind: PlanKind }).nullable(),
  entries: z.array(LedgerRowSchema),
  /** Revenue lines of the period that earned nothing, and why. */
  excluded: z.array(z.object({ revenueLineId: z.string(), customerId: z.string(), occurredOn: z.string(), reason: z.string(), explanation: z.string() })),
  /** Seed 002: the €5 a client gets with the partner's promo code — a programme cost, never deducted. */
  costs: z.array(z.object({ key: z.string(), customerId: z.string(), occurredOn: z.string(), currency: z.string(), amountMinor: Minor, explanation: z.string() })),
  totals: z.array(CurrencyTotalsSchema),
  costTotals: z.array(AmountSchema),
  /** What blocks a payout as a whole (seed 001: report, invoice, breach). */
  payabilityBlockers: z.array(z.object({ code: z.string(), message: z.string() })),
  /** The integrator's balance movements dated in the period, with running balances (integrators only). */
  integrator: IntegratorBalanceSchema.nullable(),
});
export type Statement = z.infer<typeof StatementSchema>;

const PartnerPeriod = { partnerId: Id, period: PeriodSchema };

export const statement = defineChannel({
  name: 'commissions.statement',
  input: z.object(PartnerPeriod).strict(),
  output: StatementSchema,
  permission: 'commissions.read',
});

export const exportStatement = defineChannel({
  name: 'commissions.exportStatement',
  input: z.object({ ...PartnerPeriod, format: z.enum(['csv', 'json']) }).strict(),
  output: ExportedFileSchema,
  permission: 'commissions.read',
});

// ---- what-if ----------------------------------------------------------------------------------

/**
 * A draft plan over past revenue beside the plan each partner has now. Writes nothing.
 * Partners: `partnerIds`, else those assigned `planId`, else every partner with a commission plan.
 */
export const whatIf = defineChannel({
  name: 'commissions.whatIf',
  input: z
    .object({
      planBody: z.record(z.string(), z.unknown(), { error: 'The draft plan must be a JSON object' }),
      planId: Id.optional(),
      partnerIds: z.array(Id).max(20_000).optional(),
      fromPeriod: PeriodSchema,
      toPeriod: PeriodSchema,
    })
    .strict(),
  output: z.object({
    rows: z.array(
      z.object({
        partnerId: z.string(),
        partnerCompany: z.string(),
        currency: z.string(),
        currentNetMinor: Minor,
        draftNetMinor: Minor,
        differenceMinor: Minor,
      }),
    ),
    /** Per currency over all partners. */
    totals: z.array(z.object({ currency: z.string(), currentNetMinor: Minor, draftNetMinor: Minor, differenceMinor: Minor })),
    partners: z.number().int(),
    notes: z.array(z.string()),
  }),
  permission: 'commissions.read',
});

// ---- integrator balance (seed 002) --------------------------------------------------------------

export const integratorBalance = defineChannel({
  name: 'commissions.integratorBalance',
  input: z.object({ partnerId: Id }).strict(),
  output: IntegratorBalanceSchema,
  permission: 'commissions.read',
});

/** Seed 002 §1.7: the prepaid partner balance is topped up by card or by invoice. */
export const recordTopUp = defineChannel({
  name: 'commissions.recordTopUp',
  input: z
    .object({
      partnerId: Id,
      method: z.enum(['card', 'invoice'], { error: 'Choose card or invoice' }),
      amountMinor: z.number({ error: 'Enter the amount' }).int('Enter the amount in whole cents').positive('A top-up must be more than zero'),
      currency: Currency,
      occurredOn: IsoDateSchema,
      reference: z.string().trim().max(200).default(''),
    })
    .strict(),
  output: z.object({ movement: MovementSchema, prepaidBalanceMinor: Minor }),
  permission: 'commissions.write',
});
