import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PARTNERDESK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts the built browser host on a fresh (or given) workspace folder and reads its URL. */
export async function startHost(workspaceDir: string): Promise<{ url: string; origin: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/browser-host.js', '--workspace', workspaceDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/browser host: (\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`browser host exited (${code}): ${out}`)));
  });
  return { url, origin: new URL(url).origin, process: child };
}

export interface AppHandle {
  page: Page;
  browser: Browser;
  url: string;
  origin: string;
  dir: string;
  close(): Promise<void>;
}

export async function launchApp(opts: { dir?: string } = {}): Promise<AppHandle> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'partnerdesk-e2e-'));
  const host = await startHost(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage();
  await page.goto(host.url);
  return {
    page,
    browser,
    url: host.url,
    origin: host.origin,
    dir,
    async close() {
      await browser.close();
      host.process.kill('SIGTERM');
      await new Promise((r) => host.process.once('exit', r));
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
