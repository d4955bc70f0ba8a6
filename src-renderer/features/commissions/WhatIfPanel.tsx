import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { formatMoney } from '../../components/format';
import type { whatIf } from '../../../src-shared/commissions/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { formatSignedMoney, monthFromNow } from './format';
import type { PlanJson } from './planForm';

type Answer = z.output<typeof whatIf.output>;

/**
 * What-if: the draft plan over past revenue beside the plan each partner has now, per
 * partner and currency. The core computes it and writes nothing.
 */
export function WhatIfPanel({ body, planId, blocked, onInvalid }: { body: PlanJson; planId: string | null; blocked: boolean; onInvalid(error: AppError): void }) {
  const [range, setRange] = useState({ from: monthFromNow(-6), to: monthFromNow(-1) });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(e: FormEvent) {
    e.preventDefault();
    if (blocked) {
      setError({ kind: 'validation', message: 'Correct the fields marked in red in the editor first.' });
      return;
    }
    setBusy(true);
    setError(null);
    const r = await api.commissionsWhatIf({ planBody: body, ...(planId ? { planId } : {}), fromPeriod: range.from, toPeriod: range.to });
    setBusy(false);
    if (r.ok) setAnswer(r.value);
    else {
      setAnswer(null);
      setError(r.error);
      // The draft's own problems go next to their fields in the editor too.
      if (r.error.fieldErrors && Object.keys(r.error.fieldErrors).some((k) => k.startsWith('planBody'))) onInvalid(r.error);
    }
  }

  return (
    <section className="card com-whatif" aria-label="What-if">
      <h2>What-if</h2>
      <p className="muted">
        Runs this draft over the months chosen beside the plan each partner has now ({planId ? 'the partners this plan is assigned to' : 'every partner with a commission plan'}).
        Nothing is written to the ledger.
      </p>
      <form className="com-filters" onSubmit={run} aria-label="What-if months" noValidate>
        <Field label="From month" name="whatif-from" type="month" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} error={error?.fieldErrors?.fromPeriod} />
        <Field label="To month" name="whatif-to" type="month" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} error={error?.fieldErrors?.toPeriod} />
        <div className="com-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Computing…' : 'Run what-if'}
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
      {answer && (
        <>
          <div className="com-scroll">
            <table className="grid com-table" aria-label="What-if by partner">
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">Currency</th>
                  <th scope="col" className="num">
                    Current plan
                  </th>
                  <th scope="col" className="num">
                    Draft
                  </th>
                  <th scope="col" className="num">
                    Difference
                  </th>
                </tr>
              </thead>
              <tbody>
                {answer.rows.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">
                      No partner earned anything in these months under either plan.
                    </td>
                  </tr>
                )}
                {answer.rows.map((r) => (
                  <tr key={`${r.partnerId}-${r.currency}`}>
                    <td>{r.partnerCompany}</td>
                    <td>{r.currency}</td>
                    <td className="num">{formatMoney(r.currentNetMinor, r.currency)}</td>
                    <td className="num">{formatMoney(r.draftNetMinor, r.currency)}</td>
                    <td className={`num ${r.differenceMinor < 0 ? 'com-negative' : r.differenceMinor > 0 ? 'com-positive' : ''}`}>{formatSignedMoney(r.differenceMinor, r.currency)}</td>
                  </tr>
                ))}
              </tbody>
              {answer.totals.length > 0 && (
                <tfoot>
                  {answer.totals.map((t) => (
                    <tr key={t.currency}>
                      <th scope="row">All {answer.partners} partners</th>
                      <td>{t.currency}</td>
                      <td className="num">{formatMoney(t.currentNetMinor, t.currency)}</td>
                      <td className="num">{formatMoney(t.draftNetMinor, t.currency)}</td>
                      <td className="num">
                        <strong>{formatSignedMoney(t.differenceMinor, t.currency)}</strong>
                      </td>
                    </tr>
                  ))}
                </tfoot>
              )}
            </table>
          </div>
          {answer.notes.length > 0 && (
            <ul className="muted">
              {answer.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
