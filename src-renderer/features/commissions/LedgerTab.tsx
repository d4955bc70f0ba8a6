import { useEffect, useRef, useState } from 'react';
import { useTable, type PaginationState } from '@tanstack/react-table';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../components/format';
import type { CurrencyTotalsRow, LedgerRow } from '../../../src-shared/commissions/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { CurrencyTotals } from './CurrencyTotals';
import { formatDay } from './format';
import { SelectField } from '../../components/FormFields';
import { isNumeric, ledgerColumns, ledgerFeatures } from './ledgerColumns';
import { PartnerOptions, usePartners } from './usePartners';
import { Field } from '../../components/Field';
import { ExportMenu } from '../../components/ExportMenu';

const PAGE_SIZE = 50;
const noRows: LedgerRow[] = [];

type Filters = { partnerId: string; status: '' | 'on_hold' | 'payable' | 'in_payout' | 'paid'; period: string; currency: string };
type Answer = { rows: LedgerRow[]; total: number; totals: CurrencyTotalsRow[]; asOf: string; key: string };

/**
 * The ledger across partners or for one partner, filtered by status, period and currency.
 * The core pages the rows and sums every matching row per currency; the table shows one page.
 */
export function LedgerTab() {
  const { partners } = usePartners();
  const [filters, setFilters] = useState<Filters>({ partnerId: '', status: '', period: '', currency: '' });
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [currencies, setCurrencies] = useState<string[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const ticket = useRef(0);
  const key = JSON.stringify(filters);

  // The currencies the ledger holds, for the currency filter.
  useEffect(() => {
    void api.commissionsLedger({ limit: 1 }).then((r) => r.ok && setCurrencies(r.value.totals.map((t) => t.currency)));
  }, []);

  useEffect(() => {
    const mine = ++ticket.current;
    const f = JSON.parse(key) as Filters;
    void api
      .commissionsLedger({
        ...(f.partnerId ? { partnerId: f.partnerId } : {}),
        ...(f.status ? { status: f.status } : {}),
        ...(f.period ? { period: f.period } : {}),
        ...(f.currency ? { currency: f.currency } : {}),
        offset: pagination.pageIndex * pagination.pageSize,
        limit: pagination.pageSize,
      })
      .then((r) => {
        if (mine !== ticket.current) return;
        if (r.ok) {
          setAnswer({ ...r.value, key });
          setError(null);
        } else setError(r.error);
      });
  }, [key, pagination]);

  const setFilter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPagination((p) => ({ ...p, pageIndex: 0 }));
  };

  const table = useTable({
    features: ledgerFeatures,
    columns: ledgerColumns,
    data: answer?.rows ?? noRows,
    getRowId: (row) => String(row.id),
    state: { pagination },
    onPaginationChange: setPagination,
    manualPagination: true,
    rowCount: answer?.total ?? 0,
  });

  const total = answer?.total ?? 0;
  const first = total === 0 ? 0 : pagination.pageIndex * pagination.pageSize + 1;
  const last = Math.min(total, (pagination.pageIndex + 1) * pagination.pageSize);
  const columnCount = table.getAllLeafColumns().length;

  return (
    <div className="com-ledger">
      <form className="com-filters" aria-label="Ledger filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Partner" name="ledger-partner" value={filters.partnerId} onChange={(e) => setFilter({ partnerId: e.target.value })}>
          <option value="">All partners</option>
          <PartnerOptions partners={partners} />
        </SelectField>
        <SelectField label="Status" name="ledger-status" value={filters.status} onChange={(e) => setFilter({ status: e.target.value as Filters['status'] })}>
          <option value="">Any status</option>
          <option value="on_hold">On hold</option>
          <option value="payable">Payable</option>
          <option value="in_payout">In payout</option>
          <option value="paid">Paid</option>
        </SelectField>
        <Field label="Period" name="ledger-period" type="month" value={filters.period} onChange={(e) => setFilter({ period: e.target.value })} />
        <SelectField label="Currency" name="ledger-currency" value={filters.currency} onChange={(e) => setFilter({ currency: e.target.value })}>
          <option value="">All currencies</option>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <button type="button" onClick={() => setFilter({ partnerId: '', status: '', period: '', currency: '' })}>
          Clear filters
        </button>
        <ExportMenu query={{ report: 'ledger', filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')) }} columns={table.getAllLeafColumns().map((c) => c.id)} />
      </form>
      <ErrorBanner error={error} />
      <p className="muted" role="status" aria-live="polite" data-testid="ledger-count">
        {answer ? `${formatCount(total)} ${total === 1 ? 'entry' : 'entries'}${answer.key !== key ? ' · updating…' : ''} · status as of ${formatDay(answer.asOf)}` : 'Loading…'}
      </p>
      <div className="com-scroll">
        <table className="grid com-table" aria-label="Ledger entries" aria-rowcount={total + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className={isNumeric(header.column.columnDef.meta) ? 'num' : undefined}>
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {answer && total === 0 && (
              <tr>
                <td colSpan={columnCount} className="muted">
                  No ledger entry matches these filters.
                </td>
              </tr>
            )}
            {table.getRowModel().rows.map((row, i) => (
              <tr key={row.id} aria-rowindex={first + i + 1} data-status={row.original.status}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={isNumeric(cell.column.columnDef.meta) ? 'num' : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="com-pager" aria-label="Ledger pages">
        <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
          Previous
        </button>
        <span className="muted">
          {total > 0 ? `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}` : ''} · page {pagination.pageIndex + 1} of {Math.max(1, table.getPageCount())}
        </span>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          Next
        </button>
      </nav>
      <h2>Totals of all {formatCount(total)} matching entries</h2>
      <CurrencyTotals totals={answer?.totals ?? []} label="Ledger totals by currency" />
    </div>
  );
}
