import { createColumnHelper, rowPaginationFeature, tableFeatures } from '@tanstack/react-table';
import type { LedgerRow } from '../../../src-shared/commissions/contract';
import { formatMoney } from '../../components/format';
import { useCommissionsUi } from './commissionsStore';
import { formatDay, formatRate, ruleLabel } from './format';

/**
 * TanStack Table v9 registers only the features a table uses. The ledger is paged by the
 * core (manualPagination with the core's row count), so no client row model is registered.
 */
export const ledgerFeatures = tableFeatures({ rowPaginationFeature });

const helper = createColumnHelper<typeof ledgerFeatures, LedgerRow>();

export function StatusCell({ row }: { row: Pick<LedgerRow, 'status' | 'holdUntil' | 'holdReason'> }) {
  if (row.status === 'payable') return <span className="badge badge-active">Payable</span>;
  if (row.status === 'in_payout') return <span className="badge badge-onboarding">In payout</span>;
  if (row.status === 'paid') return <span className="badge badge-paid">Paid</span>;
  return (
    <span className="com-hold" title={row.holdReason}>
      <span className="badge badge-on_hold">On hold</span>{' '}
      {row.holdUntil ? (
        <>
          until <time dateTime={row.holdUntil}>{formatDay(row.holdUntil)}</time>
        </>
      ) : (
        <span className="muted">{row.holdReason || 'no payable date yet'}</span>
      )}
    </span>
  );
}

export const ledgerColumns = helper.columns([
  helper.accessor('period', { header: 'Period', cell: (c) => <span className="com-nowrap">{c.getValue()}</span> }),
  helper.accessor('partnerCompany', {
    header: 'Partner',
    cell: (c) => (
      <button
        type="button"
        className="link"
        title={`Open the statement of ${c.getValue()} for ${c.row.original.period}`}
        onClick={() => useCommissionsUi.getState().showStatement(c.row.original.partnerId, c.row.original.period)}
      >
        {c.getValue()}
      </button>
    ),
  }),
  helper.accessor('customerName', { header: 'Customer' }),
  helper.accessor('baseMinor', { header: 'Base', cell: (c) => formatMoney(c.getValue(), c.row.original.currency), meta: { numeric: true } }),
  helper.accessor('rateBps', { header: 'Rate', cell: (c) => formatRate(c.getValue()), meta: { numeric: true } }),
  helper.accessor('tier', { header: 'Tier', cell: (c) => c.getValue() ?? '—' }),
  helper.accessor('planVersion', { header: 'Plan version', cell: (c) => <code>{c.getValue()}</code> }),
  helper.accessor('amountMinor', {
    header: 'Amount',
    cell: (c) => <strong className={c.getValue() < 0 ? 'com-negative' : undefined}>{formatMoney(c.getValue(), c.row.original.currency)}</strong>,
    meta: { numeric: true },
  }),
  helper.accessor('status', { header: 'Status', cell: (c) => <StatusCell row={c.row.original} /> }),
  helper.accessor('explanation', {
    header: 'Explanation',
    cell: (c) => (
      <span className="com-explanation">
        <RuleBadge rule={c.row.original.rule} />
        {c.getValue()}
      </span>
    ),
  }),
]);

export const isNumeric = (meta: unknown) => (meta as { numeric?: boolean } | undefined)?.numeric === true;

/** Reversals and adjustments say so before their explanation; a revenue share needs no badge. */
export function RuleBadge({ rule }: { rule: LedgerRow['rule'] }) {
  if (rule === 'revenue_share') return null;
  return <span className="badge com-rule">{ruleLabel[rule]}</span>;
}
