import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { Dialog } from './Dialog';
import { bannerOf, DialogButtons, type ActionProps } from './dialogBits';
import { formatDay } from './format';
import { noticeText } from './termsText';
import { SelectField } from './SelectField';

/** Serve notice: the core refuses it during the initial term and says from when it can be served. */
export function ServeNoticeDialog({ agreement, today, onClose, onDone }: ActionProps) {
  const form = useForm({ servedBy: 'company', servedOn: today });
  const { terms, firstNoticeOn } = agreement;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const view = await form.submit((v) =>
      api.agreementsServeNotice({ agreementId: agreement.agreementId, servedBy: v.servedBy as 'partner' | 'company', servedOn: v.servedOn }),
    );
    const end = view?.current?.end;
    if (view) onDone(view, end ? `Notice recorded: the agreement ends on ${formatDay(end.on)}.` : 'Notice recorded.');
  }

  return (
    <Dialog title="Serve notice" onClose={onClose}>
      <form aria-label="Serve notice" onSubmit={submit} noValidate>
        <div className="agr-tab">
          <p className="muted">
            {noticeText(terms.noticePeriod)}
            {firstNoticeOn ? `; notice may be served from ${formatDay(firstNoticeOn)}.` : '; this fixed-term agreement ends without notice.'}
          </p>
          <ErrorBanner error={bannerOf(form.error)} />
          <SelectField id="agr-served-by" label="Served by" {...form.bind('servedBy')} error={form.fieldError('servedBy')} options={[['company', 'The company'], ['partner', 'The partner']]} />
          <Field id="agr-served-on" label="Served on" type="date" {...form.bind('servedOn')} error={form.fieldError('servedOn')} />
          <DialogButtons busy={form.busy} submit="Serve notice" onClose={onClose} />
        </div>
      </form>
    </Dialog>
  );
}
