import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/program';
import { workspacePaths } from '../../src-main/core/workspace/files';
import { openEncrypted } from '../../src-main/db/open';
import type { AuditRow, ChainReport } from '../../src-shared/audit/contract';
import { ADMIN, tempCore } from '../support/tempWorkspace';

// Every change, sign-in and export is in the audit trail, hash-chained: an entry edited,
// removed or moved around the database's own guards is found, and named, by verify.

let t: ReturnType<typeof tempCore>;
const sqlite = () => t.core.context.session!.open.sqlite;
const verify = () => t.call<ChainReport>('audit.verify');
const ids = () => sqlite().prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** A second window or command: its own process and connection, adding partners as fast as it can. */
const WRITER = `
import { createCore } from ${JSON.stringify(`${ROOT}/src-main/core/index.ts`)};
import { silentLogger } from ${JSON.stringify(`${ROOT}/src-main/core/log.ts`)};
const core = createCore({ workspaceDir: process.env.W_DIR, log: silentLogger });
const signedIn = await core.dispatch('workspace.unlock', { username: process.env.W_USER, passphrase: process.env.W_PASSPHRASE });
if (!signedIn.ok) { console.error(JSON.stringify(signedIn.error)); process.exit(1); }
for (let i = 0; i < 15; i++) {
  const r = await core.dispatch('partners.create', { company: process.env.W_NAME + ' ' + i, programmeId: process.env.W_PROGRAMME, format: 'affiliate', country: 'US', contactName: 'C', contactEmail: 'c@x.example' });
  if (!r.ok) { console.error(JSON.stringify(r.error)); process.exit(1); }
}
core.close();
`;

