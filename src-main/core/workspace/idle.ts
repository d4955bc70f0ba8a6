import * as stripeContract from '../../../src-shared/stripe/contract';
import * as workspaceContract from '../../../src-shared/workspace/contract';
import type { CoreContext, Session } from '../context';
import { autoLockMinutes } from './autoLockSetting';
import { closeSession, signOut } from './service';

/**
 * Calls that do not show a person is there: the lock screen's status check and the sidebar's
 * Stripe poll run on timers, and must not keep a forgotten window unlocked. A screen that adds
 * a poll adds its channel here.
 */
const PASSIVE = new Set<string>([workspaceContract.status.name, stripeContract.status.name]);

const lastActivity = new WeakMap<Session, number>();

/** After each call: a non-passive call is activity, and restarts the idle clock of the session it left open. */
export function noteActivity(ctx: CoreContext, channel: string, nowMs: number): void {
  if (ctx.session && !PASSIVE.has(channel)) lastActivity.set(ctx.session, nowMs);
}

/**
 * Before each call: a session idle for longer than the auto-lock time is closed, so the call
 * meets a locked workspace. The window locks itself on the same schedule; this is for the
 * window that cannot (a forgotten browser tab, a laptop that slept through its timers).
 */
export function lockIfIdle(ctx: CoreContext, nowMs: number): void {
  const session = ctx.session;
  const last = session ? lastActivity.get(session) : undefined;
  if (!session || last === undefined) return;
  try {
    const minutes = autoLockMinutes(session.open.db);
    const idleMs = nowMs - last;
    if (minutes === 0 || idleMs < minutes * 60_000) return;
    signOut(ctx, { reason: 'idle', by: 'core', idleMinutes: Math.floor(idleMs / 60_000) });
  } catch (e) {
    // Fail closed: a session whose idle time cannot be checked or written down is locked anyway.
    ctx.log.error('auto-lock check failed; locking', e);
    closeSession(ctx);
  }
}
