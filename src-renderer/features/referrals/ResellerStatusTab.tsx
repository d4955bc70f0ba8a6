import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { ResellerStatusRow } from '../../../src-shared/referrals/contract';
import { badgeLabel, EmptyRow } from './ui';

type Status = { asOf: string; windowMonths: number; targetNewTenantsPerYear: number; lockAtTenants: number; lockYears: number; rows: ResellerStatusRow[] };

export function ActivityBadge({ row }: { row: Pick<ResellerStatusRow, 'badge' | 'explanation'> }) {
  return (
    <span className={`badge badge-${row.badge}`} title={row.explanation}>
      {badgeLabel[row.badge]}
    </span>
  );
}

/** Seed 003's activity status of every reseller, and the rolling window it is measured over. */
export function ResellerStatusTab() {
  const [data, setData] = useState<Status | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [reload, setReload] = useState(0);
  const f = useForm({ resellerActivityWindowMonths: '' });

  useEffect(() => {
    let live = true;
    void api.referralsResellerStatus({}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [reload]);

  async function saveWindow(e: React.FormEvent) {
    e.preventDefault();
    const typed = f.values.resellerActivityWindowMonths.trim();
    const done = await f.submit(() => api.referralsSetSettings({ resellerActivityWindowMonths: /^\d+$/.test(typed) ? Number(typed) : (typed as unknown as number) }));
    if (done) setReload((n) => n + 1);
  }

  return (
    <div>
      <p className="ref-note">
        Seed 003: <strong>active</strong> means an average of {data?.targetNewTenantsPerYear ?? 10} new tenants a year over the rolling window;
        reaching {data?.lockAtTenants ?? 50} onboarded tenants locks the status for {data?.lockYears ?? 5} years (<strong>locked 5y</strong>). The
        status is informational: it never changes a commission or a payout.
      </p>
      <form className="ref-setting" aria-label="Activity window" onSubmit={saveWindow} noValidate>
        <Field
          label="Rolling window (months)"
          id="activity-window"
          inputMode="numeric"
          placeholder={data ? String(data.windowMonths) : '24'}
          {...f.bind('resellerActivityWindowMonths')}
          error={f.fieldError('resellerActivityWindowMonths')}
        />
        <button type="submit" disabled={f.busy || f.values.resellerActivityWindowMonths.trim() === ''}>
          Save window
        </button>
      </form>
      <ErrorBanner error={error ?? (f.error && !f.error.fieldErrors ? f.error : null)} />
      {data && (
        <p className="muted">
          As of {data.asOf}, window of {data.windowMonths} months ({data.rows[0]?.windowFrom ?? '—'} to {data.asOf}).
        </p>
      )}
      <table className="grid" aria-label="Reseller activity status">
        <thead>
          <tr>
            <th scope="col">Reseller</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              New tenants in window
            </th>
            <th scope="col" className="num">
              Average a year
            </th>
            <th scope="col" className="num">
              Onboarded in total
            </th>
            <th scope="col">Locked until</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {data?.rows.length === 0 && <EmptyRow columns={7}>There are no reseller partners.</EmptyRow>}
          {data?.rows.map((r) => (
            <tr key={r.partnerId}>
              <td>
                {r.company}
                <div className="muted">{r.programmeName}</div>
              </td>
              <td>
                <ActivityBadge row={r} />
              </td>
              <td className="num">{r.newTenantsInWindow}</td>
              <td className="num">{r.averagePerYear.toFixed(1)}</td>
              <td className="num">{r.totalOnboarded}</td>
              <td>{r.locked ? r.lockedUntil : '—'}</td>
              <td className="muted">{r.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
