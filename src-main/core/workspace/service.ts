import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { fail } from '../../../src-shared/rpc/errors';
import type { SessionUser, WorkspaceInfo, WorkspaceStatus } from '../../../src-shared/workspace/contract';
import { applyMigrations, integrityProblems, KEY_BYTES, openEncrypted, type OpenDb } from '../../db/open';
import * as s from '../../db/schema';
import { recordAudit } from '../audit';
import { syncTimeDependentPartnerStatuses } from '../agreements/partnerStatus';
import type { IsoDate } from '../../../src-shared/dates/isoDate';
import type { CoreContext, Session } from '../context';
import { readKeyFile, workspaceExists, workspacePaths, writeKeyFile } from './files';
import { newRecoveryCode, normaliseRecoveryCode, unwrapWithSecret, wrapWithSecret, type KeyFile } from './keyring';
import { UNPROTECTED_BACKENDS } from './keyProtector';
import { autoLockMinutes } from './autoLockSetting';
import { flushSignInFailures, noteSignInFailure, type SignInFailure } from './signInLog';

export const DEMO_USERNAME = 'demo';
export const DEMO_PASSPHRASE = 'partnerdesk-demo';

export async function keychainState(ctx: CoreContext) {
  const backend = await ctx.keyProtector.backend();
  const available = (await ctx.keyProtector.isAvailable()) && !UNPROTECTED_BACKENDS.has(backend);
  const enrolled = workspaceExists(ctx.workspaceDir) && readKeyFile(ctx.workspaceDir).wraps.some((w) => w.kind === 'keychain');
  return { available, enrolled, backend };
}

export async function getStatus(ctx: CoreContext): Promise<WorkspaceStatus> {
  const exists = workspaceExists(ctx.workspaceDir);
  const keys = exists ? readKeyFile(ctx.workspaceDir) : null;
  return {
    state: ctx.session ? 'unlocked' : exists ? 'locked' : 'none',
    workspaceName: keys?.label.name ?? null,
    isDemo: keys?.label.demo ?? false,
    demoPassphrase: keys?.label.demo ? DEMO_PASSPHRASE : null,
    usernames: keys ? [...new Set(keys.wraps.flatMap((w) => (w.kind === 'passphrase' ? [w.username] : [])))] : [],
    keychain: await keychainState(ctx),
    user: ctx.session?.user ?? null,
    autoLockMinutes: ctx.session ? autoLockMinutes(ctx.session.open.db) : null,
  };
}

interface NewWorkspace {
  workspaceName: string;
  displayName: string;
  username: string;
  passphrase: string;
  demo: boolean;
  /** Runs inside the creating transaction, before the workspace becomes visible. */
  fill?: (open: OpenDb, adminId: string) => void;
}

/**
 * Creates the database under a temporary name, writes the key file, then renames the
 * database into place: a crash at any point leaves either no workspace or a whole one.
 */
export async function createWorkspace(ctx: CoreContext, w: NewWorkspace): Promise<{ recoveryCode: string }> {
  if (workspaceExists(ctx.workspaceDir)) fail('conflict', `A workspace already exists in ${ctx.workspaceDir}. Unlock it instead.`);
  mkdirSync(ctx.workspaceDir, { recursive: true });
  const paths = workspacePaths(ctx.workspaceDir);
  const partial = `${paths.db}.partial`;
  rmSync(partial, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });

  const key = randomBytes(KEY_BYTES);
  const workspaceId = randomUUID();
  const recoveryCode = newRecoveryCode();
  const adminId = randomUUID();
  const now = ctx.now().toISOString();

  const open = openEncrypted(partial, key, { create: true });
  try {
    applyMigrations(open);
    open.sqlite.transaction(() => {
      open.db.insert(s.workspaceMeta).values([
        { key: 'workspace_id', value: workspaceId },
        { key: 'name', value: w.workspaceName },
        { key: 'demo', value: String(w.demo) },
        { key: 'created_at', value: now },
      ]).run();
      open.db.insert(s.users).values({ id: adminId, username: w.username, displayName: w.displayName, role: 'admin', createdAt: now }).run();
      recordAudit(open.db, { at: now, userId: adminId, action: 'workspace.create', entity: 'workspace', entityId: workspaceId, detail: { demo: w.demo } });
      w.fill?.(open, adminId);
    })();
    // Fold the WAL into the file so the rename moves one complete database.
    open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    open.close();
  }
  const keys: KeyFile = {
    format: 'partnerdesk-keys',
    version: 1,
    workspaceId,
    label: { name: w.workspaceName, demo: w.demo },
    wraps: [
      await wrapWithSecret(workspaceId, key, w.passphrase, { kind: 'passphrase', username: w.username }),
      await wrapWithSecret(workspaceId, key, recoveryCode, { kind: 'recovery' }),
    ],
  };
  renameSync(partial, paths.db);
  writeKeyFile(ctx.workspaceDir, keys);
  key.fill(0);
  return { recoveryCode };
}

