import type { Sqlite } from '../../db/open';

/** Rows per multi-row INSERT: 64 × 14 ledger values stays far below SQLite's 32,766 parameters. */
export const BATCH_ROWS = 64;

/**
 * Buffers rows for one INSERT and writes them `BATCH_ROWS` at a time with a multi-row
 * VALUES list (one statement step instead of 64). Rows are written in the order they were
 * added, so rowids, autoincrement ids and ON CONFLICT outcomes are those of row-by-row
 * inserts. `flush()` before reading the table and at the end of the transaction.
 *
 * `tuple` is one row's VALUES: its `?` take the values given to `add`, its named
 * parameters (`@runId`) take `fixed`, values that are the same in every row and so are
 * bound once per statement instead of once per row.
 */
export function batchInsert(sqlite: Sqlite, head: string, tuple: string, tail = '', fixed: Record<string, unknown> = {}) {
  const columns = tuple.split('?').length - 1;
  const statementFor = (rows: number) => sqlite.prepare(`${head} VALUES ${Array.from({ length: rows }, () => tuple).join(', ')} ${tail}`);
  const full = statementFor(BATCH_ROWS);
  const single = statementFor(1);
  let buffer: unknown[] = [];
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    if (rows === BATCH_ROWS) full.run(buffer, fixed);
    else for (let i = 0; i < rows; i++) single.run(buffer.slice(i * columns, (i + 1) * columns), fixed);
    buffer = [];
    rows = 0;
  };
  return {
    add(...values: unknown[]) {
      for (const v of values) buffer.push(v);
      rows += 1;
      if (rows === BATCH_ROWS) flush();
    },
    flush,
  };
}
