import { afterEach, describe, expect, it } from 'vitest';
import { CommissionsPage } from './pages/commissionsPage';
import { ShellPage, WelcomePage } from './pages/workspacePages';
import { launchApp, type AppHandle } from './support/app';

/** The month before the current one (UTC), as the demo's last complete month. */
function lastMonth(): string {
  const d = new Date();
  const m = d.getUTCFullYear() * 12 + d.getUTCMonth() - 1;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

function monthsBack(n: number): string {
  const d = new Date();
  const m = d.getUTCFullYear() * 12 + d.getUTCMonth() - n;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

describe('commissions in the browser host', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('shows the ledger by currency with explanations, exports a statement, refuses an invalid rate and compares a draft plan', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 30_000 }).toBe('4');
    await shell.go('Commissions');
    const com = new CommissionsPage(page);
    const period = lastMonth();

    // The demo runs every month of its revenue; run last month again from the screen anyway:
    // a rerun adds nothing, and a workspace without demo runs gets its entries here.
    await com.runPeriod(period);
    await com.showTab('Ledger');

    // Seed 000 (AllSet, GBP): "15% of £40.00 subscription, month 3 of 12".
    await com.filterLedger({ currency: 'GBP' });
    await expect.poll(() => com.totalsCurrencies()).toEqual(['GBP']);
    const explanations = await com.ledgerColumn('Explanation');
    expect(explanations.length).toBeGreaterThan(0);
    for (const e of explanations) expect(e).toMatch(/^15% of £\d+\.\d\d subscription, month \d+ of 12$/);
    const amounts = await com.ledgerColumn('Amount');
    expect(amounts.every((a) => a.startsWith('£'))).toBe(true);
    expect(await com.ledgerColumn('Rate')).toContain('15%');

    // Totals per currency, never summed across currencies.
    await com.filterLedger({ currency: 'EUR' });
    await expect.poll(() => com.totalsCurrencies()).toEqual(['EUR']);
    await expect.poll(async () => (await com.ledgerColumn('Amount')).every((a) => a.startsWith('€'))).toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(async () => (await com.totalsCurrencies()).length).toBeGreaterThan(1);
    const all = await com.totalsCurrencies();
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);

    // A partner's statement for a month, from the ledger; its CSV export.
    await com.filterLedger({ currency: 'EUR', period });
    await expect.poll(async () => (await com.ledgerColumn('Period')).every((p) => p === period) && (await com.ledgerRows().count()) > 0).toBe(true);
    const { company } = await com.openStatementFromLedger(0);
    await expect.poll(() => com.statementHeading.textContent()).toBe(`${company} — statement for ${period}`);
    const net = await com.statementTotals.getByTestId('net-EUR').textContent();
    expect(net).toMatch(/^€/);
    const csv = await com.exportStatement('CSV');
    expect(csv.fileName).toMatch(new RegExp(`^statement-.*-${period}\\.csv$`));
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('record,period,partner,date,key,rule,customer,revenue_line,currency,base,rate_bps,tier,plan_version,amount,status,hold_until,explanation');
    const total = lines.filter((l) => l.startsWith('total,'));
    expect(total).toHaveLength(1);
    expect(total[0]).toContain(`,${period},`);
    // The net in the CSV (a plain decimal) is the net on screen.
    expect(total[0]!.split(',')[13]).toBe(net!.replace(/[^\d.]/g, ''));
    expect(lines.filter((l) => l.startsWith('entry,')).length).toBeGreaterThan(0);

    // Plans: an invalid rate is refused next to its field; a what-if with another rate shows the difference.
    await com.showTab('Plans');
    await com.openPlan('allset');
    await com.editVersion('allset@1');
    await com.setEditorField('Rate (%)', 'fifteen');
    await expect.poll(() => com.fieldError('Rate (%)').textContent()).toMatch(/not a percentage/);
    await com.setEditorField('Rate (%)', '150');
    await expect.poll(() => com.fieldError('Rate (%)').textContent()).toMatch(/at most 100 %/);
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await expect.poll(() => com.editor.locator('.error-banner').textContent()).toMatch(/nothing was saved/);
    // The shared plan rules, the ones the core applies: a duration of 0 months, shown by field and JSON path.
    await com.setEditorField('Rate (%)', '20');
    await expect.poll(() => com.fieldError('Rate (%)').count()).toBe(0);
    await com.setEditorField('Duration in months', '0');
    await expect.poll(() => com.fieldError('Duration in months').textContent()).toMatch(/At least 1/);
    await com.setEditorField('Duration in months', '12');
    const json = com.editor.getByLabel('Plan as JSON');
    await expect.poll(async () => JSON.parse(await json.inputValue()).rate).toEqual({ kind: 'flat', rateBps: 2000 });
    const body = JSON.parse(await json.inputValue());
    body.duration = { kind: 'months_from_signup', months: -3 };
    await json.fill(JSON.stringify(body, null, 2));
    await expect.poll(() => com.fieldError('Duration in months').textContent()).toMatch(/>=1/);
    await expect.poll(() => com.planProblems.textContent()).toContain('body.duration.months');
    // Saving anyway: the core refuses with the same JSON path, and nothing is saved.
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await expect.poll(() => com.editor.locator('.error-banner').textContent()).toMatch(/^The plan has a problem: body\.duration\.months/);
    await expect.poll(() => com.fieldError('Duration in months').textContent()).toMatch(/>=1/);
    body.duration = { kind: 'months_from_signup', months: 12 };
    await json.fill(JSON.stringify(body, null, 2));
    await expect.poll(() => com.planProblems.count()).toBe(0);

    await com.runWhatIf(monthsBack(6), period);
    await expect.poll(() => com.whatIfTable.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const headers = await com.whatIfTable.locator('thead th').allTextContents();
    expect(headers).toEqual(['Partner', 'Currency', 'Current plan', 'Draft', 'Difference']);
    // 20 % instead of 15 %: every AllSet partner with revenue earns a third more.
    const differences = await com.whatIfTable.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(differences.every((d) => d.startsWith('+£'))).toBe(true);
    const firstRow = await com.whatIfTable.locator('tbody tr').first().locator('td').allTextContents();
    const money = (s: string) => Number(s.replace(/[^\d.-]/g, ''));
    expect(money(firstRow[3]!)).toBeCloseTo((money(firstRow[2]!) * 20) / 15, 0);
    expect(money(firstRow[4]!)).toBeCloseTo(money(firstRow[3]!) - money(firstRow[2]!), 2);
  });

  it('previews a revenue file with its problems by line, and records an integrator top-up on its statement', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 30_000 }).toBe('4');
    await shell.go('Commissions');
    const com = new CommissionsPage(page);

    await com.showTab('Revenue import');
    const csv = [
      'external_ref,customer_ref,paid_on,currency,category,gross,kind',
      'e2e-1,no-such-customer,2026-01-05,GBP,subscription,40.00,payment',
      'e2e-2,no-such-customer,2026-13-01,GBP,subscription,forty,payment',
    ].join('\n');
    const preview = await com.previewRevenue(csv);
    const lines = await com.revenueProblemLines();
    expect(new Set(lines)).toEqual(new Set(['2', '3']));
    expect(await preview.getByTestId('revenue-error-count').textContent()).toBe(String(lines.length));
    expect(await preview.getByRole('table', { name: 'Problems by line' }).textContent()).toContain("'forty' is not a number");
    expect(await preview.getByRole('button', { name: /^Import \d+ lines?$/ }).isDisabled()).toBe(true);

    // Seed 002 §1.7: an integrator's prepaid balance, topped up by invoice.
    await com.showTab('Statement');
    const period = lastMonth();
    await com.openStatement('Altegio Studio Partners', period);
    const before = await com.prepaidBalance();
    await com.recordTopUp({ method: 'Invoice', amount: '250,00', date: `${period}-15`, reference: 'INV-E2E-1' });
    await expect.poll(() => com.topUpFieldError('Amount (EUR)').textContent()).toMatch(/not a number/);
    await com.recordTopUp({ method: 'Invoice', amount: '250.00', date: `${period}-15`, reference: 'INV-E2E-1' });
    await expect.poll(() => com.prepaidBalance()).toBe(before + 250_00);
    const movement = page.getByRole('table', { name: 'Balance movements' }).locator('tbody tr', { hasText: 'INV-E2E-1' });
    await expect.poll(() => movement.count()).toBe(1);
    expect(await movement.textContent()).toContain('Top-up by invoice');
  });
});