/** Opens the database with an unwrapped key, checks it, and signs the user in. */
function openSession(ctx: CoreContext, keys: KeyFile, key: Buffer, username: string, how: string): Session {
  const paths = workspacePaths(ctx.workspaceDir);
  if (!existsSync(paths.db)) fail('corrupt', `The workspace database ${paths.db} is missing. Restore it from a backup.`);
  const open = openEncrypted(paths.db, key, { create: false });
  try {
    applyMigrations(open);
    const problems = integrityProblems(open.sqlite);
    if (problems.length > 0) fail('corrupt', `The workspace failed its integrity check: ${problems.slice(0, 3).join('; ')}. Restore it from a backup.`);
    const meta = new Map(open.db.select().from(s.workspaceMeta).all().map((r) => [r.key, r.value]));
    if (meta.get('workspace_id') !== keys.workspaceId) {
      fail('corrupt', 'The database file belongs to another workspace than its key file.');
    }
    const row = open.db.select().from(s.users).where(eq(s.users.username, username)).get();
    if (!row) refuseSignIn(ctx, username, 'no_such_user');
    if (row!.disabled) refuseSignIn(ctx, username, 'disabled');
    const user: SessionUser = { id: row!.id, username: row!.username, displayName: row!.displayName, role: row!.role };
    const userIdOf = (name: string) => open.db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, name)).get()?.id ?? null;
    open.sqlite.transaction(() => {
      flushSignInFailures(ctx, open.db, userIdOf);
      recordAudit(open.db, { at: ctx.now().toISOString(), userId: user.id, action: 'session.sign_in', entity: 'user', entityId: user.id, detail: { how } });
    })();
    // Notice periods and cure periods run out while the laptop is closed: bring partner
    // statuses up to date at sign-in, so every screen shows them as of today.
    const nowIso = ctx.now().toISOString();
    syncTimeDependentPartnerStatuses(open, nowIso.slice(0, 10) as IsoDate, { userId: null, nowIso });
    return { open, key, user, workspaceName: meta.get('name') ?? keys.label.name, isDemo: meta.get('demo') === 'true', file: paths.db };
  } catch (e) {
    open.close();
    key.fill(0);
    throw e;
  }
}

const refusals: Record<SignInFailure['reason'], (username: string) => [Parameters<typeof fail>[0], string, Record<string, string>]> = {
  no_such_user: (u) => ['not_found', `There is no user named ${u} in this workspace.`, { username: 'No such user' }],
  disabled: (u) => ['forbidden', `The user ${u} is disabled and cannot sign in. Ask an admin to enable the user.`, { username: 'This user is disabled' }],
  wrong_passphrase: () => ['wrong_passphrase', 'Wrong passphrase. Nothing was changed; try again.', { passphrase: 'Wrong passphrase' }],
  wrong_recovery_code: () => ['wrong_passphrase', 'That recovery code does not open this workspace.', { recoveryCode: 'Wrong recovery code' }],
  keychain: () => ['wrong_passphrase', 'The OS keychain could not unlock this workspace. Unlock with your passphrase.', {}],
};

/** Every refused sign-in is noted for the audit log (signInLog.ts) before it is answered. */
function refuseSignIn(ctx: CoreContext, username: string, reason: SignInFailure['reason']): never {
  noteSignInFailure(ctx, username, reason);
  const [kind, message, fieldErrors] = refusals[reason](username);
  return fail(kind, message, Object.keys(fieldErrors).length ? { fieldErrors } : {});
}

/** A user without a passphrase wrap: disabled (the key file says so) or unknown. */
function missingUser(ctx: CoreContext, keys: KeyFile, username: string): never {
  return refuseSignIn(ctx, username, keys.disabledUsers?.includes(username) ? 'disabled' : 'no_such_user');
}

function requireWorkspace(ctx: CoreContext): KeyFile {
  if (!workspaceExists(ctx.workspaceDir)) fail('not_found', 'There is no workspace here yet. Create one or open the demo.');
  return readKeyFile(ctx.workspaceDir);
}

export function closeSession(ctx: CoreContext): void {
  if (!ctx.session) return;
  try {
    ctx.session.open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A checkpoint is an optimisation; closing still releases the file.
  }
  ctx.session.open.close();
  ctx.session.key.fill(0);
  ctx.session = null;
}

/** Locks the workspace, writing down why (and any sign-in failures still waiting) first. */
export function signOut(ctx: CoreContext, detail: { reason: 'manual' | 'idle'; by: 'window' | 'core'; idleMinutes?: number }): void {
  const session = ctx.session;
  if (!session) return;
  const { db, sqlite } = session.open;
  try {
    sqlite.transaction(() => {
      flushSignInFailures(ctx, db, (name) => db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, name)).get()?.id ?? null);
      recordAudit(db, { at: ctx.now().toISOString(), userId: session.user.id, action: 'session.lock', entity: 'user', entityId: session.user.id, detail });
    })();
  } catch (e) {
    // Locking matters more than writing it down: the session closes either way.
    ctx.log.error('could not write the lock to the audit log', e);
  }
  closeSession(ctx);
}

