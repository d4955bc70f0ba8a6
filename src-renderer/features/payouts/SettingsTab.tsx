import { useEffect, useState } from 'react';
import { CURRENCY_CODES } from '../../../src-shared/money/currency';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatMoney } from '../../components/format';
import { majorToMinor, minorToMajor } from './moneyInput';

type Row = { currency: string; amount: string };

function ThresholdRow(props: { index: number; row: Row; currencyError?: string; amountError?: string; onChange(patch: Partial<Row>): void; onRemove(): void }) {
  const { index: i, row, currencyError, amountError } = props;
  const parsed = row.currency && row.amount ? majorToMinor(row.amount, row.currency) : null;
  const cId = `po-threshold-currency-${i}`;
  const aId = `po-threshold-amount-${i}`;
  return (
    <div className="po-threshold" role="group" aria-label={`Threshold ${i + 1}`}>
      <div className="field">
        <label className="field-label" htmlFor={cId}>
          Currency
        </label>
        <select id={cId} value={row.currency} aria-invalid={currencyError ? true : undefined} aria-describedby={currencyError ? `${cId}-error` : undefined} onChange={(e) => props.onChange({ currency: e.target.value })}>
          <option value="">Choose</option>
          {CURRENCY_CODES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {currencyError && (
          <span className="field-error" id={`${cId}-error`} role="alert">
            {currencyError}
          </span>
        )}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={aId}>
          Above{row.currency ? ` (${row.currency})` : ''}
        </label>
        <input id={aId} inputMode="decimal" placeholder="10000.00" value={row.amount} aria-invalid={amountError ? true : undefined} aria-describedby={amountError ? `${aId}-error` : undefined} onChange={(e) => props.onChange({ amount: e.target.value })} />
        {amountError ? (
          <span className="field-error" id={`${aId}-error`} role="alert">
            {amountError}
          </span>
        ) : (
          parsed?.ok && <span className="field-hint">{formatMoney(parsed.minor, row.currency)}</span>
        )}
      </div>
      <button type="button" onClick={props.onRemove} aria-label={`Remove threshold ${i + 1}`}>
        Remove
      </button>
    </div>
  );
}

/** Payout rules finance can change: the tax-form requirement and the second-approval thresholds per currency. */
export function SettingsTab() {
  const canEdit = useCan('payouts.approve');
  const [requireTaxForm, setRequireTaxForm] = useState(true);
  const [rows, setRows] = useState<Row[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');

  const show = (s: { requireTaxForm: boolean; secondApprovalAbove: { currency: string; minor: number }[] }) => {
    setRequireTaxForm(s.requireTaxForm);
    setRows(s.secondApprovalAbove.map((t) => ({ currency: t.currency, amount: minorToMajor(t.minor, t.currency) })));
    setLoaded(true);
  };

  useEffect(() => {
    void api.payoutsSettings({}).then((r) => (r.ok ? show(r.value) : setError(r.error)));
  }, []);

  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const fe = (i: number, field: 'currency' | 'minor') => error?.fieldErrors?.[`secondApprovalAbove.${i}.${field}`];

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaid('');
    const fieldErrors: Record<string, string> = {};
    const thresholds: { currency: string; minor: number }[] = [];
    rows.forEach((row, i) => {
      if (!row.currency) return void (fieldErrors[`secondApprovalAbove.${i}.currency`] = 'Choose a currency');
      if (rows.findIndex((r) => r.currency === row.currency) !== i) return void (fieldErrors[`secondApprovalAbove.${i}.currency`] = `${row.currency} already has a threshold`);
      const amount = majorToMinor(row.amount, row.currency);
      if (!amount.ok) return void (fieldErrors[`secondApprovalAbove.${i}.minor`] = amount.message);
      thresholds.push({ currency: row.currency, minor: amount.minor });
    });
    if (Object.keys(fieldErrors).length > 0) {
      setError({ kind: 'validation', message: 'Check the thresholds: nothing was saved.', fieldErrors });
      return;
    }
    setBusy(true);
    const r = await api.payoutsSaveSettings({ requireTaxForm, secondApprovalAbove: thresholds });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    show(r.value);
    setSaid('Payout settings saved.');
  }

  if (!loaded) return error ? <ErrorBanner error={error} /> : <p className="muted">Loading…</p>;

  return (
    <form className="card po-settings" aria-label="Payout settings" onSubmit={save} noValidate>
      <h2>Payout settings</h2>
      <ErrorBanner error={error} />
      <label className="check">
        <input type="checkbox" checked={requireTaxForm} disabled={!canEdit} onChange={(e) => setRequireTaxForm(e.target.checked)} />
        Require a tax form (W-9 / W-8) on file and not expired before a partner is paid
      </label>
      <fieldset className="po-fieldset" disabled={!canEdit}>
        <legend>Second approver above</legend>
        <p className="muted po-small">A run whose total in a currency is above its threshold needs a second finance approver. Currencies without a threshold need one approver.</p>
        {rows.length === 0 && <p className="muted">No threshold: every run needs one approver.</p>}
        {rows.map((row, i) => (
          <ThresholdRow
            key={i}
            index={i}
            row={row}
            currencyError={fe(i, 'currency')}
            amountError={fe(i, 'minor')}
            onChange={(patch) => setRow(i, patch)}
            onRemove={() => setRows((rs) => rs.filter((_, j) => j !== i))}
          />
        ))}
        <div>
          <button type="button" onClick={() => setRows((rs) => [...rs, { currency: '', amount: '' }])}>
            Add a threshold
          </button>
        </div>
      </fieldset>
      {canEdit ? (
        <div className="po-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
          <span role="status" className="po-ok">
            {said}
          </span>
        </div>
      ) : (
        <p className="muted">Only finance approvers change these settings.</p>
      )}
    </form>
  );
}
