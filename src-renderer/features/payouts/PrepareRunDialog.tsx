import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { TextAreaField } from '../../components/FormFields';
import { useForm } from '../../components/useForm';
import { bannerOf, DialogButtons } from './dialogBits';
import { todayIso } from '../commissions/format';

/** A run for a pay date: the core gathers each partner's payable ledger balance per currency. */
export function PrepareRunDialog({ onCancel, onPrepared }: { onCancel(): void; onPrepared(runId: string): void }) {
  const form = useForm({ payDate: todayIso(), note: '' });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const run = await form.submit((v) => api.payoutsPrepare({ payDate: v.payDate, note: v.note }));
    if (run) onPrepared(run.id);
  }

  return (
    <Dialog title="Prepare a payout run" onCancel={onCancel} className="po-dialog">
      <form aria-label="Prepare run" onSubmit={submit} noValidate className="po-form">
        <p className="muted">
          Each partner's payable commission per currency, less the chargebacks withheld. Amounts under the minimum payout, or negative, are carried forward.
        </p>
        <ErrorBanner error={bannerOf(form.error, ['payDate', 'note'])} />
        <Field label="Pay date" id="po-pay-date" type="date" {...form.bind('payDate')} error={form.fieldError('payDate')} />
        <TextAreaField label="Note" id="po-run-note" {...form.bind('note')} error={form.fieldError('note')} hint="Optional: shown on the run and its register." />
        <DialogButtons busy={form.busy} submit="Prepare run" busyLabel="Preparing…" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
