import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHandle } from './support/app';
import { ShellPage, UnlockPage, WelcomePage } from './pages/workspacePages';

const PASS = 'a long enough passphrase';

describe('workspace in the browser host', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('creates a workspace, shows the recovery code once, locks and unlocks', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).createWorkspace({ workspaceName: 'Acme partners', displayName: 'Ada Admin', username: 'ada', passphrase: PASS });

    const code = await page.getByTestId('recovery-code').textContent();
    expect(code).toMatch(/^([A-Z2-9]{5}-){7}[A-Z2-9]{5}$/);
    await page.getByRole('button', { name: 'I have saved it' }).click();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.heading().textContent()).toBe('Overview');
    expect(await page.getByText('Acme partners').first().isVisible()).toBe(true);

    await shell.lock();
    const unlock = new UnlockPage(page);
    await unlock.unlock('ada', 'this is not it');
    await expect.poll(() => unlock.error.textContent()).toMatch(/Wrong passphrase/);
    expect(await unlock.form.locator('.field-error').textContent()).toBe('Wrong passphrase');

    await unlock.unlock('ada', PASS);
    await expect.poll(() => shell.heading().textContent()).toBe('Overview');
  });

  it('shows field errors next to the fields the core rejected', async () => {
    app = await launchApp();
    const welcome = new WelcomePage(app.page);
    await welcome.createWorkspace({ workspaceName: 'Acme', displayName: 'Ada', username: 'ada smith', passphrase: 'short', confirm: 'different' });
    await expect.poll(() => welcome.fieldError('Username').textContent()).toMatch(/letters, digits/);
    expect(await welcome.fieldError('Passphrase').textContent()).toMatch(/at least 10 characters/);
    expect(await welcome.fieldError('Repeat passphrase').textContent()).toMatch(/differ/);
    expect(await app.page.getByRole('form', { name: 'Create a workspace' }).isVisible()).toBe(true);
  });

  it('opens the demo workspace and shows its programmes, partners and revenue', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 20_000 }).toBe('4');
    expect(Number(await shell.tile('Partners').textContent())).toBeGreaterThanOrEqual(20);
    const months = page.getByRole('table', { name: 'Referred revenue by month' }).locator('tbody tr');
    expect(await months.count()).toBe(12);
    expect(await page.getByRole('table', { name: 'Referred revenue by month' }).locator('thead').textContent()).toMatch(/EUR.*GBP.*USD/);

    await shell.go('Partners');
    const table = page.getByRole('table', { name: 'Partners' });
    await expect.poll(() => table.textContent()).toContain('Brightwell Field Services');
    expect(await table.textContent()).toContain('Aloware affiliate & lead referral');
    await page.getByRole('searchbox', { name: 'Search partners' }).fill('kommo');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').textContent()).toContain('Integrator');

    // Locking shows the demo's passphrase hint; the demo reopens with it.
    await shell.lock();
    await expect.poll(() => page.getByText('partnerdesk-demo').isVisible()).toBe(true);
    await new UnlockPage(page).unlock('demo', 'partnerdesk-demo');
    await expect.poll(() => shell.heading().textContent()).toBe('Overview');
  });
});
