import type * as contract from '../../../src-shared/backup/contract';
import { fail } from '../../../src-shared/rpc/errors';
import { recordAudit } from '../audit';
import type { HandlersFor } from '../router';
import { requireSession } from '../session';
import { readKeyFile, workspaceExists } from '../workspace/files';
import { backupsFolder, writeBackup } from './create';
import { listBackups } from './list';
import { restoreBackup } from './restore';

export const backupHandlers: HandlersFor<typeof contract> = {
  'backup.create': (i, ctx) => {
    const session = requireSession(ctx);
    const written = diskErrorsAsMessages(i.folder ?? backupsFolder(ctx.workspaceDir), () =>
      writeBackup(session.open.sqlite, { workspaceDir: ctx.workspaceDir, outDir: i.folder, reason: 'manual', now: ctx.now() }),
    );
    // A backup is an export of everything: it goes in the trail like any other export.
    recordAudit(session.open.db, {
      at: written.createdAt,
      userId: session.user.id,
      action: 'backup.create',
      entity: 'workspace',
      entityId: null,
      detail: { reason: 'manual', file: written.file, bytes: written.bytes },
    });
    return { ...written, ofThisWorkspace: true };
  },
  'backup.list': (_i, ctx) => listBackups(ctx.workspaceDir, workspaceExists(ctx.workspaceDir) ? readKeyFile(ctx.workspaceDir).workspaceId : ''),
  'backup.restore': (i, ctx) => {
    if (ctx.session) fail('conflict', 'Lock the workspace before restoring a backup: the restore replaces the database that is open now.');
    return restoreBackup({ workspaceDir: ctx.workspaceDir, file: i.file, username: i.username, passphrase: i.passphrase, now: ctx.now() });
  },
};

const diskProblems: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EACCES: 'Partnerdesk may not write there',
  EPERM: 'Partnerdesk may not write there',
  EROFS: 'the disk is read-only',
  ENOTDIR: 'that is not a folder',
  SQLITE_FULL: 'the disk is full',
  SQLITE_CANTOPEN: 'the file cannot be created there',
};

function diskErrorsAsMessages<T>(folder: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    const why = diskProblems[(e as NodeJS.ErrnoException).code ?? ''];
    if (why) fail('conflict', `No backup was written to ${folder}: ${why}.`);
    throw e;
  }
}
