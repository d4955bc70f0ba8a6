import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useForm } from '../../components/useForm';
import { TextAreaField } from '../../components/FormFields';
import type { TabProps } from './PartnerPage';

/** Free notes on the partner, saved with the same conflict check as the record. */
export function NotesTab(props: TabProps) {
  const [saved, setSaved] = useState(false);
  return <NotesForm key={props.partner.updatedAt ?? 'v0'} {...props} saved={saved} setSaved={setSaved} />;
}

function NotesForm({ partner, onChange, reload, saved, setSaved }: TabProps & { saved: boolean; setSaved(v: boolean): void }) {
  const form = useForm({ notes: partner.notes });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    const next = await form.submit((v) => api.partnersUpdate({ id: partner.id, expectedUpdatedAt: partner.updatedAt, notes: v.notes }));
    if (next) {
      setSaved(true);
      onChange(next);
    }
  }
  return (
    <form className="card" aria-label="Notes" onSubmit={submit} noValidate>
      <ErrorBanner error={form.error} />
      {form.error?.kind === 'conflict' && (
        <button type="button" onClick={reload}>
          Reload the partner
        </button>
      )}
      <TextAreaField label="Notes" rows={12} {...form.bind('notes')} error={form.fieldError('notes')} />
      <div className="row">
        <span className="muted" role="status">
          {saved ? 'Saved.' : ''}
        </span>
        <button type="submit" className="primary" disabled={form.busy}>
          Save notes
        </button>
      </div>
    </form>
  );
}
