import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { ChainReport } from '../../../src-shared/audit/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { formatInstant } from './format';

/** Walks the whole chain in the core and shows what it found, naming the first bad entry. */
export function VerifyChain({ onChecked }: { onChecked?: () => void }) {
  const [report, setReport] = useState<ChainReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    const r = await api.auditVerify({});
    setBusy(false);
    if (r.ok) setReport(r.value);
    else setError(r.error);
    // The list below then shows the same entries the check walked.
    onChecked?.();
  }

  return (
    <div className="audit-verify">
      <div className="audit-verify-row">
        <button type="button" onClick={verify} disabled={busy}>
          {busy ? 'Verifying…' : 'Verify chain'}
        </button>
        <span className="muted">Recomputes every entry’s hash and its link to the entry before it.</span>
      </div>
      <ErrorBanner error={error} />
      {report && (
        <div className={report.intact ? 'audit-result audit-ok' : 'audit-result audit-broken'} role="status" data-testid="audit-verify-result">
          <strong>{report.message}</strong>
          {!report.intact && report.firstBadId !== null && <div>First bad entry: #{report.firstBadId}</div>}
          {report.guardsMissing.length > 0 && (
            <div>The database guards that refuse changes are missing ({report.guardsMissing.join(', ')}): someone removed them outside Partnerdesk.</div>
          )}
          <div className="muted">
            Checked {formatInstant(report.checkedAt)}. {report.notes.join(' ')}
          </div>
        </div>
      )}
    </div>
  );
}
