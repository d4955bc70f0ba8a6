import { upcomingKindLabels, UpcomingKind } from '../agreements/contract';
import { DRAFT_STATES, stateLabel } from '../drafts/states';
import type { Permission } from '../rpc/contract';
import type { ReportColumn } from './columns';

// Every report the app offers: its title, who may read it, its columns and the filter
// fields the Reports screen shows. Shared, so the screen, the core, the CLI and the
// exports agree on names; the rows themselves come from src-main/core/reports.

export const REPORT_IDS = [
  'ledger',
  'statement',
  'accrual',
  'payout-register',
  'performance',
  'tax-year',
  'agreements-calendar',
  'audit-log',
  'revenue',
  'partners',
  'reseller-status',
  'review-queue',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export type FilterKind = 'partner' | 'programme' | 'period' | 'date' | 'year' | 'currency' | 'select' | 'boolean' | 'text' | 'amount';
export interface FilterField {
  name: string;
  label: string;
  kind: FilterKind;
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  hint?: string;
}

export interface ReportInfo {
  id: ReportId;
  title: string;
  description: string;
  permission: Permission;
  columns: readonly ReportColumn[];
  filters: readonly FilterField[];
}

const opts = (entries: Record<string, string>) => Object.entries(entries).map(([value, label]) => ({ value, label }));

const partner: FilterField = { name: 'partnerId', label: 'Partner', kind: 'partner' };
const currency: FilterField = { name: 'currency', label: 'Currency', kind: 'currency' };
const fromPeriod: FilterField = { name: 'fromPeriod', label: 'From month', kind: 'period' };
const toPeriod: FilterField = { name: 'toPeriod', label: 'To month', kind: 'period' };
const from: FilterField = { name: 'from', label: 'From', kind: 'date' };
const to: FilterField = { name: 'to', label: 'To', kind: 'date' };

export const entryStatusLabels = { on_hold: 'On hold', payable: 'Payable' } as const;
export const payoutStateLabels = { unclaimed: 'Not in a payout', in_payout: 'In a payout', paid: 'Paid' } as const;
export const lineStateLabels = {
  ready: 'Ready', blocked: 'Blocked', carried_forward: 'Carried forward', queued: 'Queued', paid: 'Paid', failed: 'Failed', cancelled: 'Cancelled',
} as const;
export const runStatusLabels = {
  prepared: 'Prepared', approved: 'Approved', executing: 'Executing', completed: 'Completed', voided: 'Voided', rejected: 'Rejected',
} as const;

const ledgerColumns: ReportColumn[] = [
  { id: 'id', label: 'Entry', kind: 'integer', optional: true, width: 0.6 },
  { id: 'key', label: 'Key', kind: 'text', optional: true, width: 2 },
  { id: 'period', label: 'Period', kind: 'text', width: 0.7 },
  { id: 'occurredOn', label: 'Date', kind: 'date', width: 0.8 },
  { id: 'partnerId', label: 'Partner id', kind: 'text', optional: true },
  { id: 'partnerCompany', label: 'Partner', kind: 'text', width: 1.6 },
  { id: 'customerName', label: 'Customer', kind: 'text', width: 1.4 },
  { id: 'revenueLineId', label: 'Revenue line', kind: 'text', optional: true },
  { id: 'rule', label: 'Rule', kind: 'text', width: 1 },
  { id: 'currency', label: 'Currency', kind: 'text', width: 0.6 },
  { id: 'baseMinor', label: 'Base', kind: 'money', width: 0.9 },
  { id: 'rateBps', label: 'Rate', kind: 'bps', width: 0.6 },
  { id: 'tier', label: 'Tier', kind: 'text', width: 0.6 },
  { id: 'planVersion', label: 'Plan version', kind: 'text', width: 0.9 },
  { id: 'amountMinor', label: 'Amount', kind: 'money', width: 0.9 },
  { id: 'status', label: 'Status', kind: 'text', width: 0.7 },
  { id: 'holdUntil', label: 'Hold until', kind: 'date', width: 0.8 },
  { id: 'holdReason', label: 'Hold reason', kind: 'text', optional: true, width: 1.5 },
  { id: 'payout', label: 'Payout', kind: 'text', width: 0.8 },
  { id: 'explanation', label: 'Explanation', kind: 'text', width: 3 },
];

export const reports: Record<ReportId, ReportInfo> = {
  ledger: {
    id: 'ledger',
    title: 'Ledger entries',
    description: 'Commission ledger entries with their base, rate, plan and explanation; status from the hold dates, payout state from the payout lines that claimed them.',
    permission: 'commissions.read',
    columns: ledgerColumns,
    filters: [
      partner,
      { name: 'period', label: 'Period', kind: 'period' },
      fromPeriod,
      toPeriod,
      { name: 'status', label: 'Status', kind: 'select', options: opts(entryStatusLabels) },
      currency,
      { name: 'payout', label: 'Payout', kind: 'select', options: opts(payoutStateLabels) },
    ],
  },
  statement: {
    id: 'statement',
    title: 'Commission statement',
    description: "A partner's ledger entries for one month, with totals per currency and what blocks its payout.",
    permission: 'commissions.read',
    columns: ledgerColumns.filter((c) => !['period', 'partnerId', 'partnerCompany', 'payout'].includes(c.id)),
    filters: [
      { ...partner, required: true },
      { name: 'period', label: 'Period', kind: 'period', required: true },
    ],
  },
  accrual: {
    id: 'accrual',
    title: 'Accrual',
    description: 'Per partner and currency: earned, withheld (refunds and chargebacks), net, and where the net stands — on hold, payable, in a payout, paid. The columns add up to the ledger.',
    permission: 'commissions.read',
    columns: [
      { id: 'partnerId', label: 'Partner id', kind: 'text', optional: true },
      { id: 'partnerCompany', label: 'Partner', kind: 'text', width: 1.8 },
      { id: 'programme', label: 'Programme', kind: 'text', width: 1.4 },
      { id: 'currency', label: 'Currency', kind: 'text', width: 0.6 },
      { id: 'entries', label: 'Entries', kind: 'integer', width: 0.6 },
      { id: 'earnedMinor', label: 'Earned', kind: 'money' },
      { id: 'withheldMinor', label: 'Withheld', kind: 'money' },
      { id: 'netMinor', label: 'Net', kind: 'money' },
      { id: 'onHoldMinor', label: 'On hold', kind: 'money' },
      { id: 'payableMinor', label: 'Payable', kind: 'money' },
      { id: 'inPayoutMinor', label: 'In payout', kind: 'money' },
      { id: 'paidMinor', label: 'Paid', kind: 'money' },
    ],
    filters: [partner, currency, fromPeriod, toPeriod],
  },
  'payout-register': {
    id: 'payout-register',
    title: 'Payout register',
    description: 'Every payout line of every run: pay date, partner, amounts, method, state and the transfer or reference that paid it.',
    permission: 'payouts.read',
    columns: [
      { id: 'payDate', label: 'Pay date', kind: 'date', width: 0.8 },
      { id: 'runId', label: 'Run', kind: 'text', optional: true },
      { id: 'runStatus', label: 'Run status', kind: 'text', width: 0.8 },
      { id: 'runKind', label: 'Run kind', kind: 'text', optional: true },
      { id: 'lineId', label: 'Line', kind: 'text', optional: true },
      { id: 'partnerId', label: 'Partner id', kind: 'text', optional: true },
      { id: 'partnerCompany', label: 'Partner', kind: 'text', width: 1.6 },
      { id: 'currency', label: 'Currency', kind: 'text', width: 0.6 },
      { id: 'earnedMinor', label: 'Earned', kind: 'money' },
      { id: 'withheldMinor', label: 'Withheld', kind: 'money' },
      { id: 'amountMinor', label: 'Amount', kind: 'money' },
      { id: 'entries', label: 'Entries', kind: 'integer', width: 0.6 },
      { id: 'method', label: 'Method', kind: 'text', width: 0.9 },
      { id: 'state', label: 'State', kind: 'text', width: 0.8 },
      { id: 'transferId', label: 'Transfer', kind: 'text', width: 1.2 },
      { id: 'paidReference', label: 'Reference', kind: 'text', width: 1 },
      { id: 'paidAt', label: 'Paid at', kind: 'datetime', width: 1.1 },
      { id: 'failureReason', label: 'Failure', kind: 'text', optional: true, width: 1.5 },
    ],
    filters: [
      { ...from, label: 'Pay date from' },
      { ...to, label: 'Pay date to' },
      partner,
      currency,
      { name: 'state', label: 'Line state', kind: 'select', options: opts(lineStateLabels) },
      { name: 'runStatus', label: 'Run status', kind: 'select', options: opts(runStatusLabels) },
    ],
  },
  performance: {
    id: 'performance',
    title: 'Partner performance',
    description: 'Per partner and currency over the months chosen: referred customers, new customers, referred revenue (payments less refunds and chargebacks) and commission.',
    permission: 'commissions.read',
    columns: [
      { id: 'partnerId', label: 'Partner id', kind: 'text', optional: true },
      { id: 'partnerCompany', label: 'Partner', kind: 'text', width: 1.8 },
      { id: 'programme', label: 'Programme', kind: 'text', width: 1.4 },
      { id: 'format', label: 'Format', kind: 'text', width: 0.8 },
      { id: 'partnerStatus', label: 'Status', kind: 'text', width: 0.7 },
      { id: 'currency', label: 'Currency', kind: 'text', width: 0.6 },
      { id: 'customers', label: 'Customers', kind: 'integer', width: 0.7 },
      { id: 'newCustomers', label: 'New customers', kind: 'integer', width: 0.7 },
      { id: 'revenueMinor', label: 'Referred revenue', kind: 'money' },
      { id: 'commissionMinor', label: 'Commission', kind: 'money' },
      { id: 'effectiveRateBps', label: 'Commission share', kind: 'bps', width: 0.7 },
      { id: 'lastPaidOn', label: 'Last payment', kind: 'date', width: 0.8 },
    ],
    filters: [fromPeriod, toPeriod, { name: 'programmeId', label: 'Programme', kind: 'programme' }, currency],
  },
  'tax-year': {
    id: 'tax-year',
    title: 'Yearly earnings (tax)',
    description: 'Per partner and currency for a calendar year: commission earned and payouts paid, with the tax form on file, marking those at or over the reporting threshold (US: $600 paid in the year).',
    permission: 'payouts.read',
    columns: [
      { id: 'partnerId', label: 'Partner id', kind: 'text', optional: true },
      { id: 'partnerCompany', label: 'Partner', kind: 'text', width: 1.8 },
      { id: 'country', label: 'Country', kind: 'text', width: 0.6 },
      { id: 'taxFormKind', label: 'Tax form', kind: 'text', width: 0.8 },
      { id: 'taxFormOnFile', label: 'Form valid at year end', kind: 'boolean', width: 0.9 },
      { id: 'currency', label: 'Currency', kind: 'text', width: 0.6 },
      { id: 'earnedMinor', label: 'Earned in year', kind: 'money' },
      { id: 'paidMinor', label: 'Paid in year', kind: 'money' },
      { id: 'reportable', label: 'At or over threshold', kind: 'boolean', width: 0.9 },
    ],
    filters: [
      { name: 'year', label: 'Year', kind: 'year', required: true },
      currency,
      { name: 'basis', label: 'Threshold on', kind: 'select', options: opts({ paid: 'Paid in the year', earned: 'Earned in the year' }) },
      { name: 'threshold', label: 'Threshold', kind: 'amount', hint: 'In the threshold currency, e.g. 600' },
      { name: 'thresholdCurrency', label: 'Threshold currency', kind: 'currency' },
      { name: 'overThresholdOnly', label: 'Only partners at or over the threshold', kind: 'boolean' },
    ],
  },
  'agreements-calendar': {
    id: 'agreements-calendar',
    title: 'Agreements calendar',
    description: 'Key agreement dates (initial terms, notice windows, cure deadlines, terminations, non-solicits) and partner reminders in a date range; default: the next 90 days.',
    permission: 'partners.read',
    columns: [
      { id: 'date', label: 'Date', kind: 'date', width: 0.8 },
      { id: 'kind', label: 'What', kind: 'text', width: 1.2 },
      { id: 'label', label: 'Detail', kind: 'text', width: 3 },
      { id: 'partnerCompany', label: 'Partner', kind: 'text', width: 1.6 },
      { id: 'programme', label: 'Programme', kind: 'text', width: 1.4 },
      { id: 'partnerId', label: 'Partner id', kind: 'text', optional: true },
      { id: 'agreementId', label: 'Agreement', kind: 'text', optional: true },
      { id: 'uid', label: 'Calendar UID', kind: 'text', optional: true },
    ],
    filters: [from, to, { name: 'kind', label: 'What', kind: 'select', options: UpcomingKind.options.map((k) => ({ value: k, label: upcomingKindLabels[k] })) }, partner],
  },
  'audit-log': {
    id: 'audit-log',
    title: 'Audit log',
    description: 'Who did what and when: every change the app recorded, and every export.',
    permission: 'reports.export',
    columns: [
      { id: 'id', label: 'No.', kind: 'integer', width: 0.5 },
      { id: 'at', label: 'At', kind: 'datetime', width: 1.2 },
      { id: 'user', label: 'User', kind: 'text', width: 1 },
      { id: 'action', label: 'Action', kind: 'text', width: 1.3 },
      { id: 'entity', label: 'Entity', kind: 'text', width: 1 },
      { id: 'entityId', label: 'Entity id', kind: 'text', width: 1.2 },
      { id: 'detail', label: 'Detail', kind: 'text', width: 3 },
    ],
    filters: [from, to, { name: 'action', label: 'Action', kind: 'text' }, { name: 'entity', label: 'Entity', kind: 'text' }],
  },
  revenue: {
    id: 'revenue',
    title: 'Referred revenue',
    description: "Revenue lines of partners' customers: payments, refunds and chargebacks; net is signed (refunds and chargebacks negative).",
    permission: 'commissions.read',
    columns: [
      { id: 'id', label: 'Line', kind: 'text', optional: true },
      { id: 'externalRef', label: 'Reference', kind: 'text', optional: true },
      { id: 'paidOn', label: 'Paid on', kind: 'date', width: 0.8 },
      { id: 'partnerCompany', label: 'Partner', kind: 'text', width: 1.6 },
      { id: 'customerName', label: 'Customer', kind: 'text', width: 1.4 },
      { id: 'category', label: 'Category', kind: 'text', width: 0.9 },
      { id: 'product', label: 'Product', kind: 'text', width: 1.2 },
      { id: 'kind', label: 'Kind', kind: 'text', width: 0.7 },
      { id: 'currency', label: 'Currency', kind: 'text', width: 0.6 },
      { id: 'grossMinor', label: 'Gross', kind: 'money' },
      { id: 'discountMinor', label: 'Discount', kind: 'money' },
      { id: 'netMinor', label: 'Net', kind: 'money' },
    ],
    filters: [
      { name: 'period', label: 'Month', kind: 'period' },
      fromPeriod,
      toPeriod,
      currency,
      partner,
      { name: 'kind', label: 'Kind', kind: 'select', options: opts({ payment: 'Payment', refund: 'Refund', chargeback: 'Chargeback' }) },
    ],
  },
  partners: {
    id: 'partners',
    title: 'Partners',
    description: 'The partner list as the Partners screen shows it: filter, search and sort it there, then export.',
    permission: 'partners.read',
    columns: [
      { id: 'id', label: 'Partner id', kind: 'text', optional: true },
      { id: 'company', label: 'Company', kind: 'text', width: 1.8 },
      { id: 'programme', label: 'Programme', kind: 'text', width: 1.5 },
      { id: 'format', label: 'Format', kind: 'text', width: 0.8 },
      { id: 'status', label: 'Status', kind: 'text', width: 0.8 },
      { id: 'contactName', label: 'Contact', kind: 'text', optional: true, width: 1.2 },
      { id: 'contactEmail', label: 'Contact e-mail', kind: 'text', width: 1.6 },
      { id: 'country', label: 'Country', kind: 'text', width: 0.6 },
      { id: 'registeredOn', label: 'Registered', kind: 'date', width: 0.8 },
      { id: 'customers', label: 'Customers', kind: 'integer', width: 0.7 },
      { id: 'stripeAccountState', label: 'Stripe', kind: 'text', width: 0.8 },
    ],
    filters: [],
  },
  'reseller-status': {
    id: 'reseller-status',
    title: 'Reseller status',
    description: 'Seed 003: resellers active or at risk by their new tenants over the rolling window (informational; it never changes payouts).',
    permission: 'partners.read',
    columns: [
      { id: 'partnerId', label: 'Partner id', kind: 'text', optional: true },
      { id: 'partnerCompany', label: 'Reseller', kind: 'text', width: 1.6 },
      { id: 'programme', label: 'Programme', kind: 'text', width: 1.3 },
      { id: 'partnerStatus', label: 'Partner status', kind: 'text', width: 0.8 },
      { id: 'badge', label: 'Status', kind: 'text', width: 0.7 },
      { id: 'newTenantsInWindow', label: 'New tenants in window', kind: 'integer', width: 0.8 },
      { id: 'averagePerYear', label: 'A year', kind: 'text', width: 0.5 },
      { id: 'totalOnboarded', label: 'Onboarded', kind: 'integer', width: 0.7 },
      { id: 'windowFrom', label: 'Window from', kind: 'date', width: 0.8 },
      { id: 'windowTo', label: 'Window to', kind: 'date', width: 0.8 },
      { id: 'lockedUntil', label: 'Locked until', kind: 'date', width: 0.8 },
      { id: 'explanation', label: 'Explanation', kind: 'text', width: 3 },
    ],
    filters: [{ name: 'status', label: 'Status', kind: 'select', options: opts({ active: 'Active', at_risk: 'At risk' }) }],
  },
  'review-queue': {
    id: 'review-queue',
    title: 'Review queue',
    description: 'Marketing drafts in the review queue: state, due date, whether overdue, who has it and how long it has waited.',
    permission: 'partners.read',
    columns: [
      { id: 'id', label: 'Draft', kind: 'text', optional: true },
      { id: 'title', label: 'Title', kind: 'text', width: 2 },
      { id: 'partnerCompany', label: 'Partner', kind: 'text', width: 1.5 },
      { id: 'channel', label: 'Channel', kind: 'text', width: 0.9 },
      { id: 'state', label: 'State', kind: 'text', width: 0.9 },
      { id: 'version', label: 'Version', kind: 'integer', width: 0.5 },
      { id: 'dueOn', label: 'Due', kind: 'date', width: 0.8 },
      { id: 'overdue', label: 'Overdue', kind: 'boolean', width: 0.6 },
      { id: 'assignedTo', label: 'Reviewer', kind: 'text', width: 1 },
      { id: 'registeredAt', label: 'Registered', kind: 'datetime', width: 1.1 },
      { id: 'waitingDays', label: 'Days waiting', kind: 'integer', width: 0.6 },
    ],
    filters: [
      { name: 'state', label: 'State', kind: 'select', options: DRAFT_STATES.map((s) => ({ value: s, label: stateLabel[s] })) },
      { name: 'openOnly', label: 'Only drafts waiting for a reviewer', kind: 'boolean' },
      { name: 'overdueOnly', label: 'Only overdue drafts', kind: 'boolean' },
    ],
  },
};

export const reportList: readonly ReportInfo[] = REPORT_IDS.map((id) => reports[id]);
