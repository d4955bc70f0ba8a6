import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type * as contract from '../../../src-shared/payouts/contract';
import { approvalCheck } from '../../../src-shared/payouts/lines';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { failpoint } from '../failpoints';
import { audit, inTransaction, type PartnerOp } from '../partners/op';
import { computeLines, hashLines, type ComputedLine } from './compute';
import { linesOf, runDetail, runRow, type RunDetail, type RunRow } from './read';

// A run's life: prepared from the ledger → approved (maker-checker; a second approver
// above the threshold) → its transfers queued in the outbox in the same transaction →
// executing → completed. Rejected or voided runs pay nothing. Approval is bound to the
// hash of the lines: if the ledger no longer gives the same lines, the run is voided.

type In<C extends { input: z.ZodType }> = z.output<C['input']>;
export type PayoutOp = PartnerOp;

export const transferKey = (lineId: string, attempt: number) => `payout:${lineId}:${attempt}`;

export function insertRun(sqlite: Sqlite, op: PayoutOp, payDate: string, lines: readonly ComputedLine[], opts: { kind: 'manual' | 'standing'; note: string; standingApprovalId?: string }): string {
  const runId = randomUUID();
  sqlite
    .prepare(
      `INSERT INTO payout_runs (id, pay_date, kind, status, lines_hash, transfer_group, standing_approval_id, prepared_at, prepared_by, note)
       VALUES (?, ?, ?, 'prepared', ?, ?, ?, ?, ?, ?)`,
    )
    .run(runId, payDate, opts.kind, hashLines(lines), `payout-run-${payDate}-${runId.slice(0, 8)}`, opts.standingApprovalId ?? null, op.now.toISOString(), op.session.user.id, opts.note);
  const line = sqlite.prepare(
    `INSERT INTO payout_lines (id, run_id, partner_id, currency, earned_minor, withheld_minor, amount_minor, method, state, blockers, stripe_account_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const entry = sqlite.prepare('INSERT INTO payout_line_entries (line_id, entry_key, amount_minor) VALUES (?, ?, ?)');
  for (const l of lines) {
    const lineId = randomUUID();
    line.run(lineId, runId, l.partnerId, l.currency, l.earnedMinor, l.withheldMinor, l.amountMinor, l.method, l.state, JSON.stringify(l.blockers), l.stripeAccountId);
    for (const e of l.entries) entry.run(lineId, e.key, e.amountMinor);
  }
  return runId;
}

export function prepare(op: PayoutOp, input: In<typeof contract.prepare>): RunDetail {
  const sqlite = op.session.open.sqlite;
  return inTransaction(op, () => {
    const lines = computeLines(sqlite, input.payDate);
    if (lines.length === 0) {
      fail('conflict', `Nothing is payable on ${input.payDate}: no ledger entry has reached its hold date without being paid already. Run the commission period first, or choose a later pay date.`, {
        fieldErrors: { payDate: 'Nothing payable by this date' },
      });
    }
    // A newer run for the same date replaces the prepared ones nobody approved yet.
    const older = sqlite.prepare("SELECT id FROM payout_runs WHERE pay_date = ? AND status = 'prepared' AND kind = 'manual'").pluck().all(input.payDate) as string[];
    for (const id of older) voidRun(sqlite, op, runRow(sqlite, id), 'Superseded by a newer run prepared for the same date');
    const runId = insertRun(sqlite, op, input.payDate, lines, { kind: 'manual', note: input.note });
    audit(op, 'payouts.prepare', 'payout_runs', runId, { payDate: input.payDate, lines: lines.length, ready: lines.filter((l) => l.state === 'ready').length });
    return runDetail(sqlite, runId, op.session.user.id);
  });
}

/** The run's lines recomputed from the ledger now (its own claims count as unclaimed). */
function recomputedHash(sqlite: Sqlite, run: RunRow): string {
  const own = linesOf(sqlite, run.id);
  const pairs = new Set(own.map((l) => `${l.partnerId}\u0000${l.currency}`));
  const partnerIds = [...new Set(own.map((l) => l.partnerId))];
  // Only the run's own partner × currency lines: a standing run pays one currency of a partner.
  return hashLines(computeLines(sqlite, run.payDate, { partnerIds, ignoreRun: run.id }).filter((l) => pairs.has(`${l.partnerId}\u0000${l.currency}`)));
}

/** Whether a prepared run's lines differ from what the ledger gives now (approving it would void it). */
export function isStale(sqlite: Sqlite, runId: string): boolean {
  const run = runRow(sqlite, runId);
  return run.status === 'prepared' && recomputedHash(sqlite, run) !== run.linesHash;
}

/** Voids a run whose lines no longer match the ledger; nothing of it was sent. */
export function voidRun(sqlite: Sqlite, op: PayoutOp, run: RunRow, reason: string): void {
  sqlite.prepare("UPDATE payout_runs SET status = 'voided', reason = ?, decided_at = ? WHERE id = ?").run(reason, op.now.toISOString(), run.id);
  const lineIds = linesOf(sqlite, run.id).map((l) => l.id);
  for (const id of lineIds) {
    sqlite.prepare('DELETE FROM payout_entry_claims WHERE line_id = ?').run(id);
    sqlite.prepare("UPDATE outbox SET status = 'failed', last_error = 'The payout run was voided before this transfer was sent' WHERE idempotency_key LIKE ? AND status = 'pending' AND attempts = 0").run(`payout:${id}:%`);
  }
  sqlite.prepare("UPDATE payout_lines SET state = 'cancelled' WHERE run_id = ? AND state IN ('ready', 'queued')").run(run.id);
  audit(op, 'payouts.void', 'payout_runs', run.id, { reason });
}

const CHANGED = 'The ledger changed since this run was prepared (new entries, a hold, a chargeback or a partner fact such as a document, a breach or the Stripe account); the approval no longer matches what would be paid.';

/** Checks the run against the ledger; voids it (committed) and refuses when it no longer matches. */
export function checkStillMatches(op: PayoutOp, runId: string): void {
  const sqlite = op.session.open.sqlite;
  const run = runRow(sqlite, runId);
  if (recomputedHash(sqlite, run) === run.linesHash) return;
  inTransaction(op, () => voidRun(sqlite, op, run, CHANGED));
  fail('conflict', `${CHANGED} The run was voided; prepare a new one.`);
}

/** Final approval: claims the ready lines' entries and queues their transfers, all in one transaction. */
export function queueApprovedLines(sqlite: Sqlite, op: PayoutOp, run: RunRow): void {
  const at = op.now.toISOString();
  const claim = sqlite.prepare('INSERT INTO payout_entry_claims (entry_key, line_id, claimed_at) VALUES (?, ?, ?)');
  const outbox = sqlite.prepare("INSERT INTO outbox (id, kind, idempotency_key, payload, status, created_at) VALUES (?, 'payout.transfer', ?, ?, 'pending', ?)");
  for (const l of linesOf(sqlite, run.id).filter((x) => x.state === 'ready')) {
    const keys = sqlite.prepare('SELECT entry_key FROM payout_line_entries WHERE line_id = ?').pluck().all(l.id) as string[];
    for (const k of keys) {
      try {
        claim.run(k, l.id, at);
      } catch {
        fail('conflict', `A ledger entry of ${l.partnerCompany}'s line (${k}) is already in another approved payout; nothing was approved. Prepare a new run.`);
      }
    }
    if (l.method === 'stripe_connect') {
      const payload = { runId: run.id, lineId: l.id, partnerId: l.partnerId, amount: l.amountMinor, currency: l.currency.toLowerCase(), destination: l.stripeAccountId, transferGroup: run.transferGroup };
      outbox.run(randomUUID(), transferKey(l.id, 1), JSON.stringify(payload), at);
    }
    sqlite.prepare("UPDATE payout_lines SET state = 'queued', attempt = 1 WHERE id = ?").run(l.id);
  }
  sqlite.prepare("UPDATE payout_runs SET status = 'approved', decided_at = ? WHERE id = ?").run(at, run.id);
}

