import type { Line, RunDetail } from '../../../src-shared/payouts/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { formatMoney } from '../../components/format';
import { useForm } from '../../components/useForm';
import { bannerOf, DialogButtons } from './dialogBits';
import { todayIso } from '../commissions/format';

/** A partner not on Stripe is paid outside the app; the line records the payment's reference and day. */
export function MarkPaidDialog({ line, onCancel, onDone }: { line: Line; onCancel(): void; onDone(run: RunDetail): void }) {
  const form = useForm({ reference: '', paidOn: todayIso() });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const run = await form.submit((v) => api.payoutsMarkPaid({ lineId: line.id, reference: v.reference, paidOn: v.paidOn }));
    if (run) onDone(run);
  }

  return (
    <Dialog title="Mark paid" onCancel={onCancel} className="po-dialog">
      <form aria-label="Mark paid" onSubmit={submit} noValidate className="po-form">
        <p>
          {line.partnerCompany}: <strong>{formatMoney(line.amountMinor, line.currency)}</strong> paid outside the app.
        </p>
        <ErrorBanner error={bannerOf(form.error, ['reference', 'paidOn'])} />
        <Field label="Payment reference" id="po-paid-reference" {...form.bind('reference')} error={form.fieldError('reference')} hint="Bank transfer id, cheque number…" />
        <Field label="Paid on" id="po-paid-on" type="date" {...form.bind('paidOn')} error={form.fieldError('paidOn')} />
        <DialogButtons busy={form.busy} submit="Mark paid" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
