import type * as contract from '../../../src-shared/commissions/contract';
import type { HandlersFor } from '../router';
import { recordExport } from '../audit';
import { fail } from '../../../src-shared/rpc/errors';
import { requireSession } from '../session';
import { nowIso, todayOf } from './clock';
import { integratorBalance, recordTopUp } from './integrator';
import { ledger, listRuns } from './ledger';
import { actorOf, assignPlan, exportPlan, getPlan, importPlan, listPlans, listPresets, partnersWithPlans, savePlanVersion } from './plans';
import { importRevenueCsv } from './revenueImport';
import { runPeriod } from './run';
import { exportStatement, statement } from './statement';
import { whatIf } from './whatIf';
import { payUnderStandingApprovals } from '../payouts/afterCommissionRun';

/**
 * A customer moved to another partner after its period ran (an attribution dispute) would
 * credit the same revenue line twice; the ledger's unique key refuses it and the run rolls
 * back whole. Say so in words instead of an internal error. Moving earned commission between
 * partners (reverse on one, credit the other) is not automated yet.
 */
function refuseMovedCustomers<T>(period: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && /ledger_entries\.key/.test((e as Error).message)) {
      return fail(
        'conflict',
        `The ${period} run stopped and wrote nothing: a revenue line of a customer who was moved to another partner after ${period} was run is already in the first partner's ledger. Record an adjustment for the move, or run the period for the other partners only.`,
      );
    }
    throw e;
  }
}

export const commissionsHandlers: HandlersFor<typeof contract> = {
  'commissions.listPlans': (_i, ctx) => listPlans(requireSession(ctx)),
  'commissions.getPlan': (i, ctx) => getPlan(requireSession(ctx), i),
  'commissions.savePlanVersion': (i, ctx) => savePlanVersion(actorOf(requireSession(ctx)), i, nowIso(ctx)),
  'commissions.importPlan': (i, ctx) => importPlan(requireSession(ctx), i, todayOf(ctx), nowIso(ctx)),
  'commissions.exportPlan': (i, ctx) => {
    const session = requireSession(ctx);
    const file = exportPlan(session, i);
    recordExport(session.open.db, session.user.id, 'commissions.plan', { ...i }, nowIso(ctx));
    return file;
  },
  'commissions.presets': () => listPresets(),
  'commissions.partners': (i, ctx) => partnersWithPlans(requireSession(ctx).open.sqlite, i),
  'commissions.assignPlan': (i, ctx) => assignPlan(actorOf(requireSession(ctx)), i, nowIso(ctx)),
  'commissions.importRevenue': (i, ctx) => importRevenueCsv(requireSession(ctx), i.csv, { commit: i.commit, fileName: i.fileName, nowIso: nowIso(ctx) }),
  'commissions.run': async (i, ctx) => {
    const session = requireSession(ctx);
    const summary = refuseMovedCustomers(i.period, () =>
      runPeriod(session.open, { period: i.period, partnerIds: i.partnerIds, today: todayOf(ctx), nowIso: nowIso(ctx), userId: session.user.id }),
    );
    const paid = summary.entriesAdded + summary.adjustmentsAdded > 0 ? await payUnderStandingApprovals(ctx) : [];
    return paid.length ? { ...summary, notes: [...summary.notes, ...paid] } : summary;
  },
  'commissions.runs': (i, ctx) => listRuns(requireSession(ctx).open.sqlite, i),
  'commissions.ledger': (i, ctx) => ledger(requireSession(ctx).open.sqlite, i, todayOf(ctx)),
  'commissions.statement': (i, ctx) => statement(requireSession(ctx).open.sqlite, i.partnerId, i.period, todayOf(ctx)),
  'commissions.exportStatement': (i, ctx) => {
    const session = requireSession(ctx);
    const file = exportStatement(session.open.sqlite, i, todayOf(ctx));
    recordExport(session.open.db, session.user.id, 'commissions.statement', { ...i }, nowIso(ctx));
    return file;
  },
  'commissions.whatIf': (i, ctx) => whatIf(requireSession(ctx).open.sqlite, i, todayOf(ctx)),
  'commissions.integratorBalance': (i, ctx) => integratorBalance(requireSession(ctx).open.sqlite, i.partnerId),
  'commissions.recordTopUp': (i, ctx) => recordTopUp(requireSession(ctx), i, nowIso(ctx)),
};
