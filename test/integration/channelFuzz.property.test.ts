import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as backup from '../../src-shared/backup/contract';
import { channels } from '../../src-shared/channels';
import * as stripe from '../../src-shared/stripe/contract';
import * as usersContract from '../../src-shared/workspace/usersContract';
import * as workspace from '../../src-shared/workspace/contract';
import { PARTNERS, referralsWorkspace, type ReferralsWorkspace } from '../fixtures/referralsWorkspace';
import { ADMIN } from '../support/tempWorkspace';

// Every channel, fed arbitrary JSON while signed in as an admin on a small seeded workspace:
// the core never throws and never answers 'internal' for bad input, and a refused call
// changes nothing — not a row, not the key file, not who is signed in. Channels are iterated
// from the declared list, so a channel added later is fuzzed too.

/**
 * Not fuzzed: Stripe settings (with no key saved, no call can leave this machine), and taking
 * a backup (long work that writes a copy of the workspace into any absolute folder it is given).
 */
const SKIPPED = new Set<string>([stripe.saveSettings.name, backup.create.name]);
/** Channels that derive a key (Argon2id, ~0.1 s a call) when the input is well formed, or lock (and so sign in again): fewer runs. */
const SLOW = new Set<string>(
  [workspace.lock, workspace.unlock, workspace.unlockWithRecoveryCode, usersContract.add, usersContract.enable, usersContract.resetPassphrase, usersContract.changePassphrase].map(
    (c) => c.name,
  ),
);
// Runs per channel, kept so the file takes well under a minute; FUZZ_RUNS=500 digs deeper.
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);
const SLOW_RUNS = Math.max(2, Math.round(RUNS / 4));

let w: ReferralsWorkspace;
/** Channels where some fuzzed input got past validation into the handler. */
const reached = new Set<string>();
let bo: string;

beforeAll(async () => {
  w = await referralsWorkspace();
  const pass = 'a finance passphrase';
  bo = (await w.call('users.add', { username: 'bo', displayName: 'Bo Finance', role: 'finance', passphrase: pass, confirmPassphrase: pass })).id;
}, 60_000);
afterAll(() => w?.cleanup());

/** Words the handlers look things up by, so some fuzzed calls reach past "not found". */
const pool = () =>
  fc.constantFrom(
    ...Object.values(PARTNERS).map((p) => p.id),
    'prog-aloware',
    'aloware',
    'messagehelp',
    bo,
    'ada',
    'bo',
    '2026-06-30',
    '2026-07-15',
    '2026-06',
    'ada@example.com',
    'https://partner.example/signup',
    'Acme Ltd',
    '12.50',
    '2026-02-30',
    'USD',
    'EUR',
    '',
    ' ',
    'x'.repeat(5000),
    "'; DROP TABLE partners; --",
    '../../workspace.keys.json',
    '\u0000',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  );

type Check = { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; value?: number };
type Def = { type: string; checks?: { _zod: { def: Check } }[]; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; options?: z.ZodType[]; values?: unknown[]; entries?: Record<string, unknown>; valueType?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

const checksOf = (d: Def) => (d.checks ?? []).map((c) => c._zod.def);

/** A string the schema's own pattern and lengths accept (a date for a date, an e-mail for an e-mail). */
function wellFormedString(checks: Check[]): fc.Arbitrary<string> {
  const pattern = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
  // fast-check matches case-sensitive patterns only; a lower-case match satisfies an /i one.
  if (pattern) return fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace('i', ''))).filter((v) => v.length <= 200);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 40;
  return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 60)) });
}

function inRange(checks: Check[]): fc.Arbitrary<number> {
  const min = checks.find((c) => c.check === 'greater_than')?.value ?? -5;
  const max = checks.find((c) => c.check === 'less_than')?.value ?? 200_000;
  return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
}

/** Values shaped like what a schema asks for, often wrong in a small way. */
function plausible(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const any = fc.jsonValue({ maxDepth: 2 });
  if (depth > 4) return any;
  switch (d.type) {
    case 'object': {
      const shape = d.shape ?? {};
      // Mostly well-formed fields, now and then one of any shape, some left out.
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fc.oneof({ arbitrary: plausible(v, depth + 1), weight: 6 }, { arbitrary: any, weight: 1 })]));
      return fc.oneof(fc.record(fields), fc.record(fields, { requiredKeys: [] }));
    }
    case 'string':
      return fc.oneof(pool(), wellFormedString(checksOf(d)), fc.string({ maxLength: 40 }));
    case 'number':
    case 'int':
      return fc.oneof(inRange(checksOf(d)), fc.constantFrom(0, 1, 2000, 10_000, -1, 1.5, 1e15, Number.MAX_SAFE_INTEGER));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...(d.values ?? [null]));
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return plausible(d.innerType!, depth);
    case 'nullable':
      return fc.oneof(fc.constant(null), plausible(d.innerType!, depth));
    case 'array':
      return fc.array(plausible(d.element!, depth + 1), { maxLength: 3 });
    case 'record':
      return fc.dictionary(fc.oneof(pool(), fc.string({ maxLength: 8 })), plausible(d.valueType!, depth + 1), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(d.options ?? []).map((o) => plausible(o, depth + 1)));
    case 'pipe':
      return plausible(d.in!, depth);
    default:
      return any;
  }
}

/** What a renderer can send: JSON, so no undefined, no NaN, no functions. */
const asJson = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

function inputs(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof(fc.jsonValue(), plausible(schema), fc.constant(undefined), fc.constant(null)).map(asJson);
}

function fingerprint(): string {
  const { sqlite } = w.core.context.session!.open;
  const h = createHash('sha256');
  for (const { name } of sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]) {
    h.update(name).update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${name}"`).raw().all()));
  }
  h.update(readFileSync(`${w.dir}/workspace.keys.json`));
  return h.digest('hex');
}

async function stayAdmin() {
  if (w.core.context.session?.user.username === ADMIN.username) return;
  if (w.core.context.session) await w.call('workspace.lock');
  await w.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
}

describe('every channel, fed arbitrary input', () => {
  const all = Object.values(channels).filter((c) => !SKIPPED.has(c.name));

  it('covers the declared channels, minus the ones named here', () => {
    expect(all.length).toBe(Object.keys(channels).length - SKIPPED.size);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s never crashes, and a refusal writes nothing', async (_name, channel) => {
    await fc.assert(
      fc.asyncProperty(inputs(channel.input), async (input) => {
        await stayAdmin();
        const before = fingerprint();
        const who = w.core.context.session!.user.id;
        const r = await w.core.dispatch(channel.name, input);
        expect(typeof r.ok).toBe('boolean');
        if (r.ok || r.error.kind !== 'validation') reached.add(channel.name);
        if (r.ok) return;
        expect(r.error.kind, `${channel.name} ${JSON.stringify(input)?.slice(0, 300)}: ${r.error.message}`).not.toBe('internal');
        expect(r.error.message).not.toMatch(/\n\s+at /);
        expect(w.core.context.session?.user.id).toBe(who);
        expect(fingerprint()).toBe(before);
      }),
      { numRuns: SLOW.has(channel.name) ? SLOW_RUNS : RUNS },
    );
  });

  it('gets past validation into most handlers, so the fuzzing tests them and not only the schemas', () => {
    console.log(`fuzz reached ${reached.size} of ${all.length} handlers; not: ${all.filter((c) => !reached.has(c.name)).map((c) => c.name).join(', ')}`);
    expect(reached.size).toBeGreaterThan(all.length / 2);
  });
});
