import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { CrmAccessScope, IntegrationType } from '../../../src-shared/partners/contract';
import { SelectField } from '../../components/FormFields';
import { crmLabel, integrationLabel } from './labels';
import type { TabProps } from './PartnerPage';

/**
 * Seed 000's set-up: how the integration works, the hosted sign-up page, and CRM access —
 * read-only, and only after the partner's UK GDPR data-sharing confirmation.
 */
export function SetupForm({ partner, onChange, reload }: TabProps) {
  const s = partner.setup;
  const form = useForm({
    integrationType: s.integrationType ?? '',
    hostedSignupUrl: s.hostedSignupUrl ?? '',
    crmAccessScope: s.crmAccessScope as string,
    gdprConfirmedOn: s.gdprConfirmedOn ?? '',
    gdprConfirmedBy: s.gdprConfirmedBy ?? '',
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const next = await form.submit((v) =>
      api.partnersSetSetup({
        id: partner.id,
        expectedUpdatedAt: partner.updatedAt,
        integrationType: (v.integrationType || null) as IntegrationType | null,
        hostedSignupUrl: v.hostedSignupUrl.trim() || null,
        crmAccessScope: v.crmAccessScope as CrmAccessScope,
        gdprConfirmedOn: v.gdprConfirmedOn || null,
        gdprConfirmedBy: v.gdprConfirmedBy.trim() || null,
      }),
    );
    if (next) onChange(next);
  }

  return (
    <form className="card" aria-label="Partner set-up" onSubmit={submit} noValidate>
      <h2>Set-up</h2>
      <ErrorBanner error={form.error} />
      {form.error?.kind === 'conflict' && (
        <button type="button" onClick={reload}>
          Reload the partner
        </button>
      )}
      <div className="pd-grid">
        <SelectField label="Integration" {...form.bind('integrationType')} error={form.fieldError('integrationType')}>
          <option value="">Not chosen yet</option>
          {(Object.keys(integrationLabel) as IntegrationType[]).map((k) => (
            <option key={k} value={k}>
              {integrationLabel[k]}
            </option>
          ))}
        </SelectField>
        <Field label="Hosted sign-up page" {...form.bind('hostedSignupUrl')} error={form.fieldError('hostedSignupUrl')} placeholder="https://" />
        <SelectField label="CRM access" {...form.bind('crmAccessScope')} error={form.fieldError('crmAccessScope')} hint="We never write, modify or delete the partner’s data">
          {(Object.keys(crmLabel) as CrmAccessScope[]).map((k) => (
            <option key={k} value={k}>
              {crmLabel[k]}
            </option>
          ))}
        </SelectField>
        <Field label="UK GDPR data sharing confirmed on" type="date" {...form.bind('gdprConfirmedOn')} error={form.fieldError('gdprConfirmedOn')} />
        <Field label="Confirmed by" {...form.bind('gdprConfirmedBy')} error={form.fieldError('gdprConfirmedBy')} hint="Who at the partner confirmed it" />
      </div>
      <div className="row">
        <span />
        <button type="submit" className="primary" disabled={form.busy}>
          Save set-up
        </button>
      </div>
    </form>
  );
}
