import type { ReportColumn, ReportRow } from '../../../src-shared/reports/columns';
import type { ReportTotals } from '../../../src-shared/reports/contract';
import type { Sqlite } from '../../db/open';

// A report, once its filters are checked, is a source of rows. The Reports screen reads one
// page at a time. An export pulls rows in chunks, and every pull is a little work — a few
// short queries on the workspace's connection — with a turn of the event loop between
// pulls: no statement stays open meanwhile (an open read would also hold back the WAL
// checkpoint that locking the workspace runs), and no single step reads the whole table,
// so other calls are answered while a million rows are exported.

export interface ReportEnv {
  today: string;
  nowIso: string;
  userId: string;
  workspaceName: string;
}

export interface Page {
  offset: number;
  limit: number;
}

/** Pulls up to `max` rows: null at the end; an empty array when this step found rows but has none to hand out yet. */
export type Pull = (max: number) => ReportRow[] | null;

export interface Cursor {
  /** Rows the export will write, as far as known (it grows while the rows are being found). */
  total(): number;
  pull: Pull;
  close(): void;
}

export interface ReportSource {
  /** A document title more precise than the report's ("Commission statement — Acme, 2026-03"). */
  title?: string;
  /** Words for the export's file name (a statement: the partner and month). */
  fileDetail?: string;
  /** The filters in words, then the report's own summary lines (documents and the screen show them). */
  lines: string[];
  count(db: Sqlite): number;
  page(db: Sqlite, page: Page): ReportRow[];
  /** Does no work itself: the returned cursor does it, pull by pull. */
  open(db: Sqlite): Cursor;
  /** Sums per currency over every matching row, when SQL can give them without reading the rows. */
  totals?(db: Sqlite): ReportTotals[];
}

/** Hands out rows of an array, `max` at a time. */
function arrayCursor(rows: readonly ReportRow[]): Cursor {
  let i = 0;
  return {
    total: () => rows.length,
    pull: (max) => {
      if (i >= rows.length) return null;
      const out = rows.slice(i, i + max);
      i += out.length;
      return out;
    },
    close: () => undefined,
  };
}

/** A source whose rows were computed up front (small reports: a statement, the calendar). */
export function listSource(rows: readonly ReportRow[], lines: string[]): ReportSource {
  return {
    lines,
    count: () => rows.length,
    page: (_db, p) => rows.slice(p.offset, p.offset + p.limit),
    open: () => arrayCursor(rows),
  };
}

/** Rows per step of work: a step reads at most this many rows of a table. */
export const STEP = 25_000;

