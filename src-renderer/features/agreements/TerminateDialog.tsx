import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { Dialog } from './Dialog';
import { bannerOf, DialogButtons, type ActionProps } from './dialogBits';
import { formatDay } from './format';
import { TextAreaField } from './TextAreaField';

/** Terminate the agreement on a date, with the reason. */
export function TerminateDialog({ agreement, today, onClose, onDone }: ActionProps) {
  const form = useForm({ on: today, reason: '' });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const view = await form.submit((v) => api.agreementsTerminate({ agreementId: agreement.agreementId, on: v.on, reason: v.reason }));
    if (view) onDone(view, `Termination recorded for ${formatDay(form.values.on)}.`);
  }

  return (
    <Dialog title="Terminate the agreement" onClose={onClose}>
      <form aria-label="Terminate the agreement" onSubmit={submit} noValidate>
        <div className="agr-tab">
          <p className="muted">
            {agreement.terms.postTermination === 'stops'
              ? 'Commission stops on the termination date.'
              : 'Referrals made before the termination date keep earning commission.'}
          </p>
          <ErrorBanner error={bannerOf(form.error)} />
          <Field id="agr-terminate-on" label="Terminates on" type="date" {...form.bind('on')} error={form.fieldError('on')} />
          <TextAreaField id="agr-terminate-reason" label="Reason" {...form.bind('reason')} error={form.fieldError('reason')} />
          <DialogButtons busy={form.busy} submit="Terminate" onClose={onClose} />
        </div>
      </form>
    </Dialog>
  );
}
