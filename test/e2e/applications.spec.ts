import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppHandle } from './support/app';
import { ApplicationsPage } from './pages/applicationsPage';
import { ShellPage, WelcomePage } from './pages/workspacePages';

// Seed 003 in the browser: a reseller applies, the reviewer sees the last promotion slot,
// approves (the partner gets slot 3 at 50%), and the queue shows no slot left.

async function demoApplications(app: AppHandle) {
  await new WelcomePage(app.page).openDemo();
  const shell = new ShellPage(app.page);
  await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 20_000 }).toBe('4');
  await shell.go('Applications');
  const applications = new ApplicationsPage(app.page);
  await expect.poll(() => applications.queue.locator('tbody tr').count()).toBeGreaterThan(0);
  return { applications };
}

describe('applications in the browser host', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('takes an application, approves it into the last promotion slot and shows none left', async () => {
    app = await launchApp();
    const { applications: ui } = await demoApplications(app);
    expect(await ui.slotsLeft().textContent()).toBe('1 of 3 promotion slots left');

    // A mistyped e-mail is refused next to its field; nothing is queued.
    await ui.fillApplication({
      programme: 'Sales partner programme',
      company: 'Zephyr Reseller Co',
      website: 'zephyr.example',
      contactName: 'Ines Duarte',
      contactEmail: 'ines at zephyr',
      country: 'pt',
      focusMarket: 'Co-living operators in Portugal',
      tenantsPerYear: '12',
      pipelineNote: 'Three operators ready to start.',
    });
    await ui.sendApplication();
    await expect.poll(() => ui.fieldError(ui.newForm, 'Contact e-mail').textContent()).toBe('Enter an e-mail address like name@company.com');
    await ui.newForm.getByLabel('Contact e-mail').fill('ines@zephyr.example');
    await ui.sendApplication();
    await expect.poll(() => ui.newForm.count()).toBe(0);
    await expect.poll(() => ui.statusOf('Zephyr Reseller Co').textContent()).toBe('Waiting');
    expect(await ui.row('Zephyr Reseller Co').textContent()).toContain('Sales partner programme');

    // The approval dialog offers the last slot at 50% and the programme's agreement terms.
    await ui.startApproval('Zephyr Reseller Co');
    const form = ui.approveForm;
    expect(await form.getByLabel(/Take promotion slot 3 of 3 \(50%\)/).isChecked()).toBe(true);
    expect(await form.getByLabel('Commission rate (basis points)').inputValue()).toBe('5000');
    expect(await form.getByLabel('Governing law').inputValue()).toBe('State of Delaware');
    expect(await form.getByLabel('Effective date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await ui.confirmApproval();

    await expect.poll(() => ui.notice.textContent()).toContain('Zephyr Reseller Co approved with promotion slot 3 of 3 at 50%; 0 of 3 promotion slots left.');
    await expect.poll(() => ui.statusOf('Zephyr Reseller Co').textContent()).toBe('Approved · promotion slot 3');
    expect(await ui.slotsLeft().textContent()).toBe('0 of 3 promotion slots left');
    expect(await ui.panel.textContent()).toContain('50% (5000 bps)');

    // The next reseller's approval starts from the standard rate, with no slot to take.
    await ui.startApproval('Meridian Tenant Solutions');
    expect(await ui.approveForm.getByLabel('Commission rate (basis points)').inputValue()).toBe('2000');
    expect(await ui.approveForm.textContent()).toContain('No promotion slot left — the standard 20% applies');
    await ui.approveForm.getByRole('button', { name: 'Cancel' }).click();

    await ui.open('Zephyr Reseller Co');
    await ui.panel.getByRole('button', { name: 'Open partner' }).click();
    await expect.poll(() => app.page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="page"]').textContent()).toBe('Partners');
  });

  it('rejects an application with a reason and shows the reason in the queue and the panel', async () => {
    app = await launchApp();
    const { applications: ui } = await demoApplications(app);
    await ui.startRejection('Callpath Advisors');
    await ui.reject(null, '');
    await expect.poll(() => ui.fieldError(ui.rejectForm, 'Reason').textContent()).toBe('Choose why the application is rejected');
    await ui.reject('Pipeline too small', 'Fewer than ten introductions a year.');
    await expect.poll(() => ui.rejectForm.count()).toBe(0);
    await expect.poll(() => ui.statusOf('Callpath Advisors').textContent()).toBe('Rejected · Pipeline too small');
    expect(await ui.panel.getByTestId('reject-reason').textContent()).toBe('Pipeline too small');
    expect(await ui.panel.textContent()).toContain('Fewer than ten introductions a year.');
    expect(await ui.panel.getByRole('button', { name: 'Approve…' }).count()).toBe(0);

    await ui.filterStatus('Rejected (2)');
    await expect.poll(() => ui.queue.locator('tbody tr').count()).toBe(2);
  });
});
