import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/log';
import { ADMIN } from '../support/tempWorkspace';

// The core's half of auto-lock, on an injected clock: a session left idle past the workspace's
// auto-lock time is closed before the next call, so a forgotten window locks too. The core
// takes its idle clock apart from its business clock (createCore's idleClock and now); here
// both are the one test clock.

let clock: Date;
const wait = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

let t: { core: Core; dir: string; call(channel: string, input?: unknown): Promise<any>; cleanup(): void };
afterEach(() => t?.cleanup());

async function workspace() {
  clock = new Date('2026-03-02T09:00:00.000Z');
  const dir = mkdtempSync(join(tmpdir(), 'partnerdesk-autolock-'));
  const core = createCore({ workspaceDir: dir, log: silentLogger, now: () => clock, idleClock: () => clock.getTime() });
  t = {
    core,
    dir,
    async call(channel, input = {}) {
      const r = await core.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.kind}: ${r.error.message}`);
      return r.value;
    },
    cleanup() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await t.call('workspace.create', ADMIN);
  return t;
}
const unlock = () => t.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });

describe('auto-lock', () => {
  it('is 15 minutes unless an admin says otherwise, and is written down when changed', async () => {
    await workspace();
    expect((await t.call('workspace.status')).autoLockMinutes).toBe(15);
    expect((await t.call('workspace.setAutoLock', { minutes: 5 })).autoLockMinutes).toBe(5);
    await t.call('workspace.lock');
    expect((await t.call('workspace.status')).autoLockMinutes).toBeNull();
    expect((await unlock()).autoLockMinutes).toBe(5);
  });

  it('locks the workspace once the time has passed since the last call', async () => {
    await workspace();
    await t.call('workspace.setAutoLock', { minutes: 5 });
    wait(4);
    expect((await t.core.dispatch('partners.list', {})).ok).toBe(true);
    wait(4); // 8 minutes since sign-in, 4 since the last call
    expect((await t.core.dispatch('partners.list', {})).ok).toBe(true);
    wait(5);
    expect(await t.core.dispatch('partners.list', {})).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(t.core.context.session).toBeNull();

    await unlock();
    const lock = t.core.context.session!.open.sqlite
      .prepare("SELECT detail, at FROM audit_log WHERE action = 'session.lock' ORDER BY id DESC LIMIT 1")
      .get() as { detail: string; at: string };
    expect(JSON.parse(lock.detail)).toEqual({ reason: 'idle', by: 'core', idleMinutes: 5 });
    expect(lock.at).toBe('2026-03-02T09:13:00.000Z');
  });

  it('is not held off by the window’s timed polls', async () => {
    await workspace();
    await t.call('workspace.setAutoLock', { minutes: 10 });
    for (let i = 0; i < 12; i++) {
      wait(1);
      expect((await t.call('workspace.status')).state).toBe(i < 9 ? 'unlocked' : 'locked');
      await t.core.dispatch('stripe.status', {});
    }
  });

  it('counts a refused call as activity: someone is at the keyboard', async () => {
    await workspace();
    await t.call('workspace.setAutoLock', { minutes: 5 });
    wait(4);
    expect(await t.core.dispatch('partners.get', { id: 'no-such-partner' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    wait(4);
    expect((await t.core.dispatch('partners.list', {})).ok).toBe(true);
  });

  it('leaves the business clock alone: days may pass in `now` without a call locking', async () => {
    clock = new Date('2026-03-02T09:00:00.000Z');
    const dir = mkdtempSync(join(tmpdir(), 'partnerdesk-autolock-'));
    let business = clock;
    const core = createCore({ workspaceDir: dir, log: silentLogger, now: () => business });
    try {
      await core.dispatch('workspace.create', ADMIN);
      business = new Date('2026-09-30T09:00:00.000Z');
      expect((await core.dispatch('partners.list', {})).ok).toBe(true);
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never locks at 0', async () => {
    await workspace();
    await t.call('workspace.setAutoLock', { minutes: 0 });
    wait(3 * 24 * 60);
    expect((await t.core.dispatch('partners.list', {})).ok).toBe(true);
  });

  it('takes whole minutes from 0 to a day', async () => {
    await workspace();
    for (const minutes of [-1, 1.5, 24 * 60 + 1, '15']) {
      expect(await t.core.dispatch('workspace.setAutoLock', { minutes })).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { minutes: expect.any(String) } } });
    }
    expect((await t.call('workspace.status')).autoLockMinutes).toBe(15);
  });
});
