import type * as contract from '../../../src-shared/reports/contract';
import type { HandlersFor } from '../router';
import { requireSession } from '../session';
import { dashboard } from './dashboard';
import { cancelExport, exportStatus, reportEnv, startExport } from './jobs';
import { reportRows } from './rows';

export const reportsHandlers: HandlersFor<typeof contract> = {
  'reports.dashboard': (_i, ctx) => {
    const session = requireSession(ctx);
    return dashboard(session.open, reportEnv(ctx, session));
  },
  'reports.rows': (i, ctx) => reportRows(ctx, i),
  'reports.exportStart': (i, ctx) => startExport(ctx, i),
  'reports.exportStatus': (i, ctx) => exportStatus(ctx, i.jobId),
  'reports.exportCancel': (i, ctx) => cancelExport(ctx, i.jobId),
};
