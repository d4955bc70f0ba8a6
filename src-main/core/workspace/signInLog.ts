import type { Db } from '../../db/open';
import { recordAudit } from '../audit';
import type { CoreContext } from '../context';

export type SignInFailure = { username: string; reason: 'wrong_passphrase' | 'wrong_recovery_code' | 'no_such_user' | 'disabled' | 'keychain'; at: string };

/**
 * A failed sign-in cannot be written to the audit log when it happens: without the right
 * passphrase there is no key to open the database, and a wrong passphrase must leave the files
 * untouched. So failures wait here, in the core's memory, and go into the audit log at the next
 * sign-in (or lock); the local log gets a line at once. A process that ends before then loses
 * them from the audit log only.
 */
const pending = new WeakMap<CoreContext, { failures: SignInFailure[]; uncounted: number }>();

/** At most this many are kept one by one; guessing in a loop must not grow the core's memory. */
const MAX_PENDING = 200;

export function noteSignInFailure(ctx: CoreContext, username: string, reason: SignInFailure['reason']): void {
  const p = pending.get(ctx) ?? { failures: [], uncounted: 0 };
  if (p.failures.length < MAX_PENDING) p.failures.push({ username: username.slice(0, 64), reason, at: ctx.now().toISOString() });
  else p.uncounted += 1;
  pending.set(ctx, p);
  // The plain log never names an unknown user: that "username" may be a mistyped passphrase.
  ctx.log.info(`sign-in failed (${reason})${reason === 'no_such_user' ? '' : ` for user ${JSON.stringify(username.slice(0, 64))}`}`);
}

export function pendingSignInFailures(ctx: CoreContext): readonly SignInFailure[] {
  return pending.get(ctx)?.failures ?? [];
}

/** Writes the waiting failures into the audit log, in the caller's transaction. */
export function flushSignInFailures(ctx: CoreContext, db: Db, userIdOf: (username: string) => string | null): void {
  const p = pending.get(ctx);
  if (!p) return;
  const now = ctx.now().toISOString();
  for (const f of p.failures) {
    const userId = userIdOf(f.username);
    recordAudit(db, {
      at: now,
      userId,
      action: 'session.sign_in_failed',
      entity: 'user',
      entityId: userId,
      detail: { username: f.username, reason: f.reason, attemptedAt: f.at },
    });
  }
  if (p.uncounted > 0) {
    recordAudit(db, { at: now, userId: null, action: 'session.sign_in_failed', entity: 'workspace', entityId: null, detail: { further: p.uncounted } });
  }
  pending.delete(ctx);
}
