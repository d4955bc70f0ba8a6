import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { migrationsFolder } from './migrationsFolder';

interface JournalEntry {
  when: number;
  tag: string;
}

export interface MigrationState {
  /** Migrations recorded in __drizzle_migrations. */
  applied: number;
  /** Tag of the newest applied migration (null for a fresh file). */
  last: string | null;
  /** Tags drizzle's migrator will apply next: those newer than the newest applied one. */
  pending: string[];
}

/** Mirrors drizzle's rule: a migration is pending when its folder timestamp is newer than the last applied one. */
export function migrationState(sqlite: Database.Database): MigrationState {
  const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() !== undefined;
  const applied = hasTable ? (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number) : 0;
  const lastAt = hasTable ? (sqlite.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() as number | null) : null;
  const last = lastAt === null ? null : (journal.entries.find((e) => e.when === Number(lastAt))?.tag ?? `migration of ${new Date(Number(lastAt)).toISOString()}`);
  const pending = journal.entries.filter((e) => lastAt === null || e.when > Number(lastAt)).map((e) => e.tag);
  return { applied, last, pending };
}
