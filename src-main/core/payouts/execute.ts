import Stripe from 'stripe';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { failpoint } from '../failpoints';
import { audit, inTransaction } from '../partners/op';
import { connectivity, stripeClient, withBackoff } from '../stripe/client';
import { readSettings } from '../stripe/op';
import { runDetail, runRow, type RunDetail } from './read';
import { checkStillMatches, settleRunStatus, type PayoutOp } from './runs';

// Sending a run's transfers. Each transfer is an outbox row written with the approval; it
// is sent with its idempotency key (payout:<line>:<attempt>), so a crash, a timeout or a
// retry inside Stripe's 24-hour window is answered with the transfer already made. A row
// that was sent before (attempts > 0) is first looked up in the run's transfer group — after
// the window Stripe no longer remembers the key, and the lookup is what stops a second
// transfer. Each step commits before the next one starts; the crash tests kill the process
// at every failpoint between them.

type OutboxRow = { id: string; idempotencyKey: string; payload: string; attempts: number; firstSentAt: string | null };
type Payload = { runId: string; lineId: string; partnerId: string; amount: number; currency: string; destination: string; transferGroup: string };

/** Network trouble and Stripe-side errors: the same key is sent again later; nothing is decided. */
function transient(e: unknown): boolean {
  if (e instanceof Stripe.errors.StripeConnectionError || e instanceof Stripe.errors.StripeRateLimitError) return true;
  if (e instanceof Stripe.errors.StripeIdempotencyError) return (e.statusCode ?? 0) === 409 && /in progress|concurrent/i.test(e.message);
  return e instanceof Stripe.errors.StripeError && ((e.statusCode ?? 0) >= 500 || e.statusCode === undefined);
}

const withRetries = <T>(fn: () => Promise<T>) => withBackoff(fn, transient);

async function findSent(stripe: Stripe, p: Payload, key: string): Promise<Stripe.Transfer | null> {
  for await (const t of stripe.transfers.list({ transfer_group: p.transferGroup, limit: 100 })) {
    if (t.metadata?.payout_line_id === p.lineId && t.metadata?.idempotency_key === key) return t;
  }
  return null;
}

function pendingRows(sqlite: Sqlite, runId: string): OutboxRow[] {
  return sqlite
    .prepare(
      `SELECT id, idempotency_key AS idempotencyKey, payload, attempts, first_sent_at AS firstSentAt FROM outbox
       WHERE kind = 'payout.transfer' AND status IN ('pending', 'sending') AND json_extract(payload, '$.runId') = ? ORDER BY created_at, idempotency_key`,
    )
    .all(runId) as OutboxRow[];
}

function recordPaid(op: PayoutOp, row: OutboxRow, p: Payload, transfer: Stripe.Transfer, replayed: string): void {
  const sqlite = op.session.open.sqlite;
  inTransaction(op, () => {
    const at = op.now.toISOString();
    sqlite.prepare("UPDATE outbox SET status = 'sent', sent_at = ?, result = ?, last_error = '' WHERE id = ?").run(at, transfer.id, row.id);
    sqlite.prepare("UPDATE payout_lines SET state = 'paid', transfer_id = ?, paid_at = ?, failure_reason = '' WHERE id = ?").run(transfer.id, at, p.lineId);
    settleRunStatus(sqlite, p.runId, at);
    audit(op, 'payouts.transfer', 'payout_lines', p.lineId, { transferId: transfer.id, amount: p.amount, currency: p.currency, idempotencyKey: row.idempotencyKey, how: replayed });
  });
}

function recordFailed(op: PayoutOp, row: OutboxRow, p: Payload, e: Stripe.errors.StripeError): void {
  const sqlite = op.session.open.sqlite;
  const reason = `Stripe refused the transfer: ${e.message}${e.code ? ` (${e.code})` : ''}`;
  inTransaction(op, () => {
    sqlite.prepare("UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ?").run(reason, row.id);
    sqlite.prepare("UPDATE payout_lines SET state = 'failed', failure_reason = ? WHERE id = ?").run(reason, p.lineId);
    settleRunStatus(sqlite, p.runId, op.now.toISOString());
    audit(op, 'payouts.transfer.failed', 'payout_lines', p.lineId, { reason, code: e.code ?? null, idempotencyKey: row.idempotencyKey });
  });
}

