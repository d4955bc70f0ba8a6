import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../../core';
import { fileLogger } from '../../core/log';
import { defaultWorkspaceDir } from '../paths';
import { startBrowserHost } from './server';
import { warmUpKdf } from '../../core/workspace/keyring';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Entry point of `npm run start:browser`: the core and the built renderer on 127.0.0.1. */
async function main() {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      port: { type: 'string', default: '0' },
      open: { type: 'boolean', default: false },
    },
  });
  const workspaceDir = resolve(values.workspace ?? defaultWorkspaceDir());
  const rendererDir = process.env.PARTNERDESK_RENDERER_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (no ${rendererDir}/index.html). Run "npm run build" first.`);
    process.exit(1);
  }
  const core = createCore({ workspaceDir, log: fileLogger(workspaceDir) });
  void warmUpKdf();
  const host = await startBrowserHost({ core, rendererDir, port: Number(values.port) });
  console.log(`Partnerdesk browser host: ${host.url}`);
  console.log(`Workspace folder: ${workspaceDir}`);

  const chromium = CHROMIUM_CANDIDATES.find(existsSync);
  if (values.open && chromium) {
    const profile = mkdtempSync(join(tmpdir(), 'partnerdesk-chromium-'));
    const child = spawn(chromium, [`--app=${host.url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'], {
      stdio: 'ignore',
      detached: true,
    });
    child.unref();
    console.log(`Opened in ${chromium} (app mode).`);
  } else if (values.open) {
    console.log('No Chromium found: open the address above in a browser.');
  }

  const shutdown = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
