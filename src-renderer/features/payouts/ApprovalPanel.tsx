import { useState } from 'react';
import type { RunDetail } from '../../../src-shared/payouts/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { formatStamp } from '../commissions/format';
import { ReasonDialog } from './ReasonDialog';

/** Transfers sent per execute call. */
const STEP = 5;

const decisionLabel = { approve: 'Approved', reject: 'Rejected', standing: 'Paid under a standing approval' } as const;

/**
 * Maker-checker: the approver is not the preparer, a second approver is needed above the
 * threshold, and the approval is bound to the hash of the lines on screen — a run that has
 * changed since it was loaded is refused by the core, not approved.
 */
export function ApprovalPanel(props: { run: RunDetail; onRun(run: RunDetail, said: string): void; onError(error: AppError): void; onExecuted(problem: AppError | null): void }) {
  const { run } = props;
  const canApprove = useCan('payouts.approve');
  const canPrepare = useCan('payouts.prepare');
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const given = run.approvals.filter((a) => a.decision === 'approve').length;

  async function call(work: () => ReturnType<typeof api.payoutsApprove>, said: (r: RunDetail) => string, reportError = true) {
    setBusy(true);
    const r = await work();
    setBusy(false);
    if (r.ok) props.onRun(r.value, said(r.value));
    else if (reportError) props.onError(r.error);
    return r;
  }

  const approve = () =>
    call(
      () => api.payoutsApprove({ runId: run.id, linesHash: run.linesHash }),
      (r) => (r.status === 'approved' ? 'Approved: the run can be executed.' : `Approval recorded: ${r.approvals.filter((a) => a.decision === 'approve').length} of ${r.approvalsNeeded}.`),
    );
  // A few transfers per call: between calls the screen shows each line's new state and the progress bar moves.
  const execute = async () => {
    setBusy(true);
    let last = run;
    for (;;) {
      const r = await api.payoutsExecute({ runId: run.id, limit: STEP });
      if (!r.ok) {
        setBusy(false);
        // The run may be executing even when the call failed (Stripe not connected or unreachable): the transfers wait in the outbox.
        props.onExecuted(r.error);
        return;
      }
      const before = last.lines.filter((l) => l.state === 'queued').length;
      last = r.value;
      const queued = last.lines.filter((l) => l.state === 'queued').length;
      props.onRun(last, last.status === 'completed' ? 'Executed: every line is paid.' : 'Executed: the transfers that could go have gone; the lines below say what waits.');
      if (queued === 0 || queued >= before) break;
    }
    setBusy(false);
    props.onExecuted(null);
  };

  return (
    <section className="card po-approval" aria-label="Approval">
      <h2>Approval</h2>
      <p>
        {run.kind === 'standing' ? (
          'Paid under a standing approval.'
        ) : run.status === 'prepared' ? (
          <>
            <strong data-testid="po-approvals-count">
              {given} of {run.approvalsNeeded}
            </strong>{' '}
            {run.approvalsNeeded === 1 ? 'approval' : 'approvals'} given.
            {run.approvalsNeeded > 1 && <span className="muted"> A second approver is needed: the run is above the threshold in one of its currencies.</span>}
          </>
        ) : (
          // Decided: what was given; today's thresholds say nothing about what was needed then.
          <>
            <strong data-testid="po-approvals-count">{given}</strong> {given === 1 ? 'approval' : 'approvals'} given.
          </>
        )}
      </p>
      {run.approvals.length > 0 && (
        <ul className="po-approvals" aria-label="Decisions">
          {run.approvals.map((a) => (
            <li key={`${a.userId}-${a.at}`}>
              {decisionLabel[a.decision]} by {a.displayName} <span className="muted">{formatStamp(a.at)}</span>
              {a.reason && <span> — {a.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      {run.status === 'prepared' && canApprove && (
        <div className="po-buttons">
          <button type="button" className="primary" disabled={busy || !run.approval.allowed} aria-describedby={run.approval.allowed ? undefined : 'po-approve-reason'} onClick={() => void approve()}>
            Approve
          </button>
          <button type="button" disabled={busy} onClick={() => setRejecting(true)}>
            Reject
          </button>
          {!run.approval.allowed && run.approval.reason && (
            <span id="po-approve-reason" className="po-refusal" data-testid="po-approve-reason">
              {run.approval.reason}
            </span>
          )}
        </div>
      )}
      {run.status === 'prepared' && !canApprove && <p className="muted">Waiting for a finance approver.</p>}
      {(run.status === 'approved' || run.status === 'executing') && canPrepare && (
        <div className="po-buttons">
          <button type="button" className="primary" disabled={busy} onClick={() => void execute()}>
            {run.status === 'approved' ? 'Execute' : 'Resume execution'}
          </button>
          <span className="muted po-small">Stripe lines are sent as transfers, each exactly once; lines paid outside the app wait to be marked paid.</span>
        </div>
      )}
      {rejecting && (
        <ReasonDialog
          title="Reject the run"
          intro="The run is closed and nothing in it is paid; its entries stay payable for a later run."
          submitLabel="Reject run"
          call={(reason) => api.payoutsReject({ runId: run.id, reason })}
          onCancel={() => setRejecting(false)}
          onDone={(r) => {
            setRejecting(false);
            props.onRun(r, 'The run is rejected.');
          }}
        />
      )}
    </section>
  );
}
