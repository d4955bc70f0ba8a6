import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHandle } from './support/app';
import { PartnerDetailPage, PartnersListPage } from './pages/partnersPage';
import { ShellPage, WelcomePage } from './pages/workspacePages';

const isSortedDesc = (xs: string[]) => xs.every((x, i) => i === 0 || xs[i - 1]!.toLowerCase() >= x.toLowerCase());

describe('partners in the demo workspace', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('sorts, searches, hides a column, saves a view and applies it again', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await shell.tile('Programmes').waitFor({ timeout: 30_000 });
    await shell.go('Partners');
    const list = new PartnersListPage(page);
    await expect.poll(() => list.count()).toBe('28 partners');
    expect((await list.companies())[0]).toBe('Altegio Studio Partners');

    // Company is sorted A→Z; a click turns it Z→A, done by the core.
    await list.sortBy('Company');
    await expect.poll(async () => (await list.companies())[0]).toBe('Zohoready Solutions');
    expect(isSortedDesc(await list.companies())).toBe(true);

    // Country code GB: the eight AllSet partners.
    await list.search('GB');
    await expect.poll(() => list.count()).toBe('8 partners');
    expect(await list.rows().count()).toBe(8);
    expect(await list.table.locator('tbody').textContent()).not.toContain('Message.Help');
    expect(isSortedDesc(await list.companies())).toBe(true);

    await list.setColumn('Contact e-mail', false);
    expect(await list.headers()).not.toContain('Contact e-mail');

    await list.saveView('UK partners, Z to A');
    await expect.poll(() => list.views.getByRole('button', { name: 'UK partners, Z to A', exact: true }).isVisible()).toBe(true);

    // Change everything, then put it back with the view.
    await list.search('');
    await list.setColumn('Contact e-mail', true);
    await list.sortBy('Company');
    await expect.poll(() => list.count()).toBe('28 partners');
    expect(await list.headers()).toContain('Contact e-mail');

    await list.applyView('UK partners, Z to A');
    await expect.poll(() => list.count()).toBe('8 partners');
    expect(await list.searchBox().inputValue()).toBe('GB');
    expect(await list.headers()).not.toContain('Contact e-mail');
    expect((await list.companies())[0]).toBe('Thistle & Oak Landscaping');
    expect(isSortedDesc(await list.companies())).toBe(true);

    // The view survives leaving the section; deleting removes it.
    await shell.go('Overview');
    await shell.go('Partners');
    await expect.poll(() => list.views.getByRole('button', { name: 'UK partners, Z to A', exact: true }).isVisible()).toBe(true);
    await list.deleteView('UK partners, Z to A');
    await expect.poll(() => list.views.getByRole('button', { name: 'UK partners, Z to A', exact: true }).count()).toBe(0);
  });

  it('opens a partner, shows a field error from the core, saves the fix and ticks an onboarding step', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await shell.tile('Programmes').waitFor({ timeout: 30_000 });
    await shell.go('Partners');
    const list = new PartnersListPage(page);
    await list.search('thistle');
    await expect.poll(() => list.rows().count()).toBe(1);
    await list.open('Thistle & Oak Landscaping');

    const partner = new PartnerDetailPage(page);
    await expect.poll(() => partner.heading().textContent()).toBe('Thistle & Oak Landscaping');

    await partner.fill('Partner record', 'Stripe Connect account', 'acct_x');
    await partner.save('Partner record', 'Save changes');
    await expect.poll(() => partner.fieldError('Partner record', 'Stripe Connect account').textContent()).toMatch(/starts with acct_/);
    expect(await partner.field('Partner record', 'Stripe Connect account').getAttribute('aria-invalid')).toBe('true');

    await partner.fill('Partner record', 'Stripe Connect account', 'acct_1Nv0FGQ9RKHgCVdK');
    await partner.save('Partner record', 'Save changes');
    await expect.poll(() => partner.form('Partner record').getByRole('status').textContent()).toBe('Saved.');
    expect(await partner.fieldError('Partner record', 'Stripe Connect account').count()).toBe(0);
    expect(await partner.field('Partner record', 'Stripe Connect account').inputValue()).toBe('acct_1Nv0FGQ9RKHgCVdK');

    await partner.tab('Onboarding');
    await expect.poll(() => partner.progress().textContent()).toMatch(/^3 of 6 steps done · next: CRM access provided/);

    // Seed 000: no read-only CRM access before the partner's UK GDPR confirmation.
    await partner.choose('Partner set-up', 'CRM access', 'Read-only');
    await partner.save('Partner set-up', 'Save set-up');
    await expect.poll(() => partner.fieldError('Partner set-up', 'CRM access').textContent()).toMatch(/UK GDPR/);
    await partner.fill('Partner set-up', 'UK GDPR data sharing confirmed on', '2026-01-05');
    await partner.fill('Partner set-up', 'Confirmed by', 'Chloe Okafor');
    await partner.save('Partner set-up', 'Save set-up');
    await expect.poll(() => partner.fieldError('Partner set-up', 'CRM access').count()).toBe(0);

    await partner.tickStep('CRM access provided');
    await expect.poll(() => partner.progress().textContent()).toMatch(/^4 of 6 steps done · next: Integration built/);
    expect(await partner.stepDone('CRM access provided').isChecked()).toBe(true);

    // Still there after leaving and coming back.
    await partner.back();
    await list.open('Thistle & Oak Landscaping');
    await partner.tab('Onboarding');
    await expect.poll(() => partner.stepDone('CRM access provided').isChecked()).toBe(true);
  });
});
