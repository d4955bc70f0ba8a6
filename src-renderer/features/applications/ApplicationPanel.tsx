import type { ApplicationRow } from '../../../src-shared/applications/contract';
import { useCan } from '../../app/useCan';
import { formatCount } from '../../components/format';
import { decisionLine, formatDay, formatLabels, rateLabel, rejectReasonLabels, statusLabels } from './labels';

interface Props {
  application: ApplicationRow;
  onApprove(): void;
  onReject(): void;
  onOpenPartner(partnerId: string): void;
  onClose(): void;
}

/** One application: what the company told us, and the decision or the buttons to make it. */
export function ApplicationPanel({ application: a, onApprove, onReject, onOpenPartner, onClose }: Props) {
  // Seed 003: admins decide applications; a partnership manager sees them waiting.
  const canDecide = useCan('applications.decide');
  return (
    <aside className="card app-panel" aria-label="Application">
      <div className="row">
        <h2>{a.company}</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close application">
          Close
        </button>
      </div>
      <p>
        <span className={`badge badge-app-${a.status}`}>{statusLabels[a.status]}</span> <span className="muted">{decisionLine(a)}</span>
      </p>
      <dl className="facts app-facts">
        <dt>Programme</dt>
        <dd>{a.programmeName}</dd>
        <dt>Format</dt>
        <dd>{formatLabels[a.format]}</dd>
        <dt>Contact</dt>
        <dd>
          {a.contactName} · <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
        </dd>
        <dt>Country</dt>
        <dd>{a.country}</dd>
        <dt>Website</dt>
        <dd>{a.website || '—'}</dd>
        <dt>Focus market</dt>
        <dd>{a.focusMarket || '—'}</dd>
        <dt>Expected pipeline</dt>
        <dd>{formatCount(a.expectedTenantsPerYear)} new tenants a year</dd>
        <dt>Pipeline note</dt>
        <dd>{a.pipelineNote || '—'}</dd>
        <dt>Received</dt>
        <dd>{formatDay(a.submittedOn)}</dd>
        {a.status === 'rejected' && a.rejectReason && (
          <>
            <dt>Reason</dt>
            <dd data-testid="reject-reason">{rejectReasonLabels[a.rejectReason]}</dd>
          </>
        )}
        {a.status === 'approved' && (
          <>
            <dt>Commission rate</dt>
            <dd>{rateLabel(a.approvedRateBps)}</dd>
            <dt>Promotion slot</dt>
            <dd>{a.promoSlotNo !== null ? `Slot ${a.promoSlotNo}` : 'None'}</dd>
            <dt>Plan</dt>
            <dd>{a.planId ?? '—'}</dd>
          </>
        )}
        {a.status !== 'submitted' && a.decisionNote && (
          <>
            <dt>Note</dt>
            <dd>{a.decisionNote}</dd>
          </>
        )}
      </dl>
      {a.status === 'submitted' && canDecide && (
        <div className="app-actions">
          <button type="button" className="primary" onClick={onApprove}>
            Approve…
          </button>
          <button type="button" onClick={onReject}>
            Reject…
          </button>
        </div>
      )}
      {a.status === 'approved' && a.partnerId && (
        <div className="app-actions">
          <button type="button" onClick={() => onOpenPartner(a.partnerId!)}>
            Open partner
          </button>
        </div>
      )}
    </aside>
  );
}
