import { randomUUID } from 'node:crypto';
import { addDays, type IsoDate } from '../../../src-shared/dates/isoDate';
import { documentsPeriod } from '../../../src-shared/payouts/lines';
import type { OpenDb } from '../../db/open';
import type { Session } from '../context';
import { computeLines } from '../payouts/compute';
import { runRow } from '../payouts/read';
import { insertRun, queueApprovedLines } from '../payouts/runs';
import { writePayoutSettings } from '../payouts/settings';
import type { Random } from './random';

/**
 * Demo payouts: finance users (Farah and Jonas, who approve what the admin prepares), payout
 * settings with a second approver above 5,000 a currency, seed 001 partners paid by bank
 * transfer outside the app, a standing approval for AllSet (seed 000 pays as customers pay),
 * and last month's run — approved and paid with bank references — so the history has a run.
 * Lines that would go to Stripe are left for the person trying the app to prepare.
 */
export function seedDemoPayouts(open: OpenDb, rnd: Random, today: string): void {
  const { sqlite } = open;
  const admin = sqlite.prepare("SELECT id, username, display_name AS displayName, role FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as Session['user'] | undefined;
  if (!admin || sqlite.prepare("SELECT 1 FROM users WHERE username = 'demo-finance'").get()) return;
  const financeId = randomUUID();
  const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const controllerId = randomUUID();
  sqlite.prepare("INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'demo-finance', 'Farah Khan', 'finance', ?)").run(financeId, at(addDays(today as IsoDate, -90), 9));
  sqlite.prepare("INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'demo-controller', 'Jonas Weber', 'finance', ?)").run(controllerId, at(addDays(today as IsoDate, -90), 9));
  writePayoutSettings(sqlite, { requireTaxForm: true, secondApprovalAbove: [{ currency: 'EUR', minor: 5_000_00 }, { currency: 'GBP', minor: 5_000_00 }, { currency: 'USD', minor: 5_000_00 }] }, financeId, at(today, 8));

  // Seed 001 partners invoice their commission and are paid by bank transfer; each has a W-9.
  const aloware = sqlite
    .prepare("SELECT p.id FROM partners p JOIN programmes pr ON pr.id = p.programme_id WHERE pr.code = 'aloware' AND p.status = 'active' ORDER BY p.company")
    .pluck()
    .all() as string[];
  for (const id of aloware) {
    sqlite.prepare("UPDATE partners SET payout_method = 'outside', tax_form_kind = coalesce(tax_form_kind, 'W-9'), tax_form_received_on = coalesce(tax_form_received_on, ?) WHERE id = ?").run(addDays(today as IsoDate, -200), id);
  }

  const allsetPlan = sqlite.prepare("SELECT id FROM commission_plans WHERE code = 'allset'").pluck().get() as string | undefined;
  if (allsetPlan) {
    sqlite
      .prepare('INSERT INTO standing_approvals (id, plan_id, currency, per_line_limit_minor, per_day_limit_minor, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), allsetPlan, 'GBP', 250_00, 2_500_00, 'AllSet pays partners as soon as their customers pay (seed 000)', at(addDays(today as IsoDate, -30), 10), financeId);
  }

  // Last month's run: the first of this month, for the partners paid outside the app.
  const payDate = `${today.slice(0, 7)}-01`;
  if (payDate >= today || aloware.length === 0) return;
  const reporting = aloware.slice(0, Math.max(1, aloware.length - 1));
  for (const id of reporting) {
    for (const kind of ['referral_report', 'invoice'] as const) {
      sqlite
        .prepare('INSERT INTO partner_documents (id, partner_id, kind, period, reference, received_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), id, kind, documentsPeriod(payDate), `${kind === 'invoice' ? 'INV' : 'RPT'}-${rnd.int(1000, 9999)}`, addDays(payDate as IsoDate, -2), at(addDays(payDate as IsoDate, -1), 11), financeId);
    }
  }
  const lines = computeLines(sqlite, payDate, { partnerIds: aloware });
  if (!lines.some((l) => l.state === 'ready')) return;
  // The demo is seeded before anyone signs in: the admin stands for the session that prepared it.
  const prepared = { session: { user: admin } as Session, now: new Date(at(payDate, 9)), today: payDate };
  const runId = insertRun(sqlite, prepared, payDate, lines, { kind: 'manual', note: 'Monthly payout: seed 001 partners invoice, we pay by bank transfer' });
  const run = runRow(sqlite, runId);
  // Above the 5,000 threshold: two approvers, neither of them the preparer.
  for (const [userId, hour] of [[financeId, 13], [controllerId, 14]] as const) {
    sqlite.prepare("INSERT INTO payout_approvals (id, run_id, user_id, decision, lines_hash, at) VALUES (?, ?, ?, 'approve', ?, ?)").run(randomUUID(), runId, userId, run.linesHash, at(payDate, hour));
  }
  queueApprovedLines(sqlite, { ...prepared, now: new Date(at(payDate, 14)) }, run);
  const queued = sqlite.prepare("SELECT id FROM payout_lines WHERE run_id = ? AND state = 'queued'").pluck().all(runId) as string[];
  const paidOn = addDays(payDate as IsoDate, 2);
  for (const id of queued) {
    sqlite.prepare("UPDATE payout_lines SET state = 'paid', paid_reference = ?, paid_at = ?, paid_by = ? WHERE id = ?").run(`BACS-${paidOn.replace(/-/g, '')}-${rnd.int(100, 999)}`, paidOn, financeId, id);
  }
  sqlite.prepare("UPDATE payout_runs SET status = 'completed', decided_at = ? WHERE id = ?").run(at(paidOn, 16), runId);
}
