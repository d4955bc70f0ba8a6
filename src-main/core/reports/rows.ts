import type { z } from 'zod';
import type { rows as rowsChannel } from '../../../src-shared/reports/contract';
import { reports } from '../../../src-shared/reports/catalogue';
import type { CoreContext } from '../context';
import { requireSession } from '../session';
import { reportEnv, requireReportPermission } from './jobs';
import { buildReport } from './registry';
import { TotalsAccumulator } from './source';

/** Totals on screen come from reading the rows when there are at most this many (SQL sums beyond, where a report has them). */
const SUM_ON_SCREEN = 20_000;

/** One page of a report for the Reports screen, with its total count and per-currency totals. */
export function reportRows(ctx: CoreContext, input: z.output<typeof rowsChannel.input>): z.input<typeof rowsChannel.output> {
  const session = requireSession(ctx);
  requireReportPermission(session, input.query.report);
  const env = reportEnv(ctx, session);
  const db = session.open.sqlite;
  const source = buildReport(session.open, input.query, env);
  const total = source.count(db);
  let totals: z.input<typeof rowsChannel.output>['totals'] = null;
  if (source.totals) totals = source.totals(db);
  else if (total <= SUM_ON_SCREEN) {
    const acc = new TotalsAccumulator(reports[input.query.report].columns);
    const cursor = source.open(db);
    for (let got = cursor.pull(5000); got !== null; got = cursor.pull(5000)) acc.add(got);
    cursor.close();
    totals = acc.result();
  }
  return { rows: source.page(db, { offset: input.offset, limit: input.limit }), total, totals, lines: source.lines, asOf: env.today };
}
