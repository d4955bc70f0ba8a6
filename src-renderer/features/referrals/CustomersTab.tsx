import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../components/format';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { Attribution, CustomerRow } from '../../../src-shared/referrals/contract';
import { AttributeDialog, ClaimDialog, CustomerDialog } from './CustomerDialogs';
import { attributionLabel, EmptyRow, PartnerSelectOptions, usePartnerOptions } from './ui';

type Open = { kind: 'new' } | { kind: 'edit' | 'attribute' | 'claim'; customer: CustomerRow } | null;

/** Referred customers with the filters a partnership manager asks for, including "unattributed". */
export function CustomersTab() {
  const canWrite = useCan('partners.write');
  const options = usePartnerOptions();
  const [filters, setFilters] = useState({ programmeId: '', partnerId: '', attribution: '', unattributed: false, search: '' });
  const [data, setData] = useState<{ rows: CustomerRow[]; total: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api
      .referralsListCustomers({
        programmeId: filters.programmeId || undefined,
        partnerId: filters.partnerId || undefined,
        attribution: (filters.attribution || undefined) as Attribution | undefined,
        unattributed: filters.unattributed || undefined,
        search: filters.search || undefined,
        limit: 2000,
      })
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setData(r.value);
          setError(null);
        } else setError(r.error);
      });
    return () => {
      live = false;
    };
  }, [filters, reload]);

  const close = useCallback(() => setOpen(null), []);
  const done = useCallback(() => {
    setOpen(null);
    setReload((n) => n + 1);
  }, []);
  const set = (patch: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...patch }));
  const partners = options.partners.filter((p) => !filters.programmeId || p.programmeId === filters.programmeId);

  return (
    <div>
      <div className="ref-filters" role="search" aria-label="Customer filters">
        <div className="field">
          <label className="field-label" htmlFor="cf-search">
            Search
          </label>
          <input id="cf-search" type="search" placeholder="Name, e-mail or reference" value={filters.search} onChange={(e) => set({ search: e.target.value })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="cf-programme">
            Programme
          </label>
          <select id="cf-programme" value={filters.programmeId} onChange={(e) => set({ programmeId: e.target.value, partnerId: '' })}>
            <option value="">All programmes</option>
            {options.programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="cf-partner">
            Partner
          </label>
          <select id="cf-partner" value={filters.partnerId} disabled={filters.unattributed} onChange={(e) => set({ partnerId: e.target.value })}>
            <option value="">All partners</option>
            <PartnerSelectOptions partners={partners} />
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="cf-attribution">
            Attribution
          </label>
          <select id="cf-attribution" value={filters.attribution} disabled={filters.unattributed} onChange={(e) => set({ attribution: e.target.value })}>
            <option value="">Any</option>
            {Object.entries(attributionLabel).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={filters.unattributed} onChange={(e) => set({ unattributed: e.target.checked, partnerId: '', attribution: '' })} />
          Unattributed only
        </label>
      </div>
      <ErrorBanner error={error} />
      <div className="ref-toolbar">
        <span className="muted">{data ? `${formatCount(data.total)} customers${data.total > data.rows.length ? ` (first ${formatCount(data.rows.length)} shown)` : ''}` : 'Loading…'}</span>
        {canWrite && (
          <button type="button" onClick={() => setOpen({ kind: 'new' })}>
            New customer
          </button>
        )}
      </div>
      <table className="grid" aria-label="Referred customers">
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Partner</th>
            <th scope="col">Attribution</th>
            <th scope="col">Sign-up</th>
            <th scope="col">Closed</th>
            <th scope="col">Cancelled</th>
            <th scope="col">Product line</th>
            <th scope="col">Promo code</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {data?.rows.length === 0 && <EmptyRow columns={9}>No customers match these filters.</EmptyRow>}
          {data?.rows.map((c) => (
            <tr key={c.id}>
              <td>
                {c.name}
                {c.externalRef && <div className="muted">{c.externalRef}</div>}
              </td>
              <td>
                {c.partnerCompany ? (
                  <>
                    {c.partnerCompany}
                    <div className="muted">{c.programmeName}</div>
                  </>
                ) : (
                  <span className="badge badge-unattributed">unattributed</span>
                )}
                {c.openDisputes > 0 && <span className="badge badge-open">disputed</span>}
              </td>
              <td>{c.attribution ? attributionLabel[c.attribution] : '—'}</td>
              <td className="ref-date">{c.signUpOn}</td>
              <td className="ref-date">{c.closedOn ?? '—'}</td>
              <td className="ref-date">{c.cancelledOn ?? '—'}</td>
              <td>{c.productLine || '—'}</td>
              <td>{c.promoCode ?? '—'}</td>
              <td>
                <div className="ref-actions">
                  <button type="button" aria-label={`Edit ${c.name}`} onClick={() => setOpen({ kind: 'edit', customer: c })}>
                    Edit
                  </button>
                  <button type="button" aria-label={`Attribute ${c.name}`} onClick={() => setOpen({ kind: 'attribute', customer: c })}>
                    Attribute
                  </button>
                  {c.partnerId && c.openDisputes === 0 && (
                    <button type="button" aria-label={`Claim ${c.name}`} onClick={() => setOpen({ kind: 'claim', customer: c })}>
                      Claim
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open?.kind === 'new' && <CustomerDialog customer={null} partners={options.partners} onDone={done} onCancel={close} />}
      {open?.kind === 'edit' && <CustomerDialog customer={open.customer} partners={options.partners} onDone={done} onCancel={close} />}
      {open?.kind === 'attribute' && <AttributeDialog customer={open.customer} partners={options.partners} onDone={done} onCancel={close} />}
      {open?.kind === 'claim' && <ClaimDialog customer={open.customer} partners={options.partners} onDone={done} onCancel={close} />}
    </div>
  );
}
