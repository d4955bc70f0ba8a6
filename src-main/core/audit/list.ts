import type { z } from 'zod';
import type { AuditRow, list as listChannel } from '../../../src-shared/audit/contract';
import type { Sqlite } from '../../db/open';

type Filters = z.output<(typeof listChannel)['input']>;

/** Newest first, one page, with the count of every matching entry. */
export function listAudit(sqlite: Sqlite, f: Filters): { rows: AuditRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.action) where.push('a.action = ?'), args.push(f.action);
  if (f.entity) where.push('a.entity = ?'), args.push(f.entity);
  if (f.userId) where.push('a.user_id = ?'), args.push(f.userId);
  // `at` is an ISO instant in UTC, so day bounds compare as text.
  if (f.from) where.push('a.at >= ?'), args.push(f.from);
  if (f.to) where.push('a.at < ?'), args.push(`${f.to}T24`);
  if (f.search) {
    where.push("(instr(lower(coalesce(a.entity_id, '')), lower(?)) > 0 OR instr(lower(a.detail), lower(?)) > 0)");
    args.push(f.search, f.search);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = sqlite.prepare(`SELECT count(*) FROM audit_log a ${clause}`).pluck().get(...args) as number;
  const rows = sqlite
    .prepare(
      `SELECT a.id, a.at, a.user_id AS userId, u.display_name AS userName, a.action, a.entity, a.entity_id AS entityId, a.detail
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${clause}
       ORDER BY a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, f.limit, f.offset) as AuditRow[];
  return { rows, total };
}

export function auditFacets(sqlite: Sqlite) {
  const distinct = (column: 'action' | 'entity') =>
    sqlite.prepare(`SELECT DISTINCT ${column} FROM audit_log ORDER BY ${column}`).pluck().all() as string[];
  const users = sqlite
    .prepare('SELECT id, display_name AS name FROM users WHERE id IN (SELECT DISTINCT user_id FROM audit_log) ORDER BY display_name')
    .all() as Array<{ id: string; name: string }>;
  return { actions: distinct('action'), entities: distinct('entity'), users };
}
