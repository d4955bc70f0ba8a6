import { afterEach, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../fake-stripe/server';
import { PartnersListPage } from './pages/partnersPage';
import { StripePage } from './pages/stripePage';
import { ShellPage, WelcomePage } from './pages/workspacePages';
import { launchApp, type AppHandle } from './support/app';

describe('Stripe sync in the browser host', () => {
  let app: AppHandle;
  let fake: FakeStripe;
  afterEach(async () => {
    await app?.close();
    await fake?.close();
  });

  it('connects to the fake Stripe, syncs with progress, and shows the customers and revenue that came in', async () => {
    fake = await startFakeStripe({ seed: { demo: { invoices: 600, months: 6 } } });
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 30_000 }).toBe('4');
    await shell.go('Stripe sync');
    const stripe = new StripePage(page);
    await stripe.connect(fake.secretKey, fake.url);
    await expect.poll(() => stripe.account.textContent(), { timeout: 15_000 }).toContain('Partnerdesk demo');
    expect(await stripe.maskedKey.textContent()).toContain('sk_test_…0000');
    expect(await stripe.maskedKey.textContent()).toContain('test mode');
    expect(await page.content()).not.toContain(fake.secretKey);

    await stripe.syncNow();
    await stripe.progress.waitFor({ timeout: 15_000 });
    await expect.poll(() => stripe.syncStatus.textContent(), { timeout: 60_000 }).toContain('Up to date');
    await stripe.tab('Customers');
    const customers = fake.state.customers.all().length;
    await expect.poll(() => stripe.totals.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^${customers} customers · [1-9][\\d,]* revenue lines`));
    expect(await stripe.customers.locator('tbody tr').count()).toBeGreaterThan(10);
    if (process.env.STRIPE_SHOTS) await page.screenshot({ path: '/tmp/stripe-customers.png' });
    await stripe.tab('Sync');
    if (process.env.STRIPE_SHOTS) await page.screenshot({ path: '/tmp/stripe-sync.png' });
    await stripe.tab('Products');
    await expect.poll(() => page.getByRole('table', { name: 'Product mappings' }).locator('tbody tr').count()).toBe(16);
    if (process.env.STRIPE_SHOTS) await page.screenshot({ path: '/tmp/stripe-products.png' });
    // The sidebar shows online, test mode and the last sync on every screen.
    await shell.go('Overview');
    await expect.poll(() => stripe.connection.textContent(), { timeout: 10_000 }).toMatch(/Stripe online.*test mode.*Last sync: (?!never)/);

    // Connect onboarding from the partner page: create the account, make the link to send.
    const before = fake.state.accounts.all().length;
    await shell.go('Partners');
    const partners = new PartnersListPage(page);
    await partners.search('Pipeline Partners');
    await partners.open('Pipeline Partners LLC');
    await page.getByRole('tab', { name: 'Stripe Connect' }).click();
    await page.getByRole('button', { name: 'Create connected account' }).click();
    await expect.poll(() => page.getByTestId('connect-state').textContent(), { timeout: 10_000 }).toMatch(/Onboarding not finished|Restricted/);
    expect(fake.state.accounts.all().length).toBe(before + 1);
    await page.getByRole('button', { name: 'Make onboarding link' }).click();
    await expect.poll(() => page.getByTestId('connect-link').textContent(), { timeout: 10_000 }).toContain('/connect/onboarding/');
    if (process.env.STRIPE_SHOTS) await page.screenshot({ path: '/tmp/stripe-connect.png' });
  });
});
