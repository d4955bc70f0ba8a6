import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { dirname } from 'node:path';
import { AppFailure } from '../../src-shared/rpc/errors';
import { appendAuditEntry, sealLegacyAuditEntries } from '../core/audit/chain';
import { writeBackup } from '../core/backup/create';
import { migrationState } from './migrationState';
import { migrationsFolder } from './migrationsFolder';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;
export interface OpenDb {
  sqlite: Sqlite;
  db: Db;
  /** The database file; its folder is the workspace folder. */
  file: string;
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
  return { sqlite, db: drizzle(sqlite, { schema }), file, close: () => sqlite.close() };
}

/**
 * Applies every committed migration not yet applied (drizzle runs them in one
 * transaction). A workspace that already holds data is first copied to an encrypted
 * backup in its backups folder, so an upgrade that goes wrong can be undone; if that copy
 * cannot be written, nothing is migrated. Then audit entries older than the hash chain
 * are sealed into it, once.
 */
export function applyMigrations(open: OpenDb, opts: { backupFirst?: boolean } = {}): void {
  const state = migrationState(open.sqlite);
  const backup = (opts.backupFirst ?? true) && state.applied > 0 && state.pending.length > 0 ? backupBeforeMigrating(open, state.pending) : null;
  migrate(open.db, { migrationsFolder: migrationsFolder() });
  sealLegacyAuditEntries(open.sqlite);
  if (backup) {
    appendAuditEntry(open.sqlite, {
      at: new Date().toISOString(),
      userId: null,
      action: 'backup.create',
      entity: 'workspace',
      entityId: null,
      detail: JSON.stringify({ reason: 'before_migration', file: backup, migrations: state.pending }),
    });
  }
}

function backupBeforeMigrating(open: OpenDb, pending: string[]): string {
  try {
    return writeBackup(open.sqlite, { workspaceDir: dirname(open.file), reason: 'before_migration', now: new Date(), pending }).file;
  } catch (e) {
    throw new AppFailure({
      kind: 'internal',
      message: `This version of Partnerdesk needs to update the workspace, and could not save a backup of it first (${(e as Error).message}). Nothing was changed. Check that the workspace folder can take a copy of it (free space, permissions), then open it again.`,
    });
  }
}

/** A cheap structural check at every open; returns the problems found (empty = fine). */
export function integrityProblems(sqlite: Sqlite): string[] {
  const rows = sqlite.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
  const fk = sqlite.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`${fk.length} row(s) point at records that do not exist`);
  return problems;
}
