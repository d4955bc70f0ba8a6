import type { Db, Sqlite } from '../db/open';
import { appendAuditEntry } from './audit/chain';

export interface AuditEntry {
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

function connectionOf(db: Db): Sqlite {
  const client = (db as Db & { $client?: Sqlite }).$client;
  if (!client) throw new Error('recordAudit needs the drizzle database of an open workspace (open.db), not a drizzle transaction.');
  return client;
}

/**
 * Every change is written down: who, when, what. Runs inside the caller's transaction, and
 * seals the entry into the audit hash chain there (src-main/core/audit/chain.ts).
 */
export function recordAudit(db: Db, e: AuditEntry): void {
  appendAuditEntry(connectionOf(db), { at: e.at, userId: e.userId, action: e.action, entity: e.entity, entityId: e.entityId, detail: JSON.stringify(e.detail) });
}

/**
 * Every export is written down too: `what` names the document (e.g. 'payout_statement',
 * 'report.partners'), `detail` says which records and in what format. The report code calls
 * this when it hands a file out.
 */
export function recordExport(db: Db, userId: string | null, what: string, detail: Record<string, unknown> = {}, at = new Date().toISOString()): void {
  recordAudit(db, { at, userId, action: 'export', entity: what, entityId: null, detail });
}
