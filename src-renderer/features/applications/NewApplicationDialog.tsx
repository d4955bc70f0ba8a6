import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { ApplicationRow, ProgrammeSlots } from '../../../src-shared/applications/contract';
import type { PartnerFormat } from '../../../src-shared/applications/rules';
import { Dialog, numberOrText } from './Dialog';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { formatLabels } from './labels';

interface Props {
  programmes: ProgrammeSlots[];
  onSubmitted(row: ApplicationRow): void;
  onCancel(): void;
}

/** Seed 003's application form: company profile, focus market and expected tenant pipeline. */
export function NewApplicationDialog({ programmes, onSubmitted, onCancel }: Props) {
  const first = programmes[0];
  const form = useForm({
    programmeId: first?.id ?? '',
    format: first?.formats[0] ?? '',
    company: '',
    contactName: '',
    contactEmail: '',
    country: '',
    website: '',
    focusMarket: '',
    expectedTenantsPerYear: '',
    pipelineNote: '',
    submittedOn: '',
  });
  const programme = programmes.find((p) => p.id === form.values.programmeId);
  const formats = programme?.formats ?? [];
  const programmeBinding = form.bind('programmeId');
  const formatBinding = form.bind('format');

  function chooseProgramme(id: string) {
    programmeBinding.onChange({ target: { value: id } });
    const next = programmes.find((p) => p.id === id);
    if (next && !next.formats.includes(form.values.format as PartnerFormat)) formatBinding.onChange({ target: { value: next.formats[0] ?? '' } });
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const row = await form.submit((v) =>
      api.applicationsSubmit({
        ...v,
        format: v.format as PartnerFormat,
        expectedTenantsPerYear: numberOrText(v.expectedTenantsPerYear) as number,
        submittedOn: v.submittedOn || undefined,
      }),
    );
    if (row) onSubmitted(row);
  }

  return (
    <Dialog title="New application" onCancel={onCancel}>
      <form onSubmit={submit} aria-label="New application" noValidate className="app-form">
        <ErrorBanner error={form.error} />
        <div className="app-form-grid">
          <SelectField label="Programme" name="programmeId" value={form.values.programmeId} onChange={(e) => chooseProgramme(e.target.value)} error={form.fieldError('programmeId')}>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Format" {...formatBinding} error={form.fieldError('format')}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {formatLabels[f]}
              </option>
            ))}
          </SelectField>
          <Field label="Company" {...form.bind('company')} error={form.fieldError('company')} autoComplete="organization" />
          <Field label="Website" {...form.bind('website')} error={form.fieldError('website')} placeholder="example.com" />
          <Field label="Contact name" {...form.bind('contactName')} error={form.fieldError('contactName')} />
          <Field label="Contact e-mail" type="email" {...form.bind('contactEmail')} error={form.fieldError('contactEmail')} />
          <Field label="Country" {...form.bind('country')} error={form.fieldError('country')} hint="Two-letter code, e.g. US, GB, DE" maxLength={2} />
          <Field label="Focus market" {...form.bind('focusMarket')} error={form.fieldError('focusMarket')} hint="Who the partner sells to" />
          <Field label="Expected new tenants a year" inputMode="numeric" {...form.bind('expectedTenantsPerYear')} error={form.fieldError('expectedTenantsPerYear')} />
          <Field label="Received on" type="date" {...form.bind('submittedOn')} error={form.fieldError('submittedOn')} hint="Leave empty for today" />
        </div>
        <TextAreaField label="Pipeline note" {...form.bind('pipelineNote')} error={form.fieldError('pipelineNote')} />
        <div className="app-actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {form.busy ? 'Submitting…' : 'Submit application'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