function writer(name: string, programmeId: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WRITER], {
    cwd: ROOT,
    env: { ...process.env, W_DIR: t.dir, W_USER: ADMIN.username, W_PASSPHRASE: ADMIN.passphrase, W_NAME: name, W_PROGRAMME: programmeId },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${name} failed: ${stderr}`)))));
}

/** What someone with the key and a SQLite shell could do: remove the guards, then change rows. */
function tamper(sql: string) {
  sqlite().exec(`DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; ${sql}`);
}

beforeEach(async () => {
  t = tempCore();
  await t.call('workspace.create', ADMIN);
  const programmeId = randomUUID();
  sqlite().prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'aloware', 'Aloware partners', 'USD')").run(programmeId);
  for (const company of ['Northwind', 'Dialwise', 'Bookly', 'Pipeline Partners']) {
    await t.call('partners.create', { company, programmeId, format: 'affiliate', country: 'US', contactName: 'C', contactEmail: 'c@x.example' });
  }
});
afterEach(() => t?.cleanup());

describe('the audit trail hash chain', () => {
  it('links every entry to the one before it, and verify says the chain is intact', async () => {
    const rows = sqlite().prepare('SELECT id, prev_hash AS prevHash, hash FROM audit_log ORDER BY id').all() as Array<{ id: number; prevHash: string; hash: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const report = await verify();
    expect(report).toMatchObject({ intact: true, entries: rows.length, firstBadId: null, problem: null, guardsMissing: [] });
    expect(report.message).toMatch(/intact/);
    expect(report.head).toEqual({ id: rows.at(-1)!.id, hash: rows.at(-1)!.hash });
  });

  it('the database refuses to change or remove an audit entry', () => {
    expect(() => sqlite().prepare("UPDATE audit_log SET detail = '{}' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => sqlite().prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
  });

  it('an edited entry is named', async () => {
    tamper(`UPDATE audit_log SET detail = '{"company":"Someone else"}' WHERE id = 4`);
    expect(await verify()).toMatchObject({ intact: false, firstBadId: 4, problem: 'altered', entries: 3 });
  });

  it('an edit whose hash was recomputed still breaks the link of the next entry', async () => {
    const row = sqlite().prepare('SELECT * FROM audit_log WHERE id = 4').get() as Record<string, string | number | null>;
    const { chainHash } = await import('../../src-main/core/audit/chain');
    const detail = '{"company":"Someone else"}';
    const forged = chainHash(String(row.prev_hash), { id: 4, at: String(row.at), userId: row.user_id as string, action: String(row.action), entity: String(row.entity), entityId: row.entity_id as string, detail });
    tamper(`UPDATE audit_log SET detail = '${detail}', hash = '${forged}' WHERE id = 4`);
    const report = await verify();
    expect(report).toMatchObject({ intact: false, firstBadId: 5, problem: 'broken_link' });
    expect(report.message).toMatch(/#5 does not follow the entry before it/);
  });

  it('a removed entry is named by its id', async () => {
    tamper('DELETE FROM audit_log WHERE id = 3');
    const report = await verify();
    expect(report).toMatchObject({ intact: false, firstBadId: 3, problem: 'missing', entries: 2 });
    expect(report.message).toBe('Audit entry #3 is missing: the trail jumps from #2 to #4.');
  });

  it('two entries swapped are found at the first of them', async () => {
    tamper('UPDATE audit_log SET id = -1 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = 4; UPDATE audit_log SET id = 4 WHERE id = -1;');
    expect(await verify()).toMatchObject({ intact: false, firstBadId: 3, problem: 'broken_link' });
  });

  it('entries cut off the end are found through the id counter and the recorded head', async () => {
    const last = ids().at(-1)!;
    tamper(`DELETE FROM audit_log WHERE id >= ${last - 1}`);
    const report = await verify();
    expect(report).toMatchObject({ intact: false, firstBadId: last - 1, problem: 'truncated' });
    expect(report.message).toBe(`Audit entries #${last - 1} to #${last} were removed from the end of the trail.`);
    expect(report.notes.join(' ')).toMatch(/best effort/);
  });

  it('an entry written around the app (no hash) is named, not quietly sealed at the next open', async () => {
    tamper("INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES ('2026-01-07T09:00:00.000Z', NULL, 'partner.delete', 'partner', 'x', '{}')");
    const forged = ids().at(-1)!;
    await t.call('workspace.lock', {});
    await t.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await verify()).toMatchObject({ intact: false, firstBadId: forged, problem: 'unsealed' });
  });

  it('reports the guards someone removed', async () => {
    tamper('');
    expect((await verify()).guardsMissing).toEqual(['audit_log_no_update', 'audit_log_no_delete']);
  });

  it('entries from before the chain existed are sealed once at open, and the chain then holds', async () => {
    // A workspace written by a version without the chain: no hashes, no recorded head.
    const key = Buffer.from(t.core.context.session!.key);
    await t.call('workspace.lock', {});
    const old = openEncrypted(workspacePaths(t.dir).db, key, { create: false });
    old.sqlite.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET hash = NULL, prev_hash = NULL; DELETE FROM workspace_meta WHERE key = 'audit_head';`);
    old.sqlite.exec(readFileSync('resources/db/migrations/0007_append_only_ledger_audit.sql', 'utf8').replaceAll('--> statement-breakpoint', ''));
    old.close();
    await t.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(sqlite().prepare('SELECT count(*) FROM audit_log WHERE hash IS NULL').pluck().get()).toBe(0);
    expect(await verify()).toMatchObject({ intact: true, entries: ids().length });
  });

  it('lists entries newest first, filtered and paged, with who did them', async () => {
    const page = await t.call<{ rows: AuditRow[]; total: number }>('audit.list', { action: 'partner.create', limit: 3 });
    expect(page.total).toBe(4);
    expect(page.rows).toHaveLength(3);
    expect(page.rows[0]!.id).toBeGreaterThan(page.rows[1]!.id);
    expect(page.rows[0]).toMatchObject({ action: 'partner.create', entity: 'partner', userName: ADMIN.displayName });
    const next = await t.call<{ rows: AuditRow[] }>('audit.list', { action: 'partner.create', limit: 3, offset: 3 });
    expect(next.rows).toHaveLength(1);
    const found = await t.call<{ rows: AuditRow[]; total: number }>('audit.list', { search: 'dialwise' });
    expect(found.rows.map((r) => JSON.parse(r.detail).company ?? JSON.parse(r.detail).after?.company)).toContain('Dialwise');
    const facets = await t.call<{ actions: string[] }>('audit.facets');
    expect(facets.actions).toEqual(expect.arrayContaining(['partner.create', 'session.sign_in', 'workspace.create']));
  });

  it('two processes writing at the same moment extend one chain, never fork it', async () => {
    const programmeId = sqlite().prepare('SELECT id FROM programmes').pluck().get() as string;
    t.core.close();
    await Promise.all([writer('Alpha', programmeId), writer('Bravo', programmeId)]);
    await t.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(sqlite().prepare("SELECT count(*) FROM audit_log WHERE action = 'partner.create'").pluck().get()).toBe(4 + 30);
    expect(await verify()).toMatchObject({ intact: true, entries: ids().length });
  }, 60_000);

  it('partnerdesk audit verify exits 0 when intact, 1 naming the first bad entry when not', async () => {
    const run = async () => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['-w', t.dir, 'audit', 'verify', '--user', ADMIN.username], { out: (l) => out.push(l), err: (l) => err.push(l), env: { PARTNERDESK_PASSPHRASE: ADMIN.passphrase } });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const good = await run();
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/The audit trail is intact/);
    tamper("UPDATE audit_log SET action = 'partner.archive' WHERE id = 5");
    const bad = await run();
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/First bad entry: #5 \(altered\)/);
    expect(bad.err).toMatch(/broken at entry #5/);
  });
});
