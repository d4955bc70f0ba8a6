import { invalidParam, missingParam } from './errors';

/**
 * Stripe's v1 wire format: `application/x-www-form-urlencoded` bodies and query strings with
 * bracket notation — `metadata[partner_ref]=acme`, `expand[]=data.customer` or `expand[0]=…`
 * (stripe-node sends indexed arrays), `created[gte]=1700000000`.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type Form = { [key: string]: FormValue };

const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));

export function parseForm(text: string): Form {
  const root: Form = {};
  if (!text) return root;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!m) throw invalidParam(`Invalid parameter name: ${rawKey}`, rawKey, 'parameter_invalid_string');
    const path = [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1]!)];
    assign(root, path, value, rawKey);
  }
  return root;
}

function assign(root: Form, path: string[], value: string, rawKey: string): void {
  let node: FormValue = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const wantsArray = !last && (path[i + 1] === '' || /^\d+$/.test(path[i + 1]!));
    const make = (): FormValue => (last ? value : wantsArray ? [] : {});
    if (Array.isArray(node)) {
      const index: number = seg === '' ? node.length : Number(seg);
      if (node[index] === undefined) node[index] = make();
      else if (last || typeof node[index] === 'string') throw invalidParam(`Invalid array: ${rawKey}`, rawKey, 'parameter_invalid_string');
      node = node[index]!;
    } else if (typeof node === 'object') {
      const existing: FormValue | undefined = node[seg];
      if (existing === undefined) node[seg] = make();
      else if (last || typeof existing === 'string') throw invalidParam(`Invalid hash: ${rawKey} was given twice`, rawKey, 'parameter_invalid_string');
      node = node[seg]!;
    } else {
      throw invalidParam(`Invalid hash: ${rawKey}`, rawKey, 'parameter_invalid_string');
    }
  }
}

/** A stable text of a form, so an idempotent retry with the same parameters compares equal. */
export function canonical(form: FormValue): string {
  if (typeof form === 'string') return JSON.stringify(form);
  if (Array.isArray(form)) return `[${form.map((v) => canonical(v ?? '')).join(',')}]`;
  return `{${Object.keys(form).sort().map((k) => `${JSON.stringify(k)}:${canonical(form[k]!)}`).join(',')}}`;
}

export type Range = { gt?: number; gte?: number; lt?: number; lte?: number };

/** Typed reads of one request's parameters, failing with Stripe's messages and `param`. */
export class Params {
  constructor(readonly form: Form) {}

  has(name: string): boolean {
    return this.form[name] !== undefined;
  }

  keys(): string[] {
    return Object.keys(this.form);
  }

  string(name: string): string | undefined {
    const v = this.form[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw invalidParam(`Invalid string: ${name}`, name, 'parameter_invalid_string');
    return v;
  }

  requiredString(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw missingParam(name);
    return v;
  }

  integer(name: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) throw invalidParam(`Invalid integer: ${v}`, name, 'parameter_invalid_integer');
    const n = Number(v);
    if (opts.min !== undefined && n < opts.min) throw invalidParam(`This value must be greater than or equal to ${opts.min}.`, name, 'parameter_invalid_integer');
    if (opts.max !== undefined && n > opts.max) throw invalidParam(`This value must be less than or equal to ${opts.max}.`, name, 'parameter_invalid_integer');
    return n;
  }

  requiredInteger(name: string, opts: { min?: number; max?: number } = {}): number {
    const n = this.integer(name, opts);
    if (n === undefined) throw missingParam(name);
    return n;
  }

  boolean(name: string): boolean | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (v !== 'true' && v !== 'false') throw invalidParam(`Invalid boolean: ${v}`, name, 'parameter_invalid_boolean');
    return v === 'true';
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) throw invalidParam(`Invalid ${name}: must be one of ${allowed.join(', ')}`, name, 'parameter_invalid_string');
    return v as T;
  }

  stringList(name: string): string[] | undefined {
    const v = this.form[name];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalidParam(`Invalid array: ${name}`, name, 'parameter_invalid_array');
    return (v as string[]).filter((x) => x !== undefined);
  }

  object(name: string): Params | undefined {
    const v = this.form[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) throw invalidParam(`Invalid hash: ${name}`, name, 'parameter_invalid_object');
    return new Params(v);
  }

  /** Metadata as Stripe limits it: ≤ 50 keys, keys ≤ 40 characters, values ≤ 500. */
  metadata(name = 'metadata'): Record<string, string> | null | undefined {
    const v = this.form[name];
    if (v === undefined) return undefined;
    if (v === '') return null; // `metadata=` clears every key
    if (typeof v !== 'object' || Array.isArray(v)) throw invalidParam('Invalid metadata: must be a hash', name, 'parameter_invalid_object');
    const out: Record<string, string> = {};
    const keys = Object.keys(v);
    if (keys.length > 50) throw invalidParam('Invalid metadata: metadata cannot have more than 50 keys', name);
    for (const k of keys) {
      const val = v[k];
      if (typeof val !== 'string') throw invalidParam(`Invalid metadata[${k}]: must be a string`, `${name}[${k}]`);
      if (k.length > 40) throw invalidParam(`Invalid metadata: keys can be at most 40 characters long`, `${name}[${k}]`);
      if (val.length > 500) throw invalidParam(`Invalid metadata: values can be at most 500 characters long`, `${name}[${k}]`);
      out[k] = val;
    }
    return out;
  }

  /** `created=123` or `created[gte]=…&created[lt]=…`. */
  range(name: string): Range | undefined {
    const v = this.form[name];
    if (v === undefined) return undefined;
    if (typeof v === 'string') {
      const n = this.integer(name)!;
      return { gte: n, lte: n };
    }
    const o = this.object(name)!;
    const r: Range = {};
    for (const k of o.keys()) {
      if (k !== 'gt' && k !== 'gte' && k !== 'lt' && k !== 'lte') throw unknownRangeKey(name, k);
      r[k] = o.integer(k);
    }
    return r;
  }
}

const unknownRangeKey = (name: string, k: string) => invalidParam(`Received unknown parameter: ${name}[${k}]`, `${name}[${k}]`, 'parameter_unknown');

export function inRange(value: number, r: Range | undefined): boolean {
  if (!r) return true;
  if (r.gt !== undefined && !(value > r.gt)) return false;
  if (r.gte !== undefined && !(value >= r.gte)) return false;
  if (r.lt !== undefined && !(value < r.lt)) return false;
  if (r.lte !== undefined && !(value <= r.lte)) return false;
  return true;
}

/** Stripe merges metadata on update; an empty value removes the key. */
export function mergeMetadata(current: Record<string, string> | null, update: Record<string, string> | null | undefined): Record<string, string> {
  if (update === null) return {};
  const out = { ...(current ?? {}) };
  if (!update) return out;
  for (const [k, v] of Object.entries(update)) {
    if (v === '') delete out[k];
    else out[k] = v;
  }
  return out;
}
