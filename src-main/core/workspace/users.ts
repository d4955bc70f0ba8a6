import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { fail } from '../../../src-shared/rpc/errors';
import type { Role } from '../../../src-shared/workspace/contract';
import { roleLabels } from '../../../src-shared/workspace/roles';
import type { UserRow } from '../../../src-shared/workspace/usersContract';
import * as s from '../../db/schema';
import { recordAudit } from '../audit';
import type { CoreContext, Session } from '../context';
import { readKeyFile, writeKeyFile } from './files';
import { sameBytes, unwrapWithSecret, wrapWithSecret, type KeyFile, type Wrap } from './keyring';

/**
 * The people of a workspace. Each has a row in `users` (who they are, their role) and, while
 * enabled, a wrap in the key file (their passphrase opens the one workspace key). Every change
 * writes the key file last inside the database transaction: if the file cannot be written the
 * rows roll back, so the two never disagree about who may sign in.
 */

type User = typeof s.users.$inferSelect;

const withoutWrapsOf = (wraps: Wrap[], username: string) => wraps.filter((w) => w.kind === 'recovery' || w.username !== username);
const isPassphraseOf = (username: string) => (w: Wrap) => w.kind === 'passphrase' && w.username === username;
const hasPassphraseWrap = (keys: KeyFile, username: string) => keys.wraps.some(isPassphraseOf(username));

/** The user's passphrase wrap swapped in place (the lock screen lists users in wrap order), else added. */
function withPassphraseWrap(wraps: Wrap[], username: string, wrap: Wrap): Wrap[] {
  const i = wraps.findIndex(isPassphraseOf(username));
  return i < 0 ? [...wraps, wrap] : wraps.map((w, j) => (j === i ? wrap : w));
}

function lastSignIns(session: Session): Map<string, string> {
  const rows = session.open.sqlite
    .prepare("SELECT user_id AS userId, max(at) AS at FROM audit_log WHERE action = 'session.sign_in' AND user_id IS NOT NULL GROUP BY user_id")
    .all() as { userId: string; at: string }[];
  return new Map(rows.map((r) => [r.userId, r.at]));
}

function toRow(u: User, keys: KeyFile, signIns: Map<string, string>): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabled,
    createdAt: u.createdAt,
    hasPassphrase: hasPassphraseWrap(keys, u.username),
    lastSignInAt: signIns.get(u.id) ?? null,
  };
}

export function listUsers(ctx: CoreContext, session: Session): UserRow[] {
  const keys = readKeyFile(ctx.workspaceDir);
  const signIns = lastSignIns(session);
  return session.open.db
    .select()
    .from(s.users)
    .orderBy(s.users.disabled, sql`lower(${s.users.displayName})`)
    .all()
    .map((u) => toRow(u, keys, signIns));
}

function userRow(ctx: CoreContext, session: Session, userId: string): UserRow {
  const u = session.open.db.select().from(s.users).where(eq(s.users.id, userId)).get();
  if (!u) return fail('not_found', 'That user is not in this workspace (any more). Reload the list.');
  return toRow(u, readKeyFile(ctx.workspaceDir), lastSignIns(session));
}

function requireUser(session: Session, userId: string): User {
  return session.open.db.select().from(s.users).where(eq(s.users.id, userId)).get() ?? fail('not_found', 'That user is not in this workspace (any more). Reload the list.');
}

/** Admins who could sign in now: enabled, and holding a passphrase. */
function signInAdmins(session: Session, keys: KeyFile): User[] {
  return session.open.db
    .select()
    .from(s.users)
    .where(eq(s.users.role, 'admin'))
    .all()
    .filter((u) => !u.disabled && hasPassphraseWrap(keys, u.username));
}

function refuseLosingLastAdmin(session: Session, keys: KeyFile, user: User, what: string): void {
  if (user.role !== 'admin') return;
  if (signInAdmins(session, keys).some((a) => a.id !== user.id)) return;
  fail('conflict', `${user.displayName} is the last admin who can sign in, so they cannot be ${what}. Make another user an admin first.`);
}

function change(ctx: CoreContext, session: Session, keys: KeyFile | null, work: (at: string) => void): void {
  const at = ctx.now().toISOString();
  session.open.sqlite.transaction(() => {
    work(at);
    if (keys) writeKeyFile(ctx.workspaceDir, keys);
  })();
}

const audit = (session: Session, at: string, action: string, user: Pick<User, 'id' | 'username'>, detail: Record<string, unknown> = {}) =>
  recordAudit(session.open.db, { at, userId: session.user.id, action, entity: 'user', entityId: user.id, detail: { username: user.username, ...detail } });

export async function addUser(
  ctx: CoreContext,
  session: Session,
  input: { username: string; displayName: string; role: Role; passphrase: string },
): Promise<UserRow> {
  const taken = (name: string) => name.toLowerCase() === input.username.toLowerCase();
  const before = readKeyFile(ctx.workspaceDir);
  const rows = session.open.db.select({ username: s.users.username }).from(s.users).all();
  if (rows.some((r) => taken(r.username)) || before.wraps.some((w) => w.kind !== 'recovery' && taken(w.username))) {
    fail('conflict', `The username ${input.username} is taken. Choose another.`, { fieldErrors: { username: 'This username is taken' } });
  }
  const wrap = await wrapWithSecret(before.workspaceId, session.key, input.passphrase, { kind: 'passphrase', username: input.username });
  // Re-read after the slow key derivation: the file on disk (the CLI may share it) is the one to extend.
  const keys = readKeyFile(ctx.workspaceDir);
  const user = { id: randomUUID(), username: input.username, displayName: input.displayName, role: input.role };
  change(ctx, session, { ...keys, wraps: [...keys.wraps, wrap] }, (at) => {
    session.open.db.insert(s.users).values({ ...user, createdAt: at }).run();
    audit(session, at, 'user.add', user, { role: input.role, displayName: input.displayName });
  });
  return userRow(ctx, session, user.id);
}

