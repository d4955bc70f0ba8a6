import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReactTable } from '@tanstack/react-table';
import type { PartnerRow } from '../../../src-shared/partners/contract';
import { useUi } from '../../app/store';
import type { features } from './columns';
import type { PartnerWindow } from './usePartnerWindow';

const ROW_HEIGHT = 37;

interface Props {
  table: ReactTable<typeof features, PartnerRow, unknown>;
  win: PartnerWindow | null;
  /** Changes whenever sort, filters or search change: the list starts again at the top. */
  queryKey: string;
  ensureRange(first: number, last: number): void;
}

const sortMark = (dir: false | 'asc' | 'desc') => (dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : '');

/**
 * The partner list: a real <table> whose body renders only the rows in view (plus an
 * overscan) of however many partners match; spacer rows stand in for the rest, so the
 * scrollbar is true to the total. Rows come from the server-side window.
 */
export function PartnersTable({ table, win, queryKey, ensureRange }: Props) {
  const openPartner = useUi((s) => s.openPartner);
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = win?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => ensureRange(first, last), [first, last, ensureRange]);

  const rows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;

  return (
    <div className="pl-scroll" ref={scrollRef}>
      <table className="grid pl-table" aria-label="Partners" aria-rowcount={total + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={numeric ? 'num' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button type="button" className="pl-sort" onClick={header.column.getToggleSortingHandler()} title="Sort (shift-click to add a second sort)">
                      <table.FlexRender header={header} />
                      {sortMark(sorted)}
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr className="pl-spacer" aria-hidden="true">
              <td colSpan={visibleColumns.length} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = win ? rows[item.index - win.offset] : undefined;
            if (!row) {
              return (
                <tr key={`loading-${item.index}`} className="pl-row pl-loading" aria-rowindex={item.index + 2}>
                  <td colSpan={visibleColumns.length}>Loading…</td>
                </tr>
              );
            }
            return (
              <tr
                key={row.id}
                className="pl-row"
                aria-rowindex={item.index + 2}
                tabIndex={0}
                onClick={() => openPartner(row.original.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') openPartner(row.original.id);
                }}
              >
                {row.getVisibleCells().map((cell) => {
                  const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return (
                    <td key={cell.id} className={numeric ? 'num' : undefined}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr className="pl-spacer" aria-hidden="true">
              <td colSpan={visibleColumns.length} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {win && total === 0 && <p className="muted pl-empty">No partner matches these filters.</p>}
    </div>
  );
}
