import { copyFileSync, existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppFailure, fail } from '../../../src-shared/rpc/errors';
import { applyMigrations, integrityProblems, openEncrypted, type OpenDb } from '../../db/open';
import { appendAuditEntry } from '../audit/chain';
import { readKeyFile, workspaceExists, workspacePaths, writeKeyFile } from '../workspace/files';
import { unwrapWithSecret, type KeyFile } from '../workspace/keyring';
import { syncFolder } from './create';
import { extractDatabase, NotABackup, readManifest, type Manifest } from './format';

export interface RestoreRequest {
  workspaceDir: string;
  file: string;
  username: string;
  passphrase: string;
  now: Date;
}

export interface RestoreOutcome {
  restoredFrom: string;
  backupCreatedAt: string;
  workspaceName: string;
  /** Where the database that was replaced now lies (null when the folder had none). */
  replacedFile: string | null;
}

/**
 * Restores a backup into a workspace folder while the workspace is locked. Nothing is
 * replaced until the copy has been proved good: its checksum matches, it opens with the
 * workspace's key, it belongs to this workspace, it passes the integrity check and takes
 * the current migrations. Then, holding SQLite's exclusive lock on the current database
 * (so a window or command that has it open makes the restore stop), the current file is
 * hard-linked to `workspace.pdx.<time>.before-restore` and the restored copy renamed over
 * it: at every instant `workspace.pdx` is either the old database or the new one.
 */
export async function restoreBackup(r: RestoreRequest): Promise<RestoreOutcome> {
  const file = resolve(r.file);
  const manifest = manifestOf(file);
  const paths = workspacePaths(r.workspaceDir);
  const current: KeyFile | null = workspaceExists(r.workspaceDir) ? readKeyFile(r.workspaceDir) : null;
  if (current && current.workspaceId !== manifest.workspaceId) {
    fail(
      'conflict',
      `This backup is of the workspace "${manifest.workspaceName}", not of "${current.label.name}" in ${r.workspaceDir}. ` +
        'Its key file cannot open it. Restore it into an empty folder instead.',
    );
  }
  const keys = current ?? manifest.keys;
  if (!keys) fail('not_found', `The folder ${r.workspaceDir} has no key file and the backup carries none, so nothing can decrypt it.`);
  if (keys!.workspaceId !== manifest.workspaceId) fail('corrupt', 'The key file inside this backup belongs to another workspace. The backup is damaged.');

  const wrap = keys!.wraps.find((w) => w.kind === 'passphrase' && w.username === r.username);
  if (!wrap) fail('not_found', `There is no user named ${r.username} in this workspace.`, { fieldErrors: { username: 'No such user' } });
  const key = await unwrapWithSecret(keys!.workspaceId, wrap!, r.passphrase);
  if (!key) fail('wrong_passphrase', 'Wrong passphrase. Nothing was changed; try again.', { fieldErrors: { passphrase: 'Wrong passphrase' } });

  const restoring = `${paths.db}.restoring`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(restoring + suffix, { force: true });
  try {
    const sha = extractDatabase(file, manifest.database.bytes, restoring);
    if (sha !== manifest.database.sha256) fail('corrupt', `The backup ${basename(file)} is damaged: its database does not match the checksum written when it was taken. Nothing was changed.`);
    proveAndStamp(restoring, key!, keys!, manifest, r);
    const replacedFile = swapIn(paths.db, restoring, key!, r.now);
    if (!current) writeKeyFile(r.workspaceDir, keys!);
    return { restoredFrom: file, backupCreatedAt: manifest.createdAt, workspaceName: manifest.workspaceName, replacedFile };
  } finally {
    key!.fill(0);
    for (const suffix of ['', '-wal', '-shm']) rmSync(restoring + suffix, { force: true });
  }
}

