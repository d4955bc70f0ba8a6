import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { formatMoney } from '../../components/format';
import { useForm } from '../../components/useForm';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { ExtraBilling } from '../../../src-shared/partners/contract';
import { formatDate, todayIso } from './dates';
import { SelectField } from '../../components/FormFields';
import { billingLabel } from './labels';
import type { TabProps } from './PartnerPage';

/** Seed 000, Appendix A: optional paid extras at their agreed cost ("None" when blank). */
export function ExtrasCard({ partner, onChange }: TabProps) {
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const form = useForm({ description: '', cost: '', currency: partner.programme.currency, billing: 'one_off', agreedOn: todayIso() });

  async function add(e: React.FormEvent) {
    e.preventDefault();
    const next = await form.submit((v) => api.partnersAddExtra({ partnerId: partner.id, ...v, billing: v.billing as ExtraBilling }));
    if (next) {
      onChange(next);
      setAdding(false);
    }
  }
  async function remove(id: string) {
    const r = await api.partnersRemoveExtra({ id });
    if (r.ok) onChange(r.value);
    else setError(r.error);
  }

  return (
    <section className="card" aria-label="Appendix A extras">
      <div className="row">
        <h2>Appendix A extras</h2>
        <button type="button" onClick={() => setAdding(true)} disabled={adding}>
          Add extra
        </button>
      </div>
      <ErrorBanner error={error} />
      {partner.extras.length === 0 ? (
        <p className="muted">None — the standard free integration only.</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Extra</th>
              <th scope="col" className="num">
                Agreed cost
              </th>
              <th scope="col">Billing</th>
              <th scope="col">Agreed on</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {partner.extras.map((x) => (
              <tr key={x.id}>
                <td>{x.description}</td>
                <td className="num">{formatMoney(x.costMinor, x.currency)}</td>
                <td>{billingLabel[x.billing]}</td>
                <td>{formatDate(x.agreedOn)}</td>
                <td>
                  <button type="button" onClick={() => void remove(x.id)} aria-label={`Remove extra ${x.description}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <form aria-label="New extra" onSubmit={add} noValidate>
          <ErrorBanner error={form.error} />
          <div className="pd-grid">
            <Field label="Extra" {...form.bind('description')} error={form.fieldError('description')} placeholder="e.g. Enhanced free credits" />
            <Field label="Agreed cost" inputMode="decimal" {...form.bind('cost')} error={form.fieldError('cost')} placeholder="1250.00" />
            <Field label="Currency" {...form.bind('currency')} error={form.fieldError('currency')} />
            <SelectField label="Billing" {...form.bind('billing')} error={form.fieldError('billing')}>
              {(Object.keys(billingLabel) as ExtraBilling[]).map((k) => (
                <option key={k} value={k}>
                  {billingLabel[k]}
                </option>
              ))}
            </SelectField>
            <Field label="Agreed on" type="date" {...form.bind('agreedOn')} error={form.fieldError('agreedOn')} />
          </div>
          <div className="row">
            <button type="button" onClick={() => setAdding(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={form.busy}>
              Save extra
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
