import { createHash } from 'node:crypto';
import { readFileSync, existsSync, writeFileSync, copyFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, tempCore } from '../support/tempWorkspace';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('an encrypted workspace', () => {
  let t: ReturnType<typeof tempCore>;
  afterEach(() => t?.cleanup());

  it('is created with a recovery code and the admin signed in', async () => {
    t = tempCore();
    expect((await t.call('workspace.status')).state).toBe('none');
    const { recoveryCode, status } = await t.call('workspace.create', ADMIN);
    expect(recoveryCode).toMatch(/^([A-Z2-9]{5}-){7}[A-Z2-9]{5}$/);
    expect(status).toMatchObject({ state: 'unlocked', workspaceName: 'Acme partnerships', user: { username: 'ada', role: 'admin' } });
  });

  it('reopens after a lock with the right passphrase', async () => {
    t = tempCore();
    await t.call('workspace.create', ADMIN);
    expect((await t.call('workspace.lock')).state).toBe('locked');
    const status = await t.call('workspace.unlock', { username: 'ada', passphrase: ADMIN.passphrase });
    expect(status.state).toBe('unlocked');
    const info = await t.call('workspace.info');
    expect(info).toMatchObject({ name: 'Acme partnerships', integrity: 'ok', cipher: 'chacha20' });
    expect(info.schemaMigrations).toBeGreaterThanOrEqual(1);
  });

  it('says "wrong passphrase" and leaves both files untouched', async () => {
    t = tempCore();
    await t.call('workspace.create', ADMIN);
    await t.call('workspace.lock');
    const before = [sha(`${t.dir}/workspace.pdx`), sha(`${t.dir}/workspace.keys.json`)];
    const r = await t.core.dispatch('workspace.unlock', { username: 'ada', passphrase: 'not the passphrase' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'wrong_passphrase', fieldErrors: { passphrase: 'Wrong passphrase' } } });
    if (!r.ok) expect(r.error.message).toMatch(/wrong passphrase/i);
    expect([sha(`${t.dir}/workspace.pdx`), sha(`${t.dir}/workspace.keys.json`)]).toEqual(before);
    expect((await t.call('workspace.status')).state).toBe('locked');
  });

  it('refuses every other channel while locked', async () => {
    t = tempCore();
    await t.call('workspace.create', ADMIN);
    await t.call('workspace.lock');
    const r = await t.core.dispatch('partners.list', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'locked' } });
  });

  it('keeps no plaintext of a stored name in the database file or its WAL', async () => {
    t = tempCore();
    const marker = 'Zanzibar Quokka Holdings';
    await t.call('workspace.create', { ...ADMIN, workspaceName: marker, displayName: marker });
    // Read while the WAL still holds recent pages: the session is open.
    const files = [`${t.dir}/workspace.pdx`, `${t.dir}/workspace.pdx-wal`].filter(existsSync);
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(marker))).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    }
  });

  it('unlocks with the recovery code and sets a new passphrase', async () => {
    t = tempCore();
    const { recoveryCode } = await t.call('workspace.create', ADMIN);
    await t.call('workspace.lock');
    const typed = recoveryCode.toLowerCase().replaceAll('-', ' ');
    await t.call('workspace.unlockWithRecoveryCode', { username: 'ada', recoveryCode: typed, newPassphrase: 'a brand new passphrase' });
    await t.call('workspace.lock');
    const old = await t.core.dispatch('workspace.unlock', { username: 'ada', passphrase: ADMIN.passphrase });
    expect(old.ok).toBe(false);
    expect((await t.call('workspace.unlock', { username: 'ada', passphrase: 'a brand new passphrase' })).state).toBe('unlocked');
  });

  it('gives a clear error for a foreign database file, without crashing', async () => {
    t = tempCore();
    await t.call('workspace.create', ADMIN);
    await t.call('workspace.lock');
    writeFileSync(`${t.dir}/workspace.pdx`, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 7)]));
    const r = await t.core.dispatch('workspace.unlock', { username: 'ada', passphrase: ADMIN.passphrase });
    expect(r).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    if (!r.ok) expect(r.error.message).toMatch(/damaged or is not a Partnerdesk workspace/);
  });

  it('refuses a database file that belongs to another workspace', async () => {
    const other = tempCore();
    await other.call('workspace.create', ADMIN);
    other.core.close();
    t = tempCore();
    await t.call('workspace.create', ADMIN);
    await t.call('workspace.lock');
    copyFileSync(`${other.dir}/workspace.pdx`, `${t.dir}/workspace.pdx`);
    const r = await t.core.dispatch('workspace.unlock', { username: 'ada', passphrase: ADMIN.passphrase });
    expect(r).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    other.cleanup();
  });

  it('gives a clear error for a damaged key file', async () => {
    t = tempCore();
    await t.call('workspace.create', ADMIN);
    await t.call('workspace.lock');
    writeFileSync(`${t.dir}/workspace.keys.json`, '{"format": "something else"');
    const r = await t.core.dispatch('workspace.status', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    if (!r.ok) expect(r.error.message).toMatch(/key file .* is damaged/);
  });

  it('validates the create form field by field', async () => {
    t = tempCore();
    const r = await t.core.dispatch('workspace.create', { ...ADMIN, username: 'a b', passphrase: 'short', confirmPassphrase: 'other' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(Object.keys(r.error.fieldErrors ?? {}).sort()).toEqual(['confirmPassphrase', 'passphrase', 'username']);
    }
    expect((await t.call('workspace.status')).state).toBe('none');
  });

  it('does not create a second workspace over the first', async () => {
    t = tempCore();
    await t.call('workspace.create', ADMIN);
    const r = await t.core.dispatch('workspace.create', ADMIN);
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });
});
