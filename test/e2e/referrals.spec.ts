import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHandle } from './support/app';
import { ReferralsPage } from './pages/referralsPage';
import { ShellPage, WelcomePage } from './pages/workspacePages';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

describe('referrals in the demo workspace', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  async function openDemoReferrals() {
    app = await launchApp();
    await new WelcomePage(app.page).openDemo();
    const shell = new ShellPage(app.page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 20_000 }).toBe('4');
    const referrals = new ReferralsPage(app.page);
    await referrals.open();
    return referrals;
  }

  it('refuses a customers CSV with a bad row, showing its line, imports nothing, then imports the fixed file', async () => {
    const referrals = await openDemoReferrals();

    await referrals.importFile(fixture('e2e-customers-bad.csv'));
    await expect.poll(() => referrals.problems().count()).toBe(1);
    expect(await referrals.problems().first().textContent()).toMatch(/Line 3\s*sign_up_on\s*"2026-31-01" is not a real date: the month must be between 01 and 12/);
    expect(await referrals.previewRow(3).getAttribute('class')).toContain('imp-row-error');
    expect(await referrals.previewRow(2).getAttribute('class')).toBeNull();
    expect(await referrals.importButton().textContent()).toBe('Import 3 rows');
    expect(await referrals.importButton().isDisabled()).toBe(true);

    await referrals.searchCustomers('E2E');
    await expect.poll(() => referrals.customerRows().textContent()).toContain('No customers match these filters.');

    await referrals.importFile(fixture('e2e-customers-fixed.csv'));
    await expect.poll(() => referrals.importButton().isEnabled()).toBe(true);
    expect(await referrals.problems().count()).toBe(0);
    await referrals.importButton().click();
    await expect.poll(() => referrals.importResult().textContent()).toBe('Imported 3 rows: 3 new, 0 updated, 0 unchanged.');

    await referrals.searchCustomers('E2E');
    await expect.poll(() => referrals.customerRows().count()).toBe(3);
    const text = await referrals.customerRows().allTextContents();
    expect(text.join('\n')).toMatch(/Quartz Dental E2E.*Pipeline Partners LLC/);
    expect(text.join('\n')).toMatch(/Willow Realty E2E.*Kommo Integrators OÜ/);
    expect(text.join('\n')).toMatch(/Yarrow Fitness E2E.*unattributed/);
  });

  it('moves a lead from registered to qualified with a note', async () => {
    const referrals = await openDemoReferrals();
    await referrals.tab('Leads');
    await expect.poll(() => referrals.stage('Registered').getByRole('article').count()).toBeGreaterThan(0);
    const company = await referrals.firstLeadIn('Registered');
    await referrals.qualifyLead(company, '30 agents on HubSpot; demo booked for Tuesday');
    await expect.poll(() => referrals.leadCard('Qualified', company).count()).toBe(1);
    expect(await referrals.leadCard('Qualified', company).textContent()).toContain('30 agents on HubSpot; demo booked for Tuesday');
    expect(await referrals.leadCard('Registered', company).count()).toBe(0);
  });
});
