// Channels of the users domain: the people of a workspace, their roles and passphrases.
import { z } from 'zod';
import { defineChannel } from '../rpc/contract';
import { Passphrase, Role, Username } from './contract';

const UserId = z.string().min(1, 'Which user?').max(100);
const DisplayName = z.string().trim().min(1, 'Enter the person’s name').max(120, 'At most 120 characters');

/** A new passphrase typed twice, as on the welcome screen. */
const NewPassphrase = { passphrase: Passphrase, confirmPassphrase: z.string() };
const samePassphrase = <T extends { passphrase: string; confirmPassphrase: string }>(v: T) => v.passphrase === v.confirmPassphrase;
const differ = { path: ['confirmPassphrase'], message: 'The two passphrases differ' };

export const UserRow = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string(),
  /** Whether a passphrase of this user wraps the workspace key (a demo colleague may have none). */
  hasPassphrase: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
export type UserRow = z.infer<typeof UserRow>;

export const list = defineChannel({
  name: 'users.list',
  input: z.object({}).strict(),
  output: z.array(UserRow),
  permission: 'workspace.admin',
});

export const add = defineChannel({
  name: 'users.add',
  input: z
    .object({ displayName: DisplayName, username: Username, role: Role, ...NewPassphrase })
    .strict()
    .refine(samePassphrase, differ),
  output: UserRow,
  permission: 'workspace.admin',
});

export const setRole = defineChannel({
  name: 'users.setRole',
  input: z.object({ userId: UserId, role: Role }).strict(),
  output: UserRow,
  permission: 'workspace.admin',
});

export const disable = defineChannel({
  name: 'users.disable',
  input: z.object({ userId: UserId }).strict(),
  output: UserRow,
  permission: 'workspace.admin',
});

/** A disabled user's passphrase was destroyed, so enabling hands over a new one. */
export const enable = defineChannel({
  name: 'users.enable',
  input: z
    .object({ userId: UserId, ...NewPassphrase })
    .strict()
    .refine(samePassphrase, differ),
  output: UserRow,
  permission: 'workspace.admin',
});

export const resetPassphrase = defineChannel({
  name: 'users.resetPassphrase',
  input: z
    .object({ userId: UserId, ...NewPassphrase })
    .strict()
    .refine(samePassphrase, differ),
  output: UserRow,
  permission: 'workspace.admin',
});

/** Anyone signed in changes their own passphrase, proving the current one first. */
export const changePassphrase = defineChannel({
  name: 'users.changePassphrase',
  input: z
    .object({ currentPassphrase: z.string().min(1, 'Enter your current passphrase').max(1024), ...NewPassphrase })
    .strict()
    .refine(samePassphrase, differ),
  output: z.object({ changed: z.literal(true) }),
  permission: 'workspace.read',
});
