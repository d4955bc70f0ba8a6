import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { Dialog } from './Dialog';
import { bannerOf, DialogButtons, type ActionProps } from './dialogBits';
import { formatDay } from './format';

/** Mark the open breach cured. A cure after the deadline is recorded but does not undo a termination. */
export function CureDialog({ agreement, today, onClose, onDone }: ActionProps) {
  const form = useForm({ curedOn: today });
  const breach = agreement.openBreach;
  if (!breach) return null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const view = await form.submit((v) => api.agreementsRecordCure({ breachId: breach!.eventId, curedOn: v.curedOn }));
    if (view) onDone(view, 'Breach marked cured.');
  }

  return (
    <Dialog title="Mark the breach cured" onClose={onClose}>
      <form aria-label="Mark the breach cured" onSubmit={submit} noValidate>
        <div className="agr-tab">
          <p className="muted">
            Breach noticed on {formatDay(breach.noticedOn)}
            {breach.cureDeadline ? `; the cure period runs until ${formatDay(breach.cureDeadline)}.` : '; the agreement gives no cure period.'}
          </p>
          <ErrorBanner error={bannerOf(form.error)} />
          <Field id="agr-cured-on" label="Cured on" type="date" {...form.bind('curedOn')} error={form.fieldError('curedOn')} />
          <DialogButtons busy={form.busy} submit="Mark cured" onClose={onClose} />
        </div>
      </form>
    </Dialog>
  );
}
