import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, tempCore } from '../support/tempWorkspace';
import type { ApplicationRow, ApprovalResult } from '../../src-shared/applications/contract';

// Seed 003: "the first 3 approved resellers" — two reviewers approving at the same moment,
// each through their own process and their own SQLite connection on the same workspace,
// must never both get the last promotion slot.

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/**
 * A reviewer in its own process: opens its own core on the workspace folder, signs in,
 * says "ready", and on "go" approves its applications one after the other, printing each
 * result as a JSON line.
 */
const REVIEWER = `
import { createInterface } from 'node:readline';
import { createCore } from ${JSON.stringify(`${ROOT}/src-main/core/index.ts`)};
import { silentLogger } from ${JSON.stringify(`${ROOT}/src-main/core/log.ts`)};
const core = createCore({ workspaceDir: process.env.RACE_DIR, log: silentLogger });
const signedIn = await core.dispatch('workspace.unlock', { username: process.env.RACE_USER, passphrase: process.env.RACE_PASSPHRASE });
if (!signedIn.ok) { console.log(JSON.stringify({ fatal: signedIn.error })); process.exit(1); }
console.log('ready');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') continue;
  for (const id of process.env.RACE_IDS.split(',')) console.log(JSON.stringify(await core.dispatch('applications.approve', { id })));
  break;
}
core.close();
process.exit(0);
`;

type Reviewer = { child: ChildProcess; ready: Promise<void>; results: Promise<Array<{ ok: boolean; value?: ApprovalResult; error?: unknown }>> };

function reviewer(dir: string, ids: string[]): Reviewer {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', REVIEWER], {
    cwd: ROOT,
    env: { ...process.env, RACE_DIR: dir, RACE_USER: ADMIN.username, RACE_PASSPHRASE: ADMIN.passphrase, RACE_IDS: ids.join(',') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const out = createInterface({ input: child.stdout! });
  const lines: string[] = [];
  let onReady: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  out.on('line', (l) => (l === 'ready' ? onReady() : lines.push(l)));
  const results = new Promise<Array<{ ok: boolean; value?: ApprovalResult }>>((res, rej) =>
    child.on('exit', (code) => (code === 0 ? res(lines.map((l) => JSON.parse(l))) : rej(new Error(`reviewer exited ${code}: ${lines.join('\n')}${stderr}`)))),
  );
  return { child, ready, results };
}

describe('two reviewers approving at the same moment', () => {
  let t: ReturnType<typeof tempCore>;
  afterEach(() => t?.cleanup());

  it('never hand out the last promotion slot twice: one gets slot 3, the other the standard rate, nothing lost or half-written', async () => {
    t = tempCore();
    await t.call('workspace.create', ADMIN);
    const sqlite = t.core.context.session!.open.sqlite;
    // Five sales partner programmes, each with 2 of 3 slots taken: five races at once.
    const ROUNDS = 5;
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      sqlite.prepare('INSERT INTO programmes (id, code, name, currency, promo_slot_capacity) VALUES (?, ?, ?, ?, 3)').run(`p${i}`, i === 0 ? 'salespartner' : `salespartner${i}`, `Sales partners ${i}`, 'USD');
      const submit = (company: string) =>
        t.call<ApplicationRow>('applications.submit', {
          programmeId: `p${i}`, format: 'reseller', company, contactName: 'C', contactEmail: 'c@x.example', country: 'US', focusMarket: 'SMB', expectedTenantsPerYear: 10,
        });
      for (const early of ['First', 'Second']) await t.call('applications.approve', { id: (await submit(`${early} ${i}`)).id });
      a.push((await submit(`Alpha ${i}`)).id);
      b.push((await submit(`Bravo ${i}`)).id);
    }
    // The test's own core lets go of the workspace so only the two reviewers write.
    t.core.close();

    const alpha = reviewer(t.dir, a);
    const bravo = reviewer(t.dir, b);
    await Promise.all([alpha.ready, bravo.ready]);
    alpha.child.stdin!.write('go\n');
    bravo.child.stdin!.write('go\n');
    const [ra, rb] = await Promise.all([alpha.results, bravo.results]);

    // No error lost: every approval succeeded.
    expect([...ra, ...rb].filter((r) => !r.ok)).toEqual([]);
    for (let i = 0; i < ROUNDS; i++) {
      const pair = [ra[i]!.value!, rb[i]!.value!];
      const winners = pair.filter((r) => r.promoSlotNo === 3);
      const losers = pair.filter((r) => r.promoSlotNo === null);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ rateBps: 5000, promoMissed: false });
      expect(losers).toHaveLength(1);
      expect(losers[0]).toMatchObject({ rateBps: 2000, promoMissed: true });
      expect(losers[0]!.message).toMatch(/approved at the standard 20%: all 3 promotion slots were taken before this approval was saved/);
    }

    // Nothing half-written: the workspace read back through a fresh session agrees.
    await t.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const db = t.core.context.session!.open.sqlite;
    for (let i = 0; i < ROUNDS; i++) {
      const slots = db.prepare('SELECT slot_no AS n, p.company FROM promo_slots s JOIN partners p ON p.id = s.partner_id WHERE s.programme_id = ? ORDER BY slot_no').all(`p${i}`) as Array<{ n: number; company: string }>;
      expect(slots.map((s) => s.n)).toEqual([1, 2, 3]);
      expect(slots.slice(0, 2).map((s) => s.company)).toEqual([`First ${i}`, `Second ${i}`]);
      const partners = db.prepare(`SELECT p.company, p.commission_rate_bps AS bps, (SELECT count(*) FROM agreements g WHERE g.partner_id = p.id) AS agreements
        FROM partners p WHERE p.programme_id = ? ORDER BY p.company`).all(`p${i}`) as Array<{ company: string; bps: number; agreements: number }>;
      expect(partners).toHaveLength(4);
      expect(partners.every((p) => p.agreements === 1)).toBe(true);
      expect(partners.filter((p) => p.bps === 5000)).toHaveLength(3);
    }
    const apps = db.prepare(`SELECT status, count(*) AS n FROM applications GROUP BY status`).all();
    expect(apps).toEqual([{ status: 'approved', n: ROUNDS * 4 }]);
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'promo_slot.assign'`).get()).toEqual({ n: ROUNDS * 3 });
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'application.approve'`).get()).toEqual({ n: ROUNDS * 4 });
  }, 60_000);
});