export async function unlockWithPassphrase(ctx: CoreContext, username: string, passphrase: string): Promise<void> {
  const keys = requireWorkspace(ctx);
  const wrap = keys.wraps.find((w) => w.kind === 'passphrase' && w.username === username);
  if (!wrap) missingUser(ctx, keys, username);
  const key = await unwrapWithSecret(keys.workspaceId, wrap!, passphrase);
  if (!key) refuseSignIn(ctx, username, 'wrong_passphrase');
  closeSession(ctx);
  ctx.session = openSession(ctx, keys, key!, username, 'passphrase');
}

export async function unlockWithRecovery(ctx: CoreContext, username: string, code: string, newPassphrase: string): Promise<void> {
  const keys = requireWorkspace(ctx);
  const wrap = keys.wraps.find((w) => w.kind === 'recovery');
  const key = wrap ? await unwrapWithSecret(keys.workspaceId, wrap, normaliseRecoveryCode(code)) : null;
  if (!key) refuseSignIn(ctx, username, 'wrong_recovery_code');
  if (!keys.wraps.some((w) => w.kind === 'passphrase' && w.username === username)) {
    key!.fill(0);
    missingUser(ctx, keys, username);
  }
  const fresh = await wrapWithSecret(keys.workspaceId, key!, newPassphrase, { kind: 'passphrase', username });
  closeSession(ctx);
  ctx.session = openSession(ctx, keys, key!, username, 'recovery_code');
  writeKeyFile(ctx.workspaceDir, {
    ...keys,
    wraps: [...keys.wraps.filter((w) => !(w.kind === 'passphrase' && w.username === username)), fresh],
  });
  recordAudit(ctx.session.open.db, { at: ctx.now().toISOString(), userId: ctx.session.user.id, action: 'user.passphrase_reset', entity: 'user', entityId: ctx.session.user.id, detail: { via: 'recovery_code' } });
}

export async function unlockWithKeychain(ctx: CoreContext): Promise<void> {
  const keys = requireWorkspace(ctx);
  const wrap = keys.wraps.find((w) => w.kind === 'keychain');
  if (!wrap || wrap.kind !== 'keychain') return fail('not_found', 'Keychain unlock is not set up for this workspace.');
  if (!(await keychainState(ctx)).available) fail('forbidden', 'The OS keychain is not available. Unlock with your passphrase.');
  let key: Buffer;
  try {
    key = await ctx.keyProtector.decrypt(Buffer.from(wrap.blob, 'base64'));
  } catch {
    return refuseSignIn(ctx, wrap.username, 'keychain');
  }
  closeSession(ctx);
  ctx.session = openSession(ctx, keys, key, wrap.username, 'keychain');
}

export async function setKeychainUnlock(ctx: CoreContext, session: Session, enabled: boolean): Promise<void> {
  const keys = requireWorkspace(ctx);
  const others = keys.wraps.filter((w) => w.kind !== 'keychain');
  if (!enabled) {
    writeKeyFile(ctx.workspaceDir, { ...keys, wraps: others });
  } else {
    const state = await keychainState(ctx);
    if (!state.available) fail('forbidden', `The OS keychain is not available here (backend: ${state.backend}), so it would protect nothing.`);
    const blob = await ctx.keyProtector.encrypt(session.key);
    writeKeyFile(ctx.workspaceDir, {
      ...keys,
      wraps: [...others, { id: randomBytes(8).toString('hex'), kind: 'keychain', username: session.user.username, blob: blob.toString('base64') }],
    });
  }
  recordAudit(session.open.db, { at: ctx.now().toISOString(), userId: session.user.id, action: enabled ? 'keychain.enable' : 'keychain.disable', entity: 'workspace', entityId: keys.workspaceId, detail: {} });
}

export function workspaceInfo(session: Session): WorkspaceInfo {
  const { db, sqlite } = session.open;
  type Counted = typeof s.partners | typeof s.programmes | typeof s.agreements | typeof s.customers | typeof s.revenueLines;
  const count = (table: Counted) =>
    db.select({ n: sql<number>`count(*)` }).from(table).get()?.n ?? 0;
  const problems = integrityProblems(sqlite);
  const migrations = (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
  const revenueMonths = sqlite
    .prepare(
      `SELECT substr(paid_on, 1, 7) AS month, currency, sum(gross_minor - discount_minor) AS grossMinor, count(*) AS lines
       FROM revenue_lines WHERE kind = 'payment' GROUP BY month, currency ORDER BY month, currency`,
    )
    .all() as WorkspaceInfo['revenueMonths'];
  return {
    name: session.workspaceName,
    file: session.file,
    cipher: String(sqlite.pragma('cipher', { simple: true })),
    schemaMigrations: migrations,
    integrity: problems.length ? 'problems' : 'ok',
    integrityProblems: problems,
    counts: {
      programmes: count(s.programmes),
      partners: count(s.partners),
      agreements: count(s.agreements),
      customers: count(s.customers),
      revenueLines: count(s.revenueLines),
    },
    revenueMonths,
  };
}
