import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import type { ApprovalDefaults, ApprovalResult } from '../../../src-shared/applications/contract';
import { percentText, promoSlotsText } from '../../../src-shared/applications/rules';
import type { AppError } from '../../../src-shared/rpc/errors';
import { Dialog, numberOrText } from './Dialog';
import { SelectField, TextAreaField } from '../../components/FormFields';

interface Props {
  applicationId: string;
  onApproved(result: ApprovalResult): void;
  onCancel(): void;
}

type Values = {
  claimPromoSlot: boolean;
  rateBps: string;
  planId: string;
  effectiveOn: string;
  initialTermMonths: string;
  afterInitialTerm: string;
  noticeCount: string;
  noticeUnit: string;
  governingLaw: string;
  postTermination: string;
  curePeriodDays: string;
  nonSolicitMonths: string;
  breachOutcome: string;
  note: string;
};

const text = (n: number | null) => (n === null ? '' : String(n));

function fromDefaults(d: ApprovalDefaults): Values {
  const a = d.agreement;
  return {
    claimPromoSlot: d.claimPromoSlot,
    rateBps: text(d.rateBps),
    planId: d.planId ?? '',
    effectiveOn: a.effectiveOn,
    initialTermMonths: String(a.initialTermMonths),
    afterInitialTerm: a.afterInitialTerm,
    noticeCount: String(a.noticePeriod.count),
    noticeUnit: a.noticePeriod.unit,
    governingLaw: a.governingLaw,
    postTermination: a.postTermination,
    curePeriodDays: text(a.curePeriodDays),
    nonSolicitMonths: text(a.nonSolicitMonths),
    breachOutcome: a.breachOutcome,
    note: '',
  };
}

/** An empty optional period is "none" (null); anything typed goes to the core as typed. */
const optional = (v: string) => numberOrText(v) ?? null;

/**
 * Approve with a plan and rate (seed 003: "On approval we create your reseller record, set
 * your commission"), and the agreement's version 1 prefilled from the programme's terms.
 */
