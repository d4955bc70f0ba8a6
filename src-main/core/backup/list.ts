import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupRow } from '../../../src-shared/backup/contract';
import { backupsFolder } from './create';
import { BACKUP_EXTENSION, readManifest } from './format';

/** The backups in a workspace's backups folder, newest first; files that are not backups are skipped. */
export function listBackups(workspaceDir: string, workspaceId: string): { folder: string; backups: BackupRow[] } {
  const folder = backupsFolder(workspaceDir);
  if (!existsSync(folder)) return { folder, backups: [] };
  const backups: BackupRow[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(BACKUP_EXTENSION)) continue;
    const file = join(folder, name);
    try {
      const m = readManifest(file);
      backups.push({
        file,
        name,
        createdAt: m.createdAt,
        reason: m.reason,
        bytes: statSync(file).size,
        workspaceName: m.workspaceName,
        ofThisWorkspace: m.workspaceId === workspaceId,
        migrationsApplied: m.migrations.applied,
      });
    } catch {
      // A copy still being written or cut short: not offered for restore.
    }
  }
  backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || copyNumber(b.name) - copyNumber(a.name));
  return { folder, backups };
}

/** Two backups in the same second are `name.pdxbackup`, `name-2.pdxbackup`, …: the later has the higher number. */
const copyNumber = (name: string) => Number(/-\d{8}-\d{6}(?:-before-migration)?-(\d+)\.pdxbackup$/.exec(name)?.[1] ?? 1);