export function approve(op: PayoutOp, input: In<typeof contract.approve>): RunDetail {
  const sqlite = op.session.open.sqlite;
  const userId = op.session.user.id;
  const before = runDetail(sqlite, input.runId, userId);
  if (input.linesHash !== before.linesHash) fail('conflict', 'This run changed since you opened it. Reload it and check the lines again before approving.');
  const check = approvalCheck({ status: before.status, preparedBy: runRow(sqlite, input.runId).preparedBy, readyCount: before.counts.ready ?? 0 }, before.approvals.filter((a) => a.decision === 'approve').map((a) => a.userId), before.approvalsNeeded, userId);
  if (!check.allowed) fail('forbidden', `${check.reason}.`);
  checkStillMatches(op, input.runId);
  const detail = inTransaction(op, () => {
    const run = runRow(sqlite, input.runId);
    sqlite
      .prepare("INSERT INTO payout_approvals (id, run_id, user_id, decision, lines_hash, at) VALUES (?, ?, ?, 'approve', ?, ?)")
      .run(randomUUID(), run.id, userId, run.linesHash, op.now.toISOString());
    const given = before.approvals.filter((a) => a.decision === 'approve').length + 1;
    const final = given >= before.approvalsNeeded;
    if (final) queueApprovedLines(sqlite, op, run);
    audit(op, final ? 'payouts.approve' : 'payouts.approve.first', 'payout_runs', run.id, { linesHash: run.linesHash, approval: given, of: before.approvalsNeeded, totals: before.totals });
    return runDetail(sqlite, run.id, userId);
  });
  failpoint('payout.approve.committed');
  return detail;
}

