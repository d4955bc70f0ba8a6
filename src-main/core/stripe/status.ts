import type { StatusView } from '../../../src-shared/stripe/contract';
import { connectivity } from './client';
import { pendingOutbox, readSettings, type StripeOp } from './op';

export function statusView(op: StripeOp): StatusView {
  const s = readSettings(op);
  const sqlite = op.session.open.sqlite;
  const last = sqlite.prepare("SELECT max(finished_at) AS at FROM stripe_sync_log WHERE status = 'done'").get() as { at: string | null };
  const running = !!sqlite.prepare("SELECT 1 FROM stripe_sync_log WHERE status = 'running'").get();
  return { configured: !!s.restricted_key, mode: s.mode, online: connectivity.online, lastSyncAt: last.at, pendingOutbox: pendingOutbox(op), running };
}

export function syncLog(op: StripeOp, limit: number) {
  const rows = op.session.open.sqlite
    .prepare('SELECT id, started_at AS startedAt, finished_at AS finishedAt, status, kind, counts, message FROM stripe_sync_log ORDER BY started_at DESC, rowid DESC LIMIT ?')
    .all(limit) as { id: string; startedAt: string; finishedAt: string | null; status: string; kind: string; counts: string; message: string }[];
  return rows.map((r) => ({ ...r, counts: JSON.parse(r.counts) as Record<string, number> }));
}
