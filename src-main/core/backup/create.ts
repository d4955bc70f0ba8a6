import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Sqlite } from '../../db/open';
import { migrationState } from '../../db/migrationState';
import { readKeyFile, workspaceExists } from '../workspace/files';
import { appendManifest, BACKUP_EXTENSION, sha256Prefix, type Manifest } from './format';

export interface BackupWritten {
  file: string;
  name: string;
  createdAt: string;
  reason: Manifest['reason'];
  bytes: number;
  workspaceName: string;
  migrationsApplied: number;
}

/** Where backups go unless told otherwise: a folder beside the workspace's two files. */
export const backupsFolder = (workspaceDir: string) => join(workspaceDir, 'backups');

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .slice(0, 40) || 'workspace';

/** 2026-01-07T09:05:03.120Z → 20260107-090503 */
const stamp = (iso: string) => iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/**
 * Writes an encrypted backup of an open workspace. VACUUM INTO copies one consistent
 * snapshot (other connections may keep writing) into a new file encrypted under the same
 * key; the manifest and trailer are appended, the file flushed, then renamed into place,
 * so a crash leaves a `.partial` file and never a backup that looks whole but is not.
 */
export function writeBackup(
  sqlite: Sqlite,
  o: { workspaceDir: string; outDir?: string; reason: Manifest['reason']; now: Date; pending?: string[] },
): BackupWritten {
  if (sqlite.inTransaction) throw new Error('A backup cannot be taken inside a transaction.');
  const meta = new Map((sqlite.prepare('SELECT key, value FROM workspace_meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
  const workspaceName = meta.get('name') ?? 'Partnerdesk workspace';
  const createdAt = o.now.toISOString();
  const outDir = o.outDir ?? backupsFolder(o.workspaceDir);
  mkdirSync(outDir, { recursive: true });

  const base = `${slug(workspaceName)}-${stamp(createdAt)}${o.reason === 'before_migration' ? '-before-migration' : ''}`;
  let name = `${base}${BACKUP_EXTENSION}`;
  for (let n = 2; existsSync(join(outDir, name)); n++) name = `${base}-${n}${BACKUP_EXTENSION}`;
  const file = join(outDir, name);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });

  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    chmodSync(partial, 0o600);
    const bytes = statSync(partial).size;
    const state = migrationState(sqlite);
    appendManifest(partial, {
      format: 'partnerdesk-backup',
      version: 1,
      workspaceId: meta.get('workspace_id') ?? '',
      workspaceName,
      createdAt,
      reason: o.reason,
      migrations: { applied: state.applied, last: state.last, pending: o.pending ?? [] },
      database: { bytes, sha256: sha256Prefix(partial, bytes) },
      keys: workspaceExists(o.workspaceDir) ? readKeyFile(o.workspaceDir) : null,
    });
    renameSync(partial, file);
    syncFolder(outDir);
    return { file, name: basename(file), createdAt, reason: o.reason, bytes: statSync(file).size, workspaceName, migrationsApplied: state.applied };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** Makes a rename durable; folders cannot be opened for fsync on every platform, which is then best effort. */
export function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows: no directory handles; NTFS journals the rename itself.
  }
}
