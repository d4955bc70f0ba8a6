import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { CustomerRow, ResellerStatusRow } from '../../../src-shared/referrals/contract';
import { DisputesTab } from './DisputesTab';
import { LeadsTab } from './LeadsTab';
import { ActivityBadge } from './ResellerStatusTab';
import { attributionLabel, EmptyRow } from './ui';
import './referrals.css';

/** The referrals tab of a partner page: customers, leads, disputes, activity status. */
export function PartnerReferralsTab({ partnerId }: { partnerId: string }) {
  const [customers, setCustomers] = useState<{ rows: CustomerRow[]; total: number } | null>(null);
  const [status, setStatus] = useState<{ row: ResellerStatusRow | null; windowMonths: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([api.referralsListCustomers({ partnerId, limit: 2000 }), api.referralsResellerStatus({ partnerId })]).then(([c, s]) => {
      if (!live) return;
      if (c.ok) setCustomers(c.value);
      else setError(c.error);
      if (s.ok) setStatus({ row: s.value.rows[0] ?? null, windowMonths: s.value.windowMonths });
    });
    return () => {
      live = false;
    };
  }, [partnerId]);

  return (
    <div className="referrals ref-partner-tab" data-partner={partnerId}>
      <ErrorBanner error={error} />
      {status?.row && (
        <section aria-label="Activity status">
          <h2>Activity status</h2>
          <p>
            <ActivityBadge row={status.row} /> {status.row.newTenantsInWindow} new tenants in the last {status.windowMonths} months ({status.row.averagePerYear.toFixed(1)} a year),{' '}
            {status.row.totalOnboarded} onboarded in total{status.row.locked ? `; locked until ${status.row.lockedUntil}` : ''}.
          </p>
          <p className="muted">Informational only (seed 003): the status never changes commission or payouts.</p>
        </section>
      )}
      <section aria-label="Partner customers">
        <h2>Customers {customers && <span className="muted">({customers.total})</span>}</h2>
        <table className="grid" aria-label="Customers of this partner">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Attribution</th>
              <th scope="col">Sign-up</th>
              <th scope="col">Closed</th>
              <th scope="col">Cancelled</th>
              <th scope="col">Product line</th>
            </tr>
          </thead>
          <tbody>
            {customers?.rows.length === 0 && <EmptyRow columns={6}>No referred customers yet.</EmptyRow>}
            {customers?.rows.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.name}
                  {c.openDisputes > 0 && <span className="badge badge-open">disputed</span>}
                </td>
                <td>{c.attribution ? attributionLabel[c.attribution] : '—'}</td>
                <td className="ref-date">{c.signUpOn}</td>
                <td className="ref-date">{c.closedOn ?? '—'}</td>
                <td className="ref-date">{c.cancelledOn ?? '—'}</td>
                <td>{c.productLine || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label="Partner leads">
        <h2>Leads</h2>
        <LeadsTab partnerId={partnerId} />
      </section>
      <section aria-label="Partner disputes">
        <h2>Attribution disputes</h2>
        <DisputesTab partnerId={partnerId} />
      </section>
    </div>
  );
}
