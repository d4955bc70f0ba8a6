import type { ReactTable } from '@tanstack/react-table';
import type { PartnerRow, ProgrammeRef } from '../../../src-shared/partners/contract';
import { PartnerFormat, PartnerStatus } from '../../../src-shared/partners/contract';
import { hideableColumns, type features } from './columns';
import { formatLabel, statusLabel } from './labels';

interface Props {
  table: ReactTable<typeof features, PartnerRow, unknown>;
  programmes: ProgrammeRef[];
  search: string;
  onSearch(text: string): void;
}

/** Search, the three filters and the column chooser, all driving the table's state. */
export function ListToolbar({ table, programmes, search, onSearch }: Props) {
  const filterValue = (id: string) => (table.getColumn(id)?.getFilterValue() as string | undefined) ?? '';
  const setFilter = (id: string, value: string) => table.getColumn(id)?.setFilterValue(value || undefined);

  return (
    <div className="pl-toolbar">
      <input
        type="search"
        aria-label="Search partners"
        placeholder="Search company, e-mail or country"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        className="pl-search"
      />
      <select aria-label="Filter by status" value={filterValue('status')} onChange={(e) => setFilter('status', e.target.value)}>
        <option value="">All statuses</option>
        {PartnerStatus.options.map((s) => (
          <option key={s} value={s}>
            {statusLabel[s]}
          </option>
        ))}
      </select>
      <select aria-label="Filter by programme" value={filterValue('programme')} onChange={(e) => setFilter('programme', e.target.value)}>
        <option value="">All programmes</option>
        {programmes.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <select aria-label="Filter by format" value={filterValue('format')} onChange={(e) => setFilter('format', e.target.value)}>
        <option value="">All formats</option>
        {PartnerFormat.options.map((f) => (
          <option key={f} value={f}>
            {formatLabel[f]}
          </option>
        ))}
      </select>
      <details className="pl-menu">
        <summary>Columns</summary>
        <fieldset aria-label="Columns shown">
          {hideableColumns.map((def) => {
            const column = table.getColumn(def.id ?? String((def as { accessorKey?: string }).accessorKey));
            if (!column) return null;
            return (
              <label key={column.id} className="check">
                <input type="checkbox" checked={column.getIsVisible()} onChange={(e) => column.toggleVisibility(e.target.checked)} />
                {typeof def.header === 'string' ? def.header : column.id}
              </label>
            );
          })}
        </fieldset>
      </details>
    </div>
  );
}
