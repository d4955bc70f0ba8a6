import { z } from 'zod';
import { defineChannel } from '../rpc/contract';

export const Role = z.enum(['admin', 'partnership_manager', 'reviewer', 'finance', 'manager']);
export type Role = z.infer<typeof Role>;

export const Passphrase = z
  .string()
  .min(10, 'Use at least 10 characters — a few words are easier to remember than symbols')
  .max(1024, 'That passphrase is too long (1,024 characters at most)');

export const Username = z
  .string()
  .trim()
  .min(2, 'A username needs at least 2 characters')
  .max(64, 'A username has at most 64 characters')
  .regex(/^[a-z0-9._-]+$/i, 'Use letters, digits, dot, dash or underscore');

const SessionUser = z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: Role });
export type SessionUser = z.infer<typeof SessionUser>;

export const WorkspaceStatus = z.object({
  state: z.enum(['none', 'locked', 'unlocked']),
  workspaceName: z.string().nullable(),
  isDemo: z.boolean(),
  /** Shown on the lock screen of a demo workspace only: demo data is not secret. */
  demoPassphrase: z.string().nullable(),
  usernames: z.array(z.string()),
  keychain: z.object({ available: z.boolean(), enrolled: z.boolean(), backend: z.string() }),
  user: SessionUser.nullable(),
  /** Minutes without input before the workspace locks itself (0 = never); null while locked. */
  autoLockMinutes: z.number().int().nullable(),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>;

export const status = defineChannel({
  name: 'workspace.status',
  input: z.object({}).strict(),
  output: WorkspaceStatus,
  permission: 'public',
});

export const create = defineChannel({
  name: 'workspace.create',
  input: z
    .object({
      workspaceName: z.string().trim().min(1, 'Name the workspace').max(120, 'At most 120 characters'),
      displayName: z.string().trim().min(1, 'Enter your name').max(120, 'At most 120 characters'),
      username: Username,
      passphrase: Passphrase,
      confirmPassphrase: z.string(),
    })
    .strict()
    .refine((v) => v.passphrase === v.confirmPassphrase, { path: ['confirmPassphrase'], message: 'The two passphrases differ' }),
  output: z.object({ recoveryCode: z.string(), status: WorkspaceStatus }),
  permission: 'public',
});

export const createDemo = defineChannel({
  name: 'workspace.createDemo',
  input: z.object({}).strict(),
  output: WorkspaceStatus,
  permission: 'public',
});

export const unlock = defineChannel({
  name: 'workspace.unlock',
  input: z.object({ username: Username, passphrase: z.string().min(1, 'Enter your passphrase') }).strict(),
  output: WorkspaceStatus,
  permission: 'public',
});

export const unlockWithRecoveryCode = defineChannel({
  name: 'workspace.unlockWithRecoveryCode',
  input: z
    .object({ username: Username, recoveryCode: z.string().min(1, 'Enter the recovery code'), newPassphrase: Passphrase })
    .strict(),
  output: WorkspaceStatus,
  permission: 'public',
});

export const unlockWithKeychain = defineChannel({
  name: 'workspace.unlockWithKeychain',
  input: z.object({}).strict(),
  output: WorkspaceStatus,
  permission: 'public',
});

export const setKeychainUnlock = defineChannel({
  name: 'workspace.setKeychainUnlock',
  input: z.object({ enabled: z.boolean() }).strict(),
  output: WorkspaceStatus,
  permission: 'workspace.read',
});

export const lock = defineChannel({
  name: 'workspace.lock',
  /** 'idle' when the window locks itself after the auto-lock time, for the audit log. */
  input: z.object({ reason: z.enum(['manual', 'idle']).default('manual') }).strict(),
  output: WorkspaceStatus,
  permission: 'workspace.read',
});

export const AUTO_LOCK_DEFAULT_MINUTES = 15;
/** A day at most: auto-lock protects a laptop left open, not a session kept for days. */
export const AUTO_LOCK_MAX_MINUTES = 24 * 60;

export const setAutoLock = defineChannel({
  name: 'workspace.setAutoLock',
  input: z
    .object({
      minutes: z
        .number({ error: 'Enter the minutes as a number (0 = never)' })
        .int('Use whole minutes')
        .min(0, 'Minutes cannot be negative (0 = never)')
        .max(AUTO_LOCK_MAX_MINUTES, `At most ${AUTO_LOCK_MAX_MINUTES} minutes (a day)`),
    })
    .strict(),
  output: WorkspaceStatus,
  permission: 'workspace.admin',
});

export const WorkspaceInfo = z.object({
  name: z.string(),
  file: z.string(),
  cipher: z.string(),
  schemaMigrations: z.number().int(),
  integrity: z.enum(['ok', 'problems']),
  integrityProblems: z.array(z.string()),
  counts: z.object({
    programmes: z.number().int(),
    partners: z.number().int(),
    agreements: z.number().int(),
    customers: z.number().int(),
    revenueLines: z.number().int(),
  }),
  revenueMonths: z.array(z.object({ month: z.string(), currency: z.string(), grossMinor: z.number().int(), lines: z.number().int() })),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const info = defineChannel({
  name: 'workspace.info',
  input: z.object({}).strict(),
  output: WorkspaceInfo,
  permission: 'workspace.read',
});
