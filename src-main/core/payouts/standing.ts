import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type * as contract from '../../../src-shared/payouts/contract';
import type { CurrencyCode } from '../../../src-shared/money/currency';
import { describeMoney } from '../../../src-shared/commissions/explain';
import { money as toMoney } from '../../../src-shared/money/money';
import { AppFailure, fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { audit, inTransaction } from '../partners/op';
import { computeLines, type ComputedLine } from './compute';
import { execute } from './execute';
import { runDetail, runRow } from './read';
import { insertRun, queueApprovedLines, type PayoutOp } from './runs';

// Seed 000 pays "as soon as customers pay": a finance user records a standing approval for
// a plan and currency with limits per line and per day. Paying under it prepares a run of
// the plan's ready lines within the limits, approves it in the name of the standing
// approval, and queues and sends the transfers through the same outbox — exactly once,
// like any run. What is over a limit or blocked is left for a manual run, and said why.

type Out<C extends { output: z.ZodType }> = z.input<C['output']>;
type In<C extends { input: z.ZodType }> = z.output<C['input']>;
type Standing = Out<typeof contract.standingCreate>;

const SELECT = `SELECT s.id, s.plan_id AS planId, p.code AS planCode, p.name AS planName, s.currency, s.per_line_limit_minor AS perLineLimitMinor,
  s.per_day_limit_minor AS perDayLimitMinor, s.note, s.created_at AS createdAt, cu.display_name AS createdBy, s.revoked_at AS revokedAt, ru.display_name AS revokedBy
  FROM standing_approvals s JOIN commission_plans p ON p.id = s.plan_id JOIN users cu ON cu.id = s.created_by LEFT JOIN users ru ON ru.id = s.revoked_by`;

const money = (minor: number, currency: string) => describeMoney(toMoney(currency as CurrencyCode, minor));

export function listStanding(sqlite: Sqlite): Standing[] {
  return sqlite.prepare(`${SELECT} ORDER BY s.revoked_at IS NOT NULL, s.created_at DESC`).all() as Standing[];
}

function standingById(sqlite: Sqlite, id: string): Standing {
  const s = sqlite.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Standing | undefined;
  return s ?? fail('not_found', 'This standing approval does not exist. Reload the list.');
}

export function createStanding(op: PayoutOp, input: In<typeof contract.standingCreate>): Standing {
  const sqlite = op.session.open.sqlite;
  return inTransaction(op, () => {
    const plan = sqlite.prepare('SELECT id, name FROM commission_plans WHERE id = ?').get(input.planId) as { id: string; name: string } | undefined;
    if (!plan) fail('validation', 'Choose a commission plan for the standing approval.', { fieldErrors: { planId: 'Unknown plan' } });
    const active = sqlite.prepare('SELECT 1 FROM standing_approvals WHERE plan_id = ? AND currency = ? AND revoked_at IS NULL').get(input.planId, input.currency);
    if (active) fail('conflict', `${plan!.name} already has a standing approval in ${input.currency}. Revoke it first to change its limits.`, { fieldErrors: { planId: 'Already has one' } });
    const id = randomUUID();
    sqlite
      .prepare(
        `INSERT INTO standing_approvals (id, plan_id, currency, per_line_limit_minor, per_day_limit_minor, note, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.planId, input.currency, input.perLineLimitMinor, input.perDayLimitMinor, input.note, op.now.toISOString(), op.session.user.id);
    audit(op, 'payouts.standing.create', 'standing_approvals', id, { ...input });
    return standingById(sqlite, id);
  });
}

export function revokeStanding(op: PayoutOp, id: string): Standing {
  const sqlite = op.session.open.sqlite;
  return inTransaction(op, () => {
    const s = standingById(sqlite, id);
    if (s.revokedAt) fail('conflict', 'This standing approval was revoked already.');
    sqlite.prepare('UPDATE standing_approvals SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(op.now.toISOString(), op.session.user.id, id);
    audit(op, 'payouts.standing.revoke', 'standing_approvals', id, {});
    return standingById(sqlite, id);
  });
}

type Active = { id: string; planId: string; currency: string; perLineLimitMinor: number; perDayLimitMinor: number; createdBy: string };
type Left = Out<typeof contract.payStanding>['left'][number];

/** What the standing approval has already let through on the day (approved lines of its runs). */
function usedOnDay(sqlite: Sqlite, standingId: string, payDate: string): number {
  return sqlite
    .prepare(
      `SELECT coalesce(sum(l.amount_minor), 0) FROM payout_lines l JOIN payout_runs r ON r.id = l.run_id
       WHERE r.standing_approval_id = ? AND r.pay_date = ? AND l.state IN ('queued', 'paid', 'failed')`,
    )
    .pluck()
    .get(standingId, payDate) as number;
}

/** Chooses the lines a standing approval pays now, in order, within its limits. */
export function chooseLines(lines: readonly ComputedLine[], s: Pick<Active, 'perLineLimitMinor' | 'perDayLimitMinor'>, used: number): { pay: ComputedLine[]; left: Left[] } {
  const pay: ComputedLine[] = [];
  const left: Left[] = [];
  let total = used;
  for (const l of lines) {
    const leave = (reason: string) => left.push({ partnerCompany: l.company, currency: l.currency, amountMinor: l.amountMinor, reason });
    if (l.state !== 'ready') {
      if (l.state === 'blocked') leave(l.blockers.map((b) => b.message).join('; '));
      continue;
    }
    if (l.amountMinor > s.perLineLimitMinor) {
      leave(`${money(l.amountMinor, l.currency)} is above the standing approval's limit per line (${money(s.perLineLimitMinor, l.currency)}): it needs a manual run`);
      continue;
    }
    if (total + l.amountMinor > s.perDayLimitMinor) {
      leave(`Paying it would take the day past the standing approval's limit per day (${money(s.perDayLimitMinor, l.currency)}; ${money(total, l.currency)} used): it needs a manual run`);
      continue;
    }
    total += l.amountMinor;
    pay.push(l);
  }
  return { pay, left };
}

export async function payStanding(op: PayoutOp, payDate: string): Promise<Out<typeof contract.payStanding>> {
  const sqlite = op.session.open.sqlite;
  const active = sqlite
    .prepare('SELECT id, plan_id AS planId, currency, per_line_limit_minor AS perLineLimitMinor, per_day_limit_minor AS perDayLimitMinor, created_by AS createdBy FROM standing_approvals WHERE revoked_at IS NULL ORDER BY created_at')
    .all() as Active[];
  const runIds: string[] = [];
  const left: Left[] = [];
  for (const s of active) {
    const partnerIds = sqlite.prepare('SELECT id FROM partners WHERE plan_id = ?').pluck().all(s.planId) as string[];
    if (partnerIds.length === 0) continue;
    const lines = computeLines(sqlite, payDate, { partnerIds }).filter((l) => l.currency === s.currency);
    const chosen = chooseLines(lines, s, usedOnDay(sqlite, s.id, payDate));
    left.push(...chosen.left);
    if (chosen.pay.length === 0) continue;
    runIds.push(
      inTransaction(op, () => {
        const runId = insertRun(sqlite, op, payDate, chosen.pay, { kind: 'standing', note: 'Paid under a standing approval', standingApprovalId: s.id });
        const run = runRow(sqlite, runId);
        sqlite
          .prepare("INSERT INTO payout_approvals (id, run_id, user_id, decision, lines_hash, at) VALUES (?, ?, ?, 'standing', ?, ?)")
          .run(randomUUID(), runId, s.createdBy, run.linesHash, op.now.toISOString());
        queueApprovedLines(sqlite, op, run);
        audit(op, 'payouts.standing.pay', 'payout_runs', runId, { standingApprovalId: s.id, lines: chosen.pay.length });
        return runId;
      }),
    );
  }
  let message = '';
  for (const id of runIds) {
    try {
      await execute(op, id);
    } catch (e) {
      if (!(e instanceof AppFailure)) throw e;
      message = e.message;
    }
  }
  return { runs: runIds.map((id) => runDetail(sqlite, id, op.session.user.id)), left, message };
}
