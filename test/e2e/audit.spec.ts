import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHandle } from './support/app';
import { AuditPanelPage, BackupPanelPage, RestorePage } from './pages/auditPages';
import { ShellPage, UnlockPage, WelcomePage } from './pages/workspacePages';

const PASS = 'a long enough passphrase';

describe('audit trail and backups in Settings', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('verify says the chain is intact; a backup taken in Settings restores from the lock screen', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).createWorkspace({ workspaceName: 'Acme partners', displayName: 'Ada Admin', username: 'ada', passphrase: PASS });
    await page.getByRole('button', { name: 'I have saved it' }).click();
    const shell = new ShellPage(page);
    await shell.go('Settings');

    const audit = new AuditPanelPage(page);
    await expect.poll(() => audit.rows().count()).toBeGreaterThanOrEqual(2);
    expect(await audit.rows().allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('workspace.create'), expect.stringContaining('session.sign_in')]));
    await audit.verifyChain();
    await expect.poll(() => audit.verifyResult().textContent()).toMatch(/The audit trail is intact: \d+ entries, each linked to the one before it\./);

    const backups = new BackupPanelPage(page);
    await backups.backUpNow();
    await expect.poll(() => backups.written().textContent()).toMatch(/Backup written: acme-partners-\d{8}-\d{6}\.pdxbackup/);
    expect(await backups.rows().count()).toBe(1);
    expect(await backups.rows().first().textContent()).toContain('On demand');

    // The backup is itself in the trail, as an export of everything.
    await audit.refresh();
    await audit.filterAction('backup.create');
    await expect.poll(() => audit.count().textContent()).toBe('1 entry');

    await shell.lock();
    const restore = new RestorePage(page);
    await restore.open();
    await restore.restore('ada', PASS);
    await expect.poll(() => page.getByText(/^Restored the workspace as it was at /).textContent()).toMatch(/Sign in to continue\.$/);
    await new UnlockPage(page).unlock('ada', PASS);
    await expect.poll(() => shell.heading().textContent()).toBe('Overview');
  });
});
