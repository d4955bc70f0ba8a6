import type { RunDetail } from '../../../src-shared/payouts/contract';
import type { Result } from '../../../src-shared/rpc/errors';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { TextAreaField } from '../../components/FormFields';
import { useForm } from '../../components/useForm';
import { bannerOf, DialogButtons } from './dialogBits';

/** Rejecting a run or releasing a failed line: both need a reason in words, kept in the audit trail. */
export function ReasonDialog(props: {
  title: string;
  intro: string;
  submitLabel: string;
  call(reason: string): Promise<Result<RunDetail>>;
  onCancel(): void;
  onDone(run: RunDetail): void;
}) {
  const form = useForm({ reason: '' });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const run = await form.submit((v) => props.call(v.reason));
    if (run) props.onDone(run);
  }

  return (
    <Dialog title={props.title} onCancel={props.onCancel} className="po-dialog">
      <form aria-label={props.title} onSubmit={submit} noValidate className="po-form">
        <p className="muted">{props.intro}</p>
        <ErrorBanner error={bannerOf(form.error, ['reason'])} />
        <TextAreaField label="Reason" id="po-reason" {...form.bind('reason')} error={form.fieldError('reason')} />
        <DialogButtons busy={form.busy} submit={props.submitLabel} onCancel={props.onCancel} />
      </form>
    </Dialog>
  );
}
