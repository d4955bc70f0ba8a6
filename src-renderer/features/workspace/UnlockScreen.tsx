import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useUi } from '../../app/store';
import type { WorkspaceStatus } from '../../../src-shared/workspace/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { RestoreFromBackup } from '../backup/RestoreFromBackup';

/** Later starts: the passphrase (or the OS keychain, or the recovery code) opens the workspace. */
export function UnlockScreen({ status }: { status: WorkspaceStatus }) {
  const { setStatus } = useUi();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const form = useForm({ username: status.usernames[0] ?? '', passphrase: '', recoveryCode: '', newPassphrase: '' });
  const [keychainError, setKeychainError] = useState<AppError | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<string | null>(null);

  async function unlock(e: React.FormEvent) {
    e.preventDefault();
    const out = await form.submit((v) =>
      mode === 'passphrase'
        ? api.workspaceUnlock({ username: v.username, passphrase: v.passphrase })
        : api.workspaceUnlockWithRecoveryCode({ username: v.username, recoveryCode: v.recoveryCode, newPassphrase: v.newPassphrase }),
    );
    if (out) setStatus(out);
  }

  async function keychain() {
    const r = await api.workspaceUnlockWithKeychain({});
    if (r.ok) setStatus(r.value);
    else setKeychainError(r.error);
  }

  if (restoring) {
    return (
      <main className="unlock">
        <RestoreFromBackup
          status={status}
          onDone={(message) => {
            setRestoring(false);
            setRestored(message);
          }}
        />
      </main>
    );
  }

  return (
    <main className="unlock">
      <form className="card narrow" onSubmit={unlock} aria-label="Unlock workspace" noValidate>
        <h1>{status.workspaceName ?? 'Partnerdesk'}</h1>
        <p className="muted">This workspace is locked.</p>
        {status.demoPassphrase && (
          <p className="hint-box">
            Demo workspace — user <code>{status.usernames[0]}</code>, passphrase <code>{status.demoPassphrase}</code>
          </p>
        )}
        <ErrorBanner error={form.error ?? keychainError} />
        {restored && (
          <p className="hint-box" role="status">
            {restored}
          </p>
        )}
        <Field label="Username" {...form.bind('username')} error={form.fieldError('username')} autoComplete="username" list="known-users" />
        <datalist id="known-users">
          {status.usernames.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
        {mode === 'passphrase' ? (
          <Field label="Passphrase" type="password" autoFocus {...form.bind('passphrase')} error={form.fieldError('passphrase')} autoComplete="current-password" />
        ) : (
          <>
            <Field label="Recovery code" {...form.bind('recoveryCode')} error={form.fieldError('recoveryCode')} autoComplete="off" />
            <Field label="New passphrase" type="password" {...form.bind('newPassphrase')} error={form.fieldError('newPassphrase')} autoComplete="new-password" />
          </>
        )}
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? 'Unlocking…' : mode === 'passphrase' ? 'Unlock' : 'Unlock and set new passphrase'}
        </button>
        <div className="row">
          <button type="button" className="link" onClick={() => setMode(mode === 'passphrase' ? 'recovery' : 'passphrase')}>
            {mode === 'passphrase' ? 'Forgot the passphrase? Use the recovery code' : 'Back to passphrase'}
          </button>
          <button type="button" className="link" onClick={() => setRestoring(true)}>
            Restore from a backup
          </button>
          {status.keychain.enrolled && status.keychain.available && (
            <button type="button" onClick={keychain}>
              Unlock with the OS keychain
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
