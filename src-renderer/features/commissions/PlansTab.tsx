import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { PlanSummary, presets as presetsChannel } from '../../../src-shared/commissions/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { formatDay, todayIso } from './format';
import { SelectField } from '../../components/FormFields';
import { ImportPlanForm } from './ImportPlanForm';
import { PlanDetail } from './PlanDetail';
import { PlanEditor, type EditorStart } from './PlanEditor';

type Preset = z.output<typeof presetsChannel.output>['presets'][number];

/** Plans with their versions and partners; the editor; JSON import. */
export function PlansTab() {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [presets, setPresets] = useState<Preset[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [editor, setEditor] = useState<EditorStart | null>(null);
  const [importing, setImporting] = useState(false);
  const [presetCode, setPresetCode] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void api.commissionsListPlans({}).then((r) => (r.ok ? setPlans(r.value.plans) : setError(r.error)));
  }, [version]);
  useEffect(() => {
    void api.commissionsPresets({}).then((r) => r.ok && setPresets(r.value.presets));
  }, []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  function startFromPreset() {
    const p = presets.find((x) => x.code === presetCode);
    if (!p) return;
    const existing = plans.find((x) => x.code === p.code);
    setEditor({
      from: `the preset “${p.name}”`,
      planId: existing?.id ?? null,
      code: p.code,
      name: p.name,
      programmeId: existing?.programmeId ?? null,
      effectiveFrom: todayIso(),
      body: p.body,
    });
  }

  return (
    <div className="com-plans">
      <ErrorBanner error={error} />
      <div className="com-toolbar">
        <div className="com-inline">
          <SelectField label="Preset" name="plan-preset" value={presetCode} onChange={(e) => setPresetCode(e.target.value)}>
            <option value="">Choose a seed programme…</option>
            {presets.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.code})
              </option>
            ))}
          </SelectField>
          <button type="button" onClick={startFromPreset} disabled={!presetCode}>
            Start from preset
          </button>
        </div>
        <button type="button" onClick={() => setImporting((v) => !v)} aria-expanded={importing}>
          Import JSON…
        </button>
      </div>
      {importing && (
        <ImportPlanForm
          onImported={(planId) => {
            reload();
            setSelected(planId);
          }}
          onClose={() => setImporting(false)}
        />
      )}
      <table className="grid com-table" aria-label="Commission plans">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Programme</th>
            <th scope="col">Latest version</th>
            <th scope="col" className="num">
              Versions
            </th>
            <th scope="col" className="num">
              Partners
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No plans yet: start from a preset or import a plan file.
              </td>
            </tr>
          )}
          {plans.map((p) => (
            <tr key={p.id} aria-selected={selected === p.id} className={selected === p.id ? 'com-selected' : undefined}>
              <td>
                <button type="button" className="link" onClick={() => setSelected(p.id)}>
                  {p.code}
                </button>
              </td>
              <td>{p.name}</td>
              <td>{p.kind === 'integrator' ? 'Integrator' : 'Commission'}</td>
              <td>{p.programmeName ?? '—'}</td>
              <td>
                v{p.latestVersion} from <time dateTime={p.latestEffectiveFrom}>{formatDay(p.latestEffectiveFrom)}</time>
              </td>
              <td className="num">{p.versionCount}</td>
              <td className="num">{p.partnerCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editor ? (
        <PlanEditor
          key={`${editor.code}:${editor.from}`}
          start={editor}
          onSaved={(planId) => {
            reload();
            setSelected(planId);
          }}
          onClose={() => setEditor(null)}
        />
      ) : (
        selected && <PlanDetail planId={selected} version={version} onEdit={setEditor} onChanged={reload} />
      )}
    </div>
  );
}
