import { useUi } from '../../app/store';

/** The recovery code is shown once, right after the workspace is created. */
export function RecoveryCodeDialog() {
  const { recoveryCode, showRecoveryCode } = useUi();
  if (!recoveryCode) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="recovery-title">
      <div className="card narrow">
        <h2 id="recovery-title">Your recovery code</h2>
        <p>Write it down and keep it somewhere safe. It opens this workspace if the passphrase is lost, and it is shown only now.</p>
        <p className="recovery-code" data-testid="recovery-code">
          {recoveryCode}
        </p>
        <button type="button" className="primary" onClick={() => showRecoveryCode(null)}>
          I have saved it
        </button>
      </div>
    </div>
  );
}
