import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatMoney } from '../../components/format';
import { formatStamp } from '../commissions/format';
import { CreateStandingForm, type Standing } from './CreateStandingForm';
import { PayStandingResultView, type PayStandingResult } from './PayStandingResult';

/** Standing approvals: the list, a new one, revoking one, and paying under them now. */
export function StandingTab() {
  const canApprove = useCan('payouts.approve');
  const canPrepare = useCan('payouts.prepare');
  const [approvals, setApprovals] = useState<Standing[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [said, setSaid] = useState('');
  const [paying, setPaying] = useState(false);
  const [result, setResult] = useState<PayStandingResult | null>(null);

  const load = useCallback(async () => {
    const r = await api.payoutsStandingList({});
    if (r.ok) setApprovals(r.value.approvals);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function revoke(s: Standing) {
    const r = await api.payoutsStandingRevoke({ id: s.id });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaid(`The standing approval for ${s.planName} (${s.currency}) is revoked.`);
    void load();
  }

  async function payNow() {
    setPaying(true);
    setResult(null);
    const r = await api.payoutsPayStanding({});
    setPaying(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setResult(r.value);
  }

  return (
    <div className="po-standing">
      <p className="muted po-note">
        Seed 000 pays partners as soon as their customers pay: under a standing approval, payable commission on the plan is paid without a manual approval, within the limits per line and per day — still
        through the outbox, still exactly once.
      </p>
      <ErrorBanner error={error} />
      <p role="status" className="po-ok">
        {said}
      </p>
      <table className="grid po-table" aria-label="Standing approvals">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Currency</th>
            <th scope="col" className="num">
              Per line
            </th>
            <th scope="col" className="num">
              Per day
            </th>
            <th scope="col">Recorded</th>
            <th scope="col">Note</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {approvals.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No standing approval.
              </td>
            </tr>
          )}
          {approvals.map((s) => (
            <tr key={s.id}>
              <td>
                {s.planName} <span className="muted">({s.planCode})</span>
              </td>
              <td>{s.currency}</td>
              <td className="num">{formatMoney(s.perLineLimitMinor, s.currency)}</td>
              <td className="num">{formatMoney(s.perDayLimitMinor, s.currency)}</td>
              <td className="po-nowrap">
                {formatStamp(s.createdAt)} <div className="muted po-small">by {s.createdBy}</div>
              </td>
              <td>{s.note || <span className="muted">—</span>}</td>
              <td>
                {s.revokedAt ? (
                  <span className="muted">
                    Revoked {formatStamp(s.revokedAt)}
                    {s.revokedBy && ` by ${s.revokedBy}`}
                  </span>
                ) : (
                  <div className="po-actions">
                    <span className="badge po-line-ready">Active</span>
                    {canApprove && (
                      <button type="button" onClick={() => void revoke(s)} aria-label={`Revoke the standing approval for ${s.planName} (${s.currency})`}>
                        Revoke
                      </button>
                    )}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canPrepare && (
        <div className="po-buttons po-pay-now">
          <button type="button" className="primary" disabled={paying} onClick={() => void payNow()}>
            {paying ? 'Paying…' : 'Pay under standing approvals now'}
          </button>
        </div>
      )}
      {result && <PayStandingResultView result={result} />}
      {canApprove && (
        <CreateStandingForm
          onCreated={(s) => {
            setSaid(`Standing approval recorded for ${s.planName} (${s.currency}).`);
            void load();
          }}
        />
      )}
    </div>
  );
}
