import { useEffect, useState } from 'react';
import { REVENUE_CATEGORIES } from '../../../src-shared/stripe/rules';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';

type Row = { stripeId: string; kind: 'product' | 'price'; name: string; category: (typeof REVENUE_CATEGORIES)[number] | null; excluded: boolean; lines: number };

const label: Record<string, string> = { subscription: 'Subscription', platform_fee: 'Platform fee', overage: 'Overage', usage: 'Usage', one_off: 'One-off', setup: 'Setup' };

/** Stripe products → revenue categories (pre-filled from metadata.revenue_category). */
export function MappingsPanel() {
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState('');
  const load = () => void api.stripeMappings({}).then((r) => (r.ok ? setRows(r.value) : setError(r.error)));
  useEffect(load, []);
  const set = async (row: Row, value: string) => {
    setError(null);
    const r = await api.stripeSetMapping(value === 'excluded' ? { stripeId: row.stripeId, category: null, excluded: true } : { stripeId: row.stripeId, category: value as Row['category'], excluded: false });
    if (!r.ok) setError(r.error);
    else setNote(`${row.name}: ${r.value.linesUpdated} revenue lines re-categorised.`);
    load();
  };
  return (
    <div className="card">
      <h2>Products and revenue categories</h2>
      <p className="muted">The category decides which revenue earns commission under each plan (usage fees earn nothing in seed 001; overage counts in seed 003).</p>
      <ErrorBanner error={error} />
      {note && <p role="status">{note}</p>}
      <table className="pd-stripe-table" aria-label="Product mappings">
        <thead>
          <tr>
            <th>Product</th>
            <th>Category</th>
            <th>Revenue lines</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.stripeId}>
              <td title={r.stripeId}>{r.name}</td>
              <td>
                <select aria-label={`Category of ${r.name}`} value={r.excluded ? 'excluded' : (r.category ?? '')} onChange={(e) => void set(r, e.target.value)}>
                  <option value="" disabled>
                    Not mapped
                  </option>
                  {REVENUE_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {label[c]}
                    </option>
                  ))}
                  <option value="excluded">Excluded</option>
                </select>
              </td>
              <td>{r.lines}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                No products yet — run a sync.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