export function reject(op: PayoutOp, input: In<typeof contract.reject>): RunDetail {
  const sqlite = op.session.open.sqlite;
  return inTransaction(op, () => {
    const run = runRow(sqlite, input.runId);
    if (run.status !== 'prepared') fail('conflict', `This run is ${run.status}; only a prepared run can be rejected.`);
    sqlite.prepare("UPDATE payout_runs SET status = 'rejected', reason = ?, decided_at = ? WHERE id = ?").run(input.reason, op.now.toISOString(), run.id);
    sqlite
      .prepare("INSERT INTO payout_approvals (id, run_id, user_id, decision, lines_hash, reason, at) VALUES (?, ?, ?, 'reject', ?, ?, ?) ON CONFLICT(run_id, user_id) DO UPDATE SET decision = 'reject', reason = excluded.reason, at = excluded.at")
      .run(randomUUID(), run.id, op.session.user.id, run.linesHash, input.reason, op.now.toISOString());
    audit(op, 'payouts.reject', 'payout_runs', run.id, { reason: input.reason });
    return runDetail(sqlite, run.id, op.session.user.id);
  });
}

/** A run is completed once every approved line is paid or released. */
export function settleRunStatus(sqlite: Sqlite, runId: string, nowIso: string): void {
  const open = sqlite.prepare("SELECT count(*) FROM payout_lines WHERE run_id = ? AND state IN ('queued', 'failed')").pluck().get(runId) as number;
  if (open === 0) sqlite.prepare("UPDATE payout_runs SET status = 'completed', decided_at = coalesce(decided_at, ?) WHERE id = ? AND status IN ('approved', 'executing')").run(nowIso, runId);
  else sqlite.prepare("UPDATE payout_runs SET status = 'executing' WHERE id = ? AND status = 'completed'").run(runId);
}

