import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/log';
import { launchApp, type AppHandle } from './support/app';
import { DraftsPage } from './pages/draftsPage';
import { UnlockPage } from './pages/workspacePages';

const MALICIOUS = `<!doctype html><html><head>
<meta http-equiv="refresh" content="0;url=http://evil.example/refresh">
<link rel="stylesheet" href="http://evil.example/style.css">
<base href="http://evil.example/">
</head><body>
<h1>Sponsored: the AllSet spring offer</h1>
<script>window.top.document.title = 'pwned'; parent.pwned = 'script'; fetch('http://evil.example/fetch');</script>
<img src="http://evil.example/remote.png" onerror="window.top.document.title = 'pwned-onerror'">
<img src="x" onerror="parent.pwned = 'onerror'">
<a href="javascript:parent.pwned='link'">Claim your offer</a>
<iframe src="http://evil.example/frame"></iframe>
<object data="http://evil.example/flash.swf"></object>
<div style="background: url(http://evil.example/bg.png)">Styled block</div>
<svg><image href="http://evil.example/svg.png"/></svg>
<form action="http://evil.example/post"><input name="q" autofocus onfocus="parent.pwned='focus'"></form>
<p>Our own platform, risk-free.</p>
</body></html>`;

const V1 = 'Partner offer from AllSet\nBookings guaranteed or your money back\nSign up today';
const V2 = 'Partner offer from AllSet\nMore bookings with less admin\nSign up today';

/**
 * A demo workspace with two drafts registered by a second person, Pat (a partnership manager):
 * the demo admin who signs in is a different user, so the maker-checker rule lets them approve.
 * Prepared through the core in this process, before the app starts on the same folder.
 */
async function workspaceWithDrafts(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'partnerdesk-e2e-drafts-'));
  const core = createCore({ workspaceDir: dir, log: silentLogger });
  const must = async (channel: string, input: unknown) => {
    const r = await core.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as any;
  };
  await must('workspace.createDemo', {});
  const session = core.context.session!;
  const pat = { id: randomUUID(), username: 'pat', displayName: 'Pat Manager', role: 'partnership_manager' as const };
  session.open.sqlite.prepare('INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, ?, ?, ?, ?)').run(pat.id, pat.username, pat.displayName, pat.role, new Date().toISOString());
  const admin = session.user;
  session.user = pat;
  const { partners } = await must('drafts.list', {});
  const partnerId = partners[0].id;
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  await must('drafts.register', { partnerId, title: 'Malicious promo', channel: 'landing_page', campaignStartsOn: '2030-01-01', files: [{ fileName: 'promo.html', mimeType: 'text/html', contentBase64: b64(MALICIOUS) }] });
  await must('drafts.register', { partnerId, title: 'Spring post', channel: 'social_post', campaignStartsOn: '2030-01-01', files: [{ fileName: 'post.txt', mimeType: 'text/plain', contentBase64: b64(V1) }] });
  session.user = admin;
  core.close();
  return dir;
}

describe('the marketing-draft review queue', () => {
  let app: AppHandle;
  let dir: string;
  afterEach(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openQueue() {
    dir = await workspaceWithDrafts();
    app = await launchApp({ dir });
    await new UnlockPage(app.page).unlock('demo', 'partnerdesk-demo');
    const drafts = new DraftsPage(app.page);
    await drafts.open();
    await expect.poll(() => drafts.rows().count(), { timeout: 20_000 }).toBeGreaterThan(1);
    return drafts;
  }

  it('shows a malicious HTML draft in the preview but runs none of its script and makes no request', async () => {
    const drafts = await openQueue();
    const { page, origin } = app;
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('about:') && !url.startsWith('blob:')) foreign.push(url);
    });
    const title = await page.title();

    await drafts.openDraft('Malicious promo');
    await expect.poll(() => drafts.preview('promo.html').getByRole('heading').textContent()).toBe('Sponsored: the AllSet spring offer');
    expect(await drafts.preview('promo.html').getByText('Claim your offer').count()).toBe(1);
    expect(await drafts.previewFrame('promo.html').getAttribute('sandbox')).toBe('');
    expect(await drafts.removedNotice().textContent()).toMatch(/^Removed for the preview: 1 script, 2 event handlers, 2 embedded frames, 3 remote resources, 1 link target/);
    // The checks ran on the text: the white-label and risk-free claims are flagged.
    expect((await drafts.findings('promo.html').allTextContents()).join('\n')).toMatch(/our own platform[\s\S]*risk-free|risk-free[\s\S]*our own platform/i);

    await drafts.preview('promo.html').getByText('Claim your offer').click();
    await page.waitForTimeout(1000);
    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    // The frame's document carries the no-script, no-network policy.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame!.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(await frame!.locator('script, iframe, object, img, form, input, svg, meta[http-equiv="refresh"], base, link').count()).toBe(0);
    expect(foreign).toEqual([]);
  });

  it('requests changes, takes version 2 with a diff, and approves it as a second user, recording its hash', async () => {
    const drafts = await openQueue();
    await drafts.openDraft('Spring post');
    await expect.poll(() => drafts.state().textContent()).toBe('Submitted');
    expect((await drafts.findings('post.txt').allTextContents()).join('\n')).toContain('guaranteed');

    await drafts.startReview();
    await expect.poll(() => drafts.state().textContent()).toBe('In review');
    await drafts.selectText('post.txt', 'guaranteed');
    await expect.poll(() => drafts.commentForm('post.txt').textContent()).toContain('On the selected text (characters 35–45)');
    await drafts.comment('post.txt', 'No guarantees, please');
    await expect.poll(() => drafts.comments('post.txt').allTextContents()).toEqual(['Demo admin on guaranteed: No guarantees, please']);
    await drafts.requestChanges('Drop the guarantee: seed 001 forbids misleading claims.');
    await expect.poll(() => drafts.state().textContent()).toBe('Changes requested');

    await drafts.resubmit({ name: 'post.txt', mimeType: 'text/plain', buffer: Buffer.from(V2) }, 'Guarantee removed');
    await expect.poll(() => drafts.state().textContent()).toBe('Submitted');
    expect(await drafts.diff().allTextContents()).toEqual([
      '  Partner offer from AllSet',
      '− Bookings guaranteed or your money back',
      '+ More bookings with less admin',
      '  Sign up today',
    ]);

    await drafts.startReview();
    await expect.poll(() => drafts.state().textContent()).toBe('In review');
    await drafts.tickChecklist();
    await drafts.approve();
    await expect.poll(() => drafts.state().textContent()).toBe('Approved');
    const fileSha = createHash('sha256').update(V2).digest('hex');
    const hash = createHash('sha256').update(`post.txt\u0000text/plain\u0000${fileSha}\n`).digest('hex');
    expect(await drafts.approvedHash().textContent()).toBe(hash);
    expect(await drafts.error().count()).toBe(0);
  });
});
