import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Core } from '../../core';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security';
import { serveExport } from './exportDownload';

export interface BrowserHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

// Imports accept files up to 20 MiB, which travel as a JSON string (escapes grow them a little).
const MAX_BODY = 32 * 1024 * 1024;
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The same app as the Electron window, served on 127.0.0.1 only, for end-to-end tests and
 * for machines without an Electron binary. A random token in the URL opens the page; every
 * call must carry it, come from this exact origin and name this exact host (which also
 * defeats DNS rebinding), so other sites and other local users' pages cannot drive the core.
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  let host = '';

  const send = (res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, {
      'content-type': type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    res.end(body);
  };

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string) {
    const rel = path === '/' ? 'index.html' : decodeURIComponent(path.slice(1));
    const file = normalize(join(opts.rendererDir, rel));
    if (!file.startsWith(normalize(opts.rendererDir) + sep)) return send(res, 404, 'Not found');
    try {
      const body = await readFile(file);
      send(res, 200, body, types[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(res, 404, 'Not found');
    }
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) throw new Error('too large');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.headers.host !== host) return send(res, 421, 'Wrong host');
      const url = new URL(req.url ?? '/', origin);
      if (req.method === 'GET') {
        if (url.pathname.startsWith('/exports/')) return serveExport(opts.core, req, res, url, (t) => same(t, token));
        // The page itself opens only with the token; its assets are the public build output.
        if (url.pathname === '/' && !same(url.searchParams.get('token') ?? '', token)) {
          return send(res, 403, 'Open Partnerdesk with the address the host printed (it carries a session token).');
        }
        return serveStatic(req, res, url.pathname);
      }
      if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
        if (req.headers.origin !== origin) return send(res, 403, 'Cross-origin calls are refused');
        if (!same(String(req.headers['x-partnerdesk-token'] ?? ''), token)) return send(res, 401, 'Missing or wrong session token');
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send JSON');
        let input: unknown;
        try {
          input = JSON.parse(await readBody(req));
        } catch {
          const error = { kind: 'validation', message: 'The request was not valid JSON, or larger than 32 MiB.' };
          return send(res, 200, JSON.stringify({ ok: false, error }), 'application/json');
        }
        const result = await opts.core.dispatch(decodeURIComponent(url.pathname.slice('/rpc/'.length)), input);
        return send(res, 200, JSON.stringify(result), 'application/json');
      }
      send(res, 405, 'Method not allowed');
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'Internal error');
      opts.core.context.log.error('browser host request failed', e);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The browser host did not get a port');
  host = `127.0.0.1:${address.port}`;
  origin = `http://${host}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
