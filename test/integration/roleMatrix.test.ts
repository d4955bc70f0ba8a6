import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../src-shared/channels';
import { Role } from '../../src-shared/workspace/contract';
import { roleAllows } from '../../src-shared/workspace/roles';
import { startBrowserHost } from '../../src-main/host/browser/server';
import { ADMIN, tempCore } from '../support/tempWorkspace';

// The whole role × channel matrix, on a real workspace with one signed-in user per role.
// Every channel the app declares is iterated, so a channel added later is covered without
// touching this file. The input is one no channel accepts: the router checks the role before
// it validates, so an allowed call answers 'validation' and a forbidden one 'forbidden', and
// no handler runs either way.

const PROBE = { __roleMatrixProbe: true };
const ALL = Object.values(channels);
const PASSPHRASE = 'one passphrase per role here';

let t: ReturnType<typeof tempCore>;

beforeAll(async () => {
  t = tempCore();
  await t.call('workspace.create', ADMIN);
  for (const role of Role.options.filter((r) => r !== 'admin')) {
    await t.call('users.add', { username: role.replace('_', '-'), displayName: role, role, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  }
}, 60_000);
afterAll(() => t?.cleanup());

async function signInAs(role: Role) {
  if (t.core.context.session) await t.call('workspace.lock');
  if (role === 'admin') await t.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  else await t.call('workspace.unlock', { username: role.replace('_', '-'), passphrase: PASSPHRASE });
  expect(t.core.context.session?.user.role).toBe(role);
}

describe('role × channel', () => {
  it('every probe is one that no channel accepts, so no handler runs', () => {
    expect(ALL.filter((c) => c.input.safeParse(PROBE).success).map((c) => c.name)).toEqual([]);
  });

  it.each(Role.options)('signed in as %s, exactly the channels the role does not allow are refused', async (role) => {
    await signInAs(role);
    const wrong: string[] = [];
    let refused = 0;
    for (const channel of ALL) {
      const r = await t.core.dispatch(channel.name, PROBE);
      const allowed = roleAllows(role, channel.permission);
      const got = r.ok ? 'ok' : r.error.kind;
      if (got === 'forbidden') refused += 1;
      if (allowed ? got !== 'validation' : got !== 'forbidden') wrong.push(`${channel.name} (${channel.permission}): ${got}`);
      if (!r.ok && got === 'forbidden') expect(r.error.message).toMatch(/Your role .* may not do this/);
    }
    expect(wrong).toEqual([]);
    expect(t.core.context.session?.user.role).toBe(role);
    // The table is not trivially open or shut: admins meet no refusal, everyone else some.
    if (role === 'admin') expect(refused).toBe(0);
    else expect(refused).toBeGreaterThan(0);
  });

  it('refuses every channel but sign-in while locked', async () => {
    await t.call('workspace.lock');
    for (const channel of ALL) {
      const r = await t.core.dispatch(channel.name, PROBE);
      expect([channel.name, r.ok ? 'ok' : r.error.kind]).toEqual([channel.name, channel.permission === 'public' ? 'validation' : 'locked']);
    }
  });

  it('holds for a renderer too: the browser host passes the refusal through', async () => {
    await signInAs('finance');
    const rendererDir = join(t.dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Partnerdesk</title>');
    const host = await startBrowserHost({ core: t.core, rendererDir });
    try {
      const call = async (name: string, input: unknown) => {
        const res = await fetch(`${host.origin}/rpc/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: host.origin, 'x-partnerdesk-token': host.token },
          body: JSON.stringify(input),
        });
        return (await res.json()) as { ok: boolean; error?: { kind: string } };
      };
      expect(await call('partners.list', {})).toMatchObject({ ok: true });
      expect(await call('partners.create', { company: 'Sneaky Ltd' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      expect(await call('users.add', { username: 'mallory', displayName: 'M', role: 'admin', passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE })).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
      expect(await call('users.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    } finally {
      await host.close();
    }
  });
});
