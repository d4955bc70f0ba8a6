import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, tempCore } from '../support/tempWorkspace';
import type { UserRow } from '../../src-shared/workspace/usersContract';

// Users and roles: an admin adds, disables, enables and resets users; each user's own
// passphrase wraps the one workspace key.

const FIN = { username: 'fin', displayName: 'Farah Finance', role: 'finance', passphrase: 'ledger lines add up', confirmPassphrase: 'ledger lines add up' } as const;
const ADA = { username: ADMIN.username, passphrase: ADMIN.passphrase };

let t: ReturnType<typeof tempCore>;
afterEach(() => t?.cleanup());

async function workspace() {
  t = tempCore();
  await t.call('workspace.create', ADMIN);
  return t;
}
const keyFile = () => JSON.parse(readFileSync(`${t.dir}/workspace.keys.json`, 'utf8')) as { wraps: { kind: string; username?: string }[]; disabledUsers?: string[] };
const signIn = (who: { username: string; passphrase: string }) => t.core.dispatch('workspace.unlock', { username: who.username, passphrase: who.passphrase });
const asAdmin = async () => {
  await t.call('workspace.lock');
  await t.call('workspace.unlock', ADA);
};
const auditActions = () =>
  (t.core.context.session!.open.sqlite.prepare('SELECT action, user_id AS userId, entity_id AS entityId, detail FROM audit_log ORDER BY id').all() as { action: string; userId: string | null; entityId: string | null; detail: string }[]).map(
    (r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }),
  );

