import { randomUUID } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/program';
import { appendManifest, readManifest } from '../../src-main/core/backup/format';
import { workspacePaths } from '../../src-main/core/workspace/files';
import { openEncrypted } from '../../src-main/db/open';
import type { BackupRow } from '../../src-shared/backup/contract';
import { ADMIN, tempCore } from '../support/tempWorkspace';

let t: ReturnType<typeof tempCore>;
const extra: string[] = [];
afterEach(() => {
  t?.cleanup();
  for (const d of extra.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'partnerdesk-backup-'));
  extra.push(d);
  return d;
};

const sqlite = () => t.core.context.session!.open.sqlite;
const unlock = () => t.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
const companies = () => sqlite().prepare('SELECT company FROM partners ORDER BY company').pluck().all() as string[];
const restore = (file: string, passphrase = ADMIN.passphrase) => t.core.dispatch('backup.restore', { file, username: ADMIN.username, passphrase });

async function workspaceWithPartners(names: string[], core = t, workspaceName = ADMIN.workspaceName) {
  await core.call('workspace.create', { ...ADMIN, workspaceName });
  const programmeId = randomUUID();
  core.core.context.session!.open.sqlite.prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'aloware', 'Aloware partners', 'USD')").run(programmeId);
  for (const company of names) await core.call('partners.create', { company, programmeId, format: 'affiliate', country: 'US', contactName: 'C', contactEmail: 'c@x.example' });
  return programmeId;
}

/** The files of a workspace folder, byte for byte. */
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => f.startsWith('workspace.')).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

