import { useEffect, useState } from 'react';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../components/format';

type Data = { rows: { id: string; externalRef: string; name: string; email: string; partnerCompany: string | null; lines: number }[]; total: number; revenueLines: number };

/** What the sync brought in: Stripe customers, their partner, and their revenue lines. */
export function CustomersPanel({ version }: { version: number }) {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    void api.stripeCustomers({ limit: 100 }).then((r) => (r.ok ? setData(r.value) : setError(r.error)));
  }, [version]);
  return (
    <div className="card">
      <h2>Customers from Stripe</h2>
      <ErrorBanner error={error} />
      {data && (
        <p data-testid="stripe-totals">
          {formatCount(data.total)} customers · {formatCount(data.revenueLines)} revenue lines
        </p>
      )}
      <table className="pd-stripe-table" aria-label="Stripe customers">
        <thead>
          <tr>
            <th>Customer</th>
            <th>E-mail</th>
            <th>Partner</th>
            <th>Revenue lines</th>
          </tr>
        </thead>
        <tbody>
          {data?.rows.map((c) => (
            <tr key={c.id}>
              <td title={c.externalRef}>{c.name}</td>
              <td>{c.email}</td>
              <td>{c.partnerCompany ?? <span className="muted">unattributed</span>}</td>
              <td>{c.lines}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
