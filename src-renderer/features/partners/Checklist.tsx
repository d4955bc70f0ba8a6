import { useState } from 'react';
import { api } from '../../api/client';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { OnboardingStep } from '../../../src-shared/partners/contract';
import { suggestedDueOn } from '../../../src-shared/partners/onboarding';
import { formatDate, todayIso } from './dates';
import { stepHint, stepLabel } from './labels';
import type { TabProps } from './PartnerPage';

/** The six steps with their due date, done date and owner; ticking a step records today. */
export function Checklist({ partner, onChange }: TabProps) {
  return (
    <section className="card" aria-label="Onboarding checklist">
      <h2>Onboarding checklist</h2>
      <table className="grid pd-checklist">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Done</th>
            <th scope="col">Done on</th>
            <th scope="col">Due on</th>
            <th scope="col">Owner</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {partner.onboarding.map((s) => (
            <StepRow key={`${s.step}:${s.dueOn}:${s.doneOn}:${s.owner}`} partnerId={partner.id} step={s} suggested={suggestedDueOn(s.step, partner.onboarding)} onChange={onChange} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StepRow({ partnerId, step, suggested, onChange }: { partnerId: string; step: OnboardingStep; suggested: string | null; onChange: TabProps['onChange'] }) {
  const [v, setV] = useState({ dueOn: step.dueOn ?? '', doneOn: step.doneOn ?? '', owner: step.owner });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // Ticked at once; put back if the core refuses.
  const [ticked, setTicked] = useState(Boolean(step.doneOn));
  const dirty = v.dueOn !== (step.dueOn ?? '') || v.doneOn !== (step.doneOn ?? '') || v.owner !== step.owner;
  const label = stepLabel[step.step];
  const overdue = !step.doneOn && step.dueOn && step.dueOn < todayIso();

  async function save(next: typeof v) {
    setBusy(true);
    const r = await api.partnersSetOnboardingStep({
      partnerId,
      step: step.step,
      dueOn: next.dueOn || null,
      doneOn: next.doneOn || null,
      owner: next.owner,
      note: step.note,
    });
    setBusy(false);
    if (r.ok) onChange(r.value);
    else {
      setV(next);
      setTicked(Boolean(step.doneOn));
      setError(r.error);
    }
  }

  const fieldError = (f: string) => error?.fieldErrors?.[f];
  const rowError = error && !error.fieldErrors ? error.message : null;
  return (
    <tr className={overdue ? 'pd-step-overdue' : undefined} data-step={step.step}>
      <th scope="row">
        {label}
        <div className="field-hint">{stepHint[step.step]}</div>
        {step.note && <div className="muted pd-note">{step.note}</div>}
        {rowError && (
          <div className="field-error" role="alert">
            {rowError}
          </div>
        )}
      </th>
      <td>
        <input
          type="checkbox"
          aria-label={`${label} done`}
          checked={ticked}
          disabled={busy}
          onChange={(e) => {
            setTicked(e.target.checked);
            void save({ ...v, doneOn: e.target.checked ? v.doneOn || todayIso() : '' });
          }}
        />
      </td>
      <td>
        <input type="date" aria-label={`${label} done on`} value={v.doneOn} onChange={(e) => setV({ ...v, doneOn: e.target.value })} aria-invalid={fieldError('doneOn') ? true : undefined} />
        {fieldError('doneOn') && (
          <span className="field-error" role="alert">
            {fieldError('doneOn')}
          </span>
        )}
      </td>
      <td>
        <input type="date" aria-label={`${label} due on`} value={v.dueOn} onChange={(e) => setV({ ...v, dueOn: e.target.value })} aria-invalid={fieldError('dueOn') ? true : undefined} />
        {!v.dueOn && suggested && <span className="field-hint">usually {formatDate(suggested)}</span>}
        {overdue && <span className="badge badge-suspended">overdue</span>}
        {fieldError('dueOn') && (
          <span className="field-error" role="alert">
            {fieldError('dueOn')}
          </span>
        )}
      </td>
      <td>
        <input aria-label={`${label} owner`} value={v.owner} onChange={(e) => setV({ ...v, owner: e.target.value })} aria-invalid={fieldError('owner') ? true : undefined} />
        {fieldError('owner') && (
          <span className="field-error" role="alert">
            {fieldError('owner')}
          </span>
        )}
      </td>
      <td>
        {dirty && (
          <button type="button" onClick={() => void save(v)} disabled={busy} aria-label={`Save ${label}`}>
            Save
          </button>
        )}
      </td>
    </tr>
  );
}
