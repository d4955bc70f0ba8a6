import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../components/format';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { PartnerRow } from '../../../src-shared/partners/contract';

const formatLabel: Record<PartnerRow['format'], string> = {
  affiliate: 'Affiliate',
  referral: 'Referral',
  lead_referral: 'Lead referral',
  integrator: 'Integrator',
  reseller: 'Reseller',
};

export function PartnersPage() {
  const [search, setSearch] = useState('');
  const [data, setData] = useState<{ rows: PartnerRow[]; total: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void api.partnersList({ search: search || undefined, limit: 500 }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [search]);

  return (
    <section className="page">
      <header className="page-head">
        <h1>Partners</h1>
        <input type="search" aria-label="Search partners" placeholder="Search company or e-mail" value={search} onChange={(e) => setSearch(e.target.value)} />
      </header>
      <ErrorBanner error={error} />
      {data && (
        <>
          <p className="muted">{formatCount(data.total)} partners</p>
          <table className="grid" aria-label="Partners">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Programme</th>
                <th scope="col">Format</th>
                <th scope="col">Status</th>
                <th scope="col">Country</th>
                <th scope="col" className="num">Customers</th>
                <th scope="col">Registered</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((p) => (
                <tr key={p.id}>
                  <td>{p.company}</td>
                  <td>{p.programme}</td>
                  <td>{formatLabel[p.format]}</td>
                  <td>
                    <span className={`badge badge-${p.status}`}>{p.status}</span>
                  </td>
                  <td>{p.country}</td>
                  <td className="num">{p.customers}</td>
                  <td>{p.registeredOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
