import type { z } from 'zod';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { RevenueFilters } from '../../../../src-shared/reports/filters';
import type { Sqlite } from '../../../db/open';
import { filterWords } from '../describe';
import { sqlSource, type ReportEnv, type ReportSource } from '../source';

// Revenue lines of customers a partner referred. Amounts are stored positive (refunds and
// chargebacks have their own kind); net is signed so the column adds up to what was kept.

export const SIGNED_NET = `CASE WHEN l.kind = 'payment' THEN l.gross_minor - l.discount_minor ELSE -(l.gross_minor - l.discount_minor) END`;

export function revenueReport(db: Sqlite, f: z.output<typeof RevenueFilters>, _env: ReportEnv): ReportSource {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.period) (where.push('l.paid_on BETWEEN @periodFrom AND @periodTo'), (params.periodFrom = `${f.period}-01`), (params.periodTo = `${f.period}-31`));
  if (f.fromPeriod) (where.push('l.paid_on >= @fromDay'), (params.fromDay = `${f.fromPeriod}-01`));
  if (f.toPeriod) (where.push('l.paid_on <= @toDay'), (params.toDay = `${f.toPeriod}-31`));
  if (f.currency) (where.push('l.currency = @currency'), (params.currency = f.currency));
  if (f.partnerId) (where.push('c.partner_id = @partnerId'), (params.partnerId = f.partnerId));
  if (f.kind) (where.push('l.kind = @kind'), (params.kind = f.kind));
  const from = 'revenue_lines l JOIN customers c ON c.id = l.customer_id JOIN partners p ON p.id = c.partner_id';
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return sqlSource({
    select: `l.id, l.external_ref AS externalRef, l.paid_on AS paidOn, p.company AS partnerCompany, c.name AS customerName, l.category, l.product, l.kind,
      l.currency, l.gross_minor AS grossMinor, l.discount_minor AS discountMinor, ${SIGNED_NET} AS netMinor`,
    from,
    where,
    params,
    orderBy: 'l.paid_on, l.id',
    key: 'l.id',
    scan: { first: 'l.paid_on' },
    lines: [filterWords(db, reports.revenue.filters, f)],
    totals: (conn) =>
      (
        conn
          .prepare(
            `SELECT l.currency, count(*) AS rows, sum(l.gross_minor) AS grossMinor, sum(l.discount_minor) AS discountMinor, sum(${SIGNED_NET}) AS netMinor
             FROM ${from} ${whereSql} GROUP BY l.currency ORDER BY l.currency`,
          )
          .all(params) as { currency: string; rows: number; grossMinor: number; discountMinor: number; netMinor: number }[]
      ).map(({ currency, rows, ...sums }) => ({ currency, rows, sums })),
  });
}
