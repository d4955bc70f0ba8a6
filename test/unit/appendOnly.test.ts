import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src-main/db/migrationsFolder';
import { APPEND_ONLY_GUARDS } from '../../src-main/core/audit/verify';

// The ledger only grows (STYLE.md): the database itself refuses to change or remove a
// ledger entry, a programme cost, a balance movement or an audit entry, whoever asks.

let sqlite: Database.Database;

beforeEach(() => {
  sqlite = new Database(':memory:');
  migrate(drizzle(sqlite), { migrationsFolder: migrationsFolder() });
  // Parent rows are beside the point here: the guards are about the rows themselves.
  sqlite.pragma('foreign_keys = OFF');
});
afterEach(() => sqlite.close());

/** Inserts one row with a value in every required column, whatever the table's current shape. */
let serial = 0;
function insertRow(table: string): number {
  serial++;
  const columns = (sqlite.pragma(`table_info(${table})`) as Array<{ name: string; type: string; notnull: number; dflt_value: unknown; pk: number }>).filter(
    (c) => c.notnull && c.dflt_value === null && !c.pk,
  );
  const values = columns.map((c) => (/INT/i.test(c.type) ? 100 : `${c.name}-${serial}`));
  const sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) RETURNING id`;
  return sqlite.prepare(sql).pluck().get(...values) as number;
}

describe('append-only tables', () => {
  it.each(['ledger_entries', 'integrator_movements', 'programme_costs'])('%s: a row can be added, never changed or removed', (table) => {
    const id = insertRow(table);
    const before = sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id);
    expect(() => sqlite.prepare(`UPDATE ${table} SET amount_minor = amount_minor + 1 WHERE id = ?`).run(id)).toThrow(/ledger entries are append-only: .* cannot be changed/);
    expect(() => sqlite.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id)).toThrow(/ledger entries are append-only: .* cannot be removed/);
    expect(() => sqlite.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
    expect(sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id)).toEqual(before);
    insertRow(table);
    expect(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(2);
  });

  it('audit_log: an entry is sealed once (hash and prev_hash on an unsealed entry) and never changed after', () => {
    const id = sqlite.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES ('2026-01-07T09:00:00.000Z', 'u1', 'partner.create', 'partner', 'p1', '{}') RETURNING id").pluck().get() as number;
    // Sealing may not smuggle in a change to the entry.
    expect(() => sqlite.prepare("UPDATE audit_log SET hash = 'h', prev_hash = 'p', detail = '{\"x\":1}' WHERE id = ?").run(id)).toThrow(/audit entries are append-only: an audit entry cannot be changed/);
    expect(() => sqlite.prepare("UPDATE audit_log SET hash = 'h' WHERE id = ?").run(id)).toThrow(/append-only/);
    sqlite.prepare("UPDATE audit_log SET hash = 'h', prev_hash = 'p' WHERE id = ?").run(id);
    expect(() => sqlite.prepare("UPDATE audit_log SET hash = 'forged', prev_hash = 'p' WHERE id = ?").run(id)).toThrow(/append-only/);
    expect(() => sqlite.prepare("UPDATE audit_log SET action = 'partner.delete' WHERE id = ?").run(id)).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE id = ?').run(id)).toThrow(/audit entries are append-only: an audit entry cannot be removed/);
    expect(sqlite.prepare('SELECT action, detail, hash, prev_hash AS prevHash FROM audit_log WHERE id = ?').get(id)).toEqual({ action: 'partner.create', detail: '{}', hash: 'h', prevHash: 'p' });
  });

  it('every guard exists on the fully migrated schema (a migration that rebuilds one of these tables must recreate its triggers)', () => {
    const triggers = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all();
    expect(APPEND_ONLY_GUARDS).toHaveLength(8);
    for (const guard of APPEND_ONLY_GUARDS) expect(triggers).toContain(guard);
  });
});
