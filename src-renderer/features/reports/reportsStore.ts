import { create } from 'zustand';
import { reports, type ReportId } from '../../../src-shared/reports/catalogue';
import { useUi } from '../../app/store';

// Which report the Reports screen shows, with the filters and columns chosen for each
// report (kept while the person moves around the app). The dashboard opens a report here
// with the filters behind the figure that was clicked.

export type Filters = Record<string, unknown>;

// One array per report, made once: a store selector must return the same value for the same state.
const defaults = new Map<ReportId, string[]>();
const defaultColumns = (id: ReportId) => {
  let d = defaults.get(id);
  if (!d) defaults.set(id, (d = reports[id].columns.filter((c) => !c.optional).map((c) => c.id)));
  return d;
};

interface ReportsUi {
  report: ReportId;
  filters: Partial<Record<ReportId, Filters>>;
  columns: Partial<Record<ReportId, string[]>>;
  show(report: ReportId): void;
  setFilters(report: ReportId, filters: Filters): void;
  setColumns(report: ReportId, columns: string[]): void;
}

export const useReportsUi = create<ReportsUi>((set) => ({
  report: 'ledger',
  filters: {},
  columns: {},
  show: (report) => set({ report }),
  setFilters: (report, filters) => set((s) => ({ filters: { ...s.filters, [report]: filters } })),
  setColumns: (report, columns) => set((s) => ({ columns: { ...s.columns, [report]: columns } })),
}));

export const columnsOf = (s: ReportsUi, id: ReportId) => s.columns[id] ?? defaultColumns(id);

/** Opens a report with these filters (and only these) in the Reports section. */
export function openReport(report: ReportId, filters: Filters = {}) {
  useReportsUi.setState((s) => ({ report, filters: { ...s.filters, [report]: filters } }));
  useUi.getState().go('reports');
}
