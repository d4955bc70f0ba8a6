import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../components/format';
import type { ImportCounts, PreviewRow } from '../../../src-shared/imports/contract';
import { formats, MAX_IMPORT_BYTES, tooLargeMessage, type ColumnDef, type ImportKind } from '../../../src-shared/imports/formats';
import type { AppError } from '../../../src-shared/rpc/errors';
import './imports.css';

type Preview = { columns: string[]; counts: ImportCounts; rows: PreviewRow[]; rowLimit: number; problems: Array<{ line: number; column: string | null; message: string }>; problemLimit: number; delimiter: string };
type Source = { from: 'file'; name: string; size: number; text: string } | { from: 'paste'; text: string };

const kindLabel: Record<ImportKind, string> = { customers: 'Referred customers', partners: 'Partners' };
const actionLabel: Record<PreviewRow['action'], string> = { new: 'new', updated: 'updated', unchanged: 'unchanged', error: 'error' };

function typeText(d: ColumnDef): string {
  switch (d.type) {
    case 'text':
      return `text, ≤ ${d.max}`;
    case 'email':
      return 'e-mail';
    case 'date':
      return 'date YYYY-MM-DD';
    case 'country':
      return '2-letter country code';
    case 'enum':
      return d.values.join(' | ');
  }
}

