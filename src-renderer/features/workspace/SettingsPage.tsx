import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { hostKind } from '../../api/transport';
import { useUi } from '../../app/store';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import { AuditPanel } from '../audit/AuditPanel';
import { BackupPanel } from '../backup/BackupPanel';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { WorkspaceInfo } from '../../../src-shared/workspace/contract';
import { roleLabels } from '../../../src-shared/workspace/roles';
import { AutoLockSetting } from './AutoLockSetting';
import { OwnPassphraseForm } from './OwnPassphraseForm';
import { UsersPanel } from './UsersPanel';
import './workspace.css';

export function SettingsPage() {
  const { status, setStatus } = useUi();
  const isAdmin = useCan('workspace.admin');
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void api.workspaceInfo({}).then((r) => (r.ok ? setInfo(r.value) : setError(r.error)));
  }, []);

  async function toggleKeychain(enabled: boolean) {
    const r = await api.workspaceSetKeychainUnlock({ enabled });
    if (r.ok) setStatus(r.value);
    else setError(r.error);
  }

  const keychain = status?.keychain;
  const user = status?.user;
  return (
    <section className="page">
      <h1>Settings</h1>
      <ErrorBanner error={error} />
      <h2>Workspace</h2>
      {info && (
        <dl className="facts">
          <dt>Name</dt>
          <dd>{info.name}</dd>
          <dt>File</dt>
          <dd><code>{info.file}</code></dd>
          <dt>Encryption</dt>
          <dd>{info.cipher === 'chacha20' ? 'ChaCha20-Poly1305, 256-bit random key' : info.cipher}</dd>
          <dt>Integrity check at open</dt>
          <dd>{info.integrity === 'ok' ? 'Passed' : info.integrityProblems.join('; ')}</dd>
          <dt>Schema migrations applied</dt>
          <dd>{info.schemaMigrations}</dd>
          <dt>App host</dt>
          <dd>{hostKind === 'electron' ? 'Desktop window' : 'Browser host on 127.0.0.1'}</dd>
        </dl>
      )}
      {user && (
        <>
          <h2>You</h2>
          <p>
            Signed in as <strong>{user.displayName}</strong> (<code>{user.username}</code>), {roleLabels[user.role].label.toLowerCase()}: {roleLabels[user.role].summary.toLowerCase()}.
          </p>
          <h2>Your passphrase</h2>
          <OwnPassphraseForm />
        </>
      )}
      <h2>Auto-lock</h2>
      <AutoLockSetting />
      {isAdmin && <UsersPanel />}
      <h2>Unlock with the OS keychain</h2>
      {keychain?.available ? (
        <label className="check">
          <input type="checkbox" checked={keychain.enrolled} onChange={(e) => void toggleKeychain(e.target.checked)} /> Unlock this workspace on this computer without the passphrase ({keychain.backend})
        </label>
      ) : (
        <p className="muted">No OS keychain that actually protects the key is available here{keychain ? ` (${keychain.backend})` : ''}. The passphrase is the only way in.</p>
      )}
      {isAdmin && <BackupPanel />}
      {isAdmin && <AuditPanel />}
    </section>
  );
}