export function ApproveDialog({ applicationId, onApproved, onCancel }: Props) {
  const [defaults, setDefaults] = useState<ApprovalDefaults | null>(null);
  const [v, setV] = useState<Values | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.applicationsApprovalDefaults({ id: applicationId }).then((r) => {
      if (!r.ok) return setError(r.error);
      setDefaults(r.value);
      setV(fromDefaults(r.value));
    });
  }, [applicationId]);

  const set = (name: keyof Values) => (e: { target: { value: string } }) => setV((s) => (s ? { ...s, [name]: e.target.value } : s));
  const bind = (name: Exclude<keyof Values, 'claimPromoSlot'>) => ({ name: `approve-${name}`, value: v?.[name] ?? '', onChange: set(name) });
  const fieldError = (path: string) => error?.fieldErrors?.[path];

  function toggleSlot(claim: boolean) {
    if (!defaults || !v) return;
    const { promoRateBps, standardRateBps } = defaults.programme;
    // Follow the slot with the rate unless the reviewer typed a rate of their own.
    const untouched = v.rateBps === text(claim ? standardRateBps : promoRateBps);
    setV({ ...v, claimPromoSlot: claim, rateBps: untouched ? text(claim ? promoRateBps : standardRateBps) : v.rateBps });
  }

  async function approve(e: React.FormEvent) {
    e.preventDefault();
    if (!v || !defaults) return;
    setBusy(true);
    setError(null);
    const hasPromotion = defaults.programme.promoSlotCapacity > 0;
    const r = await api.applicationsApprove({
      id: applicationId,
      ...(hasPromotion ? { claimPromoSlot: v.claimPromoSlot } : {}),
      rateBps: optional(v.rateBps) as number | null,
      planId: v.planId.trim() || null,
      agreement: {
        effectiveOn: v.effectiveOn,
        initialTermMonths: numberOrText(v.initialTermMonths) as number,
        afterInitialTerm: v.afterInitialTerm as 'rolling' | 'fixed',
        noticePeriod: { unit: v.noticeUnit as 'months' | 'days', count: numberOrText(v.noticeCount) as number },
        governingLaw: v.governingLaw,
        postTermination: v.postTermination as 'stops' | 'continues_for_prior_referrals',
        curePeriodDays: optional(v.curePeriodDays) as number | null,
        nonSolicitMonths: optional(v.nonSolicitMonths) as number | null,
        breachOutcome: v.breachOutcome as 'suspend' | 'terminate',
      },
      note: v.note,
    });
    setBusy(false);
    if (r.ok) onApproved(r.value);
    else setError(r.error);
  }

  const p = defaults?.programme;
  return (
    <Dialog title={defaults ? `Approve ${defaults.application.company}` : 'Approve application'} onCancel={onCancel}>
      <ErrorBanner error={error} />
      {!defaults && error && (
        <div className="app-actions">
          <button type="button" onClick={onCancel}>
            Close
          </button>
        </div>
      )}
      {defaults && v && p && (
        <form onSubmit={approve} aria-label="Approve application" noValidate className="app-form">
          <p className="muted">
            Creates the partner in the {p.name} (status onboarding, registered today), its agreement version 1
            {p.promoSlotCapacity > 0 ? ' and, if ticked, the next promotion slot' : ''} — all at once.
          </p>
          {p.promoSlotCapacity > 0 && (
            <fieldset className="app-fieldset">
              <legend>Promotion</legend>
              <label className="check">
                <input type="checkbox" name="claimPromoSlot" checked={v.claimPromoSlot} disabled={p.slotsLeft === 0} onChange={(e) => toggleSlot(e.target.checked)} />
                {p.slotsLeft > 0
                  ? `Take promotion slot ${defaults.nextSlotNo} of ${p.promoSlotCapacity} (${p.promoRateBps !== null ? percentText(p.promoRateBps) : ''})`
                  : `No promotion slot left — the standard ${p.standardRateBps !== null ? percentText(p.standardRateBps) : 'rate'} applies`}
              </label>
              <span className="field-hint">
                {promoSlotsText(p.slotsLeft, p.promoSlotCapacity)}. If another approval takes the last slot first, this partner gets the standard rate and you are told.
              </span>
              {fieldError('claimPromoSlot') && <span className="field-error">{fieldError('claimPromoSlot')}</span>}
            </fieldset>
          )}
          <div className="app-form-grid">
            <Field
              label="Commission rate (basis points)"
              inputMode="numeric"
              {...bind('rateBps')}
              error={fieldError('rateBps')}
              hint={(() => {
                const n = numberOrText(v.rateBps);
                return typeof n === 'number' ? `= ${percentText(n)}` : 'Empty = the plan’s own rate (2000 = 20%)';
              })()}
            />
            <Field label="Plan" {...bind('planId')} error={fieldError('planId')} hint="Commission plan id; empty = none" />
          </div>
          <fieldset className="app-fieldset">
            <legend>Agreement (version 1, prefilled from the programme’s terms)</legend>
            <div className="app-form-grid">
              <Field label="Effective date" type="date" {...bind('effectiveOn')} error={fieldError('agreement.effectiveOn')} />
              <Field label="Initial term (months)" inputMode="numeric" {...bind('initialTermMonths')} error={fieldError('agreement.initialTermMonths')} hint="0 = no initial lock" />
              <SelectField label="After the initial term" {...bind('afterInitialTerm')} error={fieldError('agreement.afterInitialTerm')}>
                <option value="rolling">Rolling until notice</option>
                <option value="fixed">Ends</option>
              </SelectField>
              <div className="app-pair">
                <Field label="Notice period" inputMode="numeric" {...bind('noticeCount')} error={fieldError('agreement.noticePeriod.count')} />
                <SelectField label="Unit" {...bind('noticeUnit')} error={fieldError('agreement.noticePeriod.unit')}>
                  <option value="days">days</option>
                  <option value="months">months</option>
                </SelectField>
              </div>
              <Field label="Governing law" {...bind('governingLaw')} error={fieldError('agreement.governingLaw')} />
              <SelectField label="Commission after termination" {...bind('postTermination')} error={fieldError('agreement.postTermination')}>
                <option value="stops">Stops</option>
                <option value="continues_for_prior_referrals">Continues for earlier referrals</option>
              </SelectField>
              <Field label="Cure period (days)" inputMode="numeric" {...bind('curePeriodDays')} error={fieldError('agreement.curePeriodDays')} hint="Empty = no cure period" />
              <Field label="Non-solicit (months)" inputMode="numeric" {...bind('nonSolicitMonths')} error={fieldError('agreement.nonSolicitMonths')} hint="Empty = none" />
              <SelectField label="Uncured breach leads to" {...bind('breachOutcome')} error={fieldError('agreement.breachOutcome')}>
                <option value="suspend">Suspension</option>
                <option value="terminate">Termination</option>
              </SelectField>
            </div>
          </fieldset>
          <TextAreaField label="Decision note" {...bind('note')} error={fieldError('note')} />
          <div className="app-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Approving…' : 'Approve and create partner'}
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
