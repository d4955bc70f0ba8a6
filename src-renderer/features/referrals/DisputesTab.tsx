import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { DisputeRow } from '../../../src-shared/referrals/contract';
import { TextAreaField } from '../../components/FormFields';
import { Dialog, EmptyRow, todayIso } from './ui';

type StatusFilter = '' | 'open' | 'decided';

/** Seed 002 §1.4: claims to keep an existing client, open ones first, each decided with a note. */
export function DisputesTab({ partnerId }: { partnerId?: string }) {
  const [status, setStatus] = useState<StatusFilter>(partnerId ? '' : 'open');
  const [rows, setRows] = useState<DisputeRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [deciding, setDeciding] = useState<DisputeRow | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.referralsListDisputes({ ...(status ? { status } : {}), ...(partnerId ? { partnerId } : {}) }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setRows(r.value.rows);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [status, partnerId, reload]);

  const close = useCallback(() => setDeciding(null), []);
  const done = useCallback(() => {
    setDeciding(null);
    setReload((n) => n + 1);
  }, []);

  return (
    <div>
      {!partnerId && (
        <div className="ref-toolbar">
          <div className="field">
            <label className="field-label" htmlFor="df-status">
              Show
            </label>
            <select id="df-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              <option value="open">Open claims</option>
              <option value="decided">Decided</option>
              <option value="">All</option>
            </select>
          </div>
          <span className="muted">Open a claim from the Customers tab (“Claim”).</span>
        </div>
      )}
      <ErrorBanner error={error} />
      <table className="grid" aria-label="Attribution disputes">
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Claimed by</th>
            <th scope="col">Credited to</th>
            <th scope="col">Opened</th>
            <th scope="col">Evidence</th>
            <th scope="col">Status</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {rows?.length === 0 && <EmptyRow columns={7}>No disputes here.</EmptyRow>}
          {rows?.map((d) => (
            <tr key={d.id}>
              <td>{d.customerName}</td>
              <td>{d.claimantCompany}</td>
              <td>{d.currentCompany ?? <span className="badge badge-unattributed">unattributed</span>}</td>
              <td>{d.openedOn}</td>
              <td className="ref-evidence">{d.evidence}</td>
              <td>
                <span className={`badge badge-${d.status}`}>{d.status}</span>
              </td>
              <td>
                {d.status === 'open' ? (
                  <button type="button" aria-label={`Decide the claim on ${d.customerName}`} onClick={() => setDeciding(d)}>
                    Decide…
                  </button>
                ) : (
                  <span className="muted">
                    {d.decidedOn} by {d.decidedBy ?? '—'}: {d.decisionNote}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deciding && <DecideDialog dispute={deciding} onDone={done} onCancel={close} />}
    </div>
  );
}

function DecideDialog({ dispute, onDone, onCancel }: { dispute: DisputeRow; onDone(): void; onCancel(): void }) {
  const f = useForm({ outcome: '', decidedOn: todayIso(), note: '' });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const done = await f.submit((v) => api.referralsDecideDispute({ disputeId: dispute.id, outcome: v.outcome as 'upheld' | 'rejected', decidedOn: v.decidedOn, note: v.note }));
    if (done) onDone();
  }
  const choice = (value: 'upheld' | 'rejected', label: string) => (
    <label className="check">
      <input type="radio" name="outcome" value={value} checked={f.values.outcome === value} onChange={f.bind('outcome').onChange} />
      {label}
    </label>
  );
  return (
    <Dialog title={`Decide the claim on ${dispute.customerName}`} onCancel={onCancel}>
      <form className="ref-form" aria-label="Decide dispute" onSubmit={save} noValidate>
        <dl className="facts">
          <dt>Claimed by</dt>
          <dd>{dispute.claimantCompany}</dd>
          <dt>Credited to</dt>
          <dd>{dispute.currentCompany ?? 'nobody'}</dd>
          <dt>Evidence</dt>
          <dd>{dispute.evidence}</dd>
        </dl>
        <ErrorBanner error={f.error} />
        <fieldset className="ref-form ref-fieldset">
          <legend className="field-label">Outcome</legend>
          {choice('upheld', `Uphold — the customer moves to ${dispute.claimantCompany}`)}
          {choice('rejected', `Reject — the customer stays with ${dispute.currentCompany ?? 'nobody'}`)}
          {f.fieldError('outcome') && (
            <span className="field-error" role="alert">
              {f.fieldError('outcome')}
            </span>
          )}
        </fieldset>
        <Field label="Decided on" id="decide-on" type="date" {...f.bind('decidedOn')} error={f.fieldError('decidedOn')} />
        <TextAreaField label="Decision note" id="decide-note" {...f.bind('note')} error={f.fieldError('note')} />
        <div className="ref-form-buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={f.busy}>
            Record decision
          </button>
        </div>
      </form>
    </Dialog>
  );
}