describe('encrypted backups', () => {
  it('round trip: a backup restored over later changes brings the workspace back, and keeps the replaced file', async () => {
    t = tempCore();
    const programmeId = await workspaceWithPartners(['Northwind Resellers', 'Dialwise']);
    const backup = await t.call<BackupRow>('backup.create');
    expect(backup).toMatchObject({ reason: 'manual', ofThisWorkspace: true, workspaceName: ADMIN.workspaceName });
    expect(backup.file.startsWith(join(t.dir, 'backups'))).toBe(true);
    // Encrypted: no partner name in the file, only the manifest's workspace name in clear.
    expect(readFileSync(backup.file).includes('Northwind Resellers')).toBe(false);

    await t.call('partners.create', { company: 'Added After Backup', programmeId, format: 'affiliate', country: 'US', contactName: 'C', contactEmail: 'c@x.example' });
    expect((await restore(backup.file)).ok).toBe(false); // not while the workspace is open
    await t.call('workspace.lock', {});
    const r = await t.call<{ replacedFile: string; backupCreatedAt: string }>('backup.restore', { file: backup.file, username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(r.backupCreatedAt).toBe(backup.createdAt);
    expect(basename(r.replacedFile)).toMatch(/^workspace\.pdx\.\d{8}T\d{6}Z\.before-restore$/);

    await unlock();
    expect(companies()).toEqual(['Dialwise', 'Northwind Resellers']);
    expect(sqlite().prepare("SELECT count(*) FROM audit_log WHERE action = 'backup.restore'").pluck().get()).toBe(1);
    expect(await t.call('audit.verify')).toMatchObject({ intact: true });
    expect(await t.call('workspace.info')).toMatchObject({ integrity: 'ok' });

    // The replaced database is whole and still opens with the workspace key.
    const key = Buffer.from(t.core.context.session!.key);
    const replaced = openEncrypted(r.replacedFile, key, { create: false });
    expect(replaced.sqlite.prepare("SELECT count(*) FROM partners WHERE company = 'Added After Backup'").pluck().get()).toBe(1);
    replaced.close();
  });

  it('lists the backups newest first, for the lock screen too', async () => {
    t = tempCore();
    let clock = Date.parse('2026-01-07T09:00:00Z');
    t.core.context.now = () => new Date(clock);
    await workspaceWithPartners(['Northwind']);
    const first = await t.call<BackupRow>('backup.create');
    clock += 60_000;
    const second = await t.call<BackupRow>('backup.create');
    // Two in the same second get distinct names.
    const third = await t.call<BackupRow>('backup.create');
    expect(third.name).toBe(second.name.replace('.pdxbackup', '-2.pdxbackup'));
    await t.call('workspace.lock', {});
    const listed = await t.call<{ backups: BackupRow[] }>('backup.list');
    expect(listed.backups.map((b) => b.name)).toEqual([third.name, second.name, first.name]);
  });

  it('a backup of another workspace is refused with a clear message, and nothing changes', async () => {
    const other = tempCore();
    await workspaceWithPartners(['Someone Else'], other, 'Globex partners');
    const foreign = await other.call<BackupRow>('backup.create');
    const copy = join(tempDir(), 'foreign.pdxbackup');
    copyFileSync(foreign.file, copy);
    other.cleanup();

    t = tempCore();
    await workspaceWithPartners(['Northwind']);
    await t.call('workspace.lock', {});
    const before = snapshot(t.dir);
    const r = await restore(copy);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ kind: 'conflict' });
    expect(!r.ok && r.error.message).toMatch(/This backup is of the workspace "Globex partners", not of "Acme partnerships" in .*\. Its key file cannot open it/);
    expect(snapshot(t.dir)).toEqual(before);
  });

  it('a backup whose manifest claims this workspace but whose database is another’s cannot be decrypted: clear error, nothing changes', async () => {
    const other = tempCore();
    await workspaceWithPartners(['Someone Else'], other);
    const foreign = await other.call<BackupRow>('backup.create');
    t = tempCore();
    await workspaceWithPartners(['Northwind']);
    const mine = readManifest((await t.call<BackupRow>('backup.create')).file);
    // Graft the other workspace's encrypted database under this workspace's manifest.
    const forged = join(tempDir(), 'forged.pdxbackup');
    const m = readManifest(foreign.file);
    writeFileSync(forged, readFileSync(foreign.file).subarray(0, m.database.bytes));
    appendManifest(forged, { ...mine, database: m.database });
    other.cleanup();

    await t.call('workspace.lock', {});
    const before = snapshot(t.dir);
    const r = await restore(forged);
    expect(!r.ok && r.error).toMatchObject({ kind: 'corrupt' });
    expect(!r.ok && r.error.message).toBe("The backup cannot be decrypted with this workspace's key: it belongs to another workspace or is damaged. Nothing was changed.");
    expect(snapshot(t.dir)).toEqual(before);
    expect(readdirSync(t.dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('a damaged backup, a wrong passphrase and a file that is no backup are refused before anything is replaced', async () => {
    t = tempCore();
    await workspaceWithPartners(['Northwind']);
    const backup = await t.call<BackupRow>('backup.create');
    await t.call('workspace.lock', {});
    const before = snapshot(t.dir);

    const damaged = join(tempDir(), 'damaged.pdxbackup');
    const bytes = readFileSync(backup.file);
    bytes[5000] = bytes[5000]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const a = await restore(damaged);
    expect(!a.ok && a.error.message).toMatch(/is damaged: its database does not match the checksum/);

    const b = await restore(backup.file, 'not the passphrase');
    expect(!b.ok && b.error).toMatchObject({ kind: 'wrong_passphrase' });

    const c = await restore(workspacePaths(t.dir).keys);
    expect(!c.ok && c.error.message).toMatch(/is not a Partnerdesk backup/);
    expect(snapshot(t.dir)).toEqual(before);
  });

  it('restores into an empty folder from the backup alone (the key file travels inside it)', async () => {
    t = tempCore();
    await workspaceWithPartners(['Northwind', 'Dialwise']);
    const backup = await t.call<BackupRow>('backup.create');
    const copy = join(tempDir(), 'copy.pdxbackup');
    copyFileSync(backup.file, copy);
    t.cleanup();
    const lost = tempDir();

    t = tempCore({ dir: lost });
    expect((await restore(copy)).ok).toBe(true);
    await unlock();
    expect(companies()).toEqual(['Dialwise', 'Northwind']);
  });

  it('refuses while another connection (a window, a command) has the workspace open', async () => {
    t = tempCore();
    await workspaceWithPartners(['Northwind']);
    const backup = await t.call<BackupRow>('backup.create');
    const key = Buffer.from(t.core.context.session!.key);
    await t.call('workspace.lock', {});
    const elsewhere = openEncrypted(workspacePaths(t.dir).db, key, { create: false });
    elsewhere.sqlite.prepare('SELECT count(*) FROM partners').get();
    try {
      const r = await restore(backup.file);
      expect(!r.ok && r.error.message).toMatch(/open in another Partnerdesk window or command/);
    } finally {
      elsewhere.close();
    }
    expect((await restore(backup.file)).ok).toBe(true);
  });

  it('takes a backup automatically before a migration, and migrates nothing when it cannot', async () => {
    t = tempCore();
    await workspaceWithPartners(['Northwind']);
    const applied = sqlite().prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
    const key = Buffer.from(t.core.context.session!.key);
    await t.call('workspace.lock', {});

    // The next version of the app: the same migrations plus one this workspace lacks.
    const folder = join(tempDir(), 'migrations');
    cpSync('resources/db/migrations', folder, { recursive: true });
    const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_probe' });
    writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    writeFileSync(join(folder, '9999_probe.sql'), 'CREATE TABLE `backup_probe` (`x` integer);');
    const probe = () => sqlite().prepare("SELECT count(*) FROM sqlite_master WHERE name = 'backup_probe'").pluck().get();
    process.env.PARTNERDESK_MIGRATIONS = folder;
    try {
      // No room for the backup (the backups "folder" is a file): the open stops, nothing migrated.
      writeFileSync(join(t.dir, 'backups'), 'in the way');
      const refused = await t.core.dispatch('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      expect(!refused.ok && refused.error.message).toMatch(/needs to update the workspace, and could not save a backup of it first .* Nothing was changed/);
      rmSync(join(t.dir, 'backups'));

      await unlock();
      expect(probe()).toBe(1);
      const auto = readdirSync(join(t.dir, 'backups'));
      expect(auto).toHaveLength(1);
      expect(auto[0]).toMatch(/-before-migration\.pdxbackup$/);
      const manifest = readManifest(join(t.dir, 'backups', auto[0]!));
      expect(manifest).toMatchObject({ reason: 'before_migration', migrations: { applied, pending: ['9999_probe'] } });
      const entry = sqlite().prepare("SELECT detail FROM audit_log WHERE action = 'backup.create'").pluck().get() as string;
      expect(JSON.parse(entry)).toMatchObject({ reason: 'before_migration', migrations: ['9999_probe'] });

      // The backup is the workspace as it was before the migration.
      const extracted = join(tempDir(), 'before.pdx');
      writeFileSync(extracted, readFileSync(join(t.dir, 'backups', auto[0]!)).subarray(0, manifest.database.bytes));
      const before = openEncrypted(extracted, key, { create: false });
      expect(before.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'backup_probe'").pluck().get()).toBe(0);
      expect(before.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(applied);
      before.close();

      // Opening again finds nothing to migrate and takes no second backup.
      await t.call('workspace.lock', {});
      await unlock();
      expect(readdirSync(join(t.dir, 'backups'))).toHaveLength(1);
    } finally {
      delete process.env.PARTNERDESK_MIGRATIONS;
    }
  });

  it('partnerdesk backup create --out DIR and backup restore FILE', async () => {
    t = tempCore();
    await workspaceWithPartners(['Northwind']);
    t.core.close();
    const out = tempDir();
    const env = { PARTNERDESK_PASSPHRASE: ADMIN.passphrase };
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), env };
    expect(await runCli(['-w', t.dir, 'backup', 'create', '--user', ADMIN.username, '--out', out], io)).toBe(0);
    const [file] = readdirSync(out);
    expect(file).toMatch(/^acme-partnerships-\d{8}-\d{6}\.pdxbackup$/);
    expect(lines.join('\n')).toContain(`Backup written: ${join(out, file!)}`);
    expect(await runCli(['-w', t.dir, 'backup', 'restore', join(out, file!), '--user', ADMIN.username], io)).toBe(0);
    expect(lines.join('\n')).toMatch(/Restored "Acme partnerships" as it was at .*\nThe database it replaced is kept as .*\.before-restore$/);
    expect(existsSync(workspacePaths(t.dir).db)).toBe(true);
    await unlock();
    expect(companies()).toEqual(['Northwind']);
  });
});
