import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, tempCore } from '../support/tempWorkspace';
import { approvedOnFakeStripe } from '../fixtures/payouts/stripe';

// Kill the process between every step of a payout and start again: the fake Stripe must
// end with exactly one transfer per line, and the workspace with that transfer recorded.
// Each step runs in a child process with its own core on the same workspace folder; the
// child dies by SIGKILL at a named failpoint (src-main/core/failpoints.ts), like a power cut.

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** In a child: sign in, optionally act as another user, dispatch one call, print the result. */
const STEP = `
import { createCore } from ${JSON.stringify(`${ROOT}/src-main/core/index.ts`)};
import { silentLogger } from ${JSON.stringify(`${ROOT}/src-main/core/log.ts`)};
import { backoff } from ${JSON.stringify(`${ROOT}/src-main/core/stripe/client.ts`)};
backoff.baseMs = 2;
const core = createCore({ workspaceDir: process.env.STEP_DIR, log: silentLogger, now: () => new Date(process.env.STEP_NOW) });
const signedIn = await core.dispatch('workspace.unlock', { username: process.env.STEP_USER, passphrase: process.env.STEP_PASSPHRASE });
if (!signedIn.ok) { console.log(JSON.stringify(signedIn)); process.exit(2); }
if (process.env.STEP_AS) {
  const sqlite = core.context.session.open.sqlite;
  const u = sqlite.prepare('SELECT id, username, display_name AS displayName, role FROM users WHERE username = ?').get(process.env.STEP_AS);
  core.context.session.user = u;
}
const r = await core.dispatch(process.env.STEP_CHANNEL, JSON.parse(process.env.STEP_INPUT));
console.log(JSON.stringify(r));
core.close();
process.exit(0);
`;

function step(dir: string, channel: string, input: unknown, opts: { failpoint?: string; as?: string } = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', STEP], {
    cwd: ROOT,
    env: {
      ...process.env,
      STEP_DIR: dir, STEP_USER: ADMIN.username, STEP_PASSPHRASE: ADMIN.passphrase, STEP_NOW: '2026-12-01T12:00:00.000Z',
      STEP_CHANNEL: channel, STEP_INPUT: JSON.stringify(input), STEP_AS: opts.as ?? '', PARTNERDESK_FAILPOINT: opts.failpoint ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

let rig: Awaited<ReturnType<typeof approvedOnFakeStripe>> | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** Scenario B on the fake Stripe, handed over to child processes (the test's core lets go of the folder). */
async function handOver(approve: boolean) {
  rig = await approvedOnFakeStripe({ approve });
  const { w } = rig;
  if (!approve) w.sqlite.prepare("INSERT INTO users (id, username, display_name, role, created_at) VALUES ('u-fiona', 'fiona', 'Fiona Finance', 'finance', '2026-01-01T00:00:00Z')").run();
  w.t.core.close();
  return rig;
}

/** Reopens the workspace after the children, to read what they left. */
async function reopen(dir: string) {
  const t = tempCore({ dir, now: () => new Date('2026-12-01T12:00:00.000Z') });
  await t.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  return t;
}

describe('a crash between the steps of a payout never pays twice', () => {
  it.each(['payout.transfer.markedSending', 'payout.transfer.sent', 'payout.transfer.recorded'])(
    'killed at %s, then executed again: one transfer, the line paid',
    async (failpoint) => {
      const { w, fake, run, lineId } = await handOver(true);
      const killed = await step(w.t.dir, 'payouts.execute', { runId: run.id }, { failpoint });
      expect(killed.signal).toBe('SIGKILL');
      const transfersAfterCrash = fake.state.transferList().length;
      expect(transfersAfterCrash).toBe(failpoint === 'payout.transfer.markedSending' ? 0 : 1);

      const again = await step(w.t.dir, 'payouts.execute', { runId: run.id });
      expect(again.code).toBe(0);
      const result = JSON.parse(again.out.trim().split('\n').pop()!);
      // Killed after the line was recorded paid: the run is already done, there is nothing to execute.
      if (failpoint === 'payout.transfer.recorded') expect(result).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      else expect(result).toMatchObject({ ok: true, value: { status: 'completed' } });

      expect(fake.state.transferList()).toHaveLength(1);
      expect(fake.state.transferList()[0]).toMatchObject({ amount: 1_950_00, metadata: { payout_line_id: lineId } });
      const t = await reopen(w.t.dir);
      try {
        const detail = await t.call('payouts.get', { runId: run.id });
        expect(detail.status).toBe('completed');
        expect(detail.lines[0]).toMatchObject({ state: 'paid', transferId: fake.state.transferList()[0]!.id });
        const keys = fake.control.log.filter((r) => r.path === '/v1/transfers' && r.method === 'POST').map((r) => r.idempotencyKey);
        expect(new Set(keys)).toEqual(new Set([`payout:${lineId}:1`]));
      } finally {
        t.core.close();
      }
    },
    60_000,
  );

  it('killed right after the approval committed: the transfer is queued, and executing later pays it once', async () => {
    const { w, fake, run } = await handOver(false);
    const killed = await step(w.t.dir, 'payouts.approve', { runId: run.id, linesHash: run.linesHash }, { failpoint: 'payout.approve.committed', as: 'fiona' });
    expect(killed.signal).toBe('SIGKILL');
    expect(fake.state.transferList()).toHaveLength(0);
    const t = await reopen(w.t.dir);
    const detail = await t.call('payouts.get', { runId: run.id });
    expect(detail).toMatchObject({ status: 'approved', approvals: [expect.objectContaining({ displayName: 'Fiona Finance' })] });
    expect(detail.lines[0].state).toBe('queued');
    t.core.close();
    const executed = await step(w.t.dir, 'payouts.execute', { runId: run.id });
    expect(JSON.parse(executed.out.trim().split('\n').pop()!)).toMatchObject({ ok: true, value: { status: 'completed' } });
    expect(fake.state.transferList()).toHaveLength(1);
  }, 60_000);
});
