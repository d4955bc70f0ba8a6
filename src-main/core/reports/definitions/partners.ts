import type { z } from 'zod';
import { MAX_WINDOW } from '../../../../src-shared/partners/listQuery';
import type { ReportRow } from '../../../../src-shared/reports/columns';
import type { PartnersFilters } from '../../../../src-shared/reports/filters';
import type { Sqlite } from '../../../db/open';
import { listPartners } from '../../partners/list';
import { programmeName } from '../describe';
import type { ReportEnv, ReportSource } from '../source';

// The partner list exactly as the Partners screen asks for it (core/partners/list.ts: the
// same sort, filters and search), read window by window.

type Filters = z.output<typeof PartnersFilters>;

function words(db: Sqlite, f: Filters): string {
  const parts: string[] = [];
  if (f.globalSearch) parts.push(`Search: ${f.globalSearch}`);
  if (f.filters.status?.length) parts.push(`Status: ${f.filters.status.join(', ')}`);
  if (f.filters.programmeId?.length) parts.push(`Programme: ${f.filters.programmeId.map((id) => programmeName(db, id)).join(', ')}`);
  if (f.filters.format?.length) parts.push(`Format: ${f.filters.format.join(', ')}`);
  if (f.sort.length) parts.push(`Sorted by ${f.sort.map((s) => `${s.id}${s.desc ? ' (descending)' : ''}`).join(', ')}`);
  return parts.length ? parts.join(' · ') : 'Every partner, by company';
}

export function partnersReport(db: Sqlite, f: Filters, _env: ReportEnv): ReportSource {
  const window = (conn: Sqlite, offset: number, limit: number) => listPartners(conn, { offset, limit, sort: f.sort, filters: f.filters, globalSearch: f.globalSearch });
  return {
    lines: [words(db, f)],
    count: (conn) => window(conn, 0, 1).total,
    page: (conn, p) => window(conn, p.offset, p.limit).rows as unknown as ReportRow[],
    open: (conn) => {
      let total = -1;
      let offset = 0;
      return {
        total: () => Math.max(0, total),
        pull: (max) => {
          if (total >= 0 && offset >= total) return null;
          const got = window(conn, offset, Math.min(MAX_WINDOW, max));
          total = got.total;
          offset += got.rows.length;
          return got.rows.length ? (got.rows as unknown as ReportRow[]) : null;
        },
        close: () => undefined,
      };
    },
  };
}
