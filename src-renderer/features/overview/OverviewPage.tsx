import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../components/format';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { WorkspaceInfo } from '../../../src-shared/workspace/contract';
import { Dashboard } from './Dashboard';
import { MonthTable } from './MonthTable';
import './overview.css';

/** What is in the workspace; for those who read commissions, the dashboard with its figures. */
export function OverviewPage() {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const dashboard = useCan('commissions.read');
  useEffect(() => {
    void api.workspaceInfo({}).then((r) => (r.ok ? setInfo(r.value) : setError(r.error)));
  }, []);
  if (error) return <ErrorBanner error={error} />;
  if (!info) return <p className="muted">Loading…</p>;
  return (
    <section className="page">
      <h1>Overview</h1>
      <ul className="tiles" aria-label="Workspace counts">
        {(
          [
            ['Programmes', info.counts.programmes],
            ['Partners', info.counts.partners],
            ['Agreements', info.counts.agreements],
            ['Customers', info.counts.customers],
            ['Revenue lines', info.counts.revenueLines],
          ] as const
        ).map(([label, n]) => (
          <li key={label} className="tile">
            <span className="tile-value">{formatCount(n)}</span>
            <span className="tile-label">{label}</span>
          </li>
        ))}
      </ul>
      {dashboard ? <Dashboard /> : <RevenueSummary info={info} />}
    </section>
  );
}

/** Revenue per month and currency, for roles that do not read commissions. */
function RevenueSummary({ info }: { info: WorkspaceInfo }) {
  const currencies = [...new Set(info.revenueMonths.map((r) => r.currency))];
  const months = [...new Set(info.revenueMonths.map((r) => r.month))];
  const cell = (month: string, currency: string) => info.revenueMonths.find((r) => r.month === month && r.currency === currency);
  return (
    <>
      <h2>Referred revenue by month</h2>
      {months.length === 0 ? (
        <p className="muted">No revenue recorded yet.</p>
      ) : (
        <MonthTable
          label="Referred revenue by month"
          className="grid"
          months={months}
          currencies={currencies}
          cell={(m, c) => {
            const v = cell(m, c);
            return v && { minor: v.grossMinor };
          }}
        />
      )}
    </>
  );
}
