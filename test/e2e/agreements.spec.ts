import { afterEach, describe, expect, it } from 'vitest';
import { dayText } from '../../src-shared/agreements/wording';
import { addDays, addMonthsClamped, parseIsoDate } from '../../src-shared/dates/isoDate';
import { AgreementsPage } from './pages/agreementsPage';
import { ShellPage, WelcomePage } from './pages/workspacePages';
import { launchApp, type AppHandle } from './support/app';

describe('agreements in the browser host', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('refuses notice inside the initial term with the first allowed date, then records a valid notice', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 20_000 }).toBe('4');
    const today = parseIsoDate(new Date().toISOString().slice(0, 10));

    await shell.go('Agreements');
    const agreements = new AgreementsPage(page);
    await agreements.setRange(today, addDays(today, 400));
    await agreements.filterKind('Initial term ends');
    // Demo: Thistle & Oak signed version 2 last month, so its 12-month initial term runs on.
    await expect.poll(() => agreements.upcomingRows('Thistle & Oak Landscaping').count()).toBe(1);
    await agreements.openUpcoming('Thistle & Oak Landscaping');
    const thistle = 'Thistle & Oak Landscaping';
    await expect.poll(() => agreements.state(thistle).textContent()).toBe('Initial term');
    const firstAllowed = await agreements.firstNoticeDate(thistle);
    expect(firstAllowed! > today).toBe(true);

    await agreements.serveNotice(thistle, { servedBy: 'The partner', servedOn: today });
    const refusal = `Notice can first be served on ${dayText(firstAllowed!)} — the initial term runs until then`;
    await expect.poll(() => agreements.noticeFieldError('Served on').textContent()).toBe(refusal);
    expect(await agreements.noticeDialog.isVisible()).toBe(true);
    await agreements.cancelDialog();
    expect(await agreements.timelineDates(thistle, 'notice_served')).toEqual([]);
    await agreements.closeDrawer(thistle);

    // Seed 000: after the initial term, 3 months' notice.
    await agreements.showAll();
    const brightwell = 'Brightwell Field Services';
    await agreements.openFromList(brightwell);
    await expect.poll(() => agreements.state(brightwell).textContent()).toBe('Rolling');
    await agreements.serveNotice(brightwell, { servedBy: 'The company', servedOn: today });
    const endsOn = addMonthsClamped(today, 3);
    await expect.poll(() => agreements.state(brightwell).textContent()).toBe('Notice served');
    expect(await agreements.noticeDialog.count()).toBe(0);
    expect(await agreements.timelineDates(brightwell, 'termination')).toEqual([endsOn]);
    expect(await agreements.drawer(brightwell).getByRole('status').textContent()).toMatch(/Notice recorded: the agreement ends on/);
    await agreements.closeDrawer(brightwell);

    await agreements.showUpcoming();
    await agreements.filterKind('Termination');
    const row = agreements.upcomingRows(brightwell);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('time').getAttribute('datetime')).toBe(endsOn);

    const ics = await agreements.exportIcs();
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${endsOn.replaceAll('-', '')}`);
    expect(ics).toContain(`SUMMARY:${brightwell}: Termination`);
  });
});
