import type { Sqlite } from '../../db/open';

/** Page cache for bulk work (64 MiB, a fixed amount whatever the data size), restored afterwards. */
export const BULK_CACHE_KIB = 64 * 1024;

/**
 * Runs `fn` with a larger page cache. An import or a period run writes several indexes in
 * one transaction; with the default 16 MiB cache SQLite spills dirty pages to the WAL and
 * reads them back over and over. The cache is bounded, so memory stays flat as data grows.
 */
export function withBulkCache<T>(sqlite: Sqlite, fn: () => T): T {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  const beforeKib = before < 0 ? -before : (before * (sqlite.pragma('page_size', { simple: true }) as number)) / 1024;
  if (beforeKib >= BULK_CACHE_KIB) return fn();
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}
