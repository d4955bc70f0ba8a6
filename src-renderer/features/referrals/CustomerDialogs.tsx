import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { Attribution, CustomerRow, PartnerOption } from '../../../src-shared/referrals/contract';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { attributionLabel, Dialog, PartnerSelectOptions, todayIso } from './ui';

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function AttributionOptions() {
  return (
    <>
      {Object.entries(attributionLabel).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** New customer, or the edit of one: name, contact, dates (close and cancel not before sign-up), product line, promo code. */
export function CustomerDialog({ customer, partners, onDone, onCancel }: { customer: CustomerRow | null; partners: PartnerOption[]; onDone(): void; onCancel(): void }) {
  const f = useForm({
    name: customer?.name ?? '',
    email: customer?.email ?? '',
    externalRef: customer?.externalRef ?? '',
    partnerId: '',
    attribution: '',
    signUpOn: customer?.signUpOn ?? todayIso(),
    closedOn: customer?.closedOn ?? '',
    cancelledOn: customer?.cancelledOn ?? '',
    productLine: customer?.productLine ?? '',
    promoCode: customer?.promoCode ?? '',
  });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const common = {
      name: f.values.name,
      email: f.values.email.trim(),
      externalRef: orNull(f.values.externalRef),
      signUpOn: f.values.signUpOn,
      closedOn: orNull(f.values.closedOn),
      cancelledOn: orNull(f.values.cancelledOn),
      productLine: f.values.productLine,
      promoCode: orNull(f.values.promoCode),
    };
    const done = await f.submit(() =>
      customer
        ? api.referralsUpdateCustomer({ id: customer.id, ...common })
        : api.referralsCreateCustomer({ ...common, partnerId: orNull(f.values.partnerId), attribution: orNull(f.values.attribution) as Attribution | null }),
    );
    if (done) onDone();
  }
  return (
    <Dialog title={customer ? `Edit ${customer.name}` : 'New customer'} onCancel={onCancel}>
      <form className="ref-form" aria-label={customer ? 'Edit customer' : 'New customer'} onSubmit={save} noValidate>
        <ErrorBanner error={f.error} />
        <div className="ref-form-grid">
          <Field label="Name" id="cust-name" {...f.bind('name')} error={f.fieldError('name')} />
          <Field label="E-mail" id="cust-email" type="email" {...f.bind('email')} error={f.fieldError('email')} />
          <Field label="External reference" id="cust-ref" {...f.bind('externalRef')} error={f.fieldError('externalRef')} hint="The billing system’s customer id" />
          <Field label="Product line" id="cust-line" {...f.bind('productLine')} error={f.fieldError('productLine')} />
          <Field label="Sign-up date" id="cust-signup" type="date" {...f.bind('signUpOn')} error={f.fieldError('signUpOn')} />
          <Field label="Close date" id="cust-closed" type="date" {...f.bind('closedOn')} error={f.fieldError('closedOn')} hint="Seed 001: commission follows a successful close" />
          <Field label="Cancellation date" id="cust-cancelled" type="date" {...f.bind('cancelledOn')} error={f.fieldError('cancelledOn')} hint="Cancelled accounts stop earning" />
          <Field label="Promo code" id="cust-promo" {...f.bind('promoCode')} error={f.fieldError('promoCode')} />
          {!customer && (
            <>
              <SelectField label="Partner" id="cust-partner" {...f.bind('partnerId')} error={f.fieldError('partnerId')}>
                <option value="">Unattributed</option>
                <PartnerSelectOptions partners={partners} />
              </SelectField>
              <SelectField label="Attribution" id="cust-attribution" {...f.bind('attribution')} error={f.fieldError('attribution')}>
                <option value="">—</option>
                <AttributionOptions />
              </SelectField>
            </>
          )}
        </div>
        <div className="ref-form-buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={f.busy}>
            {customer ? 'Save' : 'Add customer'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Assign or reassign the customer to a partner (audited with the previous partner). */
export function AttributeDialog({ customer, partners, onDone, onCancel }: { customer: CustomerRow; partners: PartnerOption[]; onDone(): void; onCancel(): void }) {
  const f = useForm({ partnerId: customer.partnerId ?? '', attribution: customer.attribution ?? '', note: '' });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const done = await f.submit((v) => api.referralsAttribute({ customerId: customer.id, partnerId: v.partnerId, attribution: v.attribution as Attribution, note: v.note }));
    if (done) onDone();
  }
  return (
    <Dialog title={`Attribute ${customer.name}`} onCancel={onCancel}>
      <form className="ref-form" aria-label="Attribute customer" onSubmit={save} noValidate>
        <p className="muted">Credited now: {customer.partnerCompany ?? 'nobody (unattributed)'}</p>
        <ErrorBanner error={f.error} />
        <SelectField label="Partner" id="attr-partner" {...f.bind('partnerId')} error={f.fieldError('partnerId')}>
          <option value="">Choose a partner…</option>
          <PartnerSelectOptions partners={partners} />
        </SelectField>
        <SelectField label="Attribution" id="attr-attribution" {...f.bind('attribution')} error={f.fieldError('attribution')}>
          <option value="">Choose how…</option>
          <AttributionOptions />
        </SelectField>
        <TextAreaField label="Note" id="attr-note" {...f.bind('note')} error={f.fieldError('note')} hint="Why, for the audit trail (e.g. the intro e-mail’s date)" />
        <div className="ref-form-buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={f.busy}>
            Attribute
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Seed 002 §1.4: another partner claims the client with evidence of its integration support. */
export function ClaimDialog({ customer, partners, onDone, onCancel }: { customer: CustomerRow; partners: PartnerOption[]; onDone(): void; onCancel(): void }) {
  const f = useForm({ claimantPartnerId: '', openedOn: todayIso(), evidence: '' });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const done = await f.submit((v) => api.referralsOpenDispute({ customerId: customer.id, ...v }));
    if (done) onDone();
  }
  return (
    <Dialog title={`Claim for ${customer.name}`} onCancel={onCancel}>
      <form className="ref-form" aria-label="Open attribution dispute" onSubmit={save} noValidate>
        <p className="muted">Credited now: {customer.partnerCompany ?? 'nobody (unattributed)'}</p>
        <ErrorBanner error={f.error} />
        <SelectField label="Claiming partner" id="claim-partner" {...f.bind('claimantPartnerId')} error={f.fieldError('claimantPartnerId')}>
          <option value="">Choose a partner…</option>
          <PartnerSelectOptions partners={partners.filter((p) => p.id !== customer.partnerId)} />
        </SelectField>
        <Field label="Claim received on" id="claim-opened" type="date" {...f.bind('openedOn')} error={f.fieldError('openedOn')} />
        <TextAreaField label="Evidence" id="claim-evidence" rows={4} {...f.bind('evidence')} error={f.fieldError('evidence')} hint="What shows the partner’s integration support: tickets, setup calls, invoices" />
        <div className="ref-form-buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={f.busy}>
            Open dispute
          </button>
        </div>
      </form>
    </Dialog>
  );
}
