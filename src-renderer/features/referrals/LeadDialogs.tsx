import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { LeadRow, PartnerOption } from '../../../src-shared/referrals/contract';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { Dialog, PartnerSelectOptions, sourceLabel, todayIso } from './ui';

interface Props {
  onDone(): void;
  onCancel(): void;
}

function Buttons({ busy, label, onCancel }: { busy: boolean; label: string; onCancel(): void }) {
  return (
    <div className="ref-form-buttons">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
    </div>
  );
}

/** Seed 001, Appendix A: a lead comes by warm e-mail introduction or by registration. */
export function RegisterLeadDialog({ partners, partnerId, onDone, onCancel }: Props & { partners: PartnerOption[]; partnerId?: string }) {
  const f = useForm({ partnerId: partnerId ?? '', company: '', contactName: '', contactEmail: '', source: 'warm_intro', registeredOn: todayIso() });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const done = await f.submit((v) => api.referralsRegisterLead({ ...v, contactEmail: v.contactEmail.trim(), source: v.source as LeadRow['source'] }));
    if (done) onDone();
  }
  return (
    <Dialog title="Register a lead" onCancel={onCancel}>
      <form className="ref-form" aria-label="Register a lead" onSubmit={save} noValidate>
        <ErrorBanner error={f.error} />
        <div className="ref-form-grid">
          <SelectField label="Referring partner" id="lead-partner" {...f.bind('partnerId')} error={f.fieldError('partnerId')}>
            <option value="">Choose a partner…</option>
            <PartnerSelectOptions partners={partners} />
          </SelectField>
          <SelectField label="How it came" id="lead-source" {...f.bind('source')} error={f.fieldError('source')}>
            {Object.entries(sourceLabel).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </SelectField>
          <Field label="Prospect company" id="lead-company" {...f.bind('company')} error={f.fieldError('company')} />
          <Field label="Registered on" id="lead-registered" type="date" {...f.bind('registeredOn')} error={f.fieldError('registeredOn')} />
          <Field label="Contact name" id="lead-contact" {...f.bind('contactName')} error={f.fieldError('contactName')} />
          <Field label="Contact e-mail" id="lead-email" type="email" {...f.bind('contactEmail')} error={f.fieldError('contactEmail')} />
        </div>
        <Buttons busy={f.busy} label="Register lead" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

export function QualifyLeadDialog({ lead, onDone, onCancel }: Props & { lead: LeadRow }) {
  const f = useForm({ qualifiedOn: todayIso(), note: '' });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const done = await f.submit((v) => api.referralsQualifyLead({ leadId: lead.id, ...v }));
    if (done) onDone();
  }
  return (
    <Dialog title={`Qualify ${lead.company}`} onCancel={onCancel}>
      <form className="ref-form" aria-label="Qualify lead" onSubmit={save} noValidate>
        <ErrorBanner error={f.error} />
        <Field label="Qualified on" id="qualify-on" type="date" {...f.bind('qualifiedOn')} error={f.fieldError('qualifiedOn')} />
        <TextAreaField
          label="Qualification note"
          id="qualify-note"
          {...f.bind('note')}
          error={f.fieldError('note')}
          hint="Seed 001: Aloware fits 5 to 100 agents — size, CRM, budget, next step"
        />
        <Buttons busy={f.busy} label="Mark qualified" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

export function WinLeadDialog({ lead, onDone, onCancel }: Props & { lead: LeadRow }) {
  const f = useForm({ closedOn: todayIso(), customerName: lead.company, signUpOn: '' });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const done = await f.submit((v) =>
      api.referralsWinLead({ leadId: lead.id, closedOn: v.closedOn, customerName: v.customerName, ...(v.signUpOn ? { signUpOn: v.signUpOn } : {}) }),
    );
    if (done) onDone();
  }
  return (
    <Dialog title={`Won: ${lead.company}`} onCancel={onCancel}>
      <form className="ref-form" aria-label="Mark lead won" onSubmit={save} noValidate>
        <p className="muted">Creates the customer, credited to {lead.partnerCompany}, with this close date (seed 001: commission follows the close).</p>
        <ErrorBanner error={f.error} />
        <Field label="Close date" id="win-closed" type="date" {...f.bind('closedOn')} error={f.fieldError('closedOn')} />
        <Field label="Customer name" id="win-name" {...f.bind('customerName')} error={f.fieldError('customerName')} />
        <Field label="Sign-up date" id="win-signup" type="date" {...f.bind('signUpOn')} error={f.fieldError('signUpOn')} hint="Empty: the close date" />
        <Buttons busy={f.busy} label="Mark won" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

export function LoseLeadDialog({ lead, onDone, onCancel }: Props & { lead: LeadRow }) {
  const f = useForm({ decidedOn: todayIso(), reason: '' });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const done = await f.submit((v) => api.referralsLoseLead({ leadId: lead.id, ...v }));
    if (done) onDone();
  }
  return (
    <Dialog title={`Lost: ${lead.company}`} onCancel={onCancel}>
      <form className="ref-form" aria-label="Mark lead lost" onSubmit={save} noValidate>
        <ErrorBanner error={f.error} />
        <Field label="Lost on" id="lose-on" type="date" {...f.bind('decidedOn')} error={f.fieldError('decidedOn')} />
        <TextAreaField label="Reason" id="lose-reason" {...f.bind('reason')} error={f.fieldError('reason')} />
        <Buttons busy={f.busy} label="Mark lost" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
