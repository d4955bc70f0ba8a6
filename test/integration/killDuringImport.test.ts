import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChainReport } from '../../src-shared/audit/contract';
import type { WorkspaceInfo } from '../../src-shared/workspace/contract';
import { workspacePaths } from '../../src-main/core/workspace/files';
import { ADMIN, tempCore } from '../support/tempWorkspace';

// A laptop that loses power in the middle of a big import: the process dies with no
// cleanup (SIGKILL), mid-transaction. Reopened, the workspace passes its integrity check
// and holds either the whole import or none of it — never half a file.

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const ROWS = 40_000;

/** An importer in its own process: signs in, says "committing", imports the file, says "done". */
const IMPORTER = `
import { readFileSync } from 'node:fs';
import { createCore } from ${JSON.stringify(`${ROOT}/src-main/core/index.ts`)};
import { silentLogger } from ${JSON.stringify(`${ROOT}/src-main/core/log.ts`)};
const core = createCore({ workspaceDir: process.env.IMPORT_DIR, log: silentLogger });
const signedIn = await core.dispatch('workspace.unlock', { username: process.env.IMPORT_USER, passphrase: process.env.IMPORT_PASSPHRASE });
if (!signedIn.ok) { console.log(JSON.stringify({ fatal: signedIn.error })); process.exit(1); }
const csv = readFileSync(process.env.IMPORT_FILE, 'utf8');
console.log('committing');
const r = await core.dispatch('imports.commit', { kind: 'partners', csv });
console.log(r.ok ? 'done' : JSON.stringify({ fatal: r.error }));
core.close();
`;

function partnersCsv(rows: number): string {
  const lines = ['company,programme,format,contact_name,contact_email,country,focus_market'];
  for (let i = 0; i < rows; i++) lines.push(`Partner ${String(i).padStart(6, '0')} Ltd,aloware,lead_referral,Contact ${i},contact${i}@partner${i}.example,US,US dental clinics and small practices`);
  return `${lines.join('\n')}\n`;
}

describe('a process killed during an import', () => {
  let t: ReturnType<typeof tempCore>;
  afterEach(() => t?.cleanup());

  it('leaves a consistent workspace: the integrity check passes and the import is all there or not at all', async () => {
    t = tempCore();
    await t.call('workspace.create', ADMIN);
    t.core.context.session!.open.sqlite.prepare("INSERT INTO programmes (id, code, name, currency) VALUES ('prog-aloware', 'aloware', 'Aloware partners', 'USD')").run();
    const file = join(t.dir, 'partners.csv');
    writeFileSync(file, partnersCsv(ROWS));
    t.core.close();

    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', IMPORTER], {
      cwd: ROOT,
      env: { ...process.env, IMPORT_DIR: t.dir, IMPORT_USER: ADMIN.username, IMPORT_PASSPHRASE: ADMIN.passphrase, IMPORT_FILE: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const said: string[] = [];
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const committing = new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        said.push(line);
        if (line === 'committing') resolve();
      });
      child.on('exit', () => reject(new Error(`the importer stopped before committing: ${said.join('\n')}${stderr}`)));
    });
    await committing;

    // The transaction's pages spill into the write-ahead log as it goes: once the log has
    // grown by a few MiB, the import is writing and has not committed. Then pull the plug.
    const wal = `${workspacePaths(t.dir).db}-wal`;
    const walSize = () => (existsSync(wal) ? statSync(wal).size : 0);
    const start = walSize();
    while (walSize() < start + 4 * 1024 * 1024 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(said).not.toContain('done');

    await t.call('workspace.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const info = await t.call<WorkspaceInfo>('workspace.info');
    expect(info.integrity).toBe('ok');
    const sqlite = t.core.context.session!.open.sqlite;
    const imported = sqlite.prepare("SELECT count(*) FROM partners WHERE programme_id = 'prog-aloware'").pluck().get() as number;
    const audits = sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'imports.commit'").pluck().get();
    // Killed before the commit: nothing of the file, and no audit entry claiming it.
    expect([imported, audits]).toEqual([0, 0]);
    expect(await t.call<ChainReport>('audit.verify')).toMatchObject({ intact: true });

    // The workspace works on: the same file imports whole.
    const again = await t.call<{ counts: { new: number } }>('imports.commit', { kind: 'partners', csv: partnersCsv(ROWS) });
    expect(again.counts.new).toBe(ROWS);
    expect(sqlite.prepare("SELECT count(*) FROM partners WHERE programme_id = 'prog-aloware'").pluck().get()).toBe(ROWS);
  }, 120_000);
});
