import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { formatMoney } from '../../components/format';
import { isCurrencyCode } from '../../../src-shared/money/currency';
import { parseDecimalToMinor } from '../../../src-shared/money/parse';
import type { AppError } from '../../../src-shared/rpc/errors';
import { todayIso } from './format';
import { SelectField } from '../../components/FormFields';

/** Seed 002 §1.7: the integrator's prepaid balance is topped up by card or by invoice. */
export function TopUpForm({ partnerId, currency, onRecorded }: { partnerId: string; currency: string; onRecorded(): void }) {
  const [values, setValues] = useState({ method: 'card', amount: '', occurredOn: todayIso(), reference: '' });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const bind = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  const fe = (name: string) => error?.fieldErrors?.[name];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    let amountMinor: number;
    try {
      if (!isCurrencyCode(currency)) throw new Error(`${currency} is not a currency this workspace knows`);
      amountMinor = parseDecimalToMinor(values.amount, currency);
    } catch (err) {
      setError({ kind: 'validation', message: 'Check the amount.', fieldErrors: { amountMinor: (err as Error).message } });
      return;
    }
    setBusy(true);
    setError(null);
    const r = await api.commissionsRecordTopUp({
      partnerId,
      method: values.method as 'card' | 'invoice',
      amountMinor,
      currency,
      occurredOn: values.occurredOn,
      reference: values.reference,
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setDone(`Recorded: ${r.value.movement.explanation}. Prepaid balance now ${formatMoney(r.value.prepaidBalanceMinor, currency)}.`);
    setValues((v) => ({ ...v, amount: '', reference: '' }));
    onRecorded();
  }

  return (
    <form className="card com-topup" aria-label="Record top-up" onSubmit={submit} noValidate>
      <h3>Record top-up</h3>
      <ErrorBanner error={error} />
      <div className="com-form-grid">
        <SelectField label="Method" {...bind('method')} id="topup-method" error={fe('method')}>
          <option value="card">Card</option>
          <option value="invoice">Invoice</option>
        </SelectField>
        <Field label={`Amount (${currency})`} {...bind('amount')} id="topup-amount" inputMode="decimal" placeholder="500.00" error={fe('amountMinor')} />
        <Field label="Date" {...bind('occurredOn')} id="topup-date" type="date" error={fe('occurredOn')} />
        <Field label="Reference" {...bind('reference')} id="topup-reference" placeholder="e.g. INV-2026-031" error={fe('reference')} />
      </div>
      <div className="com-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record top-up'}
        </button>
      </div>
      {done && (
        <p role="status" className="com-ok">
          {done}
        </p>
      )}
    </form>
  );
}
