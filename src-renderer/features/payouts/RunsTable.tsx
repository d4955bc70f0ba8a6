import type { RunSummary } from '../../../src-shared/payouts/contract';
import { formatMoney } from '../../components/format';
import { formatDay, formatStamp } from '../commissions/format';
import { lineStateLabel, runStatusLabel } from './labels';
import { usePayoutsUi } from './payoutsStore';

/** "3 ready, 2 blocked": a run's lines by state, in words. */
export function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${(lineStateLabel[state as keyof typeof lineStateLabel] ?? state).toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'no lines';
}

/** What a run pays, one line per currency: amounts in different currencies are never added. */
export function RunTotals({ totals }: { totals: RunSummary['totals'] }) {
  if (totals.length === 0) return <span className="muted">nothing to pay</span>;
  return (
    <ul className="po-amounts">
      {totals.map((t) => (
        <li key={t.currency} data-currency={t.currency}>
          {formatMoney(t.amountMinor, t.currency)} <span className="muted">{t.currency} · {t.lineCount} {t.lineCount === 1 ? 'line' : 'lines'}</span>
        </li>
      ))}
    </ul>
  );
}

/** Waiting runs: how many of how many; decided runs: who decided (today's thresholds say nothing about then). */
export function approvalsText(run: Pick<RunSummary, 'approvals' | 'approvalsNeeded' | 'kind' | 'status'>): string {
  if (run.kind === 'standing') return 'Standing approval';
  const approvers = run.approvals.filter((a) => a.decision === 'approve').map((a) => a.displayName);
  if (run.status === 'prepared') return `${approvers.length} of ${run.approvalsNeeded}`;
  const rejecter = run.approvals.find((a) => a.decision === 'reject');
  if (rejecter) return `Rejected by ${rejecter.displayName}`;
  return approvers.length ? `Approved by ${approvers.join(', ')}` : '—';
}

export function RunsTable({ runs, label, empty }: { runs: RunSummary[]; label: string; empty: string }) {
  const openRun = usePayoutsUi((s) => s.openRun);
  return (
    <div className="po-scroll">
      <table className="grid po-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Pay date</th>
            <th scope="col">Status</th>
            <th scope="col">Pays</th>
            <th scope="col">Lines</th>
            <th scope="col">Approvals</th>
            <th scope="col">Prepared</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {runs.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                {empty}
              </td>
            </tr>
          )}
          {runs.map((r) => (
            <tr key={r.id} data-run-id={r.id}>
              <td>
                <button type="button" className="link" onClick={() => openRun(r.id)} aria-label={`Open the run of ${formatDay(r.payDate)} (${runStatusLabel[r.status].toLowerCase()})`}>
                  {formatDay(r.payDate)}
                </button>
                {r.kind === 'standing' && <span className="badge po-kind">standing</span>}
              </td>
              <td>
                <span className={`badge po-run-${r.status}`}>{runStatusLabel[r.status]}</span>
                {r.reason && <div className="muted po-small">{r.reason}</div>}
              </td>
              <td>
                <RunTotals totals={r.totals} />
              </td>
              <td>{countsText(r.counts)}</td>
              <td>{approvalsText(r)}</td>
              <td className="po-nowrap">
                {formatStamp(r.preparedAt)}
                {r.preparedBy && <div className="muted po-small">by {r.preparedBy}</div>}
              </td>
              <td>{r.note || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
