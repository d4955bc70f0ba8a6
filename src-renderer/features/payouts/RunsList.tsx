import { useCallback, useEffect, useState } from 'react';
import { RUN_STATUSES, type RunStatus, type RunSummary } from '../../../src-shared/payouts/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/FormFields';
import { useCan } from '../../app/useCan';
import { HISTORY_STATUSES, runStatusLabel } from './labels';
import { PrepareRunDialog } from './PrepareRunDialog';
import { RunsTable } from './RunsTable';
import { usePayoutsUi } from './payoutsStore';

const PAGE = 50;

/** Runs newest first, of the given statuses (all when none). */
async function loadRuns(statuses: readonly (RunStatus | undefined)[], limit: number) {
  const wanted = statuses.filter((s): s is RunStatus => s !== undefined);
  const r = await api.payoutsList(wanted.length ? { statuses: [...wanted], limit } : { limit });
  if (!r.ok) return { error: r.error, runs: [] as RunSummary[], total: 0 };
  return { error: null, runs: r.value.runs, total: r.value.total };
}

/**
 * The Runs tab (every status, filterable, with "Prepare run") and the History tab (the runs
 * that are completed, voided or rejected).
 */
export function RunsList({ history = false }: { history?: boolean }) {
  const canPrepare = useCan('payouts.prepare');
  const openRun = usePayoutsUi((s) => s.openRun);
  const choices: readonly RunStatus[] = history ? HISTORY_STATUSES : RUN_STATUSES;
  const [status, setStatus] = useState<'' | RunStatus>('');
  const [limit, setLimit] = useState(PAGE);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [preparing, setPreparing] = useState(false);

  const load = useCallback(async () => {
    const statuses = status ? [status] : history ? HISTORY_STATUSES : [undefined];
    const r = await loadRuns(statuses, limit);
    setError(r.error);
    setRuns(r.runs);
    setTotal(r.total);
  }, [status, history, limit]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="po-runs">
      <div className="po-toolbar">
        <form className="po-filters" aria-label={history ? 'History filter' : 'Runs filter'} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label="Status"
            id={history ? 'po-history-status' : 'po-runs-status'}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as '' | RunStatus);
              setLimit(PAGE);
            }}
          >
            <option value="">{history ? 'Completed, voided or rejected' : 'Any status'}</option>
            {choices.map((s) => (
              <option key={s} value={s}>
                {runStatusLabel[s]}
              </option>
            ))}
          </SelectField>
        </form>
        {!history && canPrepare && (
          <button type="button" className="primary" onClick={() => setPreparing(true)}>
            Prepare run
          </button>
        )}
      </div>
      {history && <p className="muted po-note">Runs that are done with: paid in full, voided by a later change, or rejected by an approver.</p>}
      <ErrorBanner error={error} />
      <RunsTable runs={runs} label={history ? 'Payout history' : 'Payout runs'} empty={history ? 'No run has been completed, voided or rejected yet.' : 'No payout run yet.'} />
      {runs.length < total && (
        <div className="po-buttons po-more">
          <span className="muted">
            {runs.length} of {total} runs
          </span>
          <button type="button" onClick={() => setLimit((l) => Math.min(500, l + PAGE))} disabled={limit >= 500}>
            Show more
          </button>
        </div>
      )}
      {preparing && (
        <PrepareRunDialog
          onCancel={() => setPreparing(false)}
          onPrepared={(runId) => {
            setPreparing(false);
            openRun(runId);
          }}
        />
      )}
    </div>
  );
}
