import { api } from '../../api/client';
import { useUi } from '../../app/store';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { PartnerFormat, PartnerStatus, ProgrammeRef } from '../../../src-shared/partners/contract';
import { formatsForProgramme } from '../../../src-shared/partners/record';
import { SelectField } from '../../components/FormFields';
import { formatLabel, statusLabel } from './labels';

/** A new partner: the company, its programme and format, and the main contact. */
export function NewPartnerForm({ programmes, onCancel }: { programmes: ProgrammeRef[]; onCancel(): void }) {
  const openPartner = useUi((s) => s.openPartner);
  const first = programmes[0];
  const form = useForm({
    company: '',
    programmeId: first?.id ?? '',
    format: first ? formatsForProgramme(first.code)[0]! : 'affiliate',
    status: 'applicant',
    country: '',
    contactName: '',
    contactEmail: '',
  });
  const programme = programmes.find((p) => p.id === form.values.programmeId);
  const formats = formatsForProgramme(programme?.code ?? '');

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const created = await form.submit((v) =>
      api.partnersCreate({ ...v, format: v.format as PartnerFormat, status: v.status as PartnerStatus }),
    );
    if (created) openPartner(created.id);
  }

  return (
    <form className="card pl-new" aria-label="New partner" onSubmit={submit} noValidate>
      <h2>New partner</h2>
      <ErrorBanner error={form.error} />
      <div className="pd-grid">
        <Field label="Company" {...form.bind('company')} error={form.fieldError('company')} autoFocus />
        <SelectField label="Programme" {...form.bind('programmeId')} error={form.fieldError('programmeId')}>
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Format" {...form.bind('format')} error={form.fieldError('format')}>
          {formats.map((f) => (
            <option key={f} value={f}>
              {formatLabel[f]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" {...form.bind('status')} error={form.fieldError('status')}>
          {(['applicant', 'onboarding', 'active'] as const).map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </SelectField>
        <Field label="Country" {...form.bind('country')} error={form.fieldError('country')} hint="Two-letter code, e.g. GB" />
        <Field label="Main contact" {...form.bind('contactName')} error={form.fieldError('contactName')} />
        <Field label="Contact e-mail" type="email" {...form.bind('contactEmail')} error={form.fieldError('contactEmail')} />
      </div>
      <div className="row">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={form.busy}>
          Create partner
        </button>
      </div>
    </form>
  );
}
