import type { ApplicationRow } from '../../../src-shared/applications/contract';
import { formatCount } from '../../components/format';
import { formatDay, formatLabels, rejectReasonLabels, statusLabels } from './labels';

function StatusCell({ a }: { a: ApplicationRow }) {
  return (
    <>
      <span className={`badge badge-app-${a.status}`}>{statusLabels[a.status]}</span>
      {a.status === 'rejected' && a.rejectReason && <span className="muted"> · {rejectReasonLabels[a.rejectReason]}</span>}
      {a.status === 'approved' && a.promoSlotNo !== null && <span className="muted"> · promotion slot {a.promoSlotNo}</span>}
    </>
  );
}

/** The review queue: waiting applications first, oldest first (the core's order). */
export function QueueTable({ rows, selectedId, onSelect }: { rows: ApplicationRow[]; selectedId: string | null; onSelect(a: ApplicationRow): void }) {
  if (rows.length === 0) return <p className="muted">No applications match.</p>;
  return (
    <div className="app-queue-wrap">
      <table className="grid app-queue" aria-label="Applications">
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Programme</th>
            <th scope="col" className="col-optional">Format</th>
            <th scope="col" className="col-optional">Country</th>
            <th scope="col" className="num col-optional">Tenants / year</th>
            <th scope="col">Received</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-selected={a.id === selectedId ? 'true' : undefined} data-status={a.status}>
              <td>
                <button type="button" className="link" onClick={() => onSelect(a)}>
                  {a.company}
                </button>
              </td>
              <td>{a.programmeName}</td>
              <td className="col-optional">{formatLabels[a.format]}</td>
              <td className="col-optional">{a.country}</td>
              <td className="num col-optional">{formatCount(a.expectedTenantsPerYear)}</td>
              <td>{formatDay(a.submittedOn)}</td>
              <td>
                <StatusCell a={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
