import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type AppHandle } from './support/app';
import { AgreementsPage } from './pages/agreementsPage';
import { ApplicationsPage } from './pages/applicationsPage';
import { PartnerDetailPage } from './pages/partnersPage';
import { ShellPage, WelcomePage } from './pages/workspacePages';

// The partnership manager's day across screens: an application becomes an approved partner
// with an agreement, notice is served on the partner page, and the dates show everywhere.

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
function addMonthsClamped(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))));
}

async function approveApplication(page: Page, programme: string, company: string) {
  const shell = new ShellPage(page);
  await shell.go('Applications');
  const ui = new ApplicationsPage(page);
  await ui.fillApplication({ programme, company, contactName: 'Mo Reyes', contactEmail: 'mo@example.com', country: 'US', tenantsPerYear: '10' });
  await ui.sendApplication();
  await expect.poll(() => ui.statusOf(company).textContent()).toBe('Waiting');
  await ui.startApproval(company);
  await ui.confirmApproval();
  await expect.poll(() => ui.notice.textContent()).toContain(`${company} approved`);
  await ui.notice.getByRole('button', { name: 'Open partner' }).click();
  const partner = new PartnerDetailPage(page);
  await expect.poll(() => partner.heading().textContent()).toBe(company);
  await partner.tab('Agreement');
  return partner;
}

async function serveNotice(page: Page, servedOn: string) {
  await page.getByRole('toolbar', { name: 'Agreement actions' }).getByRole('button', { name: 'Serve notice' }).click();
  const dialog = page.getByRole('dialog', { name: 'Serve notice' });
  await dialog.getByLabel('Served by').selectOption({ label: 'The partner' });
  await dialog.getByLabel('Served on').fill(servedOn);
  await dialog.getByRole('button', { name: 'Serve notice' }).click();
  return dialog;
}

describe("a partnership manager's day", () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('approves applications into partners with agreements, serves notice and sees the dates', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    await expect.poll(() => new ShellPage(page).tile('Programmes').textContent(), { timeout: 20_000 }).toBe('4');
    const today = iso(new Date());

    // Seed 000: approved today, so the 12-month initial term locks notice until a year from now.
    await approveApplication(page, 'AllSet affiliate programme', 'Juniper Salon Group');
    const firstAllowed = addMonthsClamped(today, 12);
    await expect.poll(() => page.getByTestId('first-notice').locator('time').getAttribute('datetime')).toBe(firstAllowed);
    const refused = await serveNotice(page, today);
    await expect.poll(() => refused.textContent()).toMatch(/Notice can first be served on .* the initial term runs until then/);
    await refused.getByRole('button', { name: 'Cancel' }).click();

    // Seed 001: no initial term and 3 days' notice.
    await approveApplication(page, 'Aloware affiliate & lead referral', 'Quartz CRM Partners');
    const terminatesOn = iso(addDays(new Date(`${today}T00:00:00Z`), 3));
    await serveNotice(page, today);
    const timeline = page.getByRole('list', { name: 'Agreement timeline' });
    await expect.poll(() => timeline.locator('li[data-kind="termination"] time').first().getAttribute('datetime')).toBe(terminatesOn);

    // The termination shows in the upcoming dates across all partners.
    await new ShellPage(page).go('Agreements');
    const agreements = new AgreementsPage(page);
    await agreements.setRange(today, addMonthsClamped(today, 2));
    await expect.poll(() => agreements.upcomingRows('Quartz CRM Partners').count()).toBeGreaterThan(0);
    expect(await agreements.upcomingRows('Quartz CRM Partners').first().textContent()).toMatch(/Termination|terminat/i);
  });
});
