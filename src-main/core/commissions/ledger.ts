import type { z } from 'zod';
import type * as contract from '../../../src-shared/commissions/contract';
import type { Sqlite } from '../../db/open';

// Ledger queries. Status is derived, never stored: an entry is payable when its hold
// date has come (ledger_holds.hold_until ≤ today), else on hold. Totals are one row per
// currency — amounts in different currencies are never added.

export type LedgerFilter = { partnerId?: string; period?: string; status?: 'on_hold' | 'payable' | 'in_payout' | 'paid'; currency?: string };
type LedgerRow = z.input<typeof contract.LedgerRowSchema>;
type Totals = z.input<typeof contract.CurrencyTotalsSchema>;

// An entry claimed by an approved payout line is in payout until that line is paid.
const STATUS = `CASE WHEN pl.state = 'paid' THEN 'paid' WHEN pc.entry_key IS NOT NULL THEN 'in_payout'
  WHEN h.hold_until IS NOT NULL AND h.hold_until <= @today THEN 'payable' ELSE 'on_hold' END`;

const FROM = `FROM ledger_entries e
  LEFT JOIN ledger_holds h ON h.entry_key = e.key
  LEFT JOIN payout_entry_claims pc ON pc.entry_key = e.key
  LEFT JOIN payout_lines pl ON pl.id = pc.line_id`;

function whereOf(f: LedgerFilter): string {
  const parts: string[] = [];
  if (f.partnerId) parts.push('e.partner_id = @partnerId');
  if (f.period) parts.push('e.period = @period');
  if (f.currency) parts.push('e.currency = @currency');
  if (f.status) parts.push(`${STATUS} = @status`);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

function params(f: LedgerFilter, today: string): Record<string, string> {
  const p: Record<string, string> = { today };
  if (f.partnerId) p.partnerId = f.partnerId;
  if (f.period) p.period = f.period;
  if (f.currency) p.currency = f.currency;
  if (f.status) p.status = f.status;
  return p;
}

export function ledgerRows(sqlite: Sqlite, f: LedgerFilter, today: string, page: { offset: number; limit: number } | null): LedgerRow[] {
  const limit = page ? 'LIMIT @limit OFFSET @offset' : '';
  return sqlite
    .prepare(
      `SELECT e.id, e.key, e.partner_id AS partnerId, p.company AS partnerCompany, e.customer_id AS customerId, c.name AS customerName,
              e.revenue_line_id AS revenueLineId, e.occurred_on AS occurredOn, e.period, e.currency, e.base_minor AS baseMinor, e.rate_bps AS rateBps,
              e.tier, cp.code || '@' || v.version AS planVersion, e.plan_version_id AS planVersionId, e.amount_minor AS amountMinor, e.rule,
              e.explanation, e.reverses_key AS reversesKey, h.hold_until AS holdUntil, coalesce(h.hold_reason, '') AS holdReason, ${STATUS} AS status,
              e.run_id AS runId, e.created_at AS createdAt
       ${FROM}
       JOIN partners p ON p.id = e.partner_id
       JOIN customers c ON c.id = e.customer_id
       JOIN plan_versions v ON v.id = e.plan_version_id
       JOIN commission_plans cp ON cp.id = v.plan_id
       ${whereOf(f)}
       ORDER BY e.occurred_on, e.id ${limit}`,
    )
    .all({ ...params(f, today), ...(page ?? {}) }) as LedgerRow[];
}

export function ledgerTotals(sqlite: Sqlite, f: LedgerFilter, today: string): { total: number; totals: Totals[] } {
  const rows = sqlite
    .prepare(
      `SELECT e.currency,
              coalesce(sum(CASE WHEN e.amount_minor > 0 THEN e.amount_minor END), 0) AS earnedMinor,
              coalesce(sum(CASE WHEN e.amount_minor < 0 THEN e.amount_minor END), 0) AS reversedMinor,
              sum(e.amount_minor) AS netMinor,
              coalesce(sum(CASE WHEN ${STATUS} = 'payable' THEN e.amount_minor END), 0) AS payableMinor,
              coalesce(sum(CASE WHEN ${STATUS} = 'on_hold' THEN e.amount_minor END), 0) AS onHoldMinor,
              coalesce(sum(CASE WHEN ${STATUS} = 'in_payout' THEN e.amount_minor END), 0) AS inPayoutMinor,
              coalesce(sum(CASE WHEN ${STATUS} = 'paid' THEN e.amount_minor END), 0) AS paidMinor,
              count(*) AS entryCount
       ${FROM} ${whereOf(f)} GROUP BY e.currency ORDER BY e.currency`,
    )
    .all(params(f, today)) as Totals[];
  return { total: rows.reduce((n, r) => n + r.entryCount, 0), totals: rows };
}

export function ledger(sqlite: Sqlite, input: z.output<typeof contract.ledger.input>, today: string): z.input<typeof contract.ledger.output> {
  const f: LedgerFilter = { partnerId: input.partnerId, period: input.period, status: input.status, currency: input.currency };
  const { total, totals } = ledgerTotals(sqlite, f, today);
  return { rows: ledgerRows(sqlite, f, today, { offset: input.offset, limit: input.limit }), total, totals, asOf: today };
}

/** Totals of given rows, per currency (the statement's own arithmetic over its lines). */
export function totalsOf(rows: readonly Pick<LedgerRow, 'currency' | 'amountMinor' | 'status'>[]): Totals[] {
  const by = new Map<string, Totals>();
  for (const r of rows) {
    const t = by.get(r.currency) ?? { currency: r.currency, earnedMinor: 0, reversedMinor: 0, netMinor: 0, payableMinor: 0, onHoldMinor: 0, inPayoutMinor: 0, paidMinor: 0, entryCount: 0 };
    if (r.amountMinor > 0) t.earnedMinor += r.amountMinor;
    if (r.amountMinor < 0) t.reversedMinor += r.amountMinor;
    t.netMinor += r.amountMinor;
    if (r.status === 'payable') t.payableMinor += r.amountMinor;
    else if (r.status === 'in_payout') t.inPayoutMinor += r.amountMinor;
    else if (r.status === 'paid') t.paidMinor += r.amountMinor;
    else t.onHoldMinor += r.amountMinor;
    t.entryCount += 1;
    by.set(r.currency, t);
  }
  return [...by.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

export function listRuns(sqlite: Sqlite, input: z.output<typeof contract.runs.input>): z.input<typeof contract.runs.output> {
  const rows = sqlite
    .prepare(
      `SELECT r.id AS runId, r.period, r.as_of AS asOf, r.started_at AS startedAt, r.finished_at AS finishedAt, u.display_name AS startedBy,
              r.partners, r.entries_added AS entriesAdded, r.adjustments_added AS adjustmentsAdded
       FROM commission_runs r LEFT JOIN users u ON u.id = r.started_by
       ${input.period ? 'WHERE r.period = @period' : ''} ORDER BY r.started_at DESC, r.rowid DESC LIMIT @limit`,
    )
    .all({ limit: input.limit, ...(input.period ? { period: input.period } : {}) }) as z.input<typeof contract.runs.output>['runs'];
  return { runs: rows };
}
