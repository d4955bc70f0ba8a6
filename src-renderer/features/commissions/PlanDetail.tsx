import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../components/format';
import type { getPlan } from '../../../src-shared/commissions/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { downloadFile } from './download';
import { formatDay, formatStamp, todayIso } from './format';
import { SelectField } from '../../components/FormFields';
import type { EditorStart } from './PlanEditor';
import { PartnerOptions, usePartners } from './usePartners';

type PlanAnswer = z.output<typeof getPlan.output>;

/** One plan: its versions (newest first), the partners it is assigned to, and assigning it. */
export function PlanDetail({ planId, version, onEdit, onChanged }: { planId: string; version: number; onEdit(start: EditorStart): void; onChanged(): void }) {
  const [plan, setPlan] = useState<PlanAnswer | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void api.commissionsGetPlan({ planId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPlan(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [planId, version, reloads]);

  async function exportVersion(v: number) {
    const r = await api.commissionsExportPlan({ planId, version: v });
    if (r.ok) downloadFile(r.value);
    else setError(r.error);
  }

  if (!plan || plan.plan.id !== planId) return <ErrorBanner error={error} />;
  const p = plan.plan;
  const latest = plan.versions[0];
  const editFrom = (v: PlanAnswer['versions'][number]) =>
    onEdit({
      from: `${p.code}@${v.version}`,
      planId: p.id,
      code: p.code,
      name: p.name,
      programmeId: p.programmeId,
      // A new version cannot take effect before the latest one.
      effectiveFrom: latest && latest.effectiveFrom > todayIso() ? latest.effectiveFrom : todayIso(),
      body: v.body,
    });

  return (
    <section className="card com-plan-detail" aria-label={`Plan ${p.code}`}>
      <div className="row">
        <h2>
          {p.name} <code>{p.code}</code>
        </h2>
        <span className="muted">{p.programmeName ?? 'No programme'}</span>
      </div>
      <ErrorBanner error={error} />
      <h3>Versions</h3>
      <table className="grid com-table" aria-label="Plan versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Effective from</th>
            <th scope="col">Note</th>
            <th scope="col">Saved</th>
            <th scope="col" className="num">
              Ledger entries
            </th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.versions.map((v) => (
            <tr key={v.id}>
              <td>
                <code>{`${p.code}@${v.version}`}</code>
              </td>
              <td>
                <time dateTime={v.effectiveFrom}>{formatDay(v.effectiveFrom)}</time>
              </td>
              <td>{v.note}</td>
              <td className="muted">
                {formatStamp(v.createdAt)}
                {v.createdBy ? ` by ${v.createdBy}` : ''}
              </td>
              <td className="num">{formatCount(v.entryCount)}</td>
              <td>
                <div className="com-actions">
                  <button type="button" onClick={() => editFrom(v)} aria-label={`Edit ${p.code}@${v.version} as a new version`}>
                    Edit as new version
                  </button>
                  <button type="button" onClick={() => void exportVersion(v.version)} aria-label={`Export ${p.code}@${v.version} as JSON`}>
                    Export JSON
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Assigned partners ({plan.partners.length})</h3>
      {plan.partners.length === 0 ? (
        <p className="muted">No partner has this plan yet.</p>
      ) : (
        <ul className="com-partner-list" aria-label="Assigned partners">
          {plan.partners.map((x) => (
            <li key={x.id}>
              {x.company} <span className={`badge badge-${x.status}`}>{x.status}</span>
            </li>
          ))}
        </ul>
      )}
      <AssignPlanForm
        planId={p.id}
        planCode={p.code}
        onAssigned={() => {
          setReloads((n) => n + 1);
          onChanged();
        }}
      />
    </section>
  );
}

function AssignPlanForm({ planId, planCode, onAssigned }: { planId: string; planCode: string; onAssigned(): void }) {
  const { partners, reload } = usePartners();
  const [partnerId, setPartnerId] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function assign(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setBusy(true);
    const r = await api.commissionsAssignPlan({ partnerId, planId });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    const partner = partners.find((x) => x.id === partnerId);
    const before = partners.find((x) => x.planId === r.value.previousPlanId)?.planCode ?? (r.value.previousPlanId ? 'another plan' : 'no plan');
    setDone(r.value.previousPlanId === planId ? `${partner?.company} already has ${planCode}.` : `${partner?.company} now has ${planCode} (before: ${before}).`);
    reload();
    onAssigned();
  }

  return (
    <form className="com-inline com-assign" aria-label="Assign plan" onSubmit={assign} noValidate>
      <SelectField label="Assign to partner" name="assign-partner" value={partnerId} onChange={(e) => setPartnerId(e.target.value)} error={error?.fieldErrors?.partnerId ?? error?.fieldErrors?.planId}>
        <option value="">Choose a partner…</option>
        <PartnerOptions partners={partners} showPlan />
      </SelectField>
      <button type="submit" className="primary" disabled={!partnerId || busy}>
        Assign {planCode}
      </button>
      {error && !error.fieldErrors && <ErrorBanner error={error} />}
      {done && (
        <span role="status" className="com-ok">
          {done}
        </span>
      )}
    </form>
  );
}
