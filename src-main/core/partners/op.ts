import { randomUUID } from 'node:crypto';
import { fail } from '../../../src-shared/rpc/errors';
import { recordAudit } from '../audit';
import type { CoreContext, Session } from '../context';
import { requireSession } from '../session';

/** One operation on partners: who, on which open workspace, and the clock reading it runs at. */
export interface PartnerOp {
  session: Session;
  now: Date;
  /** The calendar day of `now` (UTC), for the pure rules that take `today`. */
  today: string;
}

export function partnerOp(ctx: CoreContext): PartnerOp {
  const now = ctx.now();
  return { session: requireSession(ctx), now, today: now.toISOString().slice(0, 10) };
}

export const newId = () => randomUUID();

/** Runs `fn` in one SQLite transaction: the change and its audit entry land together or not at all. */
export function inTransaction<T>(op: PartnerOp, fn: () => T): T {
  return op.session.open.sqlite.transaction(fn)();
}

export function audit(op: PartnerOp, action: string, entity: string, entityId: string, detail: Record<string, unknown>): void {
  recordAudit(op.session.open.db, { at: op.now.toISOString(), userId: op.session.user.id, action, entity, entityId, detail });
}

/** The fields whose values differ, each with its value before and after. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (before[key] !== value) changes[key] = { before: before[key] ?? null, after: value };
  }
  return changes;
}

/** Throws a validation error carrying the field messages, when there are any. */
export function failOnProblems(problems: Record<string, string>, what: string): void {
  const fields = Object.keys(problems);
  if (fields.length === 0) return;
  const message = fields.length === 1 ? `${what}: ${problems[fields[0]!]}.` : `${what} has ${fields.length} problems: ${fields.map((f) => problems[f]).join('; ')}.`;
  fail('validation', message, { fieldErrors: problems });
}

export const notFound = (what = 'This partner'): never => fail('not_found', `${what} no longer exists. It may have been removed; go back to the list and reload.`);
