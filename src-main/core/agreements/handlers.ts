import type * as contract from '../../../src-shared/agreements/contract';
import type { IsoDate } from '../../../src-shared/dates/isoDate';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../router';
import { recordExport } from '../audit';
import { requireSession } from '../session';
import { buildIcs } from './ics';
import * as service from './service';
import { upcomingRows } from './upcoming';

/** What every agreements call works with: the open workspace, who acts, and today (UTC day). */
function agreementsCtx(ctx: CoreContext): service.AgreementsCtx {
  const session = requireSession(ctx);
  const now = ctx.now();
  return { open: session.open, userId: session.user.id, nowIso: now.toISOString(), today: now.toISOString().slice(0, 10) as IsoDate };
}

export const agreementsHandlers: HandlersFor<typeof contract> = {
  'agreements.forPartner': (i, ctx) => service.forPartner(agreementsCtx(ctx), i),
  'agreements.list': (_i, ctx) => service.listAgreements(agreementsCtx(ctx)),
  'agreements.createVersion': (i, ctx) => service.createVersion(agreementsCtx(ctx), i),
  'agreements.serveNotice': (i, ctx) => service.serveNotice(agreementsCtx(ctx), i),
  'agreements.recordBreach': (i, ctx) => service.recordBreach(agreementsCtx(ctx), i),
  'agreements.recordCure': (i, ctx) => service.recordCure(agreementsCtx(ctx), i),
  'agreements.terminate': (i, ctx) => service.terminate(agreementsCtx(ctx), i),
  'agreements.upcoming': (i, ctx) => ({ from: i.from, to: i.to, rows: upcomingRows(agreementsCtx(ctx), i) }),
  'agreements.exportIcs': (i, ctx) => {
    const c = agreementsCtx(ctx);
    const rows = upcomingRows(c, i);
    const session = requireSession(ctx);
    const name = session.workspaceName;
    recordExport(session.open.db, session.user.id, 'agreements.calendar', { from: i.from, to: i.to, events: rows.length }, ctx.now().toISOString());
    return {
      fileName: `partnerdesk-dates-${i.from}-to-${i.to}.ics`,
      text: buildIcs(rows, ctx.now(), `${name} — agreement dates`),
      events: rows.length,
    };
  },
};
