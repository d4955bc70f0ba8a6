import { useCallback, useEffect, useState } from 'react';
import type { Line, RunDetail } from '../../../src-shared/payouts/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatMoney } from '../../components/format';
import { formatDay, formatStamp } from '../commissions/format';
import { ApprovalPanel } from './ApprovalPanel';
import { ChargebackNoticeDialog } from './ChargebackNoticeDialog';
import { EntriesDialog } from './EntriesDialog';
import { ExecutionProgress } from './ExecutionProgress';
import { LinesTable, type LineAction } from './LinesTable';
import { MarkPaidDialog } from './MarkPaidDialog';
import { ReasonDialog } from './ReasonDialog';
import { RecordDocumentDialog } from './RecordDocumentDialog';
import { countsText } from './RunsTable';
import { downloadPayoutFile } from './download';
import { documentKindLabel, runStatusLabel } from './labels';
import { usePayoutsUi } from './payoutsStore';
import { useExecutionPolling, isInFlight } from './useExecutionPolling';

type Open = { action: 'entries' | 'release' | 'markPaid' | 'document' | 'notice'; line: Line } | null;

/** One run: header, totals per currency, approval, execution progress, lines with their actions, the register. */
export function RunDetailView({ runId }: { runId: string }) {
  const canExport = useCan('reports.export');
  const canPrepare = useCan('payouts.prepare');
  const [run, setRun] = useState<RunDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [said, setSaid] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const [busyLine, setBusyLine] = useState<string | null>(null);
  /** Why the last Execute left transfers waiting (e.g. Stripe not connected), in the core's words. */
  const [executeNote, setExecuteNote] = useState('');
  /** A document was recorded after this run was prepared: its lines no longer match the ledger. */
  const [stale, setStale] = useState(false);
  const openRun = usePayoutsUi((s) => s.openRun);
  const polling = useExecutionPolling(run, setRun);

  const reload = useCallback(async () => {
    const r = await api.payoutsGet({ runId });
    if (r.ok) setRun(r.value);
    else setError(r.error);
  }, [runId]);

  useEffect(() => {
    setRun(null);
    setError(null);
    setSaid('');
    setExecuteNote('');
    setStale(false);
    void reload();
  }, [reload]);

  const done = (next: RunDetail, message: string) => {
    setRun(next);
    setError(null);
    setSaid(message);
    setOpen(null);
  };
  const failed = (e: AppError) => {
    setError(e);
    setSaid('');
    // A refusal may mean the run moved on (another approver, a voiding change): show it as it is now.
    void reload();
  };

  async function lineCall(line: Line, work: () => ReturnType<typeof api.payoutsRetryLine>, message: string) {
    setBusyLine(line.id);
    const r = await work();
    setBusyLine(null);
    if (r.ok) {
      done(r.value, message);
      polling.watch();
    } else failed(r.error);
  }

  /** After Execute: a refusal that leaves transfers waiting is shown with the execution, anything else above the run. */
  async function executed(problem: AppError | null) {
    setExecuteNote('');
    if (problem) {
      const r = await api.payoutsGet({ runId });
      if (r.ok) setRun(r.value);
      if (r.ok && isInFlight(r.value)) {
        setExecuteNote(problem.message);
        setError(null);
        setSaid('');
      } else setError(problem);
    }
    polling.watch();
  }

  async function prepareAgain(current: RunDetail) {
    const r = await api.payoutsPrepare({ payDate: current.payDate, note: current.note });
    if (r.ok) openRun(r.value.id);
    else setError(r.error);
  }

  async function download(work: () => ReturnType<typeof api.payoutsRemittance>) {
    const r = await work();
    if (r.ok) downloadPayoutFile(r.value);
    else setError(r.error);
  }

  function onAction(action: LineAction, line: Line) {
    if (action === 'retry') void lineCall(line, () => api.payoutsRetryLine({ lineId: line.id }), `${line.partnerCompany}: queued again for a new attempt.`);
    else if (action === 'remittance') void download(() => api.payoutsRemittance({ lineId: line.id }));
    else setOpen({ action, line });
  }

  if (!run) {
    return (
      <div className="po-run">
        <ErrorBanner error={error} />
        {!error && <p className="muted">Loading the run…</p>}
      </div>
    );
  }

  return (
    <div className="po-run">
      <header className="po-run-head">
        <div>
          <h2>
            Run of {formatDay(run.payDate)} <span className={`badge po-run-${run.status}`} data-testid="po-run-status">{runStatusLabel[run.status]}</span>
            {run.kind === 'standing' && <span className="badge po-kind">standing approval</span>}
          </h2>
          <p className="muted po-small">
            Prepared {formatStamp(run.preparedAt)}
            {run.preparedBy && ` by ${run.preparedBy}`}
            {run.decidedAt && ` · decided ${formatStamp(run.decidedAt)}`} · {countsText(run.counts)} · transfer group <code>{run.transferGroup}</code>
          </p>
          {run.note && <p>{run.note}</p>}
          {run.reason && (
            <p className="po-reason" data-testid="po-run-reason">
              {run.status === 'rejected' ? 'Rejected: ' : run.status === 'voided' ? 'Voided: ' : ''}
              {run.reason}
            </p>
          )}
        </div>
        {canExport && (
          <div className="po-buttons" role="group" aria-label="Payout register">
            <button type="button" onClick={() => void download(() => api.payoutsRegister({ runId: run.id, format: 'csv' }))}>
              Register CSV
            </button>
            <button type="button" onClick={() => void download(() => api.payoutsRegister({ runId: run.id, format: 'xlsx' }))}>
              Register XLSX
            </button>
          </div>
        )}
      </header>
      <ErrorBanner error={error} />
      <p role="status" className="po-ok">
        {said}
      </p>
      {(stale || run.stale) && run.status === 'prepared' && (
        <div className="hint-box po-stale" role="region" aria-label="Run out of date">
          <p>
            The ledger has changed since this run was prepared (a document recorded, a new entry, a partner fact), so its lines no longer show what would be paid — and approving it would void it.
            Prepare a new run for {formatDay(run.payDate)}; it replaces this one.
          </p>
          {canPrepare && (
            <button type="button" className="primary" onClick={() => void prepareAgain(run)}>
              Prepare again for {formatDay(run.payDate)}
            </button>
          )}
        </div>
      )}
      <div className="po-run-cards">
        <section className="card po-totals" aria-label="Totals">
          <h2>Pays</h2>
          <table className="grid po-table" aria-label="Totals by currency">
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Lines
                </th>
              </tr>
            </thead>
            <tbody>
              {run.totals.length === 0 && (
                <tr>
                  <td colSpan={3} className="muted">
                    Nothing to pay.
                  </td>
                </tr>
              )}
              {run.totals.map((t) => (
                <tr key={t.currency} data-currency={t.currency}>
                  <th scope="row">{t.currency}</th>
                  <td className="num">
                    <strong>{formatMoney(t.amountMinor, t.currency)}</strong>
                  </td>
                  <td className="num">{t.lineCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <ApprovalPanel
          run={run}
          onRun={done}
          onError={failed}
          onExecuted={(problem) => void executed(problem)}
        />
      </div>
      {(run.status === 'executing' || run.status === 'completed') && <ExecutionProgress run={run} stalled={polling.stalled} polling={isInFlight(run)} note={executeNote} />}
      <h2>Lines</h2>
      <LinesTable lines={run.lines} busyLine={busyLine} onAction={onAction} />

      {open?.action === 'entries' && <EntriesDialog line={open.line} onCancel={() => setOpen(null)} />}
      {open?.action === 'notice' && <ChargebackNoticeDialog line={open.line} runId={run.id} onCancel={() => setOpen(null)} />}
      {open?.action === 'markPaid' && (
        <MarkPaidDialog line={open.line} onCancel={() => setOpen(null)} onDone={(r) => done(r, `${open.line.partnerCompany}: marked paid.`)} />
      )}
      {open?.action === 'release' && (
        <ReasonDialog
          title={`Release ${open.line.partnerCompany}'s line`}
          intro="The line is not paid in this run; its ledger entries become payable again for a later run."
          submitLabel="Release line"
          call={(reason) => api.payoutsReleaseLine({ lineId: open.line.id, reason })}
          onCancel={() => setOpen(null)}
          onDone={(r) => done(r, `${open.line.partnerCompany}: released.`)}
        />
      )}
      {open?.action === 'document' && (
        <RecordDocumentDialog
          line={open.line}
          period={run.documentsPeriod}
          onCancel={() => setOpen(null)}
          onDone={(doc) => {
            setOpen(null);
            setSaid(`${documentKindLabel[doc.kind]} ${doc.reference} for ${doc.period} recorded for ${open.line.partnerCompany}.`);
            setStale(true);
          }}
        />
      )}
    </div>
  );
}
