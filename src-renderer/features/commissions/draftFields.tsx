import { createContext, useContext, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { Field } from '../../components/Field';
import { getAt, parsePercent, parseWhole, pathKey, percentText, type Parsed, type Path, type PlanJson } from './planForm';

// Inputs bound to one JSON path of the draft plan. What is typed stays as typed; when it
// parses, the draft changes, else the field shows why (and saving waits). Each field's
// error is looked up by its JSON path, so the core's messages land next to the field.

export interface Draft {
  body: PlanJson;
  /** Bumped whenever the body is replaced from outside (JSON text, a preset, a row removed): fields re-read it. */
  rev: number;
  set(path: Path, value: unknown, opts?: { structural?: boolean }): void;
  errorFor(path: Path): string | undefined;
  setLocalError(path: Path, message: string | null): void;
}

export const DraftContext = createContext<Draft | null>(null);

export function useDraft(): Draft {
  const d = useContext(DraftContext);
  if (!d) throw new Error('useDraft outside the plan editor');
  return d;
}

const fieldId = (path: Path) => `plan-${path.join('-')}`;

type ParsedFieldProps = {
  label: string;
  path: Path;
  parse(text: string): Parsed<unknown>;
  show(value: unknown): string;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

function ParsedInput({ label, path, parse, show, hint, ...rest }: ParsedFieldProps) {
  const draft = useDraft();
  const [text, setText] = useState(() => show(getAt(draft.body, path)));
  return (
    <Field
      label={label}
      id={fieldId(path)}
      name={pathKey(path)}
      value={text}
      error={draft.errorFor(path)}
      {...(hint ? { hint } : {})}
      {...rest}
      onChange={(e) => {
        setText(e.target.value);
        const r = parse(e.target.value);
        if (r.ok) {
          draft.setLocalError(path, null);
          draft.set(path, r.value);
        } else draft.setLocalError(path, r.message);
      }}
    />
  );
}

/** Keyed by the draft's revision, so an outside change re-reads the value. */
function Bound(props: ParsedFieldProps) {
  const { rev } = useDraft();
  return <ParsedInput key={`${rev}:${props.path.join('.')}`} {...props} />;
}

export function PercentField({ label, path, hint }: { label: string; path: Path; hint?: string }) {
  return <Bound label={label} path={path} parse={parsePercent} show={percentText} inputMode="decimal" {...(hint ? { hint } : {})} />;
}

export function WholeField({ label, path, min = 0, optional = false, what, hint }: { label: string; path: Path; min?: number; optional?: boolean; what: string; hint?: string }) {
  return (
    <Bound
      label={label}
      path={path}
      parse={(t) => {
        // An empty optional number drops its key (holding.months, holding.days are optional).
        const r = parseWhole(t, { min, optional, what });
        return r.ok && r.value === null ? { ok: true, value: undefined } : r;
      }}
      show={(v) => (typeof v === 'number' ? String(v) : '')}
      inputMode="numeric"
      {...(hint ? { hint } : {})}
    />
  );
}

export function TextField({ label, path, optional = false, hint, type }: { label: string; path: Path; optional?: boolean; hint?: string; type?: string }) {
  return (
    <Bound
      label={label}
      path={path}
      parse={(t) => ({ ok: true, value: t === '' && optional ? null : t })}
      show={(v) => (typeof v === 'string' ? v : '')}
      {...(type ? { type } : {})}
      {...(hint ? { hint } : {})}
    />
  );
}

/** A field whose value is any parse of the text (money thresholds, amounts in a currency). */
export function CustomField(props: { label: string; path: Path; parse(text: string): Parsed<unknown>; show(value: unknown): string; hint?: string }) {
  return <Bound {...props} />;
}

export function DraftSelect({ label, path, options, onPick }: { label: string; path: Path; options: Record<string, string>; onPick?(value: string): void }) {
  const draft = useDraft();
  const value = getAt(draft.body, path);
  const error = draft.errorFor(path);
  const id = fieldId(path);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => (onPick ? onPick(e.target.value) : draft.set(path, e.target.value))}
      >
        {typeof value !== 'string' && <option value="">Choose…</option>}
        {Object.entries(options).map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function DraftCheck({ label, path }: { label: string; path: Path }) {
  const draft = useDraft();
  return (
    <label className="check">
      <input type="checkbox" checked={getAt(draft.body, path) === true} onChange={(e) => draft.set(path, e.target.checked)} />
      {label}
    </label>
  );
}

/** The error of a group (e.g. the categories as a whole), under the group. */
export function GroupError({ path, children }: { path: Path; children?: ReactNode }) {
  const draft = useDraft();
  const error = draft.errorFor(path);
  return (
    <>
      {children}
      {error && (
        <span className="field-error" role="alert" data-path={pathKey(path)}>
          {error}
        </span>
      )}
    </>
  );
}
