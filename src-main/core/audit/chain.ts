import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Sqlite } from '../../db/open';

/**
 * The audit trail is a hash chain: each entry's hash covers the previous entry's hash and
 * the entry itself, so an entry that is edited, removed or moved breaks the chain at that
 * point. The database triggers (migration 0007) stop casual changes; the chain is what
 * shows a change made around them (triggers dropped, file edited with another tool).
 */

/** The "previous hash" of the first entry. */
export const GENESIS = '0'.repeat(64);

/** workspace_meta key holding `<id>:<hash>` of the newest entry, to notice a cut-off tail. */
export const HEAD_KEY = 'audit_head';

export interface ChainedFields {
  id: number;
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The stored JSON text, exactly as written: the hash covers these bytes. */
  detail: string;
}

/** One fixed serialisation: a JSON array of the fields in a fixed order (strings, numbers, nulls only). */
export function canonical(e: ChainedFields): string {
  return JSON.stringify([e.id, e.at, e.userId, e.action, e.entity, e.entityId, e.detail]);
}

export function chainHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonical(e)).digest('hex');
}

type Statement = Database.Statement<unknown[]>;
interface Statements {
  insert: Statement;
  prev: Statement;
  seal: Statement;
  head: Statement;
}

const prepared = new WeakMap<Sqlite, Statements>();

function statements(sqlite: Sqlite): Statements {
  let st = prepared.get(sqlite);
  if (!st) {
    st = {
      insert: sqlite.prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?) RETURNING id').pluck(),
      prev: sqlite.prepare('SELECT hash FROM audit_log WHERE id < ? AND hash IS NOT NULL ORDER BY id DESC LIMIT 1').pluck(),
      seal: sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ? AND hash IS NULL'),
      head: sqlite.prepare(`INSERT INTO workspace_meta (key, value) VALUES ('${HEAD_KEY}', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
    };
    prepared.set(sqlite, st);
  }
  return st;
}

/**
 * Appends one entry and seals it into the chain. The row is inserted first: that takes
 * SQLite's write lock, so no other connection can append between reading the previous
 * hash and sealing this one. Outside a transaction it opens an IMMEDIATE one of its own.
 */
export function appendAuditEntry(sqlite: Sqlite, e: Omit<ChainedFields, 'id'>): number {
  const st = statements(sqlite);
  const write = () => {
    const id = st.insert.get(e.at, e.userId, e.action, e.entity, e.entityId, e.detail) as number;
    const prev = (st.prev.get(id) as string | undefined) ?? GENESIS;
    const hash = chainHash(prev, { ...e, id });
    st.seal.run(prev, hash, id);
    st.head.run(`${id}:${hash}`);
    return id;
  };
  return sqlite.inTransaction ? write() : sqlite.transaction(write).immediate();
}

/**
 * Entries written before the chain existed (workspaces older than migration 0006's
 * columns) are sealed once, in id order. Only when the chain was never started: once any
 * entry carries a hash, or the head was ever recorded, an entry without a hash is a
 * finding for `audit verify`, not something to seal quietly.
 */
export function sealLegacyAuditEntries(sqlite: Sqlite): number {
  const started =
    sqlite.prepare('SELECT 1 FROM audit_log WHERE hash IS NOT NULL LIMIT 1').get() !== undefined ||
    sqlite.prepare('SELECT 1 FROM workspace_meta WHERE key = ?').get(HEAD_KEY) !== undefined;
  if (started) return 0;
  const rows = sqlite
    .prepare('SELECT id, at, user_id AS userId, action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY id')
    .all() as ChainedFields[];
  if (rows.length === 0) return 0;
  const st = statements(sqlite);
  sqlite.transaction(() => {
    let prev = GENESIS;
    for (const row of rows) {
      const hash = chainHash(prev, row);
      st.seal.run(prev, hash, row.id);
      prev = hash;
    }
    st.head.run(`${rows.at(-1)!.id}:${prev}`);
  }).immediate();
  return rows.length;
}
