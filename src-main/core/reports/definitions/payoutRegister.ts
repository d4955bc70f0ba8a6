import type { z } from 'zod';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { PayoutRegisterFilters } from '../../../../src-shared/reports/filters';
import type { Sqlite } from '../../../db/open';
import { filterWords } from '../describe';
import { sqlSource, type ReportEnv, type ReportSource } from '../source';

// Every payout line of every run, read from the payout tables as the payouts domain writes
// them (read-only here): which run and pay date, how much was earned and withheld, how it
// is paid and what happened to it.

export function payoutRegisterReport(db: Sqlite, f: z.output<typeof PayoutRegisterFilters>, _env: ReportEnv): ReportSource {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.from) (where.push('r.pay_date >= @from'), (params.from = f.from));
  if (f.to) (where.push('r.pay_date <= @to'), (params.to = f.to));
  if (f.partnerId) (where.push('l.partner_id = @partnerId'), (params.partnerId = f.partnerId));
  if (f.currency) (where.push('l.currency = @currency'), (params.currency = f.currency));
  if (f.state) (where.push('l.state = @state'), (params.state = f.state));
  if (f.runStatus) (where.push('r.status = @runStatus'), (params.runStatus = f.runStatus));
  return sqlSource({
    select: `r.pay_date AS payDate, r.id AS runId, r.status AS runStatus, r.kind AS runKind, l.id AS lineId, l.partner_id AS partnerId,
      p.company AS partnerCompany, l.currency, l.earned_minor AS earnedMinor, l.withheld_minor AS withheldMinor, l.amount_minor AS amountMinor,
      (SELECT count(*) FROM payout_line_entries le WHERE le.line_id = l.id) AS entries, l.method, l.state, l.transfer_id AS transferId,
      l.paid_reference AS paidReference, l.paid_at AS paidAt, l.failure_reason AS failureReason`,
    from: 'payout_lines l JOIN payout_runs r ON r.id = l.run_id JOIN partners p ON p.id = l.partner_id',
    where,
    params,
    orderBy: 'r.pay_date, r.prepared_at, r.id, p.company COLLATE NOCASE, l.currency, l.id',
    key: 'l.id',
    lines: [filterWords(db, reports['payout-register'].filters, f)],
  });
}
