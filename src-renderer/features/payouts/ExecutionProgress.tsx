import type { RunDetail } from '../../../src-shared/payouts/contract';

/** Lines that execution pays: queued until sent (or marked paid), then paid or failed. */
export function executionCounts(run: RunDetail) {
  let paid = 0;
  let queued = 0;
  let failed = 0;
  for (const l of run.lines) {
    if (l.state === 'paid') paid++;
    else if (l.state === 'queued') queued++;
    else if (l.state === 'failed') failed++;
  }
  return { paid, queued, failed, total: paid + queued + failed };
}

/** The progress bar and, for screen readers, the same counts announced as they change. */
export function ExecutionProgress({ run, stalled, polling, note }: { run: RunDetail; stalled: boolean; polling: boolean; note: string }) {
  const c = executionCounts(run);
  if (c.total === 0) return null;
  const waitingOutside = run.lines.filter((l) => l.state === 'queued' && l.method === 'outside').length;
  return (
    <section className="card po-progress" aria-label="Execution progress">
      <h2>Execution</h2>
      <progress max={c.total} value={c.paid} aria-label="Lines paid" />
      <p aria-live="polite" data-testid="po-progress-text">
        {c.paid} of {c.total} {c.total === 1 ? 'line' : 'lines'} paid, {c.queued} queued, {c.failed} failed
        {run.status === 'completed' ? ' — the run is complete.' : '.'}
      </p>
      {note && c.queued > 0 && (
        <p className="po-waiting" data-testid="po-execute-note">
          {note}
        </p>
      )}
      {waitingOutside > 0 && (
        <p className="muted po-small">
          {waitingOutside} {waitingOutside === 1 ? 'line is' : 'lines are'} paid outside the app: mark {waitingOutside === 1 ? 'it' : 'them'} paid with the payment reference once the money has gone.
        </p>
      )}
      {polling && !stalled && <p className="muted po-small">Following the transfers…</p>}
      {stalled && <p className="muted po-small">Nothing has changed for a while: the queued lines show why they wait. Resume execution to try again.</p>}
    </section>
  );
}
