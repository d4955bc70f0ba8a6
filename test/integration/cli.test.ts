import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/program';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env } };
}

describe('the partnerdesk command line', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('init creates a workspace and prints the recovery code; status unlocks and checks it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'partnerdesk-cli-'));
    const a = io({ PARTNERDESK_PASSPHRASE: 'cli passphrase 123' });
    expect(await runCli(['-w', dir, 'init', '--name', 'Scripted', '--user', 'ops'], a.io)).toBe(0);
    expect(a.out.join('\n')).toMatch(/Recovery code \(shown once, keep it safe\): [A-Z2-9-]{47}/);

    const b = io({ PARTNERDESK_PASSPHRASE: 'cli passphrase 123' });
    expect(await runCli(['-w', dir, 'status', '--user', 'ops', '--json'], b.io)).toBe(0);
    expect(JSON.parse(b.out.join('\n'))).toMatchObject({ state: 'unlocked', workspaceName: 'Scripted', info: { integrity: 'ok' } });
  });

  it('says "wrong passphrase" and exits non-zero', async () => {
    dir = mkdtempSync(join(tmpdir(), 'partnerdesk-cli-'));
    await runCli(['-w', dir, 'init', '--name', 'Scripted', '--user', 'ops'], io({ PARTNERDESK_PASSPHRASE: 'cli passphrase 123' }).io);
    const c = io({ PARTNERDESK_PASSPHRASE: 'not the one at all' });
    expect(await runCli(['-w', dir, 'status', '--user', 'ops'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/Wrong passphrase/);
  });

  it('demo creates the demo workspace with the four programmes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'partnerdesk-cli-'));
    const d = io();
    expect(await runCli(['-w', dir, 'demo'], d.io)).toBe(0);
    expect(d.out.join('\n')).toMatch(/programmes: 4/);
  });

  it('status on an empty folder says how to start', async () => {
    dir = mkdtempSync(join(tmpdir(), 'partnerdesk-cli-'));
    const e = io();
    expect(await runCli(['-w', dir, 'status'], e.io)).toBe(0);
    expect(e.out.join('\n')).toMatch(/none yet: run "partnerdesk init" or "partnerdesk demo"/);
  });

  it('never takes the passphrase as an argument', async () => {
    dir = mkdtempSync(join(tmpdir(), 'partnerdesk-cli-'));
    const f = io();
    expect(await runCli(['-w', dir, 'init', '--name', 'X', '--user', 'ops', '--passphrase', 'secret'], f.io)).not.toBe(0);
  });
});
