import { eq } from 'drizzle-orm';
import { AUTO_LOCK_DEFAULT_MINUTES } from '../../../src-shared/workspace/contract';
import type { Db } from '../../db/open';
import { workspaceMeta } from '../../db/schema';
import { recordAudit } from '../audit';
import type { CoreContext, Session } from '../context';

// The auto-lock time is a workspace setting, kept with the workspace's other facts.
const META_KEY = 'auto_lock_minutes';

export function autoLockMinutes(db: Db): number {
  const row = db.select({ value: workspaceMeta.value }).from(workspaceMeta).where(eq(workspaceMeta.key, META_KEY)).get();
  const n = row ? Number(row.value) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : AUTO_LOCK_DEFAULT_MINUTES;
}

export function setAutoLockMinutes(ctx: CoreContext, session: Session, minutes: number): void {
  const { db, sqlite } = session.open;
  const before = autoLockMinutes(db);
  sqlite.transaction(() => {
    db.insert(workspaceMeta).values({ key: META_KEY, value: String(minutes) }).onConflictDoUpdate({ target: workspaceMeta.key, set: { value: String(minutes) } }).run();
    recordAudit(db, {
      at: ctx.now().toISOString(),
      userId: session.user.id,
      action: 'workspace.auto_lock_set',
      entity: 'workspace',
      entityId: null,
      detail: { from: before, to: minutes },
    });
  })();
}
