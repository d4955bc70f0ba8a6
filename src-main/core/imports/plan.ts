import type { ImportLine } from '../../../src-shared/imports/formats';
import type { Sqlite } from '../../db/open';

// What an import would do, line by line, worked out from the file and what is stored. The
// preview shows it; the commit recomputes it inside its transaction and applies it whole.

export type LineAction = 'new' | 'updated' | 'unchanged' | 'error';

export interface PlannedLine {
  line: number;
  values: Record<string, string>;
  action: LineAction;
  /** CSV columns whose stored value the line changes. */
  changes: string[];
  problems: ImportLine['problems'];
  /** Applies the line inside the commit's transaction (absent when unchanged or in error). */
  write?: () => void;
}

/** Lower-case, trimmed: how company names and e-mails are compared. */
export const fold = (s: string) => s.trim().toLowerCase();

/** Groups rows by a key, keeping every row that shares it (an ambiguous name is then visible). */
export function indexBy<T>(rows: readonly T[], key: (r: T) => string | null | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (!k) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Remembers which line first imported a record, so a second line for it is refused. */
export function duplicateGuard() {
  const firstLine = new Map<string, number>();
  return (key: string, line: number): number | null => {
    const seen = firstLine.get(key);
    if (seen !== undefined) return seen;
    firstLine.set(key, line);
    return null;
  };
}

/** Compares what the line asks for with what is stored: the changed fields, by CSV column. */
export function diff<T extends Record<string, unknown>>(stored: T, wanted: Partial<T>, columnOf: Partial<Record<keyof T, string>>): { changed: Partial<T>; columns: string[] } {
  const changed: Partial<T> = {};
  const columns: string[] = [];
  for (const k of Object.keys(wanted) as Array<keyof T>) {
    const v = wanted[k];
    if (v === undefined || v === stored[k]) continue;
    changed[k] = v;
    const col = columnOf[k];
    if (col && !columns.includes(col)) columns.push(col);
  }
  return { changed, columns };
}

/** Prepared statements by SQL text, for updates whose changed columns vary line by line. */
export function statementCache(sqlite: Sqlite) {
  const cache = new Map<string, ReturnType<Sqlite['prepare']>>();
  return (sql: string) => {
    let st = cache.get(sql);
    if (!st) {
      st = sqlite.prepare(sql);
      cache.set(sql, st);
    }
    return st;
  };
}
