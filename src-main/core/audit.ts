import type { Db } from '../db/open';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

/** Every change is written down: who, when, what. Runs inside the caller's transaction. */
export function recordAudit(db: Db, e: AuditEntry): void {
  db.insert(auditLog).values({ ...e, detail: JSON.stringify(e.detail) }).run();
}
