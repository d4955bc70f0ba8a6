import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount, formatMoney } from '../../components/format';
import type { importRevenue } from '../../../src-shared/commissions/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { useCommissionsUi } from './commissionsStore';
import { formatDay, plural } from './format';
import { TextAreaField } from '../../components/FormFields';

type Answer = z.output<typeof importRevenue.output>;
type Source = { name: string; text: string };

const COLUMNS: [string, string][] = [
  ['external_ref', 'required — the line’s unique id in the billing system'],
  ['customer_ref', 'required — the customer’s reference in Partnerdesk'],
  ['paid_on', 'required — YYYY-MM-DD, when the cash was received or returned'],
  ['currency', 'required — e.g. GBP, USD, EUR'],
  ['category', 'required — subscription, platform_fee, overage, usage, one_off or setup'],
  ['gross', 'required — amount excluding tax, e.g. 40.00 (a refund: the amount returned, positive)'],
  ['kind', 'required — payment, refund or chargeback'],
  ['discount', 'optional — discount on the line, e.g. 5.00'],
  ['refers_to', 'for a refund or chargeback — the external_ref of the payment it returns'],
  ['product, product_id, price_id', 'optional — shown in explanations; plans can exclude ids'],
  ['cash_received', 'optional — true (default) or false for invoiced, not yet paid'],
];