export function setRole(ctx: CoreContext, session: Session, userId: string, role: Role): UserRow {
  const user = requireUser(session, userId);
  if (user.role === role) return userRow(ctx, session, userId);
  refuseLosingLastAdmin(session, readKeyFile(ctx.workspaceDir), user, `made ${roleLabels[role].label.toLowerCase()}`);
  change(ctx, session, null, (at) => {
    session.open.db.update(s.users).set({ role }).where(eq(s.users.id, userId)).run();
    audit(session, at, 'user.role_change', user, { from: user.role, to: role });
  });
  // The session is this process's only one: a person who changes their own role has it at once.
  if (userId === session.user.id) session.user = { ...session.user, role };
  return userRow(ctx, session, userId);
}

/**
 * Disabling destroys the user's wraps, so their passphrase no longer opens the key even with
 * the key file in hand; their name stays in the file only to explain the refusal.
 */
export function disableUser(ctx: CoreContext, session: Session, userId: string): UserRow {
  const user = requireUser(session, userId);
  if (user.id === session.user.id) fail('conflict', 'You cannot disable yourself. Another admin can.');
  if (user.disabled) return userRow(ctx, session, userId);
  const keys = readKeyFile(ctx.workspaceDir);
  refuseLosingLastAdmin(session, keys, user, 'disabled');
  const disabledUsers = [...new Set([...(keys.disabledUsers ?? []), user.username])];
  change(ctx, session, { ...keys, wraps: withoutWrapsOf(keys.wraps, user.username), disabledUsers }, (at) => {
    session.open.db.update(s.users).set({ disabled: true }).where(eq(s.users.id, userId)).run();
    audit(session, at, 'user.disable', user);
  });
  return userRow(ctx, session, userId);
}

export async function enableUser(ctx: CoreContext, session: Session, userId: string, passphrase: string): Promise<UserRow> {
  const user = requireUser(session, userId);
  if (!user.disabled) fail('conflict', `${user.displayName} is already enabled. To hand over a new passphrase, reset it.`);
  const wrap = await wrapWithSecret(readKeyFile(ctx.workspaceDir).workspaceId, session.key, passphrase, { kind: 'passphrase', username: user.username });
  const keys = readKeyFile(ctx.workspaceDir);
  const disabledUsers = keys.disabledUsers?.filter((n) => n !== user.username);
  change(ctx, session, { ...keys, wraps: [...withoutWrapsOf(keys.wraps, user.username), wrap], disabledUsers }, (at) => {
    session.open.db.update(s.users).set({ disabled: false }).where(eq(s.users.id, userId)).run();
    audit(session, at, 'user.enable', user);
  });
  return userRow(ctx, session, userId);
}

/** An admin hands a user a new passphrase; the old one stops opening the key at once. */
export async function resetPassphrase(ctx: CoreContext, session: Session, userId: string, passphrase: string): Promise<UserRow> {
  const user = requireUser(session, userId);
  if (user.id === session.user.id) fail('conflict', 'To change your own passphrase, use “Your passphrase”: it asks for the current one.');
  if (user.disabled) fail('conflict', `${user.displayName} is disabled. Enable the user with a new passphrase instead.`);
  const wrap = await wrapWithSecret(readKeyFile(ctx.workspaceDir).workspaceId, session.key, passphrase, { kind: 'passphrase', username: user.username });
  const keys = readKeyFile(ctx.workspaceDir);
  change(ctx, session, { ...keys, wraps: withPassphraseWrap(keys.wraps, user.username, wrap) }, (at) => audit(session, at, 'user.passphrase_reset', user, { via: 'admin' }));
  return userRow(ctx, session, userId);
}

export async function changeOwnPassphrase(ctx: CoreContext, session: Session, current: string, next: string): Promise<void> {
  const { username } = session.user;
  const before = readKeyFile(ctx.workspaceDir);
  const own = before.wraps.find(isPassphraseOf(username));
  if (!own) return fail('not_found', 'You have no passphrase in this workspace. Ask an admin to set one.');
  const key = await unwrapWithSecret(before.workspaceId, own, current);
  const right = key !== null && sameBytes(key, session.key);
  key?.fill(0);
  if (!right) fail('wrong_passphrase', 'That is not your current passphrase. Nothing was changed.', { fieldErrors: { currentPassphrase: 'Not your current passphrase' } });
  const wrap = await wrapWithSecret(before.workspaceId, session.key, next, { kind: 'passphrase', username });
  const keys = readKeyFile(ctx.workspaceDir);
  change(ctx, session, { ...keys, wraps: withPassphraseWrap(keys.wraps, username, wrap) }, (at) => audit(session, at, 'user.passphrase_change', session.user));
}
