import type { z } from 'zod';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { AuditFilters } from '../../../../src-shared/reports/filters';
import type { Sqlite } from '../../../db/open';
import { filterWords } from '../describe';
import { sqlSource, type ReportEnv, type ReportSource } from '../source';

// The audit log, newest first. Action and entity match by part of the word ("export",
// "payouts.").

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function auditLogReport(db: Sqlite, f: z.output<typeof AuditFilters>, _env: ReportEnv): ReportSource {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.from) (where.push('substr(a.at, 1, 10) >= @from'), (params.from = f.from));
  if (f.to) (where.push('substr(a.at, 1, 10) <= @to'), (params.to = f.to));
  if (f.action) (where.push("a.action LIKE @action ESCAPE '\\'"), (params.action = like(f.action)));
  if (f.entity) (where.push("a.entity LIKE @entity ESCAPE '\\'"), (params.entity = like(f.entity)));
  if (f.userId) (where.push('a.user_id = @userId'), (params.userId = f.userId));
  return sqlSource({
    select: `a.id, a.at, coalesce(u.display_name, a.user_id, '') AS user, a.action, a.entity, coalesce(a.entity_id, '') AS entityId, a.detail`,
    from: 'audit_log a LEFT JOIN users u ON u.id = a.user_id',
    where,
    params,
    orderBy: 'a.id DESC',
    key: 'a.id',
    scan: 'key desc',
    lines: [filterWords(db, reports['audit-log'].filters, f)],
  });
}
