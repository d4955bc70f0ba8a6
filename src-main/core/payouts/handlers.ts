import type * as contract from '../../../src-shared/payouts/contract';
import { recordExport } from '../audit';
import { audit, inTransaction, partnerOp } from '../partners/op';
import type { HandlersFor } from '../router';
import { chargebackNotice, payoutRegister, remittanceAdvice } from './documents';
import { execute } from './execute';
import { listDocuments, recordDocument } from './partnerDocuments';
import { lineEntries, listRuns, runDetail } from './read';
import { approve, isStale, markPaid, prepare, reject, releaseLine, retryLine } from './runs';
import { readPayoutSettings, writePayoutSettings } from './settings';
import { createStanding, listStanding, payStanding, revokeStanding } from './standing';

const op = partnerOp;
/** Every document that leaves the app is in the audit trail. */
const exported = (o: ReturnType<typeof partnerOp>, what: string, detail: Record<string, unknown>) => recordExport(o.session.open.db, o.session.user.id, what, detail, o.now.toISOString());
const db = (ctx: Parameters<typeof partnerOp>[0]) => op(ctx).session.open.sqlite;

export const payoutsHandlers: HandlersFor<typeof contract> = {
  'payouts.list': (i, ctx) => listRuns(db(ctx), i),
  'payouts.get': (i, ctx) => {
    const o = op(ctx);
    const sqlite = o.session.open.sqlite;
    return runDetail(sqlite, i.runId, o.session.user.id, isStale(sqlite, i.runId));
  },
  'payouts.lineEntries': (i, ctx) => lineEntries(db(ctx), i.lineId),
  'payouts.prepare': (i, ctx) => prepare(op(ctx), i),
  'payouts.approve': (i, ctx) => approve(op(ctx), i),
  'payouts.reject': (i, ctx) => reject(op(ctx), i),
  'payouts.execute': (i, ctx) => execute(op(ctx), i.runId, i.limit),
  'payouts.retryLine': (i, ctx) => retryLine(op(ctx), i),
  'payouts.releaseLine': (i, ctx) => releaseLine(op(ctx), i),
  'payouts.markPaid': (i, ctx) => markPaid(op(ctx), i),
  'payouts.settings': (_i, ctx) => readPayoutSettings(db(ctx)),
  'payouts.saveSettings': (i, ctx) => {
    const o = op(ctx);
    const sqlite = o.session.open.sqlite;
    return inTransaction(o, () => {
      const before = readPayoutSettings(sqlite);
      writePayoutSettings(sqlite, i, o.session.user.id, o.now.toISOString());
      audit(o, 'payouts.settings', 'payout_settings', '1', { before, after: i });
      return readPayoutSettings(sqlite);
    });
  },
  'payouts.standingList': (_i, ctx) => ({ approvals: listStanding(db(ctx)) }),
  'payouts.standingCreate': (i, ctx) => createStanding(op(ctx), i),
  'payouts.standingRevoke': (i, ctx) => revokeStanding(op(ctx), i.id),
  'payouts.payStanding': (i, ctx) => {
    const o = op(ctx);
    return payStanding(o, i.payDate ?? o.today);
  },
  'payouts.documents': (i, ctx) => ({ documents: listDocuments(db(ctx), i.partnerId) }),
  'payouts.recordDocument': (i, ctx) => recordDocument(op(ctx), i),
  'payouts.remittance': async (i, ctx) => {
    const o = op(ctx);
    const file = await remittanceAdvice(o.session.open.sqlite, i.lineId, o.session.workspaceName);
    exported(o, 'payouts.remittance', { lineId: i.lineId, fileName: file.fileName });
    return file;
  },
  'payouts.register': async (i, ctx) => {
    const o = op(ctx);
    const file = await payoutRegister(o.session.open.sqlite, i.runId, i.format);
    exported(o, 'payouts.register', { runId: i.runId, format: i.format, fileName: file.fileName });
    return file;
  },
  'payouts.chargebackNotice': (i, ctx) => {
    const o = op(ctx);
    const notice = chargebackNotice(o.session.open.sqlite, i.partnerId, i.runId, o.session.workspaceName, o.now);
    exported(o, 'payouts.chargebackNotice', { partnerId: i.partnerId, runId: i.runId ?? null, chargebacks: notice.chargebackCount });
    return notice;
  },
};