describe('users', () => {
  it('an admin adds a finance user whose own passphrase opens the same workspace', async () => {
    await workspace();
    const fin = await t.call<UserRow>('users.add', FIN);
    expect(fin).toMatchObject({ username: 'fin', displayName: 'Farah Finance', role: 'finance', disabled: false, hasPassphrase: true, lastSignInAt: null });
    expect(keyFile().wraps.filter((w) => w.kind === 'passphrase').map((w) => w.username).sort()).toEqual(['ada', 'fin']);

    await t.call('workspace.lock');
    const status = await t.call('workspace.unlock', { username: 'fin', passphrase: FIN.passphrase });
    expect(status).toMatchObject({ state: 'unlocked', workspaceName: 'Acme partnerships', user: { username: 'fin', role: 'finance' }, usernames: ['ada', 'fin'] });
    expect((await t.call('workspace.info')).name).toBe('Acme partnerships');
  });

  it('refuses a username that is taken, whatever its case', async () => {
    await workspace();
    const r = await t.core.dispatch('users.add', { ...FIN, username: 'ADA' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', fieldErrors: { username: 'This username is taken' } } });
    expect(keyFile().wraps.filter((w) => w.kind === 'passphrase')).toHaveLength(1);
  });

  it('checks the new passphrase like the welcome screen does', async () => {
    await workspace();
    const r = await t.core.dispatch('users.add', { ...FIN, passphrase: 'short', confirmPassphrase: 'other' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { passphrase: expect.stringMatching(/10 characters/), confirmPassphrase: 'The two passphrases differ' } } });
  });

  it('a disabled user cannot sign in, is told why, and their passphrase no longer unwraps the key', async () => {
    await workspace();
    const fin = await t.call<UserRow>('users.add', FIN);
    expect(await t.call<UserRow>('users.disable', { userId: fin.id })).toMatchObject({ disabled: true, hasPassphrase: false });
    expect(keyFile().wraps.some((w) => w.username === 'fin')).toBe(false);
    expect(keyFile().disabledUsers).toEqual(['fin']);

    await t.call('workspace.lock');
    expect((await t.call('workspace.status')).usernames).toEqual(['ada']);
    const r = await signIn(FIN);
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden', message: expect.stringMatching(/fin is disabled.*Ask an admin/) } });

    await t.call('workspace.unlock', ADA);
    const back = await t.call<UserRow>('users.enable', { userId: fin.id, passphrase: 'a brand new passphrase', confirmPassphrase: 'a brand new passphrase' });
    expect(back).toMatchObject({ disabled: false, hasPassphrase: true });
    expect(keyFile().disabledUsers).toEqual([]);
    await t.call('workspace.lock');
    expect(await signIn(FIN)).toMatchObject({ ok: false, error: { kind: 'wrong_passphrase' } });
    expect(await signIn({ username: 'fin', passphrase: 'a brand new passphrase' })).toMatchObject({ ok: true, value: { user: { username: 'fin' } } });
  });

  it('refuses a sign-in of a user disabled in the database even if a wrap is left', async () => {
    await workspace();
    const fin = await t.call<UserRow>('users.add', FIN);
    t.core.context.session!.open.sqlite.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(fin.id);
    await t.call('workspace.lock');
    expect(await signIn(FIN)).toMatchObject({ ok: false, error: { kind: 'forbidden', message: expect.stringMatching(/disabled/) } });
    expect((await t.call('workspace.status')).state).toBe('locked');
  });

  it('never disables or demotes the last admin who can sign in, nor lets admins disable themselves', async () => {
    await workspace();
    const [ada] = await t.call<UserRow[]>('users.list');
    expect(await t.core.dispatch('users.setRole', { userId: ada!.id, role: 'manager' })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: expect.stringMatching(/Ada Admin is the last admin who can sign in/) },
    });
    expect(await t.core.dispatch('users.disable', { userId: ada!.id })).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/cannot disable yourself/) } });

    // A second admin who has been disabled does not count.
    const bo = await t.call<UserRow>('users.add', { ...FIN, username: 'bo', displayName: 'Bo Admin', role: 'admin' });
    await t.call('users.disable', { userId: bo.id });
    expect(await t.core.dispatch('users.setRole', { userId: ada!.id, role: 'manager' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });

    // An enabled one does: Ada may step down, and her session loses the admin role at once.
    await t.call('users.enable', { userId: bo.id, passphrase: FIN.passphrase, confirmPassphrase: FIN.passphrase });
    expect(await t.call<UserRow>('users.setRole', { userId: ada!.id, role: 'manager' })).toMatchObject({ role: 'manager' });
    expect((await t.call('workspace.status')).user.role).toBe('manager');
    expect(await t.core.dispatch('users.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    // Bo, now the only admin, cannot be disabled or demoted by himself either.
    await t.call('workspace.lock');
    await t.call('workspace.unlock', { username: 'bo', passphrase: FIN.passphrase });
    expect(await t.core.dispatch('users.setRole', { userId: bo.id, role: 'finance' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('a reset passphrase replaces the old one at once', async () => {
    await workspace();
    const fin = await t.call<UserRow>('users.add', FIN);
    const fresh = 'handed over on paper';
    await t.call('users.resetPassphrase', { userId: fin.id, passphrase: fresh, confirmPassphrase: fresh });
    expect(keyFile().wraps.filter((w) => w.username === 'fin')).toHaveLength(1);
    await t.call('workspace.lock');
    expect(await signIn(FIN)).toMatchObject({ ok: false, error: { kind: 'wrong_passphrase' } });
    expect(await signIn({ username: 'fin', passphrase: fresh })).toMatchObject({ ok: true });
  });

  it('an admin cannot reset their own passphrase without the current one', async () => {
    await workspace();
    const [ada] = await t.call<UserRow[]>('users.list');
    const r = await t.core.dispatch('users.resetPassphrase', { userId: ada!.id, passphrase: 'taken over laptop', confirmPassphrase: 'taken over laptop' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/asks for the current one/) } });
  });

  it('anyone changes their own passphrase after proving the current one', async () => {
    await workspace();
    await t.call('users.add', FIN);
    await t.call('workspace.lock');
    await t.call('workspace.unlock', { username: FIN.username, passphrase: FIN.passphrase });
    const before = readFileSync(`${t.dir}/workspace.keys.json`);
    const wrong = await t.core.dispatch('users.changePassphrase', { currentPassphrase: 'not my passphrase', passphrase: 'my very own words', confirmPassphrase: 'my very own words' });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'wrong_passphrase', fieldErrors: { currentPassphrase: 'Not your current passphrase' } } });
    expect(readFileSync(`${t.dir}/workspace.keys.json`).equals(before)).toBe(true);

    await t.call('users.changePassphrase', { currentPassphrase: FIN.passphrase, passphrase: 'my very own words', confirmPassphrase: 'my very own words' });
    await t.call('workspace.lock');
    expect(await signIn(FIN)).toMatchObject({ ok: false });
    expect(await signIn({ username: 'fin', passphrase: 'my very own words' })).toMatchObject({ ok: true, value: { user: { role: 'finance' } } });
  });

  it('writes every change to the audit log, by whom and to whom', async () => {
    await workspace();
    const fin = await t.call<UserRow>('users.add', FIN);
    await t.call('users.setRole', { userId: fin.id, role: 'manager' });
    await t.call('users.disable', { userId: fin.id });
    await t.call('users.enable', { userId: fin.id, passphrase: FIN.passphrase, confirmPassphrase: FIN.passphrase });
    await t.call('users.resetPassphrase', { userId: fin.id, passphrase: 'another long phrase', confirmPassphrase: 'another long phrase' });
    await t.call('workspace.setAutoLock', { minutes: 5 });
    const adaId = t.core.context.session!.user.id;
    const changes = auditActions().filter((a) => a.action.startsWith('user.') || a.action === 'workspace.auto_lock_set');
    expect(changes.map((a) => [a.action, a.userId, a.entityId, a.detail])).toEqual([
      ['user.add', adaId, fin.id, { username: 'fin', role: 'finance', displayName: 'Farah Finance' }],
      ['user.role_change', adaId, fin.id, { username: 'fin', from: 'finance', to: 'manager' }],
      ['user.disable', adaId, fin.id, { username: 'fin' }],
      ['user.enable', adaId, fin.id, { username: 'fin' }],
      ['user.passphrase_reset', adaId, fin.id, { username: 'fin', via: 'admin' }],
      ['workspace.auto_lock_set', adaId, null, { from: 15, to: 5 }],
    ]);
    expect(JSON.stringify(auditActions())).not.toContain(FIN.passphrase);
  });

  it('records failed sign-ins in the audit log at the next sign-in, and locks too', async () => {
    await workspace();
    const fin = await t.call<UserRow>('users.add', FIN);
    const gone = await t.call<UserRow>('users.add', { ...FIN, username: 'gone', displayName: 'Gone' });
    await t.call('users.disable', { userId: gone.id });
    await t.call('workspace.lock');
    await signIn({ username: 'fin', passphrase: 'a wrong guess' });
    await signIn({ username: 'nobody', passphrase: 'whatever it is' });
    await signIn({ username: 'gone', passphrase: FIN.passphrase });
    await t.call('workspace.unlock', ADA);

    const log = auditActions();
    const failed = log.filter((a) => a.action === 'session.sign_in_failed');
    expect(failed.map((f) => [f.entityId, f.detail.username, f.detail.reason])).toEqual([
      [fin.id, 'fin', 'wrong_passphrase'],
      [null, 'nobody', 'no_such_user'],
      [gone.id, 'gone', 'disabled'],
    ]);
    expect(log.filter((a) => a.action === 'session.lock').at(-1)!.detail).toEqual({ reason: 'manual', by: 'window' });
    expect(log.at(-1)).toMatchObject({ action: 'session.sign_in', userId: t.core.context.session!.user.id });
    expect((await t.call<UserRow[]>('users.list')).find((u) => u.username === 'ada')!.lastSignInAt).not.toBeNull();
  });

  it('lists the demo’s partnership manager without a passphrase until an admin sets one', async () => {
    t = tempCore();
    await t.call('workspace.createDemo');
    const pm = (await t.call<UserRow[]>('users.list')).find((u) => u.username === 'demo-pm')!;
    expect(pm).toMatchObject({ role: 'partnership_manager', hasPassphrase: false, disabled: false });
    await t.call('users.resetPassphrase', { userId: pm.id, passphrase: 'priya signs in now', confirmPassphrase: 'priya signs in now' });
    await t.call('workspace.lock');
    const status = await t.call('workspace.unlock', { username: 'demo-pm', passphrase: 'priya signs in now' });
    expect(status.user).toMatchObject({ displayName: 'Priya Patel', role: 'partnership_manager' });
    expect(await t.core.dispatch('applications.approve', { id: 'any' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((await t.core.dispatch('applications.list', {})).ok).toBe(true);
  });

  it('keeps user management to admins', async () => {
    await workspace();
    await t.call('users.add', FIN);
    await t.call('workspace.lock');
    await t.call('workspace.unlock', { username: FIN.username, passphrase: FIN.passphrase });
    for (const [channel, input] of [
      ['users.list', {}],
      ['users.add', { ...FIN, username: 'mallory' }],
      ['workspace.setAutoLock', { minutes: 0 }],
    ] as const) {
      expect(await t.core.dispatch(channel, input)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    await asAdmin();
    expect((await t.call<UserRow[]>('users.list')).map((u) => u.username)).toEqual(['ada', 'fin']);
  });
});
