import { randomUUID } from 'node:crypto';
import { lastDayOfMonth } from '../../../src-shared/commissions/calendar';
import { describeMoney } from '../../../src-shared/commissions/explain';
import { money } from '../../../src-shared/money/money';
import type { OpenDb } from '../../db/open';
import { PRESETS, savePlanVersion } from '../commissions/plans';
import { runPeriod } from '../commissions/run';
import type { Random } from './random';

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * Demo workspace: the seed programmes' plans (presets), each partner assigned its
 * programme's plan (integrators the integrator plan), integrators' top-ups, and a
 * commission run for every month of demo revenue, so the ledger has something to show.
 * Seed 001 partners get nothing else: no referral report or invoice is recorded, so their
 * payouts show as blocked — as the programme says.
 */
export function seedDemoCommissions(open: OpenDb, rnd: Random, today: string): void {
  const { sqlite } = open;
  const first = sqlite.prepare('SELECT min(paid_on) FROM revenue_lines').pluck().get() as string | null;
  const effectiveFrom = first ? `${first.slice(0, 7)}-01` : today;
  const createdAt = `${today}T00:00:00.000Z`;
  const programmes = new Map((sqlite.prepare('SELECT code, id FROM programmes').all() as { code: string; id: string }[]).map((p) => [p.code, p.id]));

  const planIds = new Map<string, string>();
  for (const preset of PRESETS) {
    const programmeId = programmes.get(preset.programmeCode) ?? null;
    const saved = savePlanVersion(
      { open, userId: null },
      { code: preset.code, name: preset.body.name, programmeId, effectiveFrom, body: preset.body as unknown as Record<string, unknown>, note: 'Preset from the programme document' },
      createdAt,
    );
    planIds.set(preset.code, saved.planId);
  }

  const partners = sqlite
    .prepare('SELECT p.id, p.format, p.registered_on AS registeredOn, pr.code AS programme FROM partners p JOIN programmes pr ON pr.id = p.programme_id ORDER BY p.company')
    .all() as { id: string; format: string; registeredOn: string; programme: string }[];
  const assign = sqlite.prepare('UPDATE partners SET plan_id = ? WHERE id = ?');
  const insTopUp = sqlite.prepare(
    `INSERT INTO integrator_movements (key, partner_id, customer_id, occurred_on, kind, account, currency, amount_minor, reference, explanation, created_at, created_by)
     VALUES (?, ?, NULL, ?, ?, 'prepaid', 'EUR', ?, ?, ?, ?, NULL)`,
  );
  // Seed 002: integrators' clients are on a product line; the demo's come from their tariff.
  const fillLines = sqlite.prepare(
    `UPDATE customers SET product_line = CASE WHEN EXISTS (SELECT 1 FROM revenue_lines l WHERE l.customer_id = customers.id AND l.product LIKE '%Altegio%')
                                              THEN 'altegio' ELSE 'message_help_crm' END
     WHERE partner_id = ? AND product_line = ''`,
  );
  for (const p of partners) {
    const code = p.format === 'integrator' ? 'messagehelp-integrator' : p.programme;
    const planId = planIds.get(code);
    if (!planId) continue;
    assign.run(planId, p.id);
    if (p.format !== 'integrator') continue;
    fillLines.run(p.id);
    // §1.7: a prepaid balance, topped up by invoice at the start and by card each quarter.
    const months: string[] = [];
    for (let m = effectiveFrom.slice(0, 7); m < today.slice(0, 7); m = nextMonth(m)) months.push(m);
    months.forEach((m, i) => {
      if (i % 3 !== 0) return;
      const byInvoice = i === 0;
      const minor = byInvoice ? 1_000_00 : rnd.int(3, 8) * 100_00;
      const on = `${m}-01`;
      const reference = byInvoice ? `INV-${m.replace('-', '')}` : '';
      const explanation = `Top-up of ${describeMoney(money('EUR', minor))} by ${byInvoice ? 'invoice' : 'card'}${reference ? ` (${reference})` : ''}`;
      insTopUp.run(`top_up:${randomUUID()}`, p.id, on, byInvoice ? 'top_up_invoice' : 'top_up_card', minor, reference, explanation, createdAt);
    });
  }

  if (!first) return;
  for (let month = first.slice(0, 7); month <= today.slice(0, 7) && lastDayOfMonth(month) >= first; month = nextMonth(month)) {
    runPeriod(open, { period: month, today, nowIso: createdAt, userId: null });
  }
}
