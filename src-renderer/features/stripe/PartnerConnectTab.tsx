import { useEffect, useState } from 'react';
import type { ConnectView } from '../../../src-shared/stripe/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { statusChanged } from './ConnectionStatus';
import { ModeBadge } from './ModeBadge';
import './stripe.css';

const stateLabel: Record<ConnectView['state'], string> = { none: 'No connected account', pending: 'Onboarding not finished', restricted: 'Restricted — Stripe needs more information', enabled: 'Ready for payouts' };

/** A partner's Stripe Connect account: create it, send the onboarding link, see what is missing. */
export function PartnerConnectTab({ partnerId }: { partnerId: string }) {
  const [view, setView] = useState<ConnectView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void api.stripeConnectGet({ partnerId }).then((r) => (r.ok ? setView(r.value) : setError(r.error)));
  }, [partnerId]);
  const run = async <T,>(fn: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>, then: (v: T) => void) => {
    setBusy(true);
    setError(null);
    const r = await fn();
    setBusy(false);
    statusChanged();
    if (r.ok) then(r.value);
    else setError(r.error);
  };
  if (!view) return <ErrorBanner error={error} />;
  return (
    <div className="card" data-testid="stripe-connect">
      <h2>
        Stripe Connect <ModeBadge mode={view.mode} />
      </h2>
      <ErrorBanner error={error} />
      <dl className="facts">
        <dt>State</dt>
        <dd data-testid="connect-state">{stateLabel[view.state]}</dd>
        <dt>Account</dt>
        <dd>{view.accountId ?? '—'}</dd>
        {Object.keys(view.capabilities).length > 0 && (
          <>
            <dt>Capabilities</dt>
            <dd>
              {Object.entries(view.capabilities)
                .map(([k, v]) => `${k}: ${v}`)
                .join(' · ')}
              {view.capabilities.transfers === 'active' ? ' (payouts possible)' : ''}
            </dd>
          </>
        )}
        {view.requirements.length > 0 && (
          <>
            <dt>Stripe still needs</dt>
            <dd>{view.requirements.join(', ')}</dd>
          </>
        )}
      </dl>
      {view.pending && <p className="muted">The account waits to be sent to Stripe{view.lastError ? `: ${view.lastError}` : ''}.</p>}
      <div className="pd-stripe-row">
        {!view.accountId && (
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api.stripeConnectCreate({ partnerId }), setView)}>
            {view.pending ? 'Send again' : 'Create connected account'}
          </button>
        )}
        {view.accountId && (
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api.stripeConnectLink({ partnerId }), setLink)}>
            Make onboarding link
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void run(() => api.stripeConnectRefresh({ partnerId }), setView)}>
          Refresh from Stripe
        </button>
      </div>
      {link && (
        <p>
          Send this link to the partner (it expires {new Date(link.expiresAt).toLocaleTimeString()}): <a href={link.url} target="_blank" rel="noreferrer" data-testid="connect-link">{link.url}</a>
        </p>
      )}
    </div>
  );
}
