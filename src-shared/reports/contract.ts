import { z } from 'zod';
import { defineChannel } from '../rpc/contract';
import { CellValue } from './columns';
import {
  AccrualFilters,
  AuditFilters,
  CalendarFilters,
  LedgerFilters,
  PartnersFilters,
  PayoutRegisterFilters,
  PerformanceFilters,
  ResellerFilters,
  RevenueFilters,
  ReviewQueueFilters,
  StatementFilters,
  TaxYearFilters,
} from './filters';

// Channels of the reports domain: the managers' dashboard, the rows of any report (the
// Reports screen's tables), and exports as jobs — start answers at once with a job id, the
// core writes the file in chunks, the screen polls its progress and may cancel it.

const Minor = z.number().int();

/** Which report, with its filters: one strict schema per report (src-shared/reports/filters.ts). */
export const ReportQuery = z.discriminatedUnion('report', [
  z.object({ report: z.literal('ledger'), filters: LedgerFilters.default({}) }).strict(),
  z.object({ report: z.literal('statement'), filters: StatementFilters }).strict(),
  z.object({ report: z.literal('accrual'), filters: AccrualFilters.default({}) }).strict(),
  z.object({ report: z.literal('payout-register'), filters: PayoutRegisterFilters.default({}) }).strict(),
  z.object({ report: z.literal('performance'), filters: PerformanceFilters.default({}) }).strict(),
  z.object({ report: z.literal('tax-year'), filters: TaxYearFilters }).strict(),
  z.object({ report: z.literal('agreements-calendar'), filters: CalendarFilters.default({}) }).strict(),
  z.object({ report: z.literal('audit-log'), filters: AuditFilters.default({}) }).strict(),
  z.object({ report: z.literal('revenue'), filters: RevenueFilters.default({}) }).strict(),
  z.object({ report: z.literal('partners'), filters: PartnersFilters.default({ sort: [], filters: {}, globalSearch: '' }) }).strict(),
  z.object({ report: z.literal('reseller-status'), filters: ResellerFilters.default({}) }).strict(),
  z.object({ report: z.literal('review-queue'), filters: ReviewQueueFilters.default({ overdueOnly: false, openOnly: true }) }).strict(),
]);
export type ReportQuery = z.input<typeof ReportQuery>;
export type ParsedReportQuery = z.output<typeof ReportQuery>;

const ColumnIds = z.array(z.string().min(1).max(60)).max(60);

/** Sums of a report's money columns over every matching row, one row per currency. */
export const ReportTotalsSchema = z.object({ currency: z.string(), rows: z.number().int(), sums: z.record(z.string(), Minor) });
export type ReportTotals = z.infer<typeof ReportTotalsSchema>;

export const rows = defineChannel({
  name: 'reports.rows',
  input: z
    .object({
      query: ReportQuery,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    })
    .strict(),
  output: z.object({
    rows: z.array(z.record(z.string(), CellValue)),
    /** Rows matching the filters (all pages). */
    total: z.number().int(),
    /** Null when the report is too large to sum on screen (its exports still carry totals). */
    totals: z.array(ReportTotalsSchema).nullable(),
    /** What the filters mean in words ("Partner: Acme · Period: 2026-03"), and the report's own summary lines. */
    lines: z.array(z.string()),
    asOf: z.string(),
  }),
  // Each report names its own permission (catalogue.ts); the handler checks it.
  permission: 'workspace.read',
});

export const ExportFormat = z.enum(['csv', 'xlsx', 'pdf']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const CsvOptions = z
  .object({
    /** Excel-friendly: a UTF-8 byte-order mark so Excel reads the accents, and text cells that would start a formula are quoted with '. */
    excel: z.boolean().default(false),
    delimiter: z.enum([',', ';']).default(','),
  })
  .strict();

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export const ExportJobSchema = z.object({
  jobId: z.string(),
  report: z.string(),
  format: ExportFormat,
  fileName: z.string(),
  state: JobState,
  rowsWritten: z.number().int(),
  rowsTotal: z.number().int(),
  bytes: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** Where the finished file is (the workspace's exports folder). */
  path: z.string().nullable(),
  /** The browser host serves the finished file here (with the session token). */
  download: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJobSchema>;

export const exportStart = defineChannel({
  name: 'reports.exportStart',
  input: z
    .object({
      query: ReportQuery,
      /** Visible columns, in the report's order; omitted = the report's default columns. */
      columns: ColumnIds.optional(),
      format: ExportFormat,
      csv: CsvOptions.optional(),
    })
    .strict(),
  output: ExportJobSchema,
  permission: 'reports.export',
});

const JobId = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const exportStatus = defineChannel({ name: 'reports.exportStatus', input: JobId, output: ExportJobSchema, permission: 'reports.export' });

/** Stops a running export and removes its partial file; a finished one is left as it is. */
export const exportCancel = defineChannel({ name: 'reports.exportCancel', input: JobId, output: ExportJobSchema, permission: 'reports.export' });

// ---- dashboard --------------------------------------------------------------------------

const MonthCurrency = z.object({ month: z.string(), currency: z.string(), netMinor: Minor, count: z.number().int() });

export const DashboardSchema = z.object({
  asOf: z.string(),
  /** The twelve months shown, oldest first, ending with the latest month that has revenue or commission. */
  months: z.array(z.string()),
  revenueByMonth: z.array(MonthCurrency),
  commissionByMonth: z.array(MonthCurrency),
  /** Per currency, the five partners with the most net commission over the months shown. */
  topPartners: z.array(z.object({ partnerId: z.string(), company: z.string(), currency: z.string(), netMinor: Minor, entries: z.number().int() })),
  /** Seed 003 resellers at risk (informational). */
  atRisk: z.object({
    resellers: z.number().int(),
    count: z.number().int(),
    rows: z.array(z.object({ partnerId: z.string(), company: z.string(), newTenantsInWindow: z.number().int(), explanation: z.string() })),
  }),
  /** Payable ledger balance per currency that no payout line has claimed yet. */
  payoutsDue: z.array(z.object({ currency: z.string(), payableMinor: Minor, entries: z.number().int(), partners: z.number().int() })),
  reviewQueue: z.object({
    open: z.number().int(),
    submitted: z.number().int(),
    inReview: z.number().int(),
    changesRequested: z.number().int(),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    oldestOpenDays: z.number().int().nullable(),
    slaDays: z.number().int(),
  }),
  upcoming: z.object({
    from: z.string(),
    to: z.string(),
    count: z.number().int(),
    rows: z.array(z.object({ date: z.string(), kind: z.string(), label: z.string(), partnerId: z.string(), company: z.string() })),
  }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const dashboard = defineChannel({
  name: 'reports.dashboard',
  input: z.object({}).strict(),
  output: DashboardSchema,
  permission: 'commissions.read',
});
