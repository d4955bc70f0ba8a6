import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import type { AppError } from '../../../src-shared/rpc/errors';
import { TextAreaField } from '../../components/FormFields';

/** Import a plan file (the JSON exportPlan writes, or a bare plan body) as a new version or a new plan. */
export function ImportPlanForm({ onImported, onClose }: { onImported(planId: string): void; onClose(): void }) {
  const [json, setJson] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setBusy(true);
    const r = await api.commissionsImportPlan({ json, ...(effectiveFrom ? { effectiveFrom } : {}) });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setDone(`Imported as ${r.value.code} version ${r.value.version}, in force from ${r.value.effectiveFrom}${r.value.created ? ' (a new plan)' : ''}.`);
    onImported(r.value.planId);
  }

  const problems = Object.entries(error?.fieldErrors ?? {});
  return (
    <form className="card com-import-plan" aria-label="Import plan" onSubmit={submit} noValidate>
      <div className="row">
        <h2>Import a plan from JSON</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="plan-import-file">
          Plan file
        </label>
        <input
          id="plan-import-file"
          type="file"
          accept=".json,application/json"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            setFileName(f.name);
            setJson(await f.text());
          }}
        />
        {fileName && <span className="field-hint">{fileName} loaded below</span>}
      </div>
      <TextAreaField label="Or paste the JSON" name="plan-import-json" rows={8} spellCheck={false} value={json} onChange={(e) => setJson(e.target.value)} error={error?.fieldErrors?.json} />
      <Field label="Effective from (optional)" name="plan-import-effective" type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} hint="Overrides the file's date" error={error?.fieldErrors?.effectiveFrom} />
      <ErrorBanner error={error} />
      {problems.length > 0 && (
        <ul className="com-problems" aria-label="Plan file problems">
          {problems.map(([path, message]) => (
            <li key={path}>
              <code>{path}</code> {message}
            </li>
          ))}
        </ul>
      )}
      <div className="com-buttons">
        <button type="submit" className="primary" disabled={busy || json.trim() === ''}>
          {busy ? 'Importing…' : 'Import plan'}
        </button>
        {done && (
          <span role="status" className="com-ok">
            {done}
          </span>
        )}
      </div>
    </form>
  );
}
