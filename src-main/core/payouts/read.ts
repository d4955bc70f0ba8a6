import type { z } from 'zod';
import type * as contract from '../../../src-shared/payouts/contract';
import { approvalCheck, approvalsNeeded, documentsPeriod } from '../../../src-shared/payouts/lines';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { readPayoutSettings } from './settings';

// Reading runs and lines back for the screens, the CLI and the documents.

type Out<C extends { output: z.ZodType }> = z.input<C['output']>;
export type RunDetail = Out<typeof contract.get>;
type Summary = Out<typeof contract.list>['runs'][number];
type Line = RunDetail['lines'][number];

export type RunRow = {
  id: string; payDate: string; kind: 'manual' | 'standing'; status: RunDetail['status']; linesHash: string; transferGroup: string;
  standingApprovalId: string | null; preparedAt: string; preparedBy: string | null; preparedByName: string | null; decidedAt: string | null; reason: string; note: string;
};

const RUN_COLUMNS = `r.id, r.pay_date AS payDate, r.kind, r.status, r.lines_hash AS linesHash, r.transfer_group AS transferGroup,
  r.standing_approval_id AS standingApprovalId, r.prepared_at AS preparedAt, r.prepared_by AS preparedBy, u.display_name AS preparedByName,
  r.decided_at AS decidedAt, r.reason, r.note`;

export function runRow(sqlite: Sqlite, runId: string): RunRow {
  const r = sqlite.prepare(`SELECT ${RUN_COLUMNS} FROM payout_runs r LEFT JOIN users u ON u.id = r.prepared_by WHERE r.id = ?`).get(runId) as RunRow | undefined;
  return r ?? fail('not_found', 'This payout run does not exist. Go back to the runs list and reload.', { fieldErrors: { runId: 'Unknown run' } });
}

type LineRow = Omit<Line, 'blockers'> & { blockers: string };

const LINE_SELECT = `SELECT l.id, l.run_id AS runId, l.partner_id AS partnerId, p.company AS partnerCompany, l.currency, l.earned_minor AS earnedMinor,
  l.withheld_minor AS withheldMinor, l.amount_minor AS amountMinor, l.method, l.state, l.blockers, l.stripe_account_id AS stripeAccountId, l.attempt,
  l.transfer_id AS transferId, l.failure_reason AS failureReason, l.paid_reference AS paidReference, l.paid_at AS paidAt,
  CASE WHEN l.state = 'queued' THEN coalesce((SELECT o.last_error FROM outbox o WHERE o.idempotency_key = 'payout:' || l.id || ':' || l.attempt), '') ELSE '' END AS waitingReason,
  (SELECT count(*) FROM payout_line_entries e WHERE e.line_id = l.id) AS entryCount
  FROM payout_lines l JOIN partners p ON p.id = l.partner_id`;

const toLine = (r: LineRow): Line => ({ ...r, blockers: JSON.parse(r.blockers) as Line['blockers'] });

export function linesOf(sqlite: Sqlite, runId: string): Line[] {
  return (sqlite.prepare(`${LINE_SELECT} WHERE l.run_id = ? ORDER BY p.company, l.currency`).all(runId) as LineRow[]).map(toLine);
}

export function lineById(sqlite: Sqlite, lineId: string): Line {
  const r = sqlite.prepare(`${LINE_SELECT} WHERE l.id = ?`).get(lineId) as LineRow | undefined;
  return r ? toLine(r) : fail('not_found', 'This payout line does not exist. Reload the run.', { fieldErrors: { lineId: 'Unknown line' } });
}