async function sendOne(op: PayoutOp, stripe: Stripe, row: OutboxRow): Promise<'paid' | 'failed'> {
  const sqlite = op.session.open.sqlite;
  const p = JSON.parse(row.payload) as Payload;
  const at = op.now.toISOString();
  sqlite.prepare("UPDATE outbox SET status = 'sending', attempts = attempts + 1, first_sent_at = coalesce(first_sent_at, ?) WHERE id = ?").run(at, row.id);
  failpoint('payout.transfer.markedSending');
  try {
    if (row.attempts > 0) {
      const found = await withRetries(() => findSent(stripe, p, row.idempotencyKey));
      if (found) {
        recordPaid(op, row, p, found, 'found in the transfer group');
        return 'paid';
      }
    }
    const transfer = await withRetries(() =>
      stripe.transfers.create(
        {
          amount: p.amount,
          currency: p.currency,
          destination: p.destination,
          transfer_group: p.transferGroup,
          description: `Partnerdesk payout ${p.transferGroup}`,
          metadata: { payout_line_id: p.lineId, payout_run_id: p.runId, partner_id: p.partnerId, idempotency_key: row.idempotencyKey },
        },
        { idempotencyKey: row.idempotencyKey },
      ),
    );
    failpoint('payout.transfer.sent');
    recordPaid(op, row, p, transfer, transfer.lastResponse?.headers?.['idempotent-replayed'] === 'true' ? 'replayed by Stripe' : 'created');
    failpoint('payout.transfer.recorded');
    return 'paid';
  } catch (e) {
    if (transient(e) || e instanceof Stripe.errors.StripeAuthenticationError || !(e instanceof Stripe.errors.StripeError)) {
      // Undecided: the row keeps its key and is sent again by the next execution.
      const why = e instanceof Stripe.errors.StripeAuthenticationError ? 'Stripe refused the key' : `Stripe could not be reached or was busy (${e instanceof Error ? e.message : String(e)})`;
      sqlite.prepare("UPDATE outbox SET status = 'pending', last_error = ? WHERE id = ?").run(`${why}; the transfer will be sent again with the same key`, row.id);
      throw e;
    }
    recordFailed(op, row, p, e);
    return 'failed';
  }
}

/** Sends the run's queued transfers; returns the run as it stands afterwards. */
export async function execute(op: PayoutOp, runId: string, limit?: number): Promise<RunDetail> {
  const sqlite = op.session.open.sqlite;
  const run = runRow(sqlite, runId);
  if (run.status !== 'approved' && run.status !== 'executing') fail('conflict', `This run is ${run.status}; only an approved run can be executed.`);
  const rows = pendingRows(sqlite, runId);
  if (run.status === 'approved') {
    // Last look before money moves: the ledger must still give exactly the approved lines.
    checkStillMatches(op, runId);
    inTransaction(op, () => {
      sqlite.prepare("UPDATE payout_runs SET status = 'executing' WHERE id = ?").run(runId);
      settleRunStatus(sqlite, runId, op.now.toISOString());
      audit(op, 'payouts.execute', 'payout_runs', runId, { transfers: rows.length });
    });
  }
  if (rows.length === 0) return runDetail(sqlite, runId, op.session.user.id);
  const settings = readSettings(op);
  if (!settings.restricted_key) {
    const why = 'Stripe is not connected yet: connect it under Stripe sync → Settings, then execute the run again';
    sqlite.prepare(`UPDATE outbox SET last_error = ? WHERE id IN (SELECT value FROM json_each(?))`).run(why, JSON.stringify(rows.map((r) => r.id)));
    fail('stripe', `Stripe is not connected yet: ${rows.length} ${rows.length === 1 ? 'transfer waits' : 'transfers wait'} in the outbox. Connect Stripe under Stripe sync → Settings, then execute the run again.`);
  }
  const stripe = stripeClient(settings);
  for (const row of limit ? rows.slice(0, limit) : rows) {
    try {
      await sendOne(op, stripe, row);
    } catch (e) {
      const left = pendingRows(sqlite, runId).length;
      if (e instanceof Stripe.errors.StripeAuthenticationError) fail('stripe', 'Stripe refused the key. Check it in Stripe → Settings; the transfers wait in the outbox with their keys.');
      if (e instanceof Stripe.errors.StripeConnectionError) {
        connectivity.online = false;
        fail('stripe', `Stripe cannot be reached — ${left} ${left === 1 ? 'transfer waits' : 'transfers wait'} in the outbox and will be sent with the same idempotency keys (never twice). Execute again when online.`, { retryable: true });
      }
      if (e instanceof Stripe.errors.StripeError) fail('stripe', `Stripe answered an error (${e.message}); ${left} ${left === 1 ? 'transfer waits' : 'transfers wait'} and will be sent again with the same keys.`, { retryable: true });
      throw e;
    }
  }
  return runDetail(sqlite, runId, op.session.user.id);
}