/** Revenue lines from a CSV file: preview with every problem by line, then all lines or none. */
export function RevenueImportTab() {
  const setTab = useCommissionsUi((s) => s.setTab);
  const [source, setSource] = useState<Source>({ name: 'pasted.csv', text: '' });
  const [preview, setPreview] = useState<Answer | null>(null);
  const [result, setResult] = useState<Answer | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(next: Source) {
    setSource(next);
    setResult(null);
    setPreview(null);
    if (next.text.trim() === '') return;
    setBusy(true);
    const r = await api.commissionsImportRevenue({ csv: next.text, fileName: next.name, commit: false });
    setBusy(false);
    if (r.ok) {
      setPreview(r.value);
      setError(null);
    } else setError(r.error);
  }

  async function commit() {
    setBusy(true);
    const r = await api.commissionsImportRevenue({ csv: source.text, fileName: source.name, commit: true });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    if (r.value.committed) {
      setResult(r.value);
      setPreview(null);
    } else setPreview(r.value);
  }

  const lines = source.text.split(/\r?\n/);
  const hasErrors = (preview?.errors.length ?? 0) > 0;
  const n = preview?.newLines ?? 0;

  return (
    <div className="com-revenue">
      <details className="com-format">
        <summary>The revenue CSV format</summary>
        <p className="muted">
          UTF-8, comma-separated, a header line naming the columns (any order). One line per invoice or payment line, refund or chargeback. Nothing is written while any
          line has a problem; importing the same file again changes nothing.
        </p>
        <dl className="facts">
          {COLUMNS.map(([c, d]) => (
            <div key={c} className="com-format-row">
              <dt>
                <code>{c}</code>
              </dt>
              <dd>{d}</dd>
            </div>
          ))}
        </dl>
      </details>
      <div className="com-source">
        <div className="field">
          <label className="field-label" htmlFor="revenue-file">
            CSV file
          </label>
          <input
            id="revenue-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) await check({ name: f.name, text: await f.text() });
            }}
          />
        </div>
        <TextAreaField
          label="Or paste the CSV"
          name="revenue-csv"
          rows={6}
          spellCheck={false}
          value={source.text}
          onChange={(e) => {
            setSource({ name: 'pasted.csv', text: e.target.value });
            setPreview(null);
            setResult(null);
          }}
        />
        <div className="com-buttons">
          <button type="button" onClick={() => void check(source)} disabled={busy || source.text.trim() === ''}>
            {busy && !preview ? 'Checking…' : 'Preview'}
          </button>
        </div>
      </div>
      <ErrorBanner error={error} />

      {preview && (
        <section className="card" aria-label="Revenue preview">
          <h2>Preview of {preview.fileName}</h2>
          <ul className="tiles com-counts">
            <li className="tile">
              <span className="tile-value">{formatCount(preview.rows)}</span>
              <span className="tile-label">lines in the file</span>
            </li>
            <li className="tile">
              <span className="tile-value">{formatCount(preview.newLines)}</span>
              <span className="tile-label">new</span>
            </li>
            <li className="tile">
              <span className="tile-value">{formatCount(preview.unchanged)}</span>
              <span className="tile-label">already imported</span>
            </li>
            <li className="tile">
              <span className="tile-value" data-testid="revenue-error-count">
                {formatCount(preview.errors.length + preview.moreErrors)}
              </span>
              <span className="tile-label">problems</span>
            </li>
          </ul>
          {hasErrors && (
            <>
              <h3>Problems by line</h3>
              <table className="grid com-table com-errors" aria-label="Problems by line">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Line
                    </th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                    <th scope="col">The line</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((e, i) => (
                    <tr key={`${e.line}-${e.column}-${i}`} className="com-error-row">
                      <td className="num">
                        <mark className="com-line-no">{e.line}</mark>
                      </td>
                      <td>{e.column ? <code>{e.column}</code> : '—'}</td>
                      <td>{e.message}</td>
                      <td>
                        <code className="com-raw">{lines[e.line - 1] ?? ''}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.moreErrors > 0 && <p className="muted">…and {plural(preview.moreErrors, 'more problem')}.</p>}
            </>
          )}
          {preview.totals.length > 0 && (
            <>
              <h3>New lines by currency</h3>
              <table className="grid com-table" aria-label="New lines by currency">
                <thead>
                  <tr>
                    <th scope="col">Currency</th>
                    <th scope="col">Kind</th>
                    <th scope="col" className="num">
                      Lines
                    </th>
                    <th scope="col" className="num">
                      Net (gross − discount)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.totals.map((t) => (
                    <tr key={`${t.currency}-${t.kind}`}>
                      <td>{t.currency}</td>
                      <td>{t.kind}</td>
                      <td className="num">{formatCount(t.lines)}</td>
                      <td className="num">{formatMoney(t.netMinor, t.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {preview.preview.length > 0 && (
            <>
              <h3>First new lines</h3>
              <div className="com-scroll">
                <table className="grid com-table" aria-label="First new lines">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Line
                      </th>
                      <th scope="col">Reference</th>
                      <th scope="col">Customer</th>
                      <th scope="col">Partner</th>
                      <th scope="col">Paid on</th>
                      <th scope="col">Category</th>
                      <th scope="col">Kind</th>
                      <th scope="col" className="num">
                        Gross
                      </th>
                      <th scope="col" className="num">
                        Discount
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.preview.map((p) => (
                      <tr key={p.line}>
                        <td className="num">{p.line}</td>
                        <td>
                          <code>{p.externalRef}</code>
                        </td>
                        <td>{p.customerName}</td>
                        <td>{p.partnerCompany ?? <span className="muted">no partner</span>}</td>
                        <td>
                          <time dateTime={p.paidOn}>{formatDay(p.paidOn)}</time>
                        </td>
                        <td>{p.category}</td>
                        <td>{p.kind}</td>
                        <td className="num">{formatMoney(p.grossMinor, p.currency)}</td>
                        <td className="num">{formatMoney(p.discountMinor, p.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <div className="com-buttons">
            <button type="button" className="primary" onClick={() => void commit()} disabled={busy || hasErrors || n === 0}>
              Import {plural(n, 'line')}
            </button>
            {hasErrors && <span className="muted">Correct the lines above and choose the file again: nothing is imported while any line has a problem.</span>}
            {!hasErrors && n === 0 && <span className="muted">Every line is already in the workspace; importing again would change nothing.</span>}
          </div>
        </section>
      )}

      {result && (
        <section className="card" aria-label="Revenue import result" role="status">
          <h2>Imported</h2>
          <p>
            {plural(result.newLines, 'new line')} written from {result.fileName}
            {result.unchanged > 0 ? `; ${plural(result.unchanged, 'line')} already there were skipped` : ''}.
          </p>
          <p className="muted">The ledger changes when the months of these lines are run.</p>
          <div>
            <button type="button" onClick={() => setTab('runs')}>
              Go to runs
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
