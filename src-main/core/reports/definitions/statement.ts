import type { z } from 'zod';
import type { StatementFilters } from '../../../../src-shared/reports/filters';
import { decimalText } from '../../../../src-shared/reports/money';
import type { Sqlite } from '../../../db/open';
import { statement } from '../../commissions/statement';
import { listSource, type ReportEnv, type ReportSource } from '../source';

// A partner's commission statement for one month: the entries exactly as the Statement tab
// shows them (core/commissions/statement.ts), with its totals and payout blockers as the
// document's summary lines.

const amount = (minor: number, currency: string) => `${currency} ${decimalText(minor, currency)}`;

export function statementReport(db: Sqlite, f: z.output<typeof StatementFilters>, env: ReportEnv): ReportSource {
  const s = statement(db, f.partnerId, f.period, env.today);
  const lines = [
    `Partner: ${s.partner.company} (${s.partner.programme}) · Period: ${s.period}`,
    `Plan: ${s.plan ? `${s.plan.code} version ${s.plan.version} — ${s.plan.name}` : 'none assigned'} · Status as of ${s.asOf}`,
    ...s.totals.map(
      (t) =>
        `${t.currency}: earned ${amount(t.earnedMinor, t.currency)} · reversed ${amount(t.reversedMinor, t.currency)} · net ${amount(t.netMinor, t.currency)} · payable ${amount(t.payableMinor, t.currency)} · on hold ${amount(t.onHoldMinor, t.currency)} (${t.entryCount} ${t.entryCount === 1 ? 'entry' : 'entries'})`,
    ),
    ...(s.entries.length === 0 ? ['No ledger entries for this period.'] : []),
    ...s.costTotals.map((c) => `Programme costs (not deducted): ${amount(c.minor, c.currency)}`),
    ...(s.excluded.length ? [`${s.excluded.length} revenue ${s.excluded.length === 1 ? 'line' : 'lines'} of the period earned nothing (see the statement screen for why).`] : []),
    ...s.payabilityBlockers.map((b) => `Payout blocked: ${b.message}`),
  ];
  const source = listSource(
    s.entries.map((e) => ({
      id: e.id,
      key: e.key,
      occurredOn: e.occurredOn,
      customerName: e.customerName,
      revenueLineId: e.revenueLineId,
      rule: e.rule,
      currency: e.currency,
      baseMinor: e.baseMinor,
      rateBps: e.rateBps,
      tier: e.tier,
      planVersion: e.planVersion,
      amountMinor: e.amountMinor,
      status: e.status,
      holdUntil: e.holdUntil,
      holdReason: e.holdReason,
      explanation: e.explanation,
    })),
    lines,
  );
  return { ...source, title: `Commission statement — ${s.partner.company}, ${s.period}`, fileDetail: `${s.partner.company} ${s.period}` };
}
