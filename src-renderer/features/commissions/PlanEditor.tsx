import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import type { AppError } from '../../../src-shared/rpc/errors';
import { downloadFile } from './download';
import { DraftContext, type Draft } from './draftFields';
import { SelectField, TextAreaField } from '../../components/FormFields';
import { CommissionPlanFields } from './PlanFormFields';
import { bodyErrors, isIntegratorBody, liveProblems, pathKey, planFile, readPlanText, setAt, type Path, type PlanJson } from './planForm';
import { WhatIfPanel } from './WhatIfPanel';

export interface EditorStart {
  /** What the draft started from, for the heading: "preset allset", "aloware@2". */
  from: string;
  planId: string | null;
  code: string;
  name: string;
  programmeId: string | null;
  effectiveFrom: string;
  body: PlanJson;
}

type Programme = { id: string; code: string; name: string };

const pretty = (body: PlanJson) => JSON.stringify(body, null, 2);

/**
 * The plan editor: the common fields as a form and the whole plan as JSON, kept in step.
 * The shared plan rules (the ones the core applies on save) run as the person types; the
 * core's answer on save is shown the same way, by field and by JSON path.
 */
export function PlanEditor({ start, onSaved, onClose }: { start: EditorStart; onSaved(planId: string): void; onClose(): void }) {
  const [meta, setMeta] = useState({ code: start.code, name: start.name, programmeId: start.programmeId ?? '', effectiveFrom: start.effectiveFrom, note: '' });
  const [body, setBody] = useState<PlanJson>(start.body);
  const [rev, setRev] = useState(0);
  const [jsonText, setJsonText] = useState(() => pretty(start.body));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [coreError, setCoreError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [programmes, setProgrammes] = useState<Programme[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const [planId, setPlanId] = useState(start.planId);

  useEffect(() => {
    void api.partnersFilterOptions({}).then((r) => r.ok && setProgrammes(r.value.programmes));
  }, []);

  const integrator = isIntegratorBody(body);
  const live = useMemo(() => liveProblems({ ...body, name: meta.name }, meta.code), [body, meta.name, meta.code]);
  const coreFieldErrors = useMemo(() => bodyErrors(coreError?.fieldErrors), [coreError]);

  const replaceBody = useCallback((next: PlanJson, fromJson: boolean) => {
    setBody(next);
    setCoreError(null);
    setSaved(null);
    if (!fromJson) setJsonText(pretty(next));
  }, []);

  const draft: Draft = {
    body,
    rev,
    set(path: Path, value: unknown, opts?: { structural?: boolean }) {
      replaceBody(setAt(body, path, value), false);
      if (opts?.structural) {
        // Rows moved or a section was replaced: fields re-read the body, their typing errors go.
        setRev((r) => r + 1);
        setLocalErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(pathKey(path)))));
      }
    },
    errorFor(path: Path) {
      const k = pathKey(path);
      return localErrors[k] ?? coreFieldErrors[k] ?? live[k];
    },
    setLocalError(path: Path, message: string | null) {
      const k = pathKey(path);
      setLocalErrors((e) => {
        if (message === null) {
          if (!(k in e)) return e;
          const { [k]: _, ...rest } = e;
          return rest;
        }
        return e[k] === message ? e : { ...e, [k]: message };
      });
    },
  };

  function onJsonChange(text: string) {
    setJsonText(text);
    const r = readPlanText(text);
    if (!r.ok) {
      setJsonError(r.message);
      return;
    }
    setJsonError(null);
    setLocalErrors({});
    replaceBody(r.value.body, true);
    setRev((v) => v + 1);
  }

  async function loadFile(file: File) {
    const text = await file.text();
    const r = readPlanText(text);
    if (!r.ok) {
      setJsonText(text);
      setJsonError(r.message);
      return;
    }
    const v = r.value;
    setMeta((m) => ({ ...m, code: v.code ?? m.code, name: v.name ?? (typeof v.body.name === 'string' ? v.body.name : m.name), effectiveFrom: v.effectiveFrom ?? m.effectiveFrom, note: v.note ?? m.note }));
    setJsonError(null);
    setLocalErrors({});
    replaceBody(v.body, false);
    setRev((x) => x + 1);
  }

  const blocking = Object.keys(localErrors).length > 0 || jsonError !== null;

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    if (blocking) {
      setCoreError({ kind: 'validation', message: 'Correct the fields marked in red first; nothing was saved.' });
      return;
    }
    setBusy(true);
    const r = await api.commissionsSavePlanVersion({
      code: meta.code,
      name: meta.name,
      programmeId: meta.programmeId || null,
      effectiveFrom: meta.effectiveFrom,
      body: { ...body, name: meta.name },
      note: meta.note,
    });
    setBusy(false);
    if (!r.ok) {
      setCoreError(r.error);
      return;
    }
    setCoreError(null);
    setSaved(`Saved ${r.value.code} version ${r.value.version}, in force from ${r.value.effectiveFrom}${r.value.created ? ' (a new plan)' : ''}.`);
    setPlanId(r.value.planId);
    onSaved(r.value.planId);
  }

  const metaError = (name: string) => coreError?.fieldErrors?.[name] ?? (name === 'name' ? live['body.name'] : undefined);
  const allProblems = { ...live, ...coreFieldErrors, ...localErrors };
  const problemList = Object.entries(allProblems).filter(([k]) => k.startsWith('body'));
  const programmeCode = programmes.find((p) => p.id === meta.programmeId)?.code ?? null;

  return (
    <DraftContext.Provider value={draft}>
      <form className="card com-editor" aria-label="Plan editor" onSubmit={save} noValidate>
        <div className="row">
          <h2>
            {start.planId ? `New version of ${start.code}` : 'New plan'} <span className="muted">— starting from {start.from}</span>
          </h2>
          <button type="button" onClick={onClose}>
            Close editor
          </button>
        </div>
        <ErrorBanner error={coreError} />
        <div className="com-form-grid">
          <Field label="Plan code" name="plan-code" value={meta.code} onChange={(e) => setMeta({ ...meta, code: e.target.value })} error={metaError('code')} hint="An existing code adds a version; a new code creates a plan" />
          <Field label="Plan name" name="plan-name" value={meta.name} onChange={(e) => setMeta({ ...meta, name: e.target.value })} error={metaError('name')} />
          <SelectField label="Programme" name="plan-programme" value={meta.programmeId} onChange={(e) => setMeta({ ...meta, programmeId: e.target.value })} error={metaError('programmeId')}>
            <option value="">No programme</option>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <Field label="Effective from" name="plan-effective" type="date" value={meta.effectiveFrom} onChange={(e) => setMeta({ ...meta, effectiveFrom: e.target.value })} error={metaError('effectiveFrom')} hint="The version in force on a month's last day computes that month" />
        </div>
        <Field label="Note" name="plan-note" value={meta.note} onChange={(e) => setMeta({ ...meta, note: e.target.value })} placeholder="Why this version (shown in the version list)" error={metaError('note')} />

        <div className="com-editor-halves">
          <div>
            {integrator ? (
              <p className="hint-box">
                An integrator plan (seed 002): the partner pays for its clients minus a discount by client count, from a prepaid balance, and earns no commission. Edit the
                discount tiers, fixed product lines and welcome bonus in the JSON.
              </p>
            ) : (
              <CommissionPlanFields />
            )}
          </div>
          <div className="com-json">
            <TextAreaField
              label="Plan as JSON"
              name="plan-json"
              rows={28}
              spellCheck={false}
              value={jsonText}
              onChange={(e) => onJsonChange(e.target.value)}
              error={jsonError ?? undefined}
              hint="The whole plan; the form and this text stay in step"
            />
            <div className="com-buttons">
              <button type="button" onClick={() => fileInput.current?.click()}>
                Open JSON file…
              </button>
              <input
                ref={fileInput}
                type="file"
                accept=".json,application/json"
                hidden
                aria-label="Plan JSON file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void loadFile(f);
                  e.target.value = '';
                }}
              />
              <button type="button" onClick={() => downloadFile(planFile({ code: meta.code, name: meta.name, programmeCode, effectiveFrom: meta.effectiveFrom, note: meta.note }, { ...body, name: meta.name }))}>
                Download draft JSON
              </button>
            </div>
            {problemList.length > 0 && (
              <div className="com-problems" role="region" aria-label="Plan problems">
                <strong>{problemList.length === 1 ? '1 problem' : `${problemList.length} problems`}:</strong>
                <ul>
                  {problemList.map(([path, message]) => (
                    <li key={path}>
                      <code>{path}</code> {message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </div>

        <div className="com-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save as new version'}
          </button>
          {saved && (
            <span role="status" className="com-ok">
              {saved}
            </span>
          )}
        </div>
      </form>
      {!integrator && <WhatIfPanel body={{ ...body, name: meta.name }} planId={planId} blocked={blocking} onInvalid={setCoreError} />}
    </DraftContext.Provider>
  );
}
