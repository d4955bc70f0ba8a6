import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/program';
import type { CommissionsWorkspace } from '../fixtures/commissions/kit';
import { scenarioB } from '../fixtures/payouts/kit';
import { ADMIN } from '../support/tempWorkspace';

// Scenario B's payout from a terminal: prepare, show the lines and the hash to approve,
// refuse the preparer's own approval, write the register.

let w: CommissionsWorkspace;
afterEach(() => w?.cleanup());

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['-w', w.t.dir, ...args], { out: (l) => out.push(l), err: (l) => err.push(l), env: { PARTNERDESK_PASSPHRASE: ADMIN.passphrase } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('partnerdesk payouts', () => {
  it('prepares scenario B’s run, refuses the preparer’s approval, writes the register', async () => {
    ({ w } = await scenarioB());
    w.t.core.close();
    const prepared = await cli('payouts', 'prepare', '--date', '2026-12-01', '--user', ADMIN.username);
    expect(prepared.code).toBe(0);
    expect(prepared.out).toMatch(/^Payout run (\S+) for 2026-12-01 — prepared/);
    expect(prepared.out).toContain('pays $1,950.00 in 1 line');
    expect(prepared.out).toContain('Pipeline Partners LLC USD: $1,950.00 (earned $2,250.00, withheld -$300.00) — ready');
    const runId = /^Payout run (\S+)/.exec(prepared.out)![1]!;
    const hash = /lines hash \(approve with it\): (\w+)/.exec(prepared.out)![1]!;

    const self = await cli('payouts', 'approve', runId, '--hash', hash, '--user', ADMIN.username);
    expect(self.code).not.toBe(0);
    expect(self.err).toContain('You prepared this run; another finance user must approve it.');

    const file = join(w.t.dir, 'register.csv');
    const written = await cli('payouts', 'register', runId, '--format', 'csv', '--out', file, '--user', ADMIN.username);
    expect(written.code).toBe(0);
    expect(readFileSync(file, 'utf8').split('\r\n')[1]).toMatch(/^2026-12-01,[\w-]+,prepared,Pipeline Partners LLC,USD,2250.00,-300.00,1950.00,stripe_connect,ready,/);
  });
});
