import { useEffect, useState } from 'react';
import type { StatusView } from '../../../src-shared/stripe/contract';
import { api } from '../../api/client';
import { ModeBadge } from './ModeBadge';
import './stripe.css';

/** Fired by the Stripe screens after a sync step, a save or a send, so the sidebar updates at once. */
export const STATUS_CHANGED = 'partnerdesk:stripe-status';
export const statusChanged = () => window.dispatchEvent(new Event(STATUS_CHANGED));

const when = (iso: string | null) => (iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : 'never');

/** Online / offline, the last sync and pending outbound work, shown in the sidebar. */
export function ConnectionStatus() {
  const [s, setS] = useState<StatusView | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void api.stripeStatus({}).then((r) => {
        if (alive && r.ok) setS(r.value);
      });
    load();
    const timer = setInterval(load, 5000);
    window.addEventListener(STATUS_CHANGED, load);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener(STATUS_CHANGED, load);
    };
  }, []);
  if (!s || !s.configured) return null;
  const label = s.online === false ? 'Stripe offline' : s.online ? 'Stripe online' : 'Stripe';
  return (
    <div className="pd-stripe-status" data-testid="stripe-connection" aria-live="polite">
      <span>
        <span className="pd-stripe-dot" data-online={s.online === null ? undefined : String(s.online)} />
        {label} <ModeBadge mode={s.mode} />
      </span>
      <span className="muted">{s.running ? 'Sync under way' : `Last sync: ${when(s.lastSyncAt)}`}</span>
      {s.pendingOutbox > 0 && <span className="muted">{s.pendingOutbox} {s.pendingOutbox === 1 ? 'change waits' : 'changes wait'} to be sent</span>}
    </div>
  );
}
