import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { cureDeadline } from '../../../src-shared/agreements/dates';
import { isIsoDate } from '../../../src-shared/dates/isoDate';
import { Dialog } from './Dialog';
import { bannerOf, DialogButtons, type ActionProps } from './dialogBits';
import { formatDay } from './format';
import { TextAreaField } from './TextAreaField';

/** Record a breach: written notice of it starts the cure clock (Seed 001: 15 days to cure). */
export function BreachDialog({ agreement, today, onClose, onDone }: ActionProps) {
  const form = useForm({ noticedOn: today, description: '' });
  const { terms } = agreement;
  const then = terms.breachOutcome === 'terminate' ? 'terminates' : 'suspends';
  const deadline = isIsoDate(form.values.noticedOn) ? cureDeadline(terms, form.values.noticedOn) : null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const view = await form.submit((v) => api.agreementsRecordBreach({ agreementId: agreement.agreementId, noticedOn: v.noticedOn, description: v.description }));
    if (!view) return;
    const d = view.current?.events.filter((x) => x.kind === 'breach').at(-1)?.cureDeadline;
    onDone(view, d ? `Breach recorded: it must be cured by ${formatDay(d)}.` : 'Breach recorded.');
  }

  return (
    <Dialog title="Record a breach" onClose={onClose}>
      <form aria-label="Record a breach" onSubmit={submit} noValidate>
        <div className="agr-tab">
          <p className="muted" data-testid="cure-hint">
            {terms.curePeriodDays === null
              ? `This agreement gives no cure period: the breach ${then} the agreement from the day of notice.`
              : deadline
                ? `Cure period of ${terms.curePeriodDays} days: the partner has until ${formatDay(deadline)}; if uncured the agreement ${then} the day after.`
                : `Cure period of ${terms.curePeriodDays} days from the notice of breach.`}
          </p>
          <ErrorBanner error={bannerOf(form.error)} />
          <Field id="agr-noticed-on" label="Written notice of breach given on" type="date" {...form.bind('noticedOn')} error={form.fieldError('noticedOn')} />
          <TextAreaField id="agr-breach-description" label="What was breached" {...form.bind('description')} error={form.fieldError('description')} />
          <DialogButtons busy={form.busy} submit="Record breach" onClose={onClose} />
        </div>
      </form>
    </Dialog>
  );
}
