import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { api } from '../api/client';
import { hostKind } from '../api/transport';
import { useCan } from '../app/useCan';
import { reports } from '../../src-shared/reports/catalogue';
import type { ExportFormat, ExportJob, ReportQuery } from '../../src-shared/reports/contract';
import type { AppError } from '../../src-shared/rpc/errors';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';
import { formatCount } from './format';
import './ExportMenu.css';

// "Export what I see": any table passes its report query (its current filters) and the
// columns it shows; the core writes the file as a job, this dialog shows its progress and
// can cancel it, then hands the file over — a download from the browser host, or the
// file's place in the workspace's exports folder in the desktop app.

type Choice = 'csv' | 'csv-excel' | 'xlsx' | 'pdf';
const choices: { id: Choice; label: string; hint: string }[] = [
  { id: 'csv', label: 'CSV', hint: 'Plain UTF-8, RFC 4180: for other programs and scripts' },
  { id: 'csv-excel', label: 'CSV for Excel', hint: 'With a byte-order mark so Excel reads accents and €' },
  { id: 'xlsx', label: 'Excel workbook (XLSX)', hint: 'Amounts as numbers in their currency, dates as dates, totals sheet' },
  { id: 'pdf', label: 'PDF', hint: 'For reading and sending: pages with the totals at the end' },
];

/** The session token of the browser host (kept by api/transport.ts), which the download link must carry. */
const downloadHref = (path: string) => `${path}?token=${encodeURIComponent(sessionStorage.getItem('partnerdesk.token') ?? '')}`;

function startDownload(job: ExportJob) {
  if (!job.download) return;
  const a = document.createElement('a');
  a.href = downloadHref(job.download);
  a.download = job.fileName;
  a.className = 'export-hidden-link';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

interface Props {
  query: ReportQuery;
  /** The table's visible columns (report column ids); omitted = the report's usual columns. */
  columns?: readonly string[];
  label?: string;
}

export function ExportMenu({ query, columns, label = 'Export…' }: Props) {
  const can = useCan('reports.export');
  const [open, setOpen] = useState(false);
  if (!can) return null;
  return (
    <>
      <button type="button" className="export-button" onClick={() => setOpen(true)}>
        {label}
      </button>
      {/* A portal: the button may sit inside a table's filter form, and forms do not nest. */}
      {open && createPortal(<ExportDialog query={query} columns={columns} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

function ExportDialog({ query, columns, onClose }: { query: ReportQuery; columns?: readonly string[] | undefined; onClose(): void }) {
  const info = reports[query.report];
  const [choice, setChoice] = useState<Choice>('csv');
  const [delimiter, setDelimiter] = useState<',' | ';'>(',');
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  // Poll the job while it runs; hand the file over once it is done.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(async () => {
      const r = await api.reportsExportStatus({ jobId: job.jobId });
      if (!alive.current) return;
      if (!r.ok) return setError(r.error);
      setJob(r.value);
      if (r.value.state === 'done' && hostKind === 'browser') startDownload(r.value);
    }, 250);
    return () => clearTimeout(timer);
  }, [job]);

  async function start() {
    setBusy(true);
    setError(null);
    const format: ExportFormat = choice === 'csv-excel' ? 'csv' : choice;
    const r = await api.reportsExportStart({
      query,
      format,
      ...(columns ? { columns: [...columns] } : {}),
      ...(format === 'csv' ? { csv: { excel: choice === 'csv-excel', delimiter: choice === 'csv-excel' ? delimiter : ',' } } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setJob(r.value);
    if (r.value.state === 'done' && hostKind === 'browser') startDownload(r.value);
  }

  async function cancel() {
    if (!job) return;
    setBusy(true);
    const r = await api.reportsExportCancel({ jobId: job.jobId });
    setBusy(false);
    if (r.ok) setJob(r.value);
    else setError(r.error);
  }

  const running = job?.state === 'running';
  const shown = columns?.length ?? info.columns.filter((c) => !c.optional).length;
  return (
    <Dialog title={`Export ${info.title.toLowerCase()}`} onCancel={running ? () => undefined : onClose} className="export-dialog">
      {!job && (
        <form
          aria-label="Export options"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <p className="muted">
            The rows as filtered here, with the {shown} column{shown === 1 ? '' : 's'} shown
            {columns && info.columns.some((c) => c.kind === 'money' && columns.includes(c.id)) ? ' (and the currency beside every amount)' : ''}.
          </p>
          <fieldset className="export-formats">
            <legend>Format</legend>
            {choices.map((c) => (
              <label key={c.id} className="export-format">
                <input type="radio" name="export-format" value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} />
                <span>
                  <strong>{c.label}</strong>
                  <span className="muted"> — {c.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {choice === 'csv-excel' && (
            <label className="export-separator">
              Separator
              <select value={delimiter} onChange={(e) => setDelimiter(e.target.value as ',' | ';')}>
                <option value=",">Comma (English Excel)</option>
                <option value=";">Semicolon (Excel in most of Europe)</option>
              </select>
            </label>
          )}
          <ErrorBanner error={error} />
          <div className="row export-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="submit" className="primary" disabled={busy}>
              Export
            </button>
          </div>
        </form>
      )}
      {job && (
        <div className="export-progress" role="status" aria-live="polite" aria-label="Export progress">
          <progress max={Math.max(1, job.rowsTotal)} value={job.state === 'done' ? Math.max(1, job.rowsTotal) : job.rowsWritten} aria-label="Rows written" />
          <p data-testid="export-state">
            {job.state === 'running' && `Writing ${job.fileName}: ${formatCount(job.rowsWritten)} of ${formatCount(job.rowsTotal)} rows…`}
            {job.state === 'done' && `${job.fileName} is ready: ${formatCount(job.rowsWritten)} ${job.rowsWritten === 1 ? 'row' : 'rows'}.`}
            {job.state === 'cancelled' && 'Export cancelled; the partial file was removed.'}
            {job.state === 'failed' && (job.error ?? 'The export failed.')}
          </p>
          {job.state === 'done' && hostKind === 'browser' && job.download && (
            <a href={downloadHref(job.download)} download={job.fileName}>
              Download {job.fileName} again
            </a>
          )}
          {job.state === 'done' && hostKind === 'electron' && job.path && (
            <p>
              Saved in the workspace’s exports folder: <code>{job.path}</code>
            </p>
          )}
          <ErrorBanner error={error} />
          <div className="row export-actions">
            {running ? (
              <button type="button" onClick={() => void cancel()} disabled={busy}>
                Cancel export
              </button>
            ) : (
              <button type="button" onClick={onClose}>
                Close
              </button>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
