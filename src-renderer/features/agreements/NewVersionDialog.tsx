import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { AgreementView } from '../../../src-shared/agreements/contract';
import type { AgreementTerms } from '../../../src-shared/agreements/terms';
import type { AppError, Result } from '../../../src-shared/rpc/errors';
import { Dialog } from './Dialog';
import { bannerOf, DialogButtons } from './dialogBits';
import { SelectField } from './SelectField';

// The core names errors by the terms' path ('terms.noticePeriod.count'); the form by field.
const fieldOfPath: Record<string, string> = {
  'terms.effectiveOn': 'effectiveOn',
  'terms.initialTermMonths': 'initialTermMonths',
  'terms.afterInitialTerm': 'afterInitialTerm',
  'terms.noticePeriod.count': 'noticeCount',
  'terms.noticePeriod.unit': 'noticeUnit',
  'terms.noticePeriod': 'noticeCount',
  'terms.governingLaw': 'governingLaw',
  'terms.postTermination': 'postTermination',
  'terms.curePeriodDays': 'curePeriodDays',
  'terms.nonSolicitMonths': 'nonSolicitMonths',
  'terms.breachOutcome': 'breachOutcome',
};

function byField(error: AppError): AppError {
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([k, v]) => [fieldOfPath[k] ?? k, v]));
  return { ...error, fieldErrors };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const optionalNum = (s: string) => (s.trim() === '' ? null : Number(s));

/** A new version of the agreement: a new row with its own terms; earlier versions stay as they were. */
export function NewVersionDialog({ partnerId, defaults, onClose, onDone }: { partnerId: string; defaults: AgreementTerms; onClose(): void; onDone(view: AgreementView, said: string): void }) {
  const form = useForm({
    effectiveOn: defaults.effectiveOn as string,
    initialTermMonths: String(defaults.initialTermMonths),
    afterInitialTerm: defaults.afterInitialTerm as string,
    noticeCount: String(defaults.noticePeriod.count),
    noticeUnit: defaults.noticePeriod.unit as string,
    governingLaw: defaults.governingLaw,
    postTermination: defaults.postTermination as string,
    curePeriodDays: defaults.curePeriodDays === null ? '' : String(defaults.curePeriodDays),
    nonSolicitMonths: defaults.nonSolicitMonths === null ? '' : String(defaults.nonSolicitMonths),
    breachOutcome: defaults.breachOutcome as string,
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const view = await form.submit(async (v): Promise<Result<AgreementView>> => {
      const r = await api.agreementsCreateVersion({
        partnerId,
        terms: {
          effectiveOn: v.effectiveOn,
          initialTermMonths: num(v.initialTermMonths),
          afterInitialTerm: v.afterInitialTerm as AgreementTerms['afterInitialTerm'],
          noticePeriod: { count: num(v.noticeCount), unit: v.noticeUnit as AgreementTerms['noticePeriod']['unit'] },
          governingLaw: v.governingLaw,
          postTermination: v.postTermination as AgreementTerms['postTermination'],
          curePeriodDays: optionalNum(v.curePeriodDays),
          nonSolicitMonths: optionalNum(v.nonSolicitMonths),
          breachOutcome: v.breachOutcome as AgreementTerms['breachOutcome'],
        },
      });
      return r.ok ? r : { ok: false, error: byField(r.error) };
    });
    if (view) onDone(view, `Version ${view.versions[0]?.version ?? ''} recorded.`);
  }

  const f = (name: Parameters<typeof form.bind>[0]) => ({ id: `agr-v-${name}`, ...form.bind(name), error: form.fieldError(name) });
  return (
    <Dialog title="New agreement version" onClose={onClose}>
      <form aria-label="New agreement version" onSubmit={submit} noValidate>
        <div className="agr-tab">
          <ErrorBanner error={bannerOf(form.error)} />
          <Field label="Effective on" type="date" {...f('effectiveOn')} />
          <div className="agr-pair">
            <Field label="Initial term (months)" type="number" min={0} hint="0 = either party may exit from the start" {...f('initialTermMonths')} />
            <SelectField label="After the initial term" options={[['rolling', 'Rolling until notice'], ['fixed', 'Ends (fixed term)']]} {...f('afterInitialTerm')} />
          </div>
          <div className="agr-pair">
            <Field label="Notice period" type="number" min={1} {...f('noticeCount')} />
            <SelectField label="Notice counted in" options={[['months', 'Months'], ['days', 'Days']]} {...f('noticeUnit')} />
          </div>
          <Field label="Governing law" {...f('governingLaw')} />
          <SelectField
            label="After termination"
            options={[['stops', 'Commission stops on the termination date'], ['continues_for_prior_referrals', 'Continues for referrals made before it']]}
            {...f('postTermination')}
          />
          <div className="agr-pair">
            <Field label="Cure period (days)" type="number" min={1} hint="Empty = no cure period" {...f('curePeriodDays')} />
            <Field label="Non-solicit (months)" type="number" min={1} hint="Empty = none" {...f('nonSolicitMonths')} />
          </div>
          <SelectField label="An uncured breach leads to" options={[['terminate', 'Termination'], ['suspend', 'Suspension']]} {...f('breachOutcome')} />
          <DialogButtons busy={form.busy} submit="Record version" onClose={onClose} />
        </div>
      </form>
    </Dialog>
  );
}
