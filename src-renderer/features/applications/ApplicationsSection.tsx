import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useUi } from '../../app/store';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { ApplicationRow, ApprovalResult, ProgrammeSlots } from '../../../src-shared/applications/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { ApplicationPanel } from './ApplicationPanel';
import { ApproveDialog } from './ApproveDialog';
import { NewApplicationDialog } from './NewApplicationDialog';
import { QueueTable } from './QueueTable';
import { RejectDialog } from './RejectDialog';
import { SlotsBanner } from './SlotsBanner';
import { statusLabels } from './labels';
import './applications.css';

type StatusFilter = 'all' | ApplicationRow['status'];
type Dialog = { kind: 'new' } | { kind: 'approve'; id: string } | { kind: 'reject'; id: string } | null;

/** Seed 003's review: the queue, the promotion slots left, intake, approval and rejection. */
export function ApplicationsSection() {
  const { openPartner } = useUi();
  const canSubmit = useCan('partners.write');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [programmeId, setProgrammeId] = useState('');
  const [rows, setRows] = useState<ApplicationRow[] | null>(null);
  const [programmes, setProgrammes] = useState<ProgrammeSlots[]>([]);
  const [counts, setCounts] = useState<Record<ApplicationRow['status'], number> | null>(null);
  const [selected, setSelected] = useState<ApplicationRow | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [approval, setApproval] = useState<ApprovalResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    const r = await api.applicationsList({ status, programmeId: programmeId || undefined });
    if (!r.ok) return setError(r.error);
    setError(null);
    setRows(r.value.rows);
    setProgrammes(r.value.programmes);
    setCounts(r.value.counts);
    setSelected((s) => (s ? (r.value.rows.find((row) => row.id === s.id) ?? s) : s));
  }, [status, programmeId]);

  useEffect(() => {
    void load();
  }, [load]);

  function submitted(row: ApplicationRow) {
    setDialog(null);
    setApproval(null);
    setSelected(row);
    void load();
  }

  function approved(result: ApprovalResult) {
    setDialog(null);
    setApproval(result);
    setSelected(result.application);
    void load();
  }

  function rejected(row: ApplicationRow) {
    setDialog(null);
    setApproval(null);
    setSelected(row);
    void load();
  }

  return (
    <section className="page applications">
      <header className="page-head">
        <h1>Applications</h1>
        {canSubmit && (
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'new' })}>
            New application
          </button>
        )}
      </header>
      <SlotsBanner programmes={programmes} />
      {approval && (
        <div className="hint-box approval-notice" role="status">
          <span>{approval.message}</span>
          <button type="button" onClick={() => openPartner(approval.partnerId)}>
            Open partner
          </button>
        </div>
      )}
      <ErrorBanner error={error} />
      <div className="app-filters">
        <label>
          Status{' '}
          <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="all">All{counts ? ` (${counts.submitted + counts.approved + counts.rejected})` : ''}</option>
            {(['submitted', 'approved', 'rejected'] as const).map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
                {counts ? ` (${counts[s]})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Programme{' '}
          <select aria-label="Programme" value={programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
            <option value="">All programmes</option>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className={selected ? 'app-layout with-panel' : 'app-layout'}>
        {rows && <QueueTable rows={rows} selectedId={selected?.id ?? null} onSelect={setSelected} />}
        {selected && (
          <ApplicationPanel
            application={selected}
            onApprove={() => setDialog({ kind: 'approve', id: selected.id })}
            onReject={() => setDialog({ kind: 'reject', id: selected.id })}
            onOpenPartner={(id) => openPartner(id)}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
      {dialog?.kind === 'new' && <NewApplicationDialog programmes={programmes} onSubmitted={submitted} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'approve' && <ApproveDialog applicationId={dialog.id} onApproved={approved} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'reject' && selected && <RejectDialog application={selected} onRejected={rejected} onCancel={() => setDialog(null)} />}
    </section>
  );
}
