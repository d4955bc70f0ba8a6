import { useEffect, useRef, useState } from 'react';
import { useTable, type PaginationState } from '@tanstack/react-table';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { formatCount } from '../../components/format';
import type { AuditRow } from '../../../src-shared/audit/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { auditColumns, auditFeatures } from './auditColumns';
import { VerifyChain } from './VerifyChain';
import './audit.css';

const PAGE_SIZE = 25;
const noRows: AuditRow[] = [];
const noFilters = { action: '', entity: '', userId: '', from: '', to: '', search: '' };
type Filters = typeof noFilters;
type Facets = { actions: string[]; entities: string[]; users: Array<{ id: string; name: string }> };

/** Settings → Audit trail: every change, sign-in and export, newest first, and the chain check. */
export function AuditPanel() {
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE });
  const [answer, setAnswer] = useState<{ rows: AuditRow[]; total: number } | null>(null);
  const [facets, setFacets] = useState<Facets>({ actions: [], entities: [], users: [] });
  const [error, setError] = useState<AppError | null>(null);
  const [generation, setGeneration] = useState(0);
  const ticket = useRef(0);
  const key = JSON.stringify(filters);

  useEffect(() => {
    void api.auditFacets({}).then((r) => r.ok && setFacets(r.value));
  }, [generation]);

  useEffect(() => {
    const mine = ++ticket.current;
    const f = JSON.parse(key) as Filters;
    // Only the filters that are set; empty ones mean "any".
    const set = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== ''));
    void api.auditList({ ...set, offset: pagination.pageIndex * pagination.pageSize, limit: pagination.pageSize }).then((r) => {
      if (mine !== ticket.current) return;
      if (r.ok) {
        setAnswer(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, [key, pagination, generation]);

  const setFilter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPagination((p) => ({ ...p, pageIndex: 0 }));
  };

  const table = useTable({
    features: auditFeatures,
    columns: auditColumns,
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

  return (
    <section className="audit" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <p className="muted">
        Every change, sign-in and export, with who did it and when. Each entry carries a hash of the one before it, so an entry edited, removed or moved outside
        Partnerdesk breaks the chain.
      </p>
      <VerifyChain onChecked={() => setGeneration((g) => g + 1)} />
      <form className="audit-filters" aria-label="Audit filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Action" name="audit-action" value={filters.action} onChange={(e) => setFilter({ action: e.target.value })}>
          <option value="">Any action</option>
          {facets.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
        <SelectField label="Record" name="audit-entity" value={filters.entity} onChange={(e) => setFilter({ entity: e.target.value })}>
          <option value="">Any record</option>
          {facets.entities.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
        <SelectField label="Who" name="audit-user" value={filters.userId} onChange={(e) => setFilter({ userId: e.target.value })}>
          <option value="">Anyone</option>
          {facets.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <Field label="From" name="audit-from" type="date" value={filters.from} onChange={(e) => setFilter({ from: e.target.value })} />
        <Field label="To" name="audit-to" type="date" value={filters.to} onChange={(e) => setFilter({ to: e.target.value })} />
        <Field label="Search" name="audit-search" type="search" placeholder="record id or detail" value={filters.search} onChange={(e) => setFilter({ search: e.target.value })} />
        <button type="button" onClick={() => setFilter(noFilters)}>
          Clear filters
        </button>
        <button type="button" onClick={() => setGeneration((g) => g + 1)}>
          Refresh
        </button>
      </form>
      <ErrorBanner error={error} />
      <p className="muted" role="status" aria-live="polite" data-testid="audit-count">
        {answer ? `${formatCount(total)} ${total === 1 ? 'entry' : 'entries'}` : 'Loading…'}
      </p>
      <div className="audit-scroll">
        <table className="grid audit-table" aria-label="Audit entries" aria-rowcount={total + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col">
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {answer && total === 0 && (
              <tr>
                <td colSpan={auditColumns.length} className="muted">
                  No audit entry matches these filters.
                </td>
              </tr>
            )}
            {table.getRowModel().rows.map((row, i) => (
              <tr key={row.id} aria-rowindex={first + i + 1}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="audit-pager" aria-label="Audit pages">
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
    </section>
  );
}
