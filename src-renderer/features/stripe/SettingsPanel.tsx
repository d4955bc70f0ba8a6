import { useEffect, useState } from 'react';
import type { SettingsView } from '../../../src-shared/stripe/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { statusChanged } from './ConnectionStatus';
import { ModeBadge } from './ModeBadge';

/** The restricted key (kept only in the encrypted workspace; shown masked) and a connection check. */
export function SettingsPanel({ onSaved }: { onSaved?: (v: SettingsView) => void }) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [checkError, setCheckError] = useState<AppError | null>(null);
  const [checking, setChecking] = useState(false);
  const form = useForm({ key: '', apiBase: '' });
  useEffect(() => {
    void api.stripeGetSettings({}).then((r) => r.ok && setView(r.value));
  }, []);
  const save = async () => {
    const v = await form.submit((x) => api.stripeSaveSettings(x));
    if (v) {
      // The key leaves the screen once saved: it lives only in the encrypted workspace.
      form.bind('key').onChange({ target: { value: '' } });
      setView(v);
      onSaved?.(v);
      await check();
    }
  };
  const check = async () => {
    setChecking(true);
    setCheckError(null);
    const r = await api.stripeCheckConnection({});
    setChecking(false);
    statusChanged();
    if (r.ok) setView(r.value);
    else setCheckError(r.error);
  };
  return (
    <div className="card">
      <h2>Connection</h2>
      {view?.configured ? (
        <dl className="facts">
          <dt>Key</dt>
          <dd data-testid="stripe-masked-key">
            {view.maskedKey} <ModeBadge mode={view.mode} />
          </dd>
          <dt>Server</dt>
          <dd>{view.apiBase ?? 'api.stripe.com'}</dd>
          <dt>Account</dt>
          <dd data-testid="stripe-account">{view.accountName ? `${view.accountName} (${view.accountId})` : 'not checked yet'}</dd>
        </dl>
      ) : (
        <p className="muted">Not connected. Create a restricted key in the Stripe Dashboard (read access to customers, subscriptions, invoices, charges, disputes, products, events; write access to Connect accounts) and paste it here.</p>
      )}
      <ErrorBanner error={checkError ?? form.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Restricted key" type="password" autoComplete="off" {...form.bind('key')} error={form.fieldError('key')} hint="rk_test_… or rk_live_…; stored encrypted in this workspace, never shown again" />
        <Field label="Server address" {...form.bind('apiBase')} error={form.fieldError('apiBase')} hint="Leave empty for api.stripe.com; e.g. http://127.0.0.1:12111 for the fake Stripe" />
        <div className="pd-stripe-row">
          <button type="submit" className="primary" disabled={form.busy}>
            Save key
          </button>
          {view?.configured && (
            <button type="button" onClick={() => void check()} disabled={checking}>
              {checking ? 'Checking…' : 'Check connection'}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