function FormatHelp({ kind }: { kind: ImportKind }) {
  return (
    <details className="imp-format">
      <summary>The {kind} format: columns, types and examples</summary>
      <p className="muted">
        UTF-8 (with or without BOM), comma or semicolon separated, a header row naming the columns, dates as YYYY-MM-DD, at most 20 MiB. Empty cells keep what
        is stored. Nothing is imported while any line has a problem; importing the same file twice changes nothing.
      </p>
      <table className="grid" aria-label={`${kind} CSV format`}>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Example</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {formats[kind].map((d) => (
            <tr key={d.name}>
              <td>
                <code>{d.name}</code>
              </td>
              <td>{typeText(d)}</td>
              <td>{d.required === true ? 'yes' : d.required === 'new' ? 'for new rows' : 'no'}</td>
              <td>
                <code>{d.example}</code>
              </td>
              <td className="muted">{d.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Choose or paste a CSV → preview with every problem by line → import all rows, or none. */
export function ImportPanel({ defaultKind = 'customers', onImported }: { defaultKind?: ImportKind; onImported?: () => void }) {
  const [kind, setKind] = useState<ImportKind>(defaultKind);
  const [source, setSource] = useState<Source>({ from: 'paste', text: '' });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<ImportCounts | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  function reset(next?: Partial<{ kind: ImportKind; source: Source }>) {
    if (next?.kind) setKind(next.kind);
    if (next?.source) setSource(next.source);
    setPreview(null);
    setResult(null);
    setError(null);
  }

  async function runPreview(text = source.text, k = kind) {
    setBusy(true);
    setError(null);
    setResult(null);
    const r = await api.importsPreview({ kind: k, csv: text });
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else {
      setPreview(null);
      setError(r.error);
    }
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      reset();
      setError({ kind: 'validation', message: tooLargeMessage(file.size) });
      return;
    }
    const text = await file.text();
    reset({ source: { from: 'file', name: file.name, size: file.size, text } });
    await runPreview(text);
  }

  async function commit() {
    setBusy(true);
    setError(null);
    const r = await api.importsCommit({ kind, csv: source.text });
    setBusy(false);
    if (r.ok) {
      setResult(r.value.counts);
      setPreview(null);
      onImported?.();
    } else {
      setError(r.error);
      // The data may have changed since the preview: show the problems as they are now.
      void runPreview();
    }
  }

  const problemsAt = (row: PreviewRow, column: string) => row.problems.filter((p) => p.column === column).map((p) => p.message);
  const canImport = preview !== null && preview.counts.errors === 0 && preview.counts.rows > 0;

  return (
    <div className="imp">
      <div className="imp-source">
        <div className="field">
          <label className="field-label" htmlFor="imp-kind">
            The file holds
          </label>
          <select id="imp-kind" value={kind} onChange={(e) => reset({ kind: e.target.value as ImportKind })}>
            {(Object.keys(kindLabel) as ImportKind[]).map((k) => (
              <option key={k} value={k}>
                {kindLabel[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="imp-file">
            CSV file
          </label>
          <input id="imp-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void chooseFile(e.target.files?.[0])} />
          {source.from === 'file' && (
            <span className="field-hint">
              {source.name}, {formatCount(source.size)} bytes
            </span>
          )}
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="imp-paste">
          …or paste the CSV text
        </label>
        <textarea
          id="imp-paste"
          rows={6}
          spellCheck={false}
          value={source.from === 'paste' ? source.text : ''}
          placeholder={source.from === 'file' ? `Using the file ${source.name}` : formats[kind].map((d) => d.name).join(',')}
          onChange={(e) => reset({ source: { from: 'paste', text: e.target.value } })}
        />
      </div>
      <div className="ref-form-buttons imp-buttons">
        <button type="button" disabled={busy || source.text.trim() === ''} onClick={() => void runPreview()}>
          Preview
        </button>
      </div>
      <FormatHelp kind={kind} />
      <ErrorBanner error={error} />
      {result && (
        <p className="imp-result" role="status">
          Imported {formatCount(result.rows)} rows: {formatCount(result.new)} new, {formatCount(result.updated)} updated, {formatCount(result.unchanged)} unchanged.
        </p>
      )}
      {preview && (
        <section aria-label="Import preview">
          <ul className="tiles imp-counts" aria-label="Import counts">
            {(['rows', 'new', 'updated', 'unchanged', 'errors'] as const).map((k) => (
              <li key={k} className={`tile${k === 'errors' && preview.counts.errors > 0 ? ' imp-tile-error' : ''}`}>
                <span className="tile-value">{formatCount(preview.counts[k])}</span>
                <span className="tile-label">{k === 'errors' ? 'problems' : k}</span>
              </li>
            ))}
          </ul>
          {preview.problems.length > 0 && (
            <div className="imp-problems">
              <h2>Nothing will be imported until these are fixed</h2>
              <ul aria-label="Import problems">
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    <strong>Line {p.line}</strong>
                    {p.column && <code>{p.column}</code>} {p.message}
                  </li>
                ))}
              </ul>
              {preview.counts.errors > preview.problems.length && <p className="muted">…and {formatCount(preview.counts.errors - preview.problems.length)} more.</p>}
            </div>
          )}
          <div className="ref-toolbar">
            <span className="muted">
              Separator “{preview.delimiter}”.
              {preview.counts.rows > preview.rows.length && ` The first ${formatCount(preview.rows.length)} of ${formatCount(preview.counts.rows)} rows are shown.`}
            </span>
            <button type="button" className="primary" disabled={!canImport || busy} onClick={() => void commit()}>
              Import {formatCount(preview.counts.rows)} rows
            </button>
          </div>
          <div className="imp-table-wrap">
            <table className="grid imp-table" aria-label="Rows to import">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Line
                  </th>
                  <th scope="col">Result</th>
                  {preview.columns.map((c, i) => (
                    <th key={`${c}-${i}`} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => {
                  const lineProblems = row.problems.filter((p) => p.column === null || !preview.columns.includes(p.column));
                  return (
                    <tr key={row.line} className={row.action === 'error' ? 'imp-row-error' : undefined} data-line={row.line}>
                      <td className="num">{row.line}</td>
                      <td>
                        <span className={`badge imp-${row.action}`}>{actionLabel[row.action]}</span>
                        {row.changes.length > 0 && <div className="muted">{row.changes.join(', ')}</div>}
                        {lineProblems.map((p, i) => (
                          <div key={i} className="field-error">
                            {p.message}
                          </div>
                        ))}
                      </td>
                      {preview.columns.map((c, i) => {
                        const msgs = problemsAt(row, c);
                        return (
                          <td key={`${c}-${i}`} className={msgs.length ? 'imp-cell-error' : undefined} title={msgs.join(' ') || undefined}>
                            {row.values[c] ?? ''}
                            {msgs.map((m, j) => (
                              <div key={j} className="field-error">
                                {m}
                              </div>
                            ))}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
