import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTable, type ColumnFiltersState, type ColumnVisibilityState, type SortingState } from '@tanstack/react-table';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportMenu } from '../../components/ExportMenu';
import { formatCount } from '../../components/format';
import type { PartnerViewState, ProgrammeRef } from '../../../src-shared/partners/contract';
import { columns, features } from './columns';
import { ListToolbar } from './ListToolbar';
import { NewPartnerForm } from './NewPartnerForm';
import { PartnersTable } from './PartnersTable';
import { SavedViews } from './SavedViews';
import { rememberedListState, rememberListState } from './listMemory';
import { useDebounced } from './useDebounced';
import { usePartnerWindow } from './usePartnerWindow';
import { defaultListState, fromViewState, toQuery, toViewState } from './viewState';
import './partners.css';

const noRows: never[] = [];

/**
 * The partner list. Sorting, filters and the search are TanStack table state; the core does
 * the work (manualSorting / manualFiltering) and answers one window of rows at a time.
 */
export function PartnersPage() {
  const [initial] = useState(rememberedListState);
  const [sorting, setSorting] = useState<SortingState>(initial.sorting);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>(initial.columnFilters);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(initial.columnVisibility);
  const [search, setSearch] = useState(initial.globalFilter);
  const [globalFilter, setGlobalFilter] = useDebounced(search, 250);
  useEffect(
    () => rememberListState({ sorting, columnFilters, columnVisibility, globalFilter: search }),
    [sorting, columnFilters, columnVisibility, search],
  );
  const [programmes, setProgrammes] = useState<ProgrammeRef[]>([]);
  const [creating, setCreating] = useState(false);
  const canWrite = useCan('partners.write');

  useEffect(() => {
    void api.partnersFilterOptions({}).then((r) => r.ok && setProgrammes(r.value.programmes));
  }, []);

  const query = useMemo(() => toQuery({ sorting, columnFilters, globalFilter }), [sorting, columnFilters, globalFilter]);
  const { win, loading, error, ensureRange } = usePartnerWindow(query);

  const table = useTable({
    features,
    columns,
    data: win?.rows ?? noRows,
    getRowId: (row) => row.id,
    state: { sorting, columnFilters, columnVisibility, globalFilter },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onColumnVisibilityChange: setColumnVisibility,
    onGlobalFilterChange: (u) => {
      const next = typeof u === 'function' ? u(globalFilter) : u;
      setSearch(String(next ?? ''));
      setGlobalFilter(String(next ?? ''));
    },
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: true,
    maxMultiSortColCount: 3,
  });

  const currentView = useCallback(
    () => toViewState({ sorting, columnFilters, columnVisibility, globalFilter: search }),
    [sorting, columnFilters, columnVisibility, search],
  );
  const applyView = useCallback(
    (v: PartnerViewState) => {
      const s = fromViewState(v);
      setSorting(s.sorting.length ? s.sorting : defaultListState.sorting);
      setColumnFilters(s.columnFilters);
      setColumnVisibility(s.columnVisibility);
      setSearch(s.globalFilter);
      setGlobalFilter(s.globalFilter);
    },
    [setGlobalFilter],
  );

  return (
    <section className="page pl-page">
      <header className="page-head">
        <h1>Partners</h1>
        <div className="row">
          <span className="muted" role="status" aria-live="polite" data-testid="partner-count">
            {win ? `${formatCount(win.total)} partner${win.total === 1 ? '' : 's'}` : 'Loading…'}
            {loading && win ? ' · updating…' : ''}
          </span>
          <ExportMenu query={{ report: 'partners', filters: query }} columns={table.getVisibleLeafColumns().map((c) => c.id)} />
          {canWrite && (
            <button type="button" className="primary" onClick={() => setCreating(true)} disabled={creating}>
              New partner
            </button>
          )}
        </div>
      </header>
      {creating && <NewPartnerForm programmes={programmes} onCancel={() => setCreating(false)} />}
      <ListToolbar table={table} programmes={programmes} search={search} onSearch={setSearch} />
      <SavedViews current={currentView} onApply={applyView} />
      <ErrorBanner error={error} />
      <PartnersTable table={table} win={win} queryKey={JSON.stringify(query)} ensureRange={ensureRange} />
    </section>
  );
}