export function markPaid(op: PayoutOp, input: In<typeof contract.markPaid>): RunDetail {
  const sqlite = op.session.open.sqlite;
  return inTransaction(op, () => {
    const line = sqlite.prepare('SELECT run_id AS runId, state, method FROM payout_lines WHERE id = ?').get(input.lineId) as { runId: string; state: string; method: string } | undefined;
    if (!line) fail('not_found', 'This payout line does not exist. Reload the run.');
    if (line!.method !== 'outside') fail('conflict', 'This line is paid by Stripe transfer; it cannot be marked paid by hand.');
    if (line!.state !== 'queued') fail('conflict', `This line is ${line!.state.replace('_', ' ')}; only an approved line waiting for payment can be marked paid.`);
    sqlite.prepare("UPDATE payout_lines SET state = 'paid', paid_reference = ?, paid_at = ?, paid_by = ? WHERE id = ?").run(input.reference, input.paidOn, op.session.user.id, input.lineId);
    settleRunStatus(sqlite, line!.runId, op.now.toISOString());
    audit(op, 'payouts.markPaid', 'payout_lines', input.lineId, { reference: input.reference, paidOn: input.paidOn });
    return runDetail(sqlite, line!.runId, op.session.user.id);
  });
}

export function retryLine(op: PayoutOp, input: In<typeof contract.retryLine>): RunDetail {
  const sqlite = op.session.open.sqlite;
  return inTransaction(op, () => {
    const line = sqlite.prepare('SELECT run_id AS runId, state, attempt, outbox_payload AS payload FROM (SELECT l.*, (SELECT o.payload FROM outbox o WHERE o.idempotency_key = \'payout:\' || l.id || \':\' || l.attempt) AS outbox_payload FROM payout_lines l) WHERE id = ?').get(input.lineId) as
      | { runId: string; state: string; attempt: number; payload: string | null }
      | undefined;
    if (!line) fail('not_found', 'This payout line does not exist. Reload the run.');
    if (line!.state !== 'failed' || !line!.payload) fail('conflict', `This line is ${line!.state.replace('_', ' ')}; only a failed transfer can be retried.`);
    // Stripe replays a refusal for the same idempotency key: a retry after a definite refusal is a new attempt with a new key.
    const attempt = line!.attempt + 1;
    sqlite.prepare("INSERT INTO outbox (id, kind, idempotency_key, payload, status, created_at) VALUES (?, 'payout.transfer', ?, ?, 'pending', ?)").run(randomUUID(), transferKey(input.lineId, attempt), line!.payload, op.now.toISOString());
    sqlite.prepare("UPDATE payout_lines SET state = 'queued', attempt = ?, failure_reason = '' WHERE id = ?").run(attempt, input.lineId);
    sqlite.prepare("UPDATE payout_runs SET status = 'executing' WHERE id = ? AND status IN ('approved', 'completed')").run(line!.runId);
    audit(op, 'payouts.retry', 'payout_lines', input.lineId, { attempt });
    return runDetail(sqlite, line!.runId, op.session.user.id);
  });
}

export function releaseLine(op: PayoutOp, input: In<typeof contract.releaseLine>): RunDetail {
  const sqlite = op.session.open.sqlite;
  return inTransaction(op, () => {
    const line = sqlite.prepare('SELECT run_id AS runId, state FROM payout_lines WHERE id = ?').get(input.lineId) as { runId: string; state: string } | undefined;
    if (!line) fail('not_found', 'This payout line does not exist. Reload the run.');
    if (line!.state !== 'failed') fail('conflict', `This line is ${line!.state.replace('_', ' ')}; only a failed line can be released back to the ledger.`);
    sqlite.prepare('DELETE FROM payout_entry_claims WHERE line_id = ?').run(input.lineId);
    sqlite.prepare("UPDATE payout_lines SET state = 'cancelled', failure_reason = failure_reason || ' — released: ' || ? WHERE id = ?").run(input.reason, input.lineId);
    settleRunStatus(sqlite, line!.runId, op.now.toISOString());
    audit(op, 'payouts.release', 'payout_lines', input.lineId, { reason: input.reason });
    return runDetail(sqlite, line!.runId, op.session.user.id);
  });
}
