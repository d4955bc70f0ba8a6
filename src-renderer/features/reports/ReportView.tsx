import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportMenu } from '../../components/ExportMenu';
import { formatCount, formatMoney } from '../../components/format';
import { reports, type ReportId } from '../../../src-shared/reports/catalogue';
import type { ReportRow } from '../../../src-shared/reports/columns';
import type { ReportQuery, ReportTotals } from '../../../src-shared/reports/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { cellText, isNumericKind } from './cells';
import { ReportFilters } from './ReportFilters';
import { columnsOf, useReportsUi, type Filters } from './reportsStore';

const PAGE = 100;
type Answer = { rows: ReportRow[]; total: number; totals: ReportTotals[] | null; lines: string[]; asOf: string; key: string };

/** Fills what a report cannot run without: this year for yearly earnings. */
function withDefaults(id: ReportId, f: Filters): Filters {
  if (id === 'tax-year' && f.year === undefined) return { ...f, year: new Date().getUTCFullYear() };
  return f;
}

/** One report: its filters, the columns shown, a page of rows, totals per currency and the export. */
export function ReportView({ id }: { id: ReportId }) {
  const info = reports[id];
  const stored = useReportsUi((s) => s.filters[id]);
  const filters = useMemo(() => withDefaults(id, stored ?? {}), [id, stored]);
  const columns = useReportsUi((s) => columnsOf(s, id));
  const { setFilters, setColumns } = useReportsUi();
  const [offset, setOffset] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const ticket = useRef(0);
  const missing = info.filters.filter((f) => f.required && (filters[f.name] === undefined || filters[f.name] === ''));
  const key = JSON.stringify({ id, filters });
  const query = { report: id, filters } as ReportQuery;

  useEffect(() => setOffset(0), [key]);
  useEffect(() => {
    if (missing.length) return;
    const mine = ++ticket.current;
    const asked = JSON.parse(key) as { id: ReportId; filters: Filters };
    void api.reportsRows({ query: { report: asked.id, filters: asked.filters } as ReportQuery, offset, limit: PAGE }).then((r) => {
      if (mine !== ticket.current) return;
      if (r.ok) {
        setAnswer({ ...r.value, key });
        setError(null);
      } else setError(r.error);
    });
  }, [key, offset, missing.length]);

  const shown = info.columns.filter((c) => columns.includes(c.id));
  const money = shown.filter((c) => c.kind === 'money');
  const total = answer?.key === key ? answer.total : 0;
  const fieldErrors = error?.fieldErrors ?? {};

  return (
    <section className="rep-view" aria-labelledby="rep-title">
      <header className="rep-head">
        <div>
          <h2 id="rep-title">{info.title}</h2>
          <p className="muted rep-description">{info.description}</p>
        </div>
        {missing.length === 0 && <ExportMenu query={query} columns={shown.map((c) => c.id)} />}
      </header>
      <ReportFilters info={info} filters={filters} errors={fieldErrors} onChange={(f) => setFilters(id, f)} />
      <details className="rep-columns">
        <summary>Columns ({shown.length})</summary>
        <fieldset aria-label="Columns shown">
          {info.columns.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={columns.includes(c.id)}
                onChange={(e) => setColumns(id, e.target.checked ? info.columns.filter((x) => x.id === c.id || columns.includes(x.id)).map((x) => x.id) : columns.filter((x) => x !== c.id))}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
      </details>
      {missing.length > 0 && <p className="hint-box">Choose {missing.map((f) => f.label.toLowerCase()).join(' and ')} to see this report.</p>}
      <ErrorBanner error={error} />
      {missing.length === 0 && (
        <>
          <p className="muted" role="status" aria-live="polite" data-testid="report-count">
            {answer ? `${formatCount(total)} ${total === 1 ? 'row' : 'rows'}${answer.key !== key ? ' · updating…' : ''}` : 'Loading…'}
            {answer && answer.key === key && answer.lines.length > 0 && ` · ${answer.lines.join(' · ')}`}
          </p>
          <div className="rep-scroll">
            <table className="grid rep-table" aria-label={info.title} aria-rowcount={total + 1}>
              <thead>
                <tr>
                  {shown.map((c) => (
                    <th key={c.id} scope="col" className={isNumericKind(c) ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {answer && answer.key === key && answer.rows.length === 0 && (
                  <tr>
                    <td colSpan={shown.length} className="muted">
                      No rows match these filters.
                    </td>
                  </tr>
                )}
                {answer?.rows.map((r, i) => (
                  <tr key={i} aria-rowindex={offset + i + 2}>
                    {shown.map((c) => (
                      <td key={c.id} className={isNumericKind(c) ? 'num' : undefined}>
                        {cellText(c, r)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="rep-pager" aria-label="Report pages">
            <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE))} disabled={offset === 0}>
              Previous
            </button>
            <span className="muted">
              {total > 0 ? `${formatCount(offset + 1)}–${formatCount(Math.min(total, offset + PAGE))} of ${formatCount(total)}` : ''}
            </span>
            <button type="button" onClick={() => setOffset(offset + PAGE)} disabled={offset + PAGE >= total}>
              Next
            </button>
          </nav>
          {money.length > 0 && answer?.totals && answer.key === key && (
            <>
              <h3>Totals of all {formatCount(total)} rows</h3>
              <table className="grid rep-totals" aria-label={`${info.title} totals by currency`}>
                <thead>
                  <tr>
                    <th scope="col">Currency</th>
                    <th scope="col" className="num">
                      Rows
                    </th>
                    {money.map((m) => (
                      <th key={m.id} scope="col" className="num">
                        {m.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {answer.totals.map((t) => (
                    <tr key={t.currency} data-currency={t.currency}>
                      <th scope="row">{t.currency}</th>
                      <td className="num">{formatCount(t.rows)}</td>
                      {money.map((m) => (
                        <td key={m.id} className="num">
                          {formatMoney(t.sums[m.id] ?? 0, t.currency)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
