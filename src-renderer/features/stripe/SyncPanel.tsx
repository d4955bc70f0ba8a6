import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncProgress } from '../../../src-shared/stripe/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../components/format';
import { statusChanged } from './ConnectionStatus';

type LogRow = { id: string; startedAt: string; finishedAt: string | null; status: string; kind: string; counts: Record<string, number>; message: string };

const phaseLabel: Record<string, string> = {
  products: 'products',
  customers: 'customers',
  subscriptions: 'subscriptions',
  invoices: 'invoices',
  refunds: 'refunds',
  disputes: 'disputes',
  accounts: 'Connect accounts',
  events: 'changes since the last sync',
};

const when = (iso: string | null) => (iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—');

/**
 * Drives the sync one page per call, so the core stays free for other screens between pages;
 * the progress bar moves per object type.
 */
export function SyncPanel({ onSynced }: { onSynced?: () => void }) {
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [log, setLog] = useState<LogRow[]>([]);
  const running = useRef(false);
  const loadLog = useCallback(() => void api.stripeSyncLog({ limit: 10 }).then((r) => r.ok && setLog(r.value)), []);
  useEffect(loadLog, [loadLog]);

  const drive = async (full: boolean) => {
    if (running.current) return;
    running.current = true;
    setError(null);
    try {
      let r = await api.stripeSyncStart({ full });
      statusChanged();
      while (r.ok) {
        setProgress(r.value);
        if (r.value.status !== 'running') break;
        r = await api.stripeSyncStep({});
      }
      if (!r.ok) setError(r.error);
    } finally {
      running.current = false;
      statusChanged();
      loadLog();
      onSynced?.();
    }
  };
  const cancel = () => void api.stripeSyncCancel({});
  const busy = progress?.status === 'running';
  const pct = progress ? Math.round((progress.phasesDone / progress.phasesTotal) * 100) : 0;
  const counts = progress ? Object.entries(progress.counts).filter(([k]) => k !== 'pages') : [];
  return (
    <div className="card">
      <h2>Sync</h2>
      <p className="muted">Pulls customers, subscriptions, invoices with their lines, refunds, disputes and partners' Connect accounts. After the first sync only changes are read; a sync stopped half-way resumes where it stopped.</p>
      <div className="pd-stripe-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void drive(false)}>
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" disabled={busy} onClick={() => void drive(true)}>
          Full re-sync
        </button>
        {busy && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      <ErrorBanner error={error} />
      {progress && (
        <div data-testid="stripe-sync-progress">
          <progress className="pd-stripe-progress" max={100} value={pct} aria-label="Sync progress" />
          <p data-testid="stripe-sync-status">
            {progress.status === 'running' ? `Reading ${phaseLabel[progress.phase ?? ''] ?? progress.phase}…` : progress.status === 'done' ? 'Up to date.' : progress.status === 'cancelled' ? 'Cancelled; the next sync resumes here.' : progress.message}{' '}
            {counts.length > 0 && <span className="muted">({counts.map(([k, v]) => `${formatCount(v)} ${k}`).join(', ')})</span>}
          </p>
        </div>
      )}
      <h3>Sync log</h3>
      <table className="pd-stripe-table" aria-label="Sync log">
        <thead>
          <tr>
            <th>Started</th>
            <th>Kind</th>
            <th>Status</th>
            <th>What it did</th>
          </tr>
        </thead>
        <tbody>
          {log.map((l) => (
            <tr key={l.id}>
              <td>{when(l.startedAt)}</td>
              <td>{l.kind}</td>
              <td>{l.status}</td>
              <td>
                {Object.entries(l.counts)
                  .map(([k, v]) => `${formatCount(v)} ${k}`)
                  .join(', ')}
                {l.message && <span className="muted"> — {l.message}</span>}
              </td>
            </tr>
          ))}
          {log.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                No sync yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