function manifestOf(file: string): Manifest {
  if (!existsSync(file)) fail('not_found', `There is no file ${file}.`);
  try {
    return readManifest(file);
  } catch (e) {
    if (e instanceof NotABackup) fail('corrupt', `${basename(file)} is not a Partnerdesk backup, or it was cut short (${e.message}). Nothing was changed.`);
    throw e;
  }
}

/** Opens the copy with the key, checks it, brings it to the current schema and notes the restore in its audit trail. */
function proveAndStamp(restoring: string, key: Buffer, keys: KeyFile, manifest: Manifest, r: RestoreRequest): void {
  let open: OpenDb;
  try {
    open = openEncrypted(restoring, key, { create: false });
  } catch (e) {
    if (e instanceof AppFailure && e.error.kind === 'corrupt') {
      fail('corrupt', `The backup cannot be decrypted with this workspace's key: it belongs to another workspace or is damaged. Nothing was changed.`);
    }
    throw e;
  }
  try {
    const problems = integrityProblems(open.sqlite);
    if (problems.length) fail('corrupt', `The backup failed its integrity check (${problems.slice(0, 3).join('; ')}). Nothing was changed.`);
    const id = open.sqlite.prepare("SELECT value FROM workspace_meta WHERE key = 'workspace_id'").pluck().get();
    if (id !== keys.workspaceId) fail('corrupt', 'The database inside this backup belongs to another workspace than its key file. Nothing was changed.');
    const user = open.sqlite.prepare('SELECT id, role, disabled FROM users WHERE username = ?').get(r.username) as { id: string; role: string; disabled: number } | undefined;
    if (!user || user.role !== 'admin' || user.disabled) {
      fail('forbidden', `Only an admin of the backed-up workspace may restore it, and ${r.username} is not one in this backup. Nothing was changed.`);
    }
    // The backup is itself the copy from before any migration applied here.
    applyMigrations(open, { backupFirst: false });
    appendAuditEntry(open.sqlite, {
      at: r.now.toISOString(),
      userId: user!.id,
      action: 'backup.restore',
      entity: 'workspace',
      entityId: keys.workspaceId,
      detail: JSON.stringify({ file: basename(r.file), backupCreatedAt: manifest.createdAt, reason: manifest.reason }),
    });
    open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    open.close();
  }
}

/**
 * Replaces the database file. The current one is opened in EXCLUSIVE locking mode first:
 * SQLite refuses that while any other connection (another window, a command, a sync) has
 * the file open, and the lock then keeps newcomers out until the swap is done.
 */
function swapIn(db: string, restoring: string, key: Buffer, now: Date): string | null {
  if (!existsSync(db)) {
    renameSync(restoring, db);
    syncFolder(resolve(db, '..'));
    return null;
  }
  const held = holdExclusively(db, key);
  const replaced = `${db}.${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.before-restore`;
  try {
    try {
      linkSync(db, replaced);
    } catch {
      copyFileSync(db, replaced);
    }
  } finally {
    held?.close();
  }
  // A write-ahead log left by a crash belongs to the old file: it goes with it, never onto the restored one.
  for (const suffix of ['-wal', '-shm']) if (existsSync(db + suffix)) renameSync(db + suffix, replaced + suffix);
  renameSync(restoring, db);
  syncFolder(resolve(db, '..'));
  return replaced;
}

function holdExclusively(db: string, key: Buffer): OpenDb | null {
  let open: OpenDb;
  try {
    open = openEncrypted(db, key, { create: false });
  } catch {
    // The current file is damaged (often why one restores); there is nothing to lock.
    return null;
  }
  try {
    open.sqlite.pragma('busy_timeout = 0');
    open.sqlite.pragma('locking_mode = EXCLUSIVE');
    open.sqlite.exec('BEGIN EXCLUSIVE; COMMIT');
    open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return open;
  } catch {
    open.close();
    return fail('conflict', 'The workspace is open in another Partnerdesk window or command. Close it there, then restore again. Nothing was changed.');
  }
}
