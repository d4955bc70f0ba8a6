import { checkPlanBody } from '../../../src-shared/commissions/planBody';

// The plan editor's arithmetic: reading and writing the draft plan body (plain JSON) at a
// path, turning what a person types (15 %) into what the plan stores (1500 bps), and
// gathering validation messages keyed by JSON path ('body.rate.tiers.1.from').

export type PlanJson = Record<string, unknown>;
export type Path = readonly (string | number)[];

export const pathKey = (path: Path) => ['body', ...path].join('.');

export function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** A copy of `obj` with `value` at `path` (undefined removes the key); containers on the way are copied. */
export function setAt<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const base: unknown = obj ?? (typeof head === 'number' ? [] : {});
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<string | number, unknown>;
  const next = setAt(copy[head], rest, value);
  if (next === undefined && rest.length === 0) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head];
  } else copy[head] = next;
  return copy as T;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const DECIMAL = /^(\d+)(?:[.,](\d+))?$/;

/**
 * "15", "12.5" or "15 %" → basis points (1500, 1250). Rates are whole basis points, so at
 * most two decimals; a commission or discount rate is between 0 % and 100 %.
 */
export function parsePercent(text: string): Parsed<number> {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return { ok: false, message: 'Enter a rate in percent, e.g. 15' };
  const m = DECIMAL.exec(t);
  if (!m) return { ok: false, message: `"${text.trim()}" is not a percentage; enter a number such as 15 or 12.5` };
  const [, whole = '0', fraction = ''] = m;
  if (fraction.length > 2) return { ok: false, message: 'At most two decimals: rates are kept in basis points (0.01 %)' };
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (bps > 10_000) return { ok: false, message: `A rate is at most 100 %; ${t} % would pay more than the revenue itself` };
  return { ok: true, value: bps };
}

export function percentText(bps: unknown): string {
  return typeof bps === 'number' && Number.isFinite(bps) ? String(bps / 100) : '';
}

/** A whole number ≥ min; empty → null when the field is optional. */
export function parseWhole(text: string, opts: { min: number; optional?: boolean; what: string }): Parsed<number | null> {
  const t = text.trim();
  if (t === '') return opts.optional ? { ok: true, value: null } : { ok: false, message: `Enter ${opts.what}` };
  if (!/^\d+$/.test(t)) return { ok: false, message: `"${t}" is not a whole number; enter ${opts.what}` };
  const n = Number(t);
  if (n < opts.min) return { ok: false, message: `At least ${opts.min}` };
  return { ok: true, value: n };
}

export const isIntegratorBody = (body: PlanJson) => body.kind === 'integrator';

/** The what-if channel names the draft `planBody.…`; the editor shows every path as `body.…`. */
export function bodyErrors(fieldErrors: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrors ?? {})) out[k.replace(/^planBody(\.|$)/, 'body$1')] = v;
  return out;
}

/** The same checks the core runs on save (src-shared/commissions/planBody.ts), run as the person types. */
export function liveProblems(body: PlanJson, code: string): Record<string, string> {
  const r = checkPlanBody(body, code || 'draft', 1);
  return r.ok ? {} : r.fieldErrors;
}

export const CATEGORY_LABELS: Record<string, string> = {
  subscription: 'Subscription',
  platform_fee: 'Platform fee',
  overage: 'Overage',
  usage: 'Usage',
  one_off: 'One-off',
  setup: 'Setup',
};

export const METRIC_LABELS: Record<string, string> = {
  paying_clients_in_month: 'Paying clients in the month',
  referred_subscription_mrr_in_month: 'Referred subscription MRR in the month',
  onboarded_tenants: 'Onboarded tenants',
};

/** The plan file exportPlan writes (src-shared/commissions/contract.ts, importPlan), for a draft not saved yet. */
export function planFile(meta: { code: string; name: string; programmeCode: string | null; effectiveFrom: string; note: string }, body: PlanJson) {
  const file = { format: 'partnerdesk.plan', formatVersion: 1, ...meta, body };
  return { fileName: `${meta.code || 'draft'}-draft.plan.json`, mimeType: 'application/json', content: `${JSON.stringify(file, null, 2)}\n` };
}

/** A plan file or a bare plan body, as text → what the editor needs. */
export function readPlanText(text: string): Parsed<{ body: PlanJson; code?: string; name?: string; effectiveFrom?: string; note?: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `Not valid JSON: ${(e as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, message: 'Expected one JSON object: a plan file or a plan body' };
  const o = parsed as PlanJson;
  if (o.format === 'partnerdesk.plan') {
    const body = o.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: 'The plan file has no "body" object' };
    const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
    return { ok: true, value: { body: body as PlanJson, code: str('code'), name: str('name'), effectiveFrom: str('effectiveFrom'), note: str('note') } };
  }
  return { ok: true, value: { body: o } };
}
