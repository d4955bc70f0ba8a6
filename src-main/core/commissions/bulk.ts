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

/**
 * Runs `fn` — which opens its own transaction — with SQLite's foreign-key checks off, and
 * turns them back on afterwards. Only for a writer whose every reference it has just read
 * in that same transaction (so the parent rows exist, and nothing can remove them before
 * the commit): the period run, where checking five parent keys per ledger entry cost more
 * than a tenth of the run. Inside an outer transaction the pragma cannot change, so the
 * checks simply stay on.
 */
export function withoutForeignKeyChecks<T>(sqlite: Sqlite, fn: () => T): T {
  if (sqlite.inTransaction || sqlite.pragma('foreign_keys', { simple: true }) !== 1) return fn();
  sqlite.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
