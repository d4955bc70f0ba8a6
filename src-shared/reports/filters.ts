import { z } from 'zod';
import { UpcomingKind } from '../agreements/contract';
import { PeriodSchema } from '../commissions/contract';
import { IsoDateSchema } from '../dates/isoDate';
import { DRAFT_STATES } from '../drafts/states';
import { PartnerFilters, PartnerSort } from '../partners/listQuery';

// The filters of each report, one strict schema per report. The same names mean the same
// thing everywhere (partnerId, currency, period, fromPeriod/toPeriod as months, from/to as
// days), so the CLI offers one option per name and the screens share their fields.

const Id = z.string().trim().min(1, 'Choose one').max(200);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code such as EUR');
const Day = IsoDateSchema;
const Text = z.string().trim().max(200);

const periodRange = <T extends { fromPeriod?: string | undefined; toPeriod?: string | undefined }>(f: T) => !f.fromPeriod || !f.toPeriod || f.fromPeriod <= f.toPeriod;
const dayRange = <T extends { from?: string | undefined; to?: string | undefined }>(f: T) => !f.from || !f.to || f.from <= f.to;
const periodOrder = { path: ['toPeriod'], message: 'The last month must be on or after the first.' };
const dayOrder = { path: ['to'], message: 'The end of the range must be on or after its start.' };

export const PayoutStateFilter = z.enum(['unclaimed', 'in_payout', 'paid']);
export type PayoutStateFilter = z.infer<typeof PayoutStateFilter>;

export const LedgerFilters = z
  .object({
    partnerId: Id.optional(),
    period: PeriodSchema.optional(),
    fromPeriod: PeriodSchema.optional(),
    toPeriod: PeriodSchema.optional(),
    status: z.enum(['on_hold', 'payable']).optional(),
    currency: Currency.optional(),
    /** Where the entry is in the payout cycle: not claimed by any payout line, claimed by one not yet paid, paid. */
    payout: PayoutStateFilter.optional(),
  })
  .strict()
  .refine(periodRange, periodOrder);

export const StatementFilters = z.object({ partnerId: Id, period: PeriodSchema }).strict();

export const AccrualFilters = z
  .object({ partnerId: Id.optional(), currency: Currency.optional(), fromPeriod: PeriodSchema.optional(), toPeriod: PeriodSchema.optional() })
  .strict()
  .refine(periodRange, periodOrder);

export const PayoutLineState = z.enum(['ready', 'blocked', 'carried_forward', 'queued', 'paid', 'failed', 'cancelled']);
export const PayoutRunStatus = z.enum(['prepared', 'approved', 'executing', 'completed', 'voided', 'rejected']);

export const PayoutRegisterFilters = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    partnerId: Id.optional(),
    currency: Currency.optional(),
    state: PayoutLineState.optional(),
    runStatus: PayoutRunStatus.optional(),
  })
  .strict()
  .refine(dayRange, dayOrder);

export const PerformanceFilters = z
  .object({ fromPeriod: PeriodSchema.optional(), toPeriod: PeriodSchema.optional(), programmeId: Id.optional(), currency: Currency.optional() })
  .strict()
  .refine(periodRange, periodOrder);

export const TaxYearFilters = z
  .object({
    year: z.number({ error: 'Enter a year, e.g. 2026' }).int('Enter a year, e.g. 2026').min(2000, 'Enter a year from 2000').max(2100, 'Enter a year up to 2100'),
    currency: Currency.optional(),
    /** Paid: payout lines paid in the year (what a 1099-NEC reports); earned: ledger entries dated in the year. */
    basis: z.enum(['paid', 'earned']).default('paid'),
    /** In major units of thresholdCurrency, e.g. '600' for the US $600 reporting threshold. */
    threshold: z.string().trim().regex(/^\d{1,12}(\.\d{1,3})?$/, 'Write the threshold as an amount, e.g. 600 or 600.00').default('600'),
    thresholdCurrency: Currency.default('USD'),
    overThresholdOnly: z.boolean().default(false),
  })
  .strict();

export const CalendarFilters = z
  .object({ from: Day.optional(), to: Day.optional(), kind: UpcomingKind.optional(), partnerId: Id.optional() })
  .strict()
  .refine(dayRange, dayOrder);

export const AuditFilters = z
  .object({ from: Day.optional(), to: Day.optional(), action: Text.optional(), entity: Text.optional(), userId: Id.optional() })
  .strict()
  .refine(dayRange, dayOrder);

export const RevenueFilters = z
  .object({
    period: PeriodSchema.optional(),
    fromPeriod: PeriodSchema.optional(),
    toPeriod: PeriodSchema.optional(),
    currency: Currency.optional(),
    partnerId: Id.optional(),
    kind: z.enum(['payment', 'refund', 'chargeback']).optional(),
  })
  .strict()
  .refine(periodRange, periodOrder);

/** The partner list's own query (sort, filters, search), as the Partners screen holds it. */
export const PartnersFilters = z
  .object({ sort: PartnerSort.default([]), filters: PartnerFilters.default({}), globalSearch: z.string().trim().max(200).default('') })
  .strict();

export const ResellerFilters = z.object({ status: z.enum(['active', 'at_risk']).optional() }).strict();

export const ReviewQueueFilters = z
  .object({ state: z.enum(DRAFT_STATES).optional(), overdueOnly: z.boolean().default(false), openOnly: z.boolean().default(true) })
  .strict();