/** What a run pays, per currency: lines ready (before approval), queued or paid. */
function totalsOf(lines: readonly Pick<Line, 'currency' | 'amountMinor' | 'state'>[]): Summary['totals'] {
  const by = new Map<string, { currency: string; amountMinor: number; lineCount: number }>();
  for (const l of lines) {
    if (l.state !== 'ready' && l.state !== 'queued' && l.state !== 'paid' && l.state !== 'failed') continue;
    const t = by.get(l.currency) ?? { currency: l.currency, amountMinor: 0, lineCount: 0 };
    t.amountMinor += l.amountMinor;
    t.lineCount += 1;
    by.set(l.currency, t);
  }
  return [...by.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

export function approvalsOf(sqlite: Sqlite, runId: string): Summary['approvals'] {
  return sqlite
    .prepare(
      `SELECT a.user_id AS userId, u.display_name AS displayName, a.decision, a.reason, a.at
       FROM payout_approvals a JOIN users u ON u.id = a.user_id WHERE a.run_id = ? ORDER BY a.at, a.rowid`,
    )
    .all(runId) as Summary['approvals'];
}

/** An approved run needed the approvals it got (settings may have changed since); a standing run, its standing approval. */
function decidedBy(run: RunRow, approvals: Summary['approvals']): number | null {
  if (run.kind === 'standing') return 1;
  if (run.status === 'approved' || run.status === 'executing' || run.status === 'completed') return approvals.filter((a) => a.decision === 'approve').length;
  return null;
}

function summaryOf(sqlite: Sqlite, run: RunRow, lines: readonly Line[]): Summary {
  const approvals = approvalsOf(sqlite, run.id);
  const counts: Record<string, number> = {};
  for (const l of lines) counts[l.state] = (counts[l.state] ?? 0) + 1;
  const totals = totalsOf(lines);
  return {
    id: run.id,
    payDate: run.payDate,
    kind: run.kind,
    status: run.status,
    preparedBy: run.preparedByName,
    preparedAt: run.preparedAt,
    decidedAt: run.decidedAt,
    reason: run.reason,
    note: run.note,
    transferGroup: run.transferGroup,
    totals,
    counts,
    approvalsNeeded: decidedBy(run, approvals) ?? approvalsNeeded(totals, readPayoutSettings(sqlite).secondApprovalAbove),
    approvals,
  };
}

export function runDetail(sqlite: Sqlite, runId: string, userId: string, stale = false): RunDetail {
  const run = runRow(sqlite, runId);
  const lines = linesOf(sqlite, runId);
  const summary = summaryOf(sqlite, run, lines);
  const approvers = summary.approvals.filter((a) => a.decision === 'approve').map((a) => a.userId);
  return {
    ...summary,
    linesHash: run.linesHash,
    lines,
    approval: approvalCheck({ status: run.status, preparedBy: run.preparedBy, readyCount: summary.counts.ready ?? 0 }, approvers, summary.approvalsNeeded, userId),
    documentsPeriod: documentsPeriod(run.payDate),
    stale,
  };
}

export function listRuns(sqlite: Sqlite, input: z.output<typeof contract.list.input>): Out<typeof contract.list> {
  const statuses = input.statuses ?? (input.status ? [input.status] : null);
  const where = statuses ? 'WHERE r.status IN (SELECT value FROM json_each(@statuses))' : '';
  const params = statuses ? { statuses: JSON.stringify(statuses) } : {};
  const total = (sqlite.prepare(`SELECT count(*) FROM payout_runs r ${where}`).pluck().get(params) as number) ?? 0;
  const runs = sqlite
    .prepare(`SELECT ${RUN_COLUMNS} FROM payout_runs r LEFT JOIN users u ON u.id = r.prepared_by ${where} ORDER BY r.prepared_at DESC, r.rowid DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as RunRow[];
  return { runs: runs.map((r) => summaryOf(sqlite, r, linesOf(sqlite, r.id))), total };
}

export function lineEntries(sqlite: Sqlite, lineId: string): Out<typeof contract.lineEntries> {
  const line = lineById(sqlite, lineId);
  const entries = sqlite
    .prepare(
      `SELECT e.key, e.occurred_on AS occurredOn, e.period, c.name AS customerName, e.rule, e.base_minor AS baseMinor, e.rate_bps AS rateBps,
              e.amount_minor AS amountMinor, e.explanation, h.hold_until AS holdUntil
       FROM payout_line_entries le
       JOIN ledger_entries e ON e.key = le.entry_key
       JOIN customers c ON c.id = e.customer_id
       LEFT JOIN ledger_holds h ON h.entry_key = e.key
       WHERE le.line_id = ? ORDER BY e.occurred_on, e.key`,
    )
    .all(lineId) as Out<typeof contract.lineEntries>['entries'];
  return { line, entries };
}
