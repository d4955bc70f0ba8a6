import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/log';
import { settledExport } from '../../src-main/core/reports/jobs';
import { exportsDir } from '../../src-main/core/reports/files';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/browser/server';
import type { ExportJob } from '../../src-shared/reports/contract';

// The browser host hands a finished export to the page as a download: with the session
// token, from the exports folder only, while the workspace is unlocked, and not to a page
// of another site.

function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }>((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

let dir: string;
let core: Core;
let host: BrowserHost;
let job: ExportJob;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partnerdesk-host-exports-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Partnerdesk</title>');
  core = createCore({ workspaceDir: join(dir, 'ws'), log: silentLogger, now: () => new Date('2026-05-14T10:00:00Z') });
  await core.dispatch('workspace.createDemo', {});
  host = await startBrowserHost({ core, rendererDir });
  const started = await core.dispatch('reports.exportStart', { query: { report: 'partners', filters: {} }, format: 'csv' });
  if (!started.ok) throw new Error(started.error.message);
  job = await settledExport(core.context, (started.value as ExportJob).jobId);
});
afterAll(async () => {
  await host.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (path: string, token = host.token) => `${host.origin}${path}?token=${encodeURIComponent(token)}`;

describe('downloading an export from the browser host', () => {
  it('serves the finished file as an attachment with the session token', async () => {
    const r = await get(url(job.download!), { 'sec-fetch-site': 'same-origin' });
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="${job.fileName}"`);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body.toString('utf8').split('\r\n')[0]).toBe('Company,Programme,Format,Status,Contact e-mail,Country,Registered,Customers,Stripe');
  });

  it('refuses a missing or wrong token, and a request from another site', async () => {
    expect((await get(`${host.origin}${job.download}`)).status).toBe(401);
    expect((await get(url(job.download!, 'not-the-token'))).status).toBe(401);
    expect((await get(url(job.download!), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('serves nothing outside the exports folder, no partial file and no link', async () => {
    writeFileSync(join(dir, 'ws', 'secret.txt'), 'not an export');
    writeFileSync(join(exportsDir(join(dir, 'ws')), 'half.csv.part'), 'a,b');
    symlinkSync(join(dir, 'ws', 'secret.txt'), join(exportsDir(join(dir, 'ws')), 'link.csv'));
    for (const path of ['/exports/..%2Fsecret.txt', '/exports/%2E%2E%2Fworkspace.keys.json', '/exports/half.csv.part', '/exports/link.csv', '/exports/', '/exports/nothing.csv']) {
      expect((await get(url(path))).status, path).toBe(404);
    }
  });

  it('serves nothing while the workspace is locked', async () => {
    await core.dispatch('workspace.lock', {});
    expect((await get(url(job.download!))).status).toBe(403);
  });
});
