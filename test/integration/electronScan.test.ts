import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// CI runs the Electron configuration through electronegativity (scripts/electron-scan.mjs):
// no HIGH finding is allowed. The second test loosens a copy to show the scan fails then.

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const run = promisify(execFile);

type Scan = { code: number; report: { high: number; checks: number; unparsed: unknown[]; issues: Array<{ id: string; severity: string }> } };

async function scan(root?: string): Promise<Scan> {
  const argv = ['--import', 'tsx', 'scripts/electron-scan.mjs', '--json', ...(root ? ['--root', root] : [])];
  try {
    const { stdout } = await run(process.execPath, argv, { cwd: ROOT });
    return { code: 0, report: JSON.parse(stdout) };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    if (!failed.stdout) throw new Error(`the scan did not run: ${failed.stderr}`);
    return { code: failed.code, report: JSON.parse(failed.stdout) };
  }
}

describe('the Electron configuration scan', () => {
  let copy: string | undefined;
  afterEach(() => copy && rmSync(copy, { recursive: true, force: true }));

  it('finds no high-severity problem in the shell', async () => {
    const { code, report } = await scan();
    expect(report.checks).toBeGreaterThan(30);
    expect(report.unparsed).toEqual([]);
    expect(report.issues.filter((i) => i.severity === 'HIGH')).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);

  it('fails when a copy of the shell turns context isolation off', async () => {
    copy = mkdtempSync(join(tmpdir(), 'partnerdesk-scan-'));
    cpSync(join(ROOT, 'src-main/electron'), join(copy, 'src-main/electron'), { recursive: true });
    mkdirSync(join(copy, 'src-shared'), { recursive: true });
    cpSync(join(ROOT, 'src-shared/security.ts'), join(copy, 'src-shared/security.ts'));
    cpSync(join(ROOT, 'src-renderer/index.html'), join(copy, 'src-renderer/index.html'));
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    const config = join(copy, 'src-main/electron/windowConfig.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace('contextIsolation: true', 'contextIsolation: false'));

    const { code, report } = await scan(copy);
    expect(report.issues).toContainEqual(expect.objectContaining({ id: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH' }));
    expect(code).toBe(1);
  }, 60_000);
});
