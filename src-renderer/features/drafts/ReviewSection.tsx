import { useCallback, useEffect, useState } from 'react';
import type { list } from '../../../src-shared/drafts/contract';
import { DRAFT_CHANNELS, DRAFT_STATES, channelLabel, stateLabel } from '../../../src-shared/drafts/states';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { z } from 'zod';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DraftView, StateBadge } from './DraftView';
import { Library } from './Library';
import { RegisterDraft } from './RegisterDraft';
import { RulesSettings } from './RulesSettings';
import './drafts.css';

type Queue = z.output<typeof list.output>;
type Tab = 'Queue' | 'Register a draft' | 'Approved library' | 'Rules and SLA';
const day = (iso: string | null) => (iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) : '—');

/** Seed 000: partners share marketing drafts before use; reviewers work this queue. */
export function ReviewSection() {
  const [tab, setTab] = useState<Tab>('Queue');
  const [filters, setFilters] = useState<{ state?: string; partnerId?: string; assignedTo?: string; channel?: string; search?: string; overdueOnly?: boolean }>({});
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  // Partnership managers register drafts; reviewers only work the queue.
  const canRegister = useCan('partners.write');

  const load = useCallback(async () => {
    const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '' && v !== undefined && v !== false));
    const r = await api.draftsList(clean as never);
    if (r.ok) (setQueue(r.value), setError(null));
    else setError(r.error);
  }, [filters]);
  useEffect(() => void load(), [load]);

  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [k]: e.target.value || undefined }));

  return (
    <section className="page dr-page">
      <h1>Review queue</h1>
      <div role="tablist" aria-label="Review queue" className="dr-tabs">
        {(['Queue', 'Register a draft', 'Approved library', 'Rules and SLA'] as Tab[]).filter((t) => t !== 'Register a draft' || canRegister).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => (setTab(t), setOpenId(null))}>
            {t}
          </button>
        ))}
      </div>
      <ErrorBanner error={error} />
      {tab === 'Queue' && openId && queue && <DraftView id={openId} reviewers={queue.reviewers} onBack={() => setOpenId(null)} onChanged={() => void load()} />}
      {tab === 'Queue' && !openId && queue && (
        <>
          <ul className="tiles" aria-label="Drafts per state">
            {DRAFT_STATES.map((s) => (
              <li key={s} className="tile">
                <span className="tile-value">{queue.counts[s] ?? 0}</span>
                <span className="tile-label">{stateLabel[s]}</span>
              </li>
            ))}
            <li className="tile dr-tile-overdue">
              <span className="tile-value">{queue.overdue}</span>
              <span className="tile-label">Overdue (SLA {queue.slaDays} days)</span>
            </li>
          </ul>
          <div className="dr-filters">
            <label>
              State
              <select value={filters.state ?? ''} onChange={set('state')}>
                <option value="">All</option>
                {DRAFT_STATES.map((s) => (
                  <option key={s} value={s}>
                    {stateLabel[s]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Partner
              <select value={filters.partnerId ?? ''} onChange={set('partnerId')}>
                <option value="">All</option>
                {queue.partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.company}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Assigned to
              <select value={filters.assignedTo ?? ''} onChange={set('assignedTo')}>
                <option value="">Anyone</option>
                {queue.reviewers.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Channel
              <select value={filters.channel ?? ''} onChange={set('channel')}>
                <option value="">All</option>
                {DRAFT_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {channelLabel[c]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Search
              <input type="search" value={filters.search ?? ''} onChange={set('search')} placeholder="Title or partner" />
            </label>
            <label>
              <input type="checkbox" checked={Boolean(filters.overdueOnly)} onChange={(e) => setFilters((f) => ({ ...f, overdueOnly: e.target.checked }))} /> Overdue only
            </label>
          </div>
          <table className="dr-table" aria-label="Marketing drafts">
            <thead>
              <tr>
                <th>Draft</th>
                <th>Partner</th>
                <th>Channel</th>
                <th>State</th>
                <th>Version</th>
                <th>Reviewer</th>
                <th>Due</th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.length === 0 && (
                <tr>
                  <td colSpan={7} className="muted">
                    No drafts match these filters.
                  </td>
                </tr>
              )}
              {queue.rows.map((r) => (
                <tr key={r.id} className={r.overdue ? 'dr-row-overdue' : undefined}>
                  <td>
                    <button type="button" className="dr-open" onClick={() => setOpenId(r.id)}>
                      {r.title}
                    </button>
                  </td>
                  <td>{r.partnerName}</td>
                  <td>{channelLabel[r.channel]}</td>
                  <td>
                    <StateBadge state={r.state} />
                  </td>
                  <td>{r.currentVersion}</td>
                  <td>{r.assignedName ?? <span className="muted">unassigned</span>}</td>
                  <td>
                    {day(r.dueOn)} {r.overdue && <span className="badge dr-overdue">Overdue</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {tab === 'Register a draft' && queue && (
        <RegisterDraft
          partners={queue.partners}
          onRegistered={(id) => {
            void load();
            setTab('Queue');
            setOpenId(id);
          }}
        />
      )}
      {tab === 'Approved library' && queue && <Library partners={queue.partners} />}
      {tab === 'Rules and SLA' && <RulesSettings onSaved={() => void load()} />}
    </section>
  );
}
