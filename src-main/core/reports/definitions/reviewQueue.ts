import type { z } from 'zod';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { ReviewQueueFilters } from '../../../../src-shared/reports/filters';
import type { Sqlite } from '../../../db/open';
import { filterWords } from '../describe';
import { sqlSource, type ReportEnv, type ReportSource } from '../source';

// The marketing-draft review queue (seed 000: partners share drafts before use). Waiting
// means with a reviewer: submitted or in review, counted in days since the current version
// was submitted; overdue as on the Review queue screen (due date passed while waiting).

const WAITING = `d.state IN ('submitted', 'in_review')`;

export function reviewQueueReport(db: Sqlite, f: z.output<typeof ReviewQueueFilters>, env: ReportEnv): ReportSource {
  const where: string[] = [];
  const params: Record<string, unknown> = { today: env.today };
  if (f.state) (where.push('d.state = @state'), (params.state = f.state));
  if (f.openOnly) where.push(WAITING);
  if (f.overdueOnly) where.push(`${WAITING} AND d.due_on < @today`);
  return sqlSource({
    select: `d.id, d.title, p.company AS partnerCompany, d.channel, d.state, d.current_version AS version, d.due_on AS dueOn,
      (${WAITING} AND d.due_on IS NOT NULL AND d.due_on < @today) AS overdue, coalesce(u.display_name, '') AS assignedTo, d.registered_at AS registeredAt,
      CASE WHEN ${WAITING} THEN CAST(julianday(@today) - julianday(substr(coalesce(
        (SELECT max(v.submitted_at) FROM draft_versions v WHERE v.draft_id = d.id), d.registered_at), 1, 10)) AS INTEGER) END AS waitingDays`,
    from: 'marketing_drafts d JOIN partners p ON p.id = d.partner_id LEFT JOIN users u ON u.id = d.assigned_to',
    where,
    params,
    orderBy: `(${WAITING} AND d.due_on < @today) DESC, (${WAITING}) DESC, d.due_on IS NULL, d.due_on, d.registered_at DESC, d.id`,
    key: 'd.id',
    booleans: ['overdue'],
    lines: [filterWords(db, reports['review-queue'].filters, f), `As of ${env.today}`],
  });
}
