import type { z } from 'zod';
import type * as contract from '../../../src-shared/commissions/contract';
import { lastDayOfMonth } from '../../../src-shared/commissions/calendar';
import { computeCommissions } from '../../../src-shared/commissions/engine';
import { payabilityBlockers } from '../../../src-shared/commissions/payability';
import { linesForPeriod } from '../../../src-shared/commissions/periodSlice';
import { isIntegratorPlan } from '../../../src-shared/commissions/planBody';
import type { CurrencyCode } from '../../../src-shared/money/currency';
import { formatMinorPlain } from '../../../src-shared/money/format';
import { money } from '../../../src-shared/money/money';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { csvRow } from './csv';
import { integratorBalance } from './integrator';
import { ledgerRows, totalsOf } from './ledger';
import { partnerReader, type PartnerRow } from './partnerFacts';
import { versionInForce } from './plans';
import { effectivePlan } from './run';

// A partner's statement for one month: its ledger entries (as the runs wrote them), the
// revenue lines that earned nothing and why (recomputed, nothing written), programme
// costs, totals per currency, what blocks a payout, and an integrator's balance.

type Statement = z.input<typeof contract.StatementSchema>;

export function statement(sqlite: Sqlite, partnerId: string, period: string, today: string): Statement {
  const partner = sqlite
    .prepare(
      `SELECT p.id, p.company, p.status, p.format, p.plan_id AS planId, p.commission_rate_bps AS commissionRateBps, p.registered_on AS registeredOn,
              pr.name AS programme
       FROM partners p JOIN programmes pr ON pr.id = p.programme_id WHERE p.id = ?`,
    )
    .get(partnerId) as (Omit<PartnerRow, 'planId'> & { planId: string | null; programme: string }) | undefined;
  if (!partner) return fail('not_found', 'This partner does not exist (any more).', { fieldErrors: { partnerId: 'Unknown partner' } });
  const start = `${period}-01`;
  const end = lastDayOfMonth(period);
  const version = partner.planId ? versionInForce(sqlite, partner.planId, end) : null;
  const entries = ledgerRows(sqlite, { partnerId, period }, today, null);
  const totals = totalsOf(entries);

  const costs = sqlite
    .prepare(
      `SELECT key, customer_id AS customerId, occurred_on AS occurredOn, currency, amount_minor AS amountMinor, explanation
       FROM programme_costs WHERE partner_id = ? AND period = ? ORDER BY occurred_on, key`,
    )
    .all(partnerId, period) as Statement['costs'];
  const costTotals = new Map<string, number>();
  for (const c of costs) costTotals.set(c.currency, (costTotals.get(c.currency) ?? 0) + c.amountMinor);

  let excluded: Statement['excluded'] = [];
  let blockers: Statement['payabilityBlockers'] = [];
  const plan = version && partner.planId ? effectivePlan(version, { commissionRateBps: partner.commissionRateBps }) : null;
  if (plan && partner.planId) {
    const reader = partnerReader(sqlite);
    const row: PartnerRow = { ...partner, planId: partner.planId };
    const partnerInput = reader.partnerInput(row, today);
    const result = computeCommissions({ plan, partner: partnerInput, customers: reader.customers(partnerId), lines: linesForPeriod(plan, period, reader.store(partnerId)) }, today);
    excluded = result.excluded.filter((x) => x.occurredOn >= start && x.occurredOn <= end);
    // Seed 001 Appendix B: a payout needs the partner's referral report and invoice for the period.
    const docs = new Set(
      (sqlite.prepare('SELECT kind FROM partner_documents WHERE partner_id = ? AND period = ?').all(partnerId, period) as { kind: string }[]).map((d) => d.kind),
    );
    const seen = new Set<string>();
    const facts = { referralReportRecorded: docs.has('referral_report'), invoiceRecorded: docs.has('invoice') };
    const runs = totals.length ? totals.map((t) => ({ ...facts, payableTotal: money(t.currency as CurrencyCode, t.payableMinor) })) : [facts];
    for (const run of runs) {
      for (const b of payabilityBlockers(plan, partnerInput, run)) {
        if (seen.has(b.message)) continue;
        seen.add(b.message);
        blockers.push(b);
      }
    }
  }
  const isIntegrator = partner.format === 'integrator' || (version !== null && isIntegratorPlan(version.body));
  return {
    partner: { id: partner.id, company: partner.company, programme: partner.programme, format: partner.format, status: partner.status },
    period,
    asOf: today,
    plan: version
      ? { id: version.planId, code: version.code, name: version.body.name, version: version.version, kind: isIntegratorPlan(version.body) ? 'integrator' : 'commission' }
      : null,
    entries,
    excluded,
    costs,
    totals,
    costTotals: [...costTotals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, minor]) => ({ currency, minor })),
    payabilityBlockers: blockers,
    integrator: isIntegrator ? integratorBalance(sqlite, partnerId, { from: start, to: end }) : null,
  };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'partner';
