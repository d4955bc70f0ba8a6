import type { ColumnFiltersState, ColumnVisibilityState, SortingState } from '@tanstack/react-table';
import type { PartnerFilters, PartnerListQuery, PartnerSortColumn, PartnerViewState } from '../../../src-shared/partners/contract';

// The list's table state (TanStack's shapes) ↔ the core's list query and saved views.

export interface ListState {
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
  columnVisibility: ColumnVisibilityState;
  globalFilter: string;
}

export const defaultListState: ListState = {
  sorting: [{ id: 'company', desc: false }],
  columnFilters: [],
  columnVisibility: {},
  globalFilter: '',
};

/** Table column → the core's filter field (the programme column filters by programme id). */
const filterField: Record<string, keyof PartnerFilters> = { status: 'status', programme: 'programmeId', format: 'format' };

export function toFilters(columnFilters: ColumnFiltersState): PartnerFilters {
  const filters: Record<string, string[]> = {};
  for (const f of columnFilters) {
    const field = filterField[f.id];
    if (field && typeof f.value === 'string' && f.value) filters[field] = [f.value];
  }
  return filters as PartnerFilters;
}

export function fromFilters(filters: PartnerFilters): ColumnFiltersState {
  return Object.entries(filterField).flatMap(([column, field]) => {
    const value = filters[field]?.[0];
    return value ? [{ id: column, value }] : [];
  });
}

export function toQuery(s: Pick<ListState, 'sorting' | 'columnFilters' | 'globalFilter'>): Omit<PartnerListQuery, 'offset' | 'limit'> {
  return {
    sort: s.sorting.map((x) => ({ id: x.id as PartnerSortColumn, desc: x.desc })),
    filters: toFilters(s.columnFilters),
    globalSearch: s.globalFilter.trim(),
  };
}

export function toViewState(s: ListState): PartnerViewState {
  const q = toQuery(s);
  return { sort: q.sort ?? [], filters: q.filters ?? {}, columns: { ...s.columnVisibility }, globalSearch: q.globalSearch ?? '' };
}

export function fromViewState(v: PartnerViewState): ListState {
  return {
    sorting: v.sort.map((x) => ({ id: x.id, desc: x.desc })),
    columnFilters: fromFilters(v.filters),
    columnVisibility: { ...v.columns },
    globalFilter: v.globalSearch,
  };
}
