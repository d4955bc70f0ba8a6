import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { formatCount, formatMoney } from '../../components/format';
import type { RunSummary, runs as runsChannel } from '../../../src-shared/commissions/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { formatDay, formatStamp, monthFromNow } from './format';

type RunRow = z.output<typeof runsChannel.output>['runs'][number];

/** Run one month for every partner with a plan, and the history of runs. */
export function RunsTab() {
  const [period, setPeriod] = useState(monthFromNow(-1));
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [history, setHistory] = useState<RunRow[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const canRun = useCan('commissions.write');

  useEffect(() => {
    void api.commissionsRuns({ limit: 100 }).then((r) => (r.ok ? setHistory(r.value.runs) : setError(r.error)));
  }, [version]);

  async function run(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setSummary(null);
    const r = await api.commissionsRun({ period });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setSummary(r.value);
    setVersion((v) => v + 1);
  }

  return (
    <div className="com-runs">
      {canRun && (
        <form className="com-filters" aria-label="Run commissions" onSubmit={run} noValidate>
          <Field label="Month to run" name="run-period" type="month" value={period} onChange={(e) => setPeriod(e.target.value)} error={error?.fieldErrors?.period} />
          <div className="com-buttons">
            <button type="submit" className="primary" disabled={busy || !period}>
              {busy ? 'Running…' : 'Run commissions'}
            </button>
          </div>
        </form>
      )}
      <p className="muted com-note">A run appends to the ledger: new entries, and an adjustment where an amount has changed. Running the same month again adds nothing.</p>
      <ErrorBanner error={error} />
      {summary && (
        <section className="card" aria-label="Run summary" role="status">
          <h2>Run of {summary.period}</h2>
          <dl className="facts">
            <dt>Judged as of</dt>
            <dd>{formatDay(summary.asOf)}</dd>
            <dt>Partners computed</dt>
            <dd>{formatCount(summary.partners)}</dd>
            <dt>Entries added</dt>
            <dd data-testid="run-entries">{formatCount(summary.entriesAdded)}</dd>
            <dt>Adjustments added</dt>
            <dd>{formatCount(summary.adjustmentsAdded)}</dd>
            <dt>Programme costs added</dt>
            <dd>{formatCount(summary.costsAdded)}</dd>
            <dt>Balance movements added</dt>
            <dd>{formatCount(summary.movementsAdded)}</dd>
            <dt>Added to the ledger</dt>
            <dd>
              {summary.totals.length === 0 ? (
                <span className="muted">nothing</span>
              ) : (
                <ul className="com-amounts">
                  {summary.totals.map((t) => (
                    <li key={t.currency}>
                      {formatMoney(t.minor, t.currency)} <span className="muted">{t.currency}</span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          {summary.notes.length > 0 && (
            <>
              <h3>Notes</h3>
              <ul>
                {summary.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <h2>History</h2>
      <table className="grid com-table" aria-label="Runs">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Started</th>
            <th scope="col">By</th>
            <th scope="col">As of</th>
            <th scope="col" className="num">
              Partners
            </th>
            <th scope="col" className="num">
              Entries added
            </th>
            <th scope="col" className="num">
              Adjustments
            </th>
          </tr>
        </thead>
        <tbody>
          {history.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No month has been run yet.
              </td>
            </tr>
          )}
          {history.map((r) => (
            <tr key={r.runId}>
              <td>{r.period}</td>
              <td>{formatStamp(r.startedAt)}</td>
              <td>{r.startedBy ?? <span className="muted">—</span>}</td>
              <td>{formatDay(r.asOf)}</td>
              <td className="num">{formatCount(r.partners)}</td>
              <td className="num">{formatCount(r.entriesAdded)}</td>
              <td className="num">{formatCount(r.adjustmentsAdded)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
