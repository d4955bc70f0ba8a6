import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { PlanSummary } from '../../../src-shared/commissions/contract';
import { CURRENCY_CODES } from '../../../src-shared/money/currency';
import type { StandingSchema } from '../../../src-shared/payouts/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { bannerOf } from './dialogBits';
import { majorToMinor } from './moneyInput';

export type Standing = z.output<typeof StandingSchema>;

const blank = { planId: '', currency: '', perLine: '', perDay: '', note: '' };

/** Seed 000: the finance user's standing approval for a plan, under which payable commission is paid as customers pay. */
export function CreateStandingForm({ onCreated }: { onCreated(s: Standing): void }) {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [values, setValues] = useState(blank);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.commissionsListPlans({}).then((r) => (r.ok ? setPlans(r.value.plans.filter((p) => p.kind === 'commission')) : setError(r.error)));
  }, []);

  const bind = (name: keyof typeof blank) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  const fe = (name: string) => error?.fieldErrors?.[name];

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const perLine = majorToMinor(values.perLine, values.currency);
    const perDay = majorToMinor(values.perDay, values.currency);
    const fieldErrors: Record<string, string> = {};
    if (!values.planId) fieldErrors.planId = 'Choose a plan';
    if (!values.currency) fieldErrors.currency = 'Choose the currency the approval covers';
    else {
      if (!perLine.ok) fieldErrors.perLineLimitMinor = perLine.message;
      if (!perDay.ok) fieldErrors.perDayLimitMinor = perDay.message;
    }
    if (Object.keys(fieldErrors).length > 0 || !perLine.ok || !perDay.ok) {
      setError({ kind: 'validation', message: 'Check the highlighted fields.', fieldErrors });
      return;
    }
    setBusy(true);
    const r = await api.payoutsStandingCreate({ planId: values.planId, currency: values.currency, perLineLimitMinor: perLine.minor, perDayLimitMinor: perDay.minor, note: values.note });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setValues(blank);
    onCreated(r.value);
  }

  const unit = values.currency ? ` (${values.currency})` : '';
  return (
    <form className="card po-standing-form" aria-label="New standing approval" onSubmit={submit} noValidate>
      <h3>New standing approval</h3>
      <ErrorBanner error={bannerOf(error, ['planId', 'currency', 'perLineLimitMinor', 'perDayLimitMinor', 'note'])} />
      <div className="po-form-grid">
        <SelectField label="Plan" id="po-standing-plan" {...bind('planId')} error={fe('planId')}>
          <option value="">Choose a plan</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.code})
            </option>
          ))}
        </SelectField>
        <SelectField label="Currency" id="po-standing-currency" {...bind('currency')} error={fe('currency')}>
          <option value="">Choose</option>
          {CURRENCY_CODES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <Field label={`Limit per line${unit}`} id="po-standing-per-line" inputMode="decimal" placeholder="500.00" {...bind('perLine')} error={fe('perLineLimitMinor')} />
        <Field label={`Limit per day${unit}`} id="po-standing-per-day" inputMode="decimal" placeholder="5000.00" {...bind('perDay')} error={fe('perDayLimitMinor')} />
        <Field label="Note" id="po-standing-note" {...bind('note')} error={fe('note')} />
      </div>
      <div className="po-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Record standing approval'}
        </button>
      </div>
    </form>
  );
}
