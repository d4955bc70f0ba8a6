import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { AgreementListRow } from '../../../src-shared/agreements/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { useAgreementsRevision } from './agreementsStore';
import { DateText } from './DateText';
import { humanDates } from './format';
import { StateBadge } from './StateBadge';

/** Every partner with where its agreement stands today. */
export function AllAgreements({ onOpen }: { onOpen(row: { partnerId: string; company: string }): void }) {
  const revision = useAgreementsRevision((s) => s.revision);
  const [rows, setRows] = useState<AgreementListRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [search, setSearch] = useState('');

  useEffect(() => {
    let live = true;
    void api.agreementsList({}).then((r) => {
      if (!live) return;
      if (r.ok) setRows(r.value.rows);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [revision]);

  const q = search.trim().toLowerCase();
  const shown = rows?.filter((r) => !q || r.company.toLowerCase().includes(q) || r.programme.toLowerCase().includes(q)) ?? null;
  return (
    <div className="agr">
      <div className="agr-filters">
        <div className="agr-grow">
          <input type="search" aria-label="Search agreements" placeholder="Company or programme" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <ErrorBanner error={error} />
      {shown && (
        <table className="grid" aria-label="Agreements">
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col">Programme</th>
              <th scope="col">Agreement</th>
              <th scope="col" className="num">Version</th>
              <th scope="col" className="num">Month</th>
              <th scope="col">Next date</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.partnerId} className="agr-clickable" onClick={() => onOpen(r)}>
                <td>
                  <button type="button" className="link" onClick={(e) => (e.stopPropagation(), onOpen(r))}>
                    {r.company}
                  </button>
                </td>
                <td>{r.programme}</td>
                <td><StateBadge state={r.state} label={r.stateLabel} /></td>
                <td className="num">{r.version ?? '—'}</td>
                <td className="num">{r.monthNumber ?? '—'}</td>
                <td>
                  {r.next ? (
                    <>
                      <DateText iso={r.next.date} /> <span className="muted">{humanDates(r.next.label)}</span>
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
