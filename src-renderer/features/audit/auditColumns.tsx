import { createColumnHelper, rowPaginationFeature, tableFeatures } from '@tanstack/react-table';
import type { AuditRow } from '../../../src-shared/audit/contract';
import { formatInstant } from './format';

/** Paged by the core (manualPagination with the core's count): no client row model. */
export const auditFeatures = tableFeatures({ rowPaginationFeature });

const helper = createColumnHelper<typeof auditFeatures, AuditRow>();

/** The detail as one readable line: `key: value` pairs, nested values as compact JSON. */
export function describeDetail(detail: string): string {
  try {
    const parsed = JSON.parse(detail) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.entries(parsed)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' · ');
    }
    return detail;
  } catch {
    return detail;
  }
}

export const auditColumns = helper.columns([
  helper.accessor('id', { header: '#', cell: (c) => <span className="audit-id">{c.getValue()}</span> }),
  helper.accessor('at', { header: 'When', cell: (c) => <time dateTime={c.getValue()}>{formatInstant(c.getValue())}</time> }),
  helper.accessor('userName', { header: 'Who', cell: (c) => c.getValue() ?? <span className="muted">Partnerdesk</span> }),
  helper.accessor('action', { header: 'Action', cell: (c) => <code>{c.getValue()}</code> }),
  helper.accessor('entity', {
    header: 'Record',
    cell: (c) => (
      <span>
        {c.getValue()}
        {c.row.original.entityId && <span className="muted audit-entity-id"> {c.row.original.entityId}</span>}
      </span>
    ),
  }),
  helper.accessor('detail', {
    header: 'Detail',
    cell: (c) => {
      const text = describeDetail(c.getValue());
      return (
        <span className="audit-detail" title={text}>
          {text}
        </span>
      );
    },
  }),
]);
