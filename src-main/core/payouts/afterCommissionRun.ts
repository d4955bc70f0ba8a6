import { AppFailure } from '../../../src-shared/rpc/errors';
import type { CoreContext } from '../context';
import { partnerOp } from '../partners/op';
import { roleAllows } from '../roles';
import { payStanding } from './standing';

/**
 * Seed 000: "When a customer you referred pays AllSet, your commission is automatically
 * sent to your Stripe account." After a commission run has written new payable entries,
 * whatever a standing approval covers is paid at once (through the outbox, exactly once).
 * Returns notes for the run's summary; never fails the commission run, which is committed.
 */
export async function payUnderStandingApprovals(ctx: CoreContext): Promise<string[]> {
  const op = partnerOp(ctx);
  const sqlite = op.session.open.sqlite;
  const active = sqlite.prepare('SELECT count(*) FROM standing_approvals WHERE revoked_at IS NULL').pluck().get() as number;
  if (active === 0) return [];
  if (!roleAllows(op.session.user.role, 'payouts.prepare')) return ['Standing approvals were not applied: only finance can pay. Use Payouts → Standing approvals → Pay now.'];
  try {
    const r = await payStanding(op, op.today);
    const lines = r.runs.flatMap((run) => run.lines);
    const notes = lines.length ? [`Paid under standing approvals: ${lines.filter((l) => l.state === 'paid').length} of ${lines.length} transfers sent.`] : [];
    if (r.message) notes.push(r.message);
    if (r.left.length) notes.push(`${r.left.length} payable ${r.left.length === 1 ? 'line waits' : 'lines wait'} for a manual payout run (over a standing approval's limit or blocked).`);
    return notes;
  } catch (e) {
    if (e instanceof AppFailure) return [`Standing approvals were not applied: ${e.message}`];
    throw e;
  }
}
