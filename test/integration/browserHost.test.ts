import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/log';
import { startBrowserHost, type BrowserHost } from '../../src-main/host/browser/server';

/** Raw HTTP, so the test controls every header (fetch would set Origin and Host itself). */
function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('the loopback browser host', () => {
  let dir: string;
  let core: Core;
  let host: BrowserHost;
  let rpc: (channel: string, headers: Record<string, string>, body?: string) => ReturnType<typeof send>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'partnerdesk-host-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Partnerdesk</title>');
    core = createCore({ workspaceDir: join(dir, 'ws'), log: silentLogger });
    host = await startBrowserHost({ core, rendererDir });
    rpc = (channel, headers, body = '{}') => send(`${host.origin}/rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  });
  afterAll(async () => {
    await host.close();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the page only with the session token, with a strict CSP', async () => {
    expect((await send(`${host.origin}/`, {})).status).toBe(403);
    expect((await send(`${host.origin}/?token=wrong`, {})).status).toBe(403);
    const ok = await send(host.url, {});
    expect(ok.status).toBe(200);
    expect(String(ok.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('answers a call with the right origin and token', async () => {
    const r = await rpc('workspace.status', { origin: host.origin, 'x-partnerdesk-token': host.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { state: 'none' } });
  });

  it('refuses a call from another origin, without the token, or for another host name', async () => {
    expect((await rpc('workspace.status', { origin: 'http://evil.example', 'x-partnerdesk-token': host.token })).status).toBe(403);
    expect((await rpc('workspace.status', { origin: host.origin })).status).toBe(401);
    expect((await rpc('workspace.status', { origin: host.origin, 'x-partnerdesk-token': host.token, host: 'attacker.example' })).status).toBe(421);
  });

  it('turns malformed JSON and unknown channels into error values', async () => {
    const bad = await rpc('workspace.status', { origin: host.origin, 'x-partnerdesk-token': host.token }, '{not json');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const unknown = await rpc('nope.nothing', { origin: host.origin, 'x-partnerdesk-token': host.token });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await send(`${host.origin}/..%2f..%2fws%2fworkspace.keys.json`, {});
    expect(r.status).toBe(404);
  });
});
