import { z } from 'zod';
import { defineChannel } from '../rpc/contract';
import { Username } from '../workspace/contract';

// Encrypted backups (src-main/core/backup): taken on demand by an admin and automatically
// before every migration. A restore replaces the open database, so it runs while the
// workspace is locked: from the lock screen or `partnerdesk backup restore FILE`.

export const BackupRowSchema = z.object({
  file: z.string(),
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(['manual', 'before_migration']),
  bytes: z.number().int(),
  workspaceName: z.string(),
  /** False for a backup of another workspace that was copied into this folder. */
  ofThisWorkspace: z.boolean(),
  migrationsApplied: z.number().int(),
});
export type BackupRow = z.infer<typeof BackupRowSchema>;

export const create = defineChannel({
  name: 'backup.create',
  input: z
    .object({
      /** Another folder than the workspace's backups folder (an external drive, say); absolute. */
      folder: z
        .string()
        .trim()
        .min(1)
        .refine((f) => f.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(f) || f.startsWith('\\\\'), 'Give the folder’s full path')
        .optional(),
    })
    .strict(),
  output: BackupRowSchema,
  permission: 'workspace.admin',
});

/** Public: the lock screen offers these for a restore. Names and dates only; every backup is encrypted. */
export const list = defineChannel({
  name: 'backup.list',
  input: z.object({}).strict(),
  output: z.object({ folder: z.string(), backups: z.array(BackupRowSchema) }),
  permission: 'public',
});

export const restore = defineChannel({
  name: 'backup.restore',
  input: z
    .object({
      file: z.string().trim().min(1, 'Choose a backup file'),
      username: Username,
      passphrase: z.string().min(1, 'Enter your passphrase'),
    })
    .strict(),
  output: z.object({
    restoredFrom: z.string(),
    backupCreatedAt: z.string(),
    workspaceName: z.string(),
    replacedFile: z.string().nullable(),
  }),
  permission: 'public',
});
