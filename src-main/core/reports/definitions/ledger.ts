import type { z } from 'zod';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { LedgerFilters } from '../../../../src-shared/reports/filters';
import type { Sqlite } from '../../../db/open';
import { filterWords } from '../describe';
import { sqlSource, type ReportEnv, type ReportSource } from '../source';

// Ledger entries as the Commissions ledger shows them (same status rule as
// core/commissions/ledger.ts: payable once the hold date has come), plus where each entry
// is in the payout cycle, read from the payout tables: claimed by a line that is paid →
// paid; claimed by any other line → in payout; not claimed → not in a payout.

export const STATUS = `CASE WHEN h.hold_until IS NOT NULL AND h.hold_until <= @today THEN 'payable' ELSE 'on_hold' END`;
export const PAYOUT = `CASE WHEN pc.entry_key IS NULL THEN 'unclaimed' WHEN pl.state = 'paid' THEN 'paid' ELSE 'in_payout' END`;

export const LEDGER_FROM = `ledger_entries e
  LEFT JOIN ledger_holds h ON h.entry_key = e.key
  LEFT JOIN payout_entry_claims pc ON pc.entry_key = e.key
  LEFT JOIN payout_lines pl ON pl.id = pc.line_id`;

const SELECT = `e.id, e.key, e.period, e.occurred_on AS occurredOn, e.partner_id AS partnerId, p.company AS partnerCompany, c.name AS customerName,
  e.revenue_line_id AS revenueLineId, e.rule, e.currency, e.base_minor AS baseMinor, e.rate_bps AS rateBps, e.tier,
  cp.code || '@' || v.version AS planVersion, e.amount_minor AS amountMinor, ${STATUS} AS status, h.hold_until AS holdUntil,
  coalesce(h.hold_reason, '') AS holdReason, ${PAYOUT} AS payout, e.explanation`;

const FROM = `${LEDGER_FROM}
  JOIN partners p ON p.id = e.partner_id
  JOIN customers c ON c.id = e.customer_id
  JOIN plan_versions v ON v.id = e.plan_version_id
  JOIN commission_plans cp ON cp.id = v.plan_id`;

type Filters = z.output<typeof LedgerFilters>;

export function ledgerWhere(f: Filters): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.partnerId) (where.push('e.partner_id = @partnerId'), (params.partnerId = f.partnerId));
  if (f.period) (where.push('e.period = @period'), (params.period = f.period));
  if (f.fromPeriod) (where.push('e.period >= @fromPeriod'), (params.fromPeriod = f.fromPeriod));
  if (f.toPeriod) (where.push('e.period <= @toPeriod'), (params.toPeriod = f.toPeriod));
  if (f.currency) (where.push('e.currency = @currency'), (params.currency = f.currency));
  if (f.status) (where.push(`${STATUS} = @status`), (params.status = f.status));
  if (f.payout) (where.push(`${PAYOUT} = @payout`), (params.payout = f.payout));
  return { where, params };
}

export function ledgerReport(db: Sqlite, f: Filters, env: ReportEnv): ReportSource {
  const { where, params } = ledgerWhere(f);
  const all = { ...params, today: env.today };
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return sqlSource({
    select: SELECT,
    from: FROM,
    where,
    params: all,
    orderBy: 'e.occurred_on, e.id',
    key: 'e.id',
    keysFrom: LEDGER_FROM,
    scan: { first: 'e.occurred_on' },
    lines: [filterWords(db, reports.ledger.filters, f), `Status and payout state as of ${env.today}`],
    // The screen's totals without reading every row (the joins only name things; they filter nothing).
    totals: (conn) =>
      (
        conn
          .prepare(
            `SELECT e.currency, count(*) AS rows, sum(e.base_minor) AS baseMinor, sum(e.amount_minor) AS amountMinor
             FROM ${LEDGER_FROM} ${whereSql} GROUP BY e.currency ORDER BY e.currency`,
          )
          .all(all) as { currency: string; rows: number; baseMinor: number; amountMinor: number }[]
      ).map((t) => ({ currency: t.currency, rows: t.rows, sums: { baseMinor: t.baseMinor, amountMinor: t.amountMinor } })),
  });
}