/** The table's rowid ranges, STEP rows wide (the rowid is the primary key or SQLite's own). */
export function rowidRanges(db: Sqlite, table: string): { lo: number; hi: number }[] {
  const { lo, hi } = db.prepare(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM ${table}`).get() as { lo: number | null; hi: number | null };
  const out: { lo: number; hi: number }[] = [];
  if (lo === null || hi === null) return out;
  for (let x = lo; x <= hi; x += STEP) out.push({ lo: x, hi: Math.min(hi, x + STEP - 1) });
  return out;
}

export interface Plan {
  /** Short pieces of work, each reading at most STEP rows. */
  steps: (() => void)[];
  /** The report's rows once every step has run. */
  rows(): ReportRow[];
}

/**
 * Rows that sum many others (accrual, performance, yearly earnings): the sums are taken a
 * rowid range at a time and added up here, so an export never reads a whole table in one
 * step. The screen runs the same steps in one go — one way to compute, whichever asks.
 */
export function stepSource(opts: { lines: string[]; plan(db: Sqlite): Plan }): ReportSource {
  let all: ReportRow[] | null = null;
  const everything = (db: Sqlite) => {
    if (!all) {
      const p = opts.plan(db);
      for (const step of p.steps) step();
      all = p.rows();
    }
    return all;
  };
  return {
    lines: opts.lines,
    count: (db) => everything(db).length,
    page: (db, p) => everything(db).slice(p.offset, p.offset + p.limit),
    open: (db) => {
      let plan: Plan | null = null;
      let next = 0;
      let rows: Cursor | null = null;
      return {
        total: () => rows?.total() ?? 0,
        pull: (max) => {
          if (rows) return rows.pull(max);
          plan ??= opts.plan(db);
          if (next < plan.steps.length) {
            plan.steps[next++]!();
            return [];
          }
          rows = arrayCursor(plan.rows());
          return rows.pull(max) ?? null;
        },
        close: () => {
          plan = null;
        },
      };
    },
  };
}

/** Adds `add` into the row kept under `key` (integers only: sums of minor units and counts). */
export function addInto<T extends Record<string, unknown>>(into: Map<string, T>, key: string, add: T, sumFields: readonly (keyof T)[]): void {
  const have = into.get(key);
  if (!have) {
    into.set(key, { ...add });
    return;
  }
  for (const f of sumFields) (have as Record<keyof T, unknown>)[f] = (have[f] as number) + (add[f] as number);
}

export interface SqlParts {
  /** Select list with aliases named as the report's column ids. */
  select: string;
  /** FROM … JOIN … */
  from: string;
  /** AND-ed conditions (may be empty). */
  where: string[];
  params: Record<string, unknown>;
  orderBy: string;
  /** The row's unique, indexed key (a primary key), by which rows are found and read in chunks. */
  key: string;
  /** A narrower FROM that still serves the conditions (joins that only name things left out). */
  keysFrom?: string;
  /**
   * How an export finds the rows in the report's order without one big sorted query:
   * 'key' / 'key desc' — the order is the key's own; { first } — ORDER BY first, key: the
   * keys and `first` are read in key ranges, then sorted here. Without it (small tables),
   * one query reads the keys in order.
   */
  scan?: 'key' | 'key desc' | { first: string };
  /** Columns SQLite returns as 0/1 that the report types as booleans. */
  booleans?: readonly string[];
  lines: string[];
  totals?(db: Sqlite): ReportTotals[];
}

/** Rows read per query when fetching by key; keys examined per step when finding rows. */
const FETCH = 500;
const SCAN = 25_000;

type Key = string | number;

/**
 * A report read straight from SQL. An export first finds the keys of every matching row in
 * the report's order — a key range at a time, sorting here — then reads the rows by key, a
 * few hundred per query. A row that stopped matching the filters in between (a hold that
 * moved) is left out; rows added after the export started are not in it.
 */
export function sqlSource(q: SqlParts): ReportSource {
  const where = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
  const and = where ? `${where} AND` : 'WHERE';
  const fix = (rows: ReportRow[]): ReportRow[] => {
    if (q.booleans?.length) for (const r of rows) for (const b of q.booleans) if (r[b] !== null && r[b] !== undefined) r[b] = r[b] === 1 || r[b] === true;
    return rows;
  };
  const keysFrom = q.keysFrom ?? q.from;
  return {
    lines: q.lines,
    count: (db) => db.prepare(`SELECT count(*) FROM ${keysFrom} ${where}`).pluck().get(q.params) as number,
    page: (db, p) => fix(db.prepare(`SELECT ${q.select} FROM ${q.from} ${where} ORDER BY ${q.orderBy} LIMIT @_limit OFFSET @_offset`).all({ ...q.params, _limit: p.limit, _offset: p.offset }) as ReportRow[]),
    open: (db) => {
      const byKeys = db.prepare(`SELECT ${q.key} AS _key, ${q.select} FROM ${q.from} ${and} ${q.key} IN (SELECT value FROM json_each(@_keys))`);
      let keys: Key[] | null = null;
      let i = 0;
      // Finding the keys, a key range at a time: each range sorted here, the ranges merged as rows are handed out.
      const desc = q.scan === 'key desc';
      const first = typeof q.scan === 'object' ? q.scan.first : null;
      const scanSql = (after: boolean) =>
        `SELECT ${q.key} AS k${first ? `, ${first} AS s` : ''} FROM ${keysFrom} ${after ? `${and} ${q.key} ${desc ? '<' : '>'} @_after` : where}
         ORDER BY ${q.key} ${desc ? 'DESC' : 'ASC'} LIMIT ${STEP}`;
      const scanFirst = q.scan ? db.prepare(scanSql(false)) : null;
      const scanNext = q.scan ? db.prepare(scanSql(true)) : null;
      type Found = { k: Key; s?: string | number | null };
      const runs: Found[][] = [];
      let scanned = 0;
      let after: Key | null = null;
      let done = false;
      const byOrder = (a: Found, b: Found) => order(a.s ?? null, b.s ?? null) || order(a.k, b.k);
      const findStep = () => {
        if (!scanFirst || !scanNext) {
          keys = db.prepare(`SELECT ${q.key} FROM ${keysFrom} ${where} ORDER BY ${q.orderBy}`).pluck().all(q.params) as Key[];
          done = true;
          return;
        }
        const got = (after === null ? scanFirst.all(q.params) : scanNext.all({ ...q.params, _after: after })) as Found[];
        if (got.length === STEP) after = got[got.length - 1]!.k;
        else done = true;
        if (got.length) {
          if (first) got.sort(byOrder);
          runs.push(got);
          scanned += got.length;
        }
        // In key order already: the ranges follow one another.
        if (done && !first) {
          keys = runs.flatMap((r) => r.map((f) => f.k));
          runs.length = 0;
        }
      };
      // The next keys in the report's order: the smallest head among the sorted runs.
      let at: number[] = [];
      const takeKeys = (n: number): Key[] => {
        if (keys) {
          const out = keys.slice(i, i + n);
          i += out.length;
          return out;
        }
        const out: Key[] = [];
        while (out.length < n) {
          let best = -1;
          for (let r = 0; r < runs.length; r++) {
            if (at[r]! < runs[r]!.length && (best < 0 || byOrder(runs[r]![at[r]!]!, runs[best]![at[best]!]!) < 0)) best = r;
          }
          if (best < 0) break;
          out.push(runs[best]![at[best]!]!.k);
          at[best]! += 1;
        }
        i += out.length;
        return out;
      };
      return {
        total: () => (keys ? keys.length : scanned),
        pull: (max) => {
          if (!done) {
            findStep();
            if (done) at = runs.map(() => 0);
            return [];
          }
          const out: ReportRow[] = [];
          for (let slice = takeKeys(Math.min(FETCH, max)); slice.length; slice = out.length < max ? takeKeys(Math.min(FETCH, max - out.length)) : []) {
            const rows = new Map<unknown, ReportRow>();
            for (const r of byKeys.all({ ...q.params, _keys: JSON.stringify(slice) }) as ReportRow[]) {
              const { _key, ...row } = r;
              rows.set(_key, row);
            }
            for (const k of slice) {
              const row = rows.get(k);
              if (row) out.push(row);
            }
          }
          return out.length ? fix(out) : i >= (keys ? keys.length : scanned) ? null : [];
        },
        close: () => {
          keys = null;
          runs.length = 0;
        },
      };
    },
    ...(q.totals ? { totals: q.totals } : {}),
  };
}

function order(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

/** Sums the money columns of rows per currency (integers of minor units; currencies never mixed). */
export class TotalsAccumulator {
  private by = new Map<string, ReportTotals>();
  private money: ReportColumn[];

  constructor(columns: readonly ReportColumn[]) {
    this.money = columns.filter((c) => c.kind === 'money');
  }

  add(rows: readonly ReportRow[]): void {
    if (!this.money.length) return;
    for (const r of rows) {
      for (const c of this.money) {
        const currency = r[c.currencyField ?? 'currency'];
        const v = r[c.id];
        if (typeof currency !== 'string' || typeof v !== 'number') continue;
        let t = this.by.get(currency);
        if (!t) this.by.set(currency, (t = { currency, rows: 0, sums: Object.fromEntries(this.money.map((m) => [m.id, 0])) }));
        const next = (t.sums[c.id] ?? 0) + v;
        if (!Number.isSafeInteger(next)) throw new RangeError(`The ${c.label} total in ${currency} is larger than can be added exactly.`);
        t.sums[c.id] = next;
      }
      const currency = r[this.money[0]!.currencyField ?? 'currency'];
      if (typeof currency === 'string') {
        const t = this.by.get(currency);
        if (t) t.rows += 1;
      }
    }
  }

  result(): ReportTotals[] {
    return [...this.by.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  }
}
