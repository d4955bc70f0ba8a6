import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../src-shared/security';
import type { Core } from '../../core';
import { exportFile } from '../../core/reports/files';

// GET /exports/<file>?token=…: a finished export from the workspace's exports folder, as a
// download. The token is the page's session token (a link cannot carry a header); the
// name is looked up in the exports folder only (no separators, no links, no partial
// files); the workspace must be unlocked; and a request another site's page started
// (Sec-Fetch-Site cross-site or same-site) is refused.

const types: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
};

const headers = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export function serveExport(core: Core, req: IncomingMessage, res: ServerResponse, url: URL, tokenOk: (t: string) => boolean): void {
  const refuse = (status: number, text: string) => {
    res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    res.end(text);
  };
  if (!tokenOk(url.searchParams.get('token') ?? '')) return refuse(401, 'Missing or wrong session token');
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(403, 'Downloads are served to Partnerdesk only');
  if (!core.context.session) return refuse(403, 'Unlock the workspace to download its exports');
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice('/exports/'.length));
  } catch {
    return refuse(404, 'Not found');
  }
  const file = exportFile(core.context.workspaceDir, name);
  if (!file) return refuse(404, 'Not found');
  res.writeHead(200, {
    ...headers,
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-length': String(statSync(file).size),
    'content-disposition': `attachment; filename="${name}"`,
  });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
