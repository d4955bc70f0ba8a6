import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { RecoveryCodeDialog } from '../features/workspace/RecoveryCodeDialog';
import { UnlockScreen } from '../features/workspace/UnlockScreen';
import { WelcomeScreen } from '../features/workspace/WelcomeScreen';
import type { AppError } from '../../src-shared/rpc/errors';
import { Shell } from './Shell';
import { useUi } from './store';

/** No workspace → welcome; locked → unlock; unlocked → the app. */
export function App() {
  const { status, setStatus } = useUi();
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void api.workspaceStatus({}).then((r) => (r.ok ? setStatus(r.value) : setError(r.error)));
  }, [setStatus]);

  if (error) {
    return (
      <main className="unlock">
        <div className="card narrow">
          <h1>Partnerdesk cannot open the workspace</h1>
          <ErrorBanner error={error} />
        </div>
      </main>
    );
  }
  if (!status) return <p className="muted center">Starting…</p>;
  return (
    <>
      {status.state === 'none' && <WelcomeScreen />}
      {status.state === 'locked' && <UnlockScreen status={status} />}
      {status.state === 'unlocked' && <Shell />}
      <RecoveryCodeDialog />
    </>
  );
}
