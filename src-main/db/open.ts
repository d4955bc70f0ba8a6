import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppFailure } from '../../src-shared/rpc/errors';
import { migrationsFolder } from './migrationsFolder';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;
export interface OpenDb {
  sqlite: Sqlite;
  db: Db;
  close(): void;
}

export const KEY_BYTES = 32;

/** Optional path to a native binding built for another runtime (Electron's ABI). */
const nativeBinding = process.env.PARTNERDESK_SQLITE_BINDING || undefined;

/**
 * Opens (or creates) the encrypted database with a raw 256-bit key. The x'…' form hands the
 * bytes straight to the cipher (ChaCha20-Poly1305, the library's default), skipping its own
 * passphrase KDF: our key is already random, and the passphrase KDF lives in keyring.ts.
 */
export function openEncrypted(file: string, key: Buffer, opts: { create: boolean }): OpenDb {
  if (key.length !== KEY_BYTES) throw new Error('The workspace key must be 32 bytes.');
  let sqlite: Sqlite;
  try {
    sqlite = new Database(file, { fileMustExist: !opts.create, nativeBinding });
  } catch (e) {
    throw new AppFailure({ kind: 'corrupt', message: `The workspace file ${file} could not be opened: ${(e as Error).message}` });
  }
  try {
    sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
    // PRAGMA key succeeds even with a wrong key; the first read is what fails (SQLITE_NOTADB).
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (e) {
    sqlite.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new AppFailure({
        kind: 'corrupt',
        message: `The workspace file ${file} is damaged or is not a Partnerdesk workspace (it cannot be decrypted with this workspace's key).`,
      });
    }
    throw e;
  }
  return { sqlite, db: drizzle(sqlite, { schema }), close: () => sqlite.close() };
}

/** Applies every committed migration not yet applied, in one transaction each. */
export function applyMigrations(open: OpenDb): void {
  migrate(open.db, { migrationsFolder: migrationsFolder() });
}

/** A cheap structural check at every open; returns the problems found (empty = fine). */
export function integrityProblems(sqlite: Sqlite): string[] {
  const rows = sqlite.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
  const fk = sqlite.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`${fk.length} row(s) point at records that do not exist`);
  return problems;
}
