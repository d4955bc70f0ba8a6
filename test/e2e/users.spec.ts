import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHandle } from './support/app';
import { UsersPage } from './pages/usersPage';
import { ShellPage, UnlockPage, WelcomePage } from './pages/workspacePages';

const ADMIN_PASS = 'the admin passphrase';
const FIN_PASS = 'farah counts the ledger';

async function adminWorkspace(app: AppHandle) {
  await new WelcomePage(app.page).createWorkspace({ workspaceName: 'Acme partners', displayName: 'Ada Admin', username: 'ada', passphrase: ADMIN_PASS });
  await app.page.getByRole('button', { name: 'I have saved it' }).click();
  const shell = new ShellPage(app.page);
  await expect.poll(() => shell.heading().textContent()).toBe('Overview');
  return shell;
}

const navLabels = (app: AppHandle) => app.page.getByRole('navigation', { name: 'Sections' }).locator('li button').allTextContents();

describe('users and roles in the browser host', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('an admin adds a finance user, who signs in and sees only what finance may; a disabled user cannot sign in', async () => {
    app = await launchApp();
    const { page } = app;
    const shell = await adminWorkspace(app);
    expect(await navLabels(app)).toContain('Review queue');

    await shell.go('Settings');
    const users = new UsersPage(page);
    await users.addUser({ displayName: 'Farah Finance', username: 'fin', role: 'Finance', passphrase: FIN_PASS });
    await expect.poll(() => users.stateOf('fin').textContent()).toBe('Active');
    expect(await users.row('fin').getByLabel('Role of Farah Finance').inputValue()).toBe('finance');
    await users.addUser({ displayName: 'Gus Gone', username: 'gus', role: 'Manager', passphrase: 'gus had a passphrase' });
    await expect.poll(() => users.stateOf('gus').textContent()).toBe('Active');
    await users.disable('gus');
    await expect.poll(() => users.stateOf('gus').textContent()).toBe('Disabled');
    await shell.lock();

    const unlock = new UnlockPage(page);
    await unlock.unlock('gus', 'gus had a passphrase');
    await expect.poll(() => unlock.error.textContent()).toMatch(/gus is disabled.*Ask an admin/);

    await unlock.unlock('fin', FIN_PASS);
    await expect.poll(() => shell.heading().textContent()).toBe('Overview');
    expect(await page.locator('.sidebar-foot').textContent()).toContain('Farah Finance · finance');
    const nav = await navLabels(app);
    expect(nav).toEqual(expect.arrayContaining(['Partners', 'Commissions', 'Payouts', 'Settings']));
    expect(nav).not.toContain('Review queue');

    await shell.go('Partners');
    await expect.poll(() => page.getByTestId('partner-count').textContent()).toMatch(/0 partners/);
    expect(await page.getByRole('button', { name: 'New partner' }).count()).toBe(0);

    await shell.go('Commissions');
    expect(await page.getByRole('tab', { name: 'Revenue import' }).count()).toBe(1);

    await shell.go('Settings');
    await expect.poll(() => page.getByRole('form', { name: 'Change your passphrase' }).isVisible()).toBe(true);
    expect(await users.heading.count()).toBe(0);
    expect(await page.getByLabel('Lock the workspace without input').count()).toBe(0);
    expect(await page.getByText('This workspace locks itself after 15 minutes without input').isVisible()).toBe(true);
  });

  it('a manager sees no write buttons and no revenue import', async () => {
    app = await launchApp();
    const { page } = app;
    const shell = await adminWorkspace(app);
    await shell.go('Settings');
    await new UsersPage(page).addUser({ displayName: 'Max Manager', username: 'max', role: 'Manager', passphrase: 'max reads reports' });
    await expect.poll(() => new UsersPage(page).stateOf('max').textContent()).toBe('Active');
    await shell.lock();
    await new UnlockPage(page).unlock('max', 'max reads reports');
    await expect.poll(() => shell.heading().textContent()).toBe('Overview');
    expect(await navLabels(app)).not.toContain('Stripe sync');
    await shell.go('Commissions');
    await expect.poll(() => page.getByRole('tab', { name: 'Ledger' }).isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: 'Revenue import' }).count()).toBe(0);
    await shell.go('Applications');
    await expect.poll(() => page.getByRole('heading', { name: 'Applications' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'New application' }).count()).toBe(0);
  });

  it('locks the window after the auto-lock time without input', async () => {
    app = await launchApp();
    const { page } = app;
    const shell = await adminWorkspace(app);
    await shell.go('Settings');
    // Fake timers from here on; the auto-lock timer restarts when the setting changes.
    await page.clock.install();
    await new UsersPage(page).setAutoLock('After 1 minute');
    await expect.poll(() => page.getByText('Saved: after 1 minute.').isVisible()).toBe(true);
    await page.clock.fastForward('00:50');
    expect(await shell.heading().textContent()).toBe('Settings');
    await page.clock.fastForward('00:20');
    await expect.poll(() => page.getByRole('form', { name: 'Unlock workspace' }).isVisible()).toBe(true);
    await new UnlockPage(page).unlock('ada', ADMIN_PASS);
    await expect.poll(() => shell.heading().textContent()).toBe('Overview');
  });
});