const amount = (minor: number, currency: string) => formatMinorPlain(minor, currency as CurrencyCode);

/**
 * CSV: one row per record, the first column saying what it is — entry, excluded, cost,
 * movement (integrators) or total (one per currency) — so the file reads in a spreadsheet
 * and parses as one table. Amounts are plain decimals in the row's currency.
 */
export function statementCsv(s: Statement): string {
  const header = ['record', 'period', 'partner', 'date', 'key', 'rule', 'customer', 'revenue_line', 'currency', 'base', 'rate_bps', 'tier', 'plan_version', 'amount', 'status', 'hold_until', 'explanation'];
  const out = [csvRow(header)];
  const p = s.partner.company;
  for (const e of s.entries) {
    out.push(csvRow(['entry', s.period, p, e.occurredOn, e.key, e.rule, e.customerName, e.revenueLineId, e.currency, amount(e.baseMinor, e.currency), e.rateBps, e.tier, e.planVersion, amount(e.amountMinor, e.currency), e.status, e.holdUntil, e.explanation]));
  }
  for (const x of s.excluded) out.push(csvRow(['excluded', s.period, p, x.occurredOn, '', x.reason, x.customerId, x.revenueLineId, '', '', '', '', '', '', '', '', x.explanation]));
  for (const c of s.costs) out.push(csvRow(['cost', s.period, p, c.occurredOn, c.key, 'client_incentive', c.customerId, '', c.currency, '', '', '', '', amount(c.amountMinor, c.currency), '', '', c.explanation]));
  for (const m of s.integrator?.movements ?? []) {
    out.push(csvRow(['movement', s.period, p, m.occurredOn, m.key, m.kind, m.customerName ?? '', '', m.currency, '', '', '', '', amount(m.amountMinor, m.currency), m.account, '', `${m.explanation} (balance after: ${amount(m.balanceAfterMinor, m.currency)})`]));
  }
  for (const t of s.totals) {
    const words = `earned ${amount(t.earnedMinor, t.currency)}; reversed ${amount(t.reversedMinor, t.currency)}; payable ${amount(t.payableMinor, t.currency)}; on hold ${amount(t.onHoldMinor, t.currency)}; ${t.entryCount} entries`;
    out.push(csvRow(['total', s.period, p, s.asOf, '', 'net', '', '', t.currency, '', '', '', '', amount(t.netMinor, t.currency), '', '', words]));
  }
  return `${out.join('\r\n')}\r\n`;
}

export function exportStatement(sqlite: Sqlite, input: z.output<typeof contract.exportStatement.input>, today: string): z.input<typeof contract.exportStatement.output> {
  const s = statement(sqlite, input.partnerId, input.period, today);
  const base = `statement-${slug(s.partner.company)}-${s.period}`;
  return input.format === 'csv'
    ? { fileName: `${base}.csv`, mimeType: 'text/csv', content: statementCsv(s) }
    : { fileName: `${base}.json`, mimeType: 'application/json', content: `${JSON.stringify(s, null, 2)}\n` };
}
