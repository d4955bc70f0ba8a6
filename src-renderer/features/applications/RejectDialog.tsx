import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useForm } from '../../components/useForm';
import type { ApplicationRow, RejectReason } from '../../../src-shared/applications/contract';
import { Dialog } from './Dialog';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { rejectReasonLabels } from './labels';

interface Props {
  application: ApplicationRow;
  onRejected(row: ApplicationRow): void;
  onCancel(): void;
}

/** Reject with a reason from the list and a note; an application is decided once. */
export function RejectDialog({ application, onRejected, onCancel }: Props) {
  const form = useForm({ reason: '', note: '' });

  async function reject(e: React.FormEvent) {
    e.preventDefault();
    const row = await form.submit((v) => api.applicationsReject({ id: application.id, reason: v.reason as RejectReason, note: v.note }));
    if (row) onRejected(row);
  }

  return (
    <Dialog title={`Reject ${application.company}`} onCancel={onCancel}>
      <form onSubmit={reject} aria-label="Reject application" noValidate className="app-form">
        <ErrorBanner error={form.error} />
        <SelectField label="Reason" {...form.bind('reason')} name="rejectReason" error={form.fieldError('reason')}>
          <option value="">Choose a reason…</option>
          {(Object.keys(rejectReasonLabels) as RejectReason[]).map((r) => (
            <option key={r} value={r}>
              {rejectReasonLabels[r]}
            </option>
          ))}
        </SelectField>
        <TextAreaField label="Note" {...form.bind('note')} name="rejectNote" error={form.fieldError('note')} hint="Required when the reason is “Other reason”" />
        <div className="app-actions">
          <button type="submit" className="primary danger" disabled={form.busy}>
            {form.busy ? 'Rejecting…' : 'Reject application'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
