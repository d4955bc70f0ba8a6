import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { PartnerDetail, ProgrammeRef } from '../../../src-shared/partners/contract';
import { PartnerStatus, StripeAccountState, TaxFormKind } from '../../../src-shared/partners/contract';
import { formatsForProgramme } from '../../../src-shared/partners/record';
import { usualTaxFormExpiry } from '../../../src-shared/partners/taxForm';
import { ContactsCard } from './ContactsCard';
import { formatDate } from './dates';
import { SelectField } from '../../components/FormFields';
import { formatLabel, statusLabel, stripeStateLabel } from './labels';
import type { TabProps } from './PartnerPage';

/** The record as form text: every field a string, '' for none. */
function formValues(p: PartnerDetail) {
  return {
    company: p.company,
    programmeId: p.programme.id,
    format: p.format as string,
    status: p.status as string,
    country: p.country,
    website: p.website,
    focusMarket: p.focusMarket,
    promoCode: p.promoCode ?? '',
    registeredOn: p.registeredOn,
    planId: p.planId ?? '',
    commissionRateBps: p.commissionRateBps === null ? '' : String(p.commissionRateBps),
    stripeAccountId: p.stripeAccountId ?? '',
    stripeAccountState: p.stripeAccountState as string,
    payoutMethod: p.payoutMethod as string,
    taxFormKind: p.taxFormKind ?? '',
    taxFormReceivedOn: p.taxFormReceivedOn ?? '',
    taxFormExpiresOn: p.taxFormExpiresOn ?? '',
  };
}
type Values = ReturnType<typeof formValues>;

const orNull = (s: string) => (s.trim() === '' ? null : s);
/** A whole number when the text is one; otherwise the text itself, so the core names the problem. */
const bpsOrText = (s: string): number | null => (s.trim() === '' ? null : /^\s*-?\d+\s*$/.test(s) ? Number(s) : (s as unknown as number));

/** Only the fields the person changed go to the core, converted to the record's types. */
function changes(initial: Values, v: Values) {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v) as Array<keyof Values>) {
    if (v[k] === initial[k]) continue;
    if (k === 'commissionRateBps') out[k] = bpsOrText(v[k]);
    else if (['promoCode', 'planId', 'stripeAccountId', 'taxFormKind', 'taxFormReceivedOn', 'taxFormExpiresOn'].includes(k)) out[k] = orNull(v[k]);
    else out[k] = v[k];
  }
  return out;
}

export function OverviewTab(props: TabProps) {
  const [programmes, setProgrammes] = useState<ProgrammeRef[]>([props.partner.programme]);
  // Outside the form, which starts afresh from each saved version of the record.
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api.partnersFilterOptions({}).then((r) => r.ok && setProgrammes(r.value.programmes));
  }, []);
  return (
    <div className="pd-overview">
      <RecordForm key={props.partner.updatedAt ?? 'v0'} {...props} programmes={programmes} saved={saved} setSaved={setSaved} />
      <ContactsCard {...props} />
    </div>
  );
}

function RecordForm({ partner, onChange, reload, programmes, saved, setSaved }: TabProps & { programmes: ProgrammeRef[]; saved: boolean; setSaved(v: boolean): void }) {
  const initial = formValues(partner);
  const form = useForm(initial);
  const programme = programmes.find((p) => p.id === form.values.programmeId) ?? partner.programme;
  const formats = formatsForProgramme(programme.code);
  const expiryHint =
    form.values.taxFormKind && form.values.taxFormReceivedOn
      ? usualTaxFormExpiry(form.values.taxFormKind as TaxFormKind, form.values.taxFormReceivedOn)
      : null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    const next = await form.submit((v) => api.partnersUpdate({ id: partner.id, expectedUpdatedAt: partner.updatedAt, ...changes(initial, v) }));
    if (next) {
      setSaved(true);
      onChange(next);
    }
  }

  const err = form.fieldError;
  return (
    <form className="card" aria-label="Partner record" onSubmit={submit} noValidate>
      <h2>Record</h2>
      <ErrorBanner error={form.error} />
      {form.error?.kind === 'conflict' && (
        <button type="button" onClick={reload}>
          Reload the partner
        </button>
      )}
      <div className="pd-grid">
        <Field label="Company" {...form.bind('company')} error={err('company')} />
        <SelectField label="Programme" {...form.bind('programmeId')} error={err('programmeId')}>
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Format" {...form.bind('format')} error={err('format')}>
          {[...new Set([...formats, partner.format])].map((f) => (
            <option key={f} value={f}>
              {formatLabel[f]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" {...form.bind('status')} error={err('status')}>
          {PartnerStatus.options.map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </SelectField>
        <Field label="Country" {...form.bind('country')} error={err('country')} hint="Two-letter code, e.g. GB" />
        <Field label="Registered on" type="date" {...form.bind('registeredOn')} error={err('registeredOn')} />
        <Field label="Website" {...form.bind('website')} error={err('website')} placeholder="https://" />
        <Field label="Focus market" {...form.bind('focusMarket')} error={err('focusMarket')} />
        <Field label="Promo code" {...form.bind('promoCode')} error={err('promoCode')} />
      </div>
      <h3>Commission</h3>
      <div className="pd-grid">
        <Field label="Commission plan" {...form.bind('planId')} error={err('planId')} hint="The plan’s id; plans are set up with the commission engine" />
        <Field
          label="Rate override (bps)"
          inputMode="numeric"
          {...form.bind('commissionRateBps')}
          error={err('commissionRateBps')}
          hint="Empty = the plan’s rate; 2000 = 20%"
        />
      </div>
      <h3>Payouts and tax</h3>
      <div className="pd-grid">
        <SelectField label="Payout method" {...form.bind('payoutMethod')} error={err('payoutMethod')}>
          <option value="stripe_connect">Stripe Connect transfer</option>
          <option value="outside">Paid outside the app (marked paid with a reference)</option>
        </SelectField>
        <Field label="Stripe Connect account" {...form.bind('stripeAccountId')} error={err('stripeAccountId')} placeholder="acct_…" />
        <SelectField label="Stripe account state" {...form.bind('stripeAccountState')} error={err('stripeAccountState')}>
          {StripeAccountState.options.map((s) => (
            <option key={s} value={s}>
              {stripeStateLabel[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Tax form" {...form.bind('taxFormKind')} error={err('taxFormKind')}>
          <option value="">None on file</option>
          {TaxFormKind.options.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </SelectField>
        <Field label="Tax form received on" type="date" {...form.bind('taxFormReceivedOn')} error={err('taxFormReceivedOn')} />
        <Field
          label="Tax form expires on"
          type="date"
          {...form.bind('taxFormExpiresOn')}
          error={err('taxFormExpiresOn')}
          hint={expiryHint ? `Usually ${formatDate(expiryHint)}` : form.values.taxFormKind === 'W-9' ? 'A W-9 has no expiry' : undefined}
        />
      </div>
      <div className="row">
        <span className="muted" role="status">
          {saved ? 'Saved.' : ''}
        </span>
        <button type="submit" className="primary" disabled={form.busy}>
          Save changes
        </button>
      </div>
    </form>
  );
}
