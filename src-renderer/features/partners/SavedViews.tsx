import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { PartnerViewState, SavedView } from '../../../src-shared/partners/contract';

interface Props {
  current(): PartnerViewState;
  onApply(state: PartnerViewState): void;
}

/** The person's saved views of the list: apply one, save the current one under a name, delete. */
export function SavedViews({ current, onApply }: Props) {
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [applied, setApplied] = useState<string | null>(null);

  useEffect(() => {
    void api.partnersListViews({}).then((r) => (r.ok ? setViews(r.value) : setError(r.error)));
  }, []);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const r = await api.partnersSaveView({ name, state: current() });
    if (!r.ok) return setError(r.error);
    setViews(r.value);
    setApplied(name.trim());
    setName('');
    setError(null);
  }

  async function remove(v: SavedView) {
    const r = await api.partnersDeleteView({ id: v.id });
    if (!r.ok) return setError(r.error);
    setViews(r.value);
    if (applied === v.name) setApplied(null);
  }

  const nameError = error?.fieldErrors?.name;
  return (
    <section className="pl-views" aria-label="Saved views">
      <span className="muted">Views</span>
      {views.length === 0 && <span className="muted">none saved yet</span>}
      <ul>
        {views.map((v) => (
          <li key={v.id} className="pl-view">
            <button
              type="button"
              aria-pressed={applied === v.name}
              onClick={() => {
                setApplied(v.name);
                onApply(v.state);
              }}
            >
              {v.name}
            </button>
            <button type="button" className="pl-view-delete" aria-label={`Delete view ${v.name}`} onClick={() => void remove(v)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form aria-label="Save view" onSubmit={save} className="pl-view-form">
        <input aria-label="View name" placeholder="Name this view" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={nameError ? true : undefined} />
        <button type="submit">Save view</button>
        {nameError && (
          <span className="field-error" role="alert">
            {nameError}
          </span>
        )}
        {error && !nameError && (
          <span className="field-error" role="alert">
            {error.message}
          </span>
        )}
      </form>
    </section>
  );
}
