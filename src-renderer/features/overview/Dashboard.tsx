import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount, formatMoney } from '../../components/format';
import { upcomingKindLabels, type UpcomingKind } from '../../../src-shared/agreements/contract';
import type { Dashboard as DashboardData } from '../../../src-shared/reports/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { formatDay } from '../commissions/format';
import { openReport } from '../reports/reportsStore';
import { MonthChart } from './MonthChart';
import { MonthTable } from './MonthTable';

/**
 * The managers' dashboard: referred revenue and commission by month, top partners,
 * partners at risk, payouts due, the review queue and the agreement dates coming up. Every
 * figure opens the rows behind it in Reports, with the matching filters.
 */
export function Dashboard() {
  const [d, setD] = useState<DashboardData | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);
  useEffect(() => {
    void api.reportsDashboard({}).then((r) => (r.ok ? setD(r.value) : setError(r.error)));
  }, []);
  const currencies = useMemo(() => (d ? [...new Set([...d.revenueByMonth, ...d.commissionByMonth].map((r) => r.currency))].sort() : []), [d]);
  const shown = currency ?? currencies.at(-1) ?? null;
  const series = useMemo(() => {
    if (!d || !shown) return null;
    const of = (rows: DashboardData['revenueByMonth']) => d.months.map((m) => rows.find((r) => r.month === m && r.currency === shown)?.netMinor ?? null);
    return { revenue: of(d.revenueByMonth), commission: of(d.commissionByMonth) };
  }, [d, shown]);
  if (error) return <ErrorBanner error={error} />;
  if (!d) return <p className="muted">Loading the dashboard…</p>;
  const window = { fromPeriod: d.months[0]!, toPeriod: d.months.at(-1)! };
  const find = (rows: DashboardData['revenueByMonth']) => (m: string, c: string) => {
    const r = rows.find((x) => x.month === m && x.currency === c);
    return r && { minor: r.netMinor, count: r.count };
  };

  return (
    <div className="ov-dashboard">
      <section className="ov-cards" aria-label="Figures">
        <article className="ov-card" aria-labelledby="ov-due">
          <h2 id="ov-due">Payouts due</h2>
          <p className="muted">Payable commission no payout has claimed yet</p>
          {d.payoutsDue.length === 0 && <p className="muted">Nothing payable.</p>}
          <ul className="ov-list">
            {d.payoutsDue.map((p) => (
              <li key={p.currency}>
                <button type="button" className="link ov-figure" onClick={() => openReport('ledger', { status: 'payable', payout: 'unclaimed', currency: p.currency })}>
                  {formatMoney(p.payableMinor, p.currency)}
                </button>
                <span className="muted">
                  {' '}
                  {formatCount(p.entries)} entries · {formatCount(p.partners)} partners
                </span>
              </li>
            ))}
          </ul>
        </article>
        <article className="ov-card" aria-labelledby="ov-queue">
          <h2 id="ov-queue">Review queue</h2>
          <p className="muted">Marketing drafts waiting for a reviewer (target {d.reviewQueue.slaDays} days)</p>
          <ul className="ov-list">
            <li>
              <button type="button" className="link ov-figure" onClick={() => openReport('review-queue', { openOnly: true })}>
                {formatCount(d.reviewQueue.open)} waiting
              </button>
              <span className="muted"> {d.reviewQueue.oldestOpenDays !== null ? `· oldest ${d.reviewQueue.oldestOpenDays} days` : ''}</span>
            </li>
            <li>
              <button type="button" className={`link ov-figure ${d.reviewQueue.overdue ? 'ov-alert' : ''}`} onClick={() => openReport('review-queue', { openOnly: true, overdueOnly: true })}>
                {formatCount(d.reviewQueue.overdue)} overdue
              </button>
              <span className="muted"> · {formatCount(d.reviewQueue.dueSoon)} due in 2 days · {formatCount(d.reviewQueue.changesRequested)} with partners for changes</span>
            </li>
          </ul>
        </article>
        <article className="ov-card" aria-labelledby="ov-risk">
          <h2 id="ov-risk">Partners at risk</h2>
          <p className="muted">Resellers below 10 new tenants a year (seed 003; informational)</p>
          <button type="button" className={`link ov-figure ${d.atRisk.count ? 'ov-alert' : ''}`} onClick={() => openReport('reseller-status', { status: 'at_risk' })}>
            {formatCount(d.atRisk.count)} of {formatCount(d.atRisk.resellers)} resellers
          </button>
          <ul className="ov-list ov-small">
            {d.atRisk.rows.map((r) => (
              <li key={r.partnerId} title={r.explanation}>
                {r.company} <span className="muted">· {r.newTenantsInWindow} new tenants in the window</span>
              </li>
            ))}
          </ul>
        </article>
        <article className="ov-card" aria-labelledby="ov-dates">
          <h2 id="ov-dates">Agreement dates</h2>
          <p className="muted">
            {formatDay(d.upcoming.from)} – {formatDay(d.upcoming.to)}
          </p>
          <button type="button" className="link ov-figure" onClick={() => openReport('agreements-calendar', { from: d.upcoming.from, to: d.upcoming.to })}>
            {formatCount(d.upcoming.count)} {d.upcoming.count === 1 ? 'date' : 'dates'} in the next 30 days
          </button>
          <ul className="ov-list ov-small">
            {d.upcoming.rows.map((r, i) => (
              <li key={i}>
                <time dateTime={r.date}>{formatDay(r.date)}</time> {r.company} <span className="muted">· {upcomingKindLabels[r.kind as UpcomingKind] ?? r.kind}</span>
              </li>
            ))}
          </ul>
        </article>
      </section>

      <section aria-labelledby="ov-trends">
        <div className="ov-trend-head">
          <h2 id="ov-trends">By month</h2>
          {currencies.length > 1 && (
            <div className="ov-currencies" role="group" aria-label="Currency shown in the charts">
              {currencies.map((c) => (
                <button key={c} type="button" aria-pressed={c === shown} onClick={() => setCurrency(c)}>
                  {c}
                </button>
              ))}
            </div>
          )}
        </div>
        {shown && series && (
          <div className="ov-charts">
            <figure>
              <figcaption>Referred revenue ({shown})</figcaption>
              <MonthChart label="Referred revenue" months={d.months} values={series.revenue} currency={shown} color="#2f5bea" onPick={(m) => openReport('revenue', { period: m, currency: shown })} />
            </figure>
            <figure>
              <figcaption>Commission ({shown})</figcaption>
              <MonthChart label="Commission" months={d.months} values={series.commission} currency={shown} color="#12b76a" onPick={(m) => openReport('ledger', { period: m, currency: shown })} />
            </figure>
          </div>
        )}
        <div className="ov-tables">
          <div>
            <h3>Referred revenue by month</h3>
            <MonthTable
              label="Referred revenue by month"
              months={d.months}
              currencies={currencies}
              cell={find(d.revenueByMonth)}
              onPick={(m, c) => openReport('revenue', { period: m, currency: c })}
            />
          </div>
          <div>
            <h3>Commission by month</h3>
            <MonthTable
              label="Commission by month"
              months={d.months}
              currencies={currencies}
              cell={find(d.commissionByMonth)}
              onPick={(m, c) => openReport('ledger', { period: m, currency: c })}
            />
          </div>
        </div>
      </section>

      <section aria-labelledby="ov-top">
        <h2 id="ov-top">Top partners</h2>
        <p className="muted">Net commission over the twelve months shown, per currency</p>
        <table className="grid ov-top" aria-label="Top partners">
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col">Partner</th>
              <th scope="col" className="num">
                Commission
              </th>
              <th scope="col" className="num">
                Entries
              </th>
            </tr>
          </thead>
          <tbody>
            {d.topPartners.map((p) => (
              <tr key={`${p.currency}-${p.partnerId}`}>
                <td>{p.currency}</td>
                <td>
                  <button type="button" className="link" onClick={() => openReport('ledger', { partnerId: p.partnerId, currency: p.currency, ...window })}>
                    {p.company}
                  </button>
                </td>
                <td className="num">{formatMoney(p.netMinor, p.currency)}</td>
                <td className="num">{formatCount(p.entries)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
