import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useUi } from '../../app/store';
import type { AppError } from '../../../src-shared/rpc/errors';

/** First start: create a workspace, or open the demo one. */
export function WelcomeScreen() {
  const { setStatus, showRecoveryCode } = useUi();
  const form = useForm({ workspaceName: '', displayName: '', username: '', passphrase: '', confirmPassphrase: '' });
  const [demoError, setDemoError] = useState<AppError | null>(null);
  const [demoBusy, setDemoBusy] = useState(false);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const out = await form.submit((v) => api.workspaceCreate(v));
    if (out) {
      showRecoveryCode(out.recoveryCode);
      setStatus(out.status);
    }
  }

  async function openDemo() {
    setDemoBusy(true);
    const r = await api.workspaceCreateDemo({});
    setDemoBusy(false);
    if (r.ok) setStatus(r.value);
    else setDemoError(r.error);
  }

  return (
    <main className="welcome">
      <h1>Welcome to Partnerdesk</h1>
      <p className="lead">Partner records, agreements, commissions and payouts — kept encrypted on this computer.</p>
      <div className="welcome-cards">
        <form className="card" onSubmit={create} aria-label="Create a workspace" noValidate>
          <h2>Create a workspace</h2>
          <ErrorBanner error={form.error} />
          <Field label="Workspace name" {...form.bind('workspaceName')} error={form.fieldError('workspaceName')} placeholder="Acme partner programme" />
          <Field label="Your name" {...form.bind('displayName')} error={form.fieldError('displayName')} autoComplete="name" />
          <Field label="Username" {...form.bind('username')} error={form.fieldError('username')} autoComplete="username" />
          <Field label="Passphrase" type="password" {...form.bind('passphrase')} error={form.fieldError('passphrase')} autoComplete="new-password" hint="At least 10 characters. It encrypts the workspace: there is no way in without it or the recovery code." />
          <Field label="Repeat passphrase" type="password" {...form.bind('confirmPassphrase')} error={form.fieldError('confirmPassphrase')} autoComplete="new-password" />
          <button type="submit" className="primary" disabled={form.busy}>
            {form.busy ? 'Creating…' : 'Create workspace'}
          </button>
        </form>
        <section className="card" aria-label="Demo workspace">
          <h2>Try the demo</h2>
          <p>A workspace pre-filled with the four sample programmes: AllSet affiliates, Aloware lead referral, Message.Help partners and the sales partner programme — partners, agreements, customers and twelve months of revenue.</p>
          <ErrorBanner error={demoError} />
          <button type="button" onClick={openDemo} disabled={demoBusy}>
            {demoBusy ? 'Preparing demo…' : 'Open the demo workspace'}
          </button>
        </section>
      </div>
    </main>
  );
}
