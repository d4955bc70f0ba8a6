import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { PDFParse } from 'pdf-parse';
import { afterEach, describe, expect, it } from 'vitest';
import { CommissionsPage } from './pages/commissionsPage';
import { ExportDialogModel, ReportsPage } from './pages/reportsPage';
import { PartnersListPage } from './pages/partnersPage';
import { ShellPage, WelcomePage } from './pages/workspacePages';
import { launchApp, type AppHandle } from './support/app';

// Exports from what is on screen, end to end in Chromium against the browser host: a
// filtered ledger, a searched partner list, a dashboard figure opened as rows, a statement
// as PDF. Each downloaded file is read back and checked against what the screen showed.

const csv = (bytes: Buffer) => Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;

describe('reports and exports in the browser host', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('exports exactly the filtered ledger, the searched partner list, a dashboard figure and a statement', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 30_000 }).toBe('4');
    const exporter = new ExportDialogModel(page);

    // 1. The ledger filtered to payable EUR entries: the CSV holds those entries and no others.
    await shell.go('Commissions');
    const com = new CommissionsPage(page);
    await com.showTab('Ledger');
    await com.filterLedger({ currency: 'EUR', status: 'Payable' });
    await expect.poll(() => com.totalsCurrencies()).toEqual(['EUR']);
    const countText = (await page.getByTestId('ledger-count').textContent()) ?? '';
    const entries = Number(/^([\d,]+) entr/.exec(countText)![1]!.replace(/,/g, ''));
    const ledgerCsv = await exporter.exportFrom(com.ledgerFilters, 'CSV');
    expect(ledgerCsv.fileName).toMatch(/^ledger-.*\.csv$/);
    const ledgerRows = csv(ledgerCsv.bytes);
    expect(ledgerRows).toHaveLength(entries);
    expect(new Set(ledgerRows.map((r) => `${r.Currency}/${r.Status}`))).toEqual(new Set(['EUR/payable']));
    // The columns the table shows, plus the currency every amount needs.
    expect(Object.keys(ledgerRows[0]!)).toEqual(['Period', 'Partner', 'Customer', 'Currency', 'Base', 'Rate', 'Tier', 'Plan version', 'Amount', 'Status', 'Explanation']);
    const onScreen = await com.ledgerColumn('Explanation');
    expect(ledgerRows.slice(0, onScreen.length).map((r) => r.Explanation)).toEqual(onScreen.map((e) => e.replace(/^(Refund reversal|Chargeback reversal|Adjustment)/, '')));

    // 2. The partner list searched and with a column hidden: the CSV has that row and those columns.
    await shell.go('Partners');
    const list = new PartnersListPage(page);
    await list.search('kommo');
    await expect.poll(() => list.rows().count()).toBe(1);
    await list.setColumn('Contact e-mail', false);
    const partnersCsv = await exporter.exportFrom(page.locator('.page-head'), 'CSV for Excel');
    expect([...partnersCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const partnerRows = csv(partnersCsv.bytes);
    expect(partnerRows.map((r) => r.Company)).toEqual(await list.companies());
    expect(Object.keys(partnerRows[0]!)).toEqual(await list.headers());
    await list.setColumn('Contact e-mail', true);

    // 3. A dashboard figure opens the rows behind it; their XLSX adds up to the figure.
    await shell.go('Overview');
    const reportsPage = new ReportsPage(page);
    const cells = await reportsPage.lastMonthAmounts('Commission by month');
    const gbp = cells.find((c) => c.currency === 'GBP')!;
    const behind = Number(/Open the (\d+) rows/.exec((await gbp.button.getAttribute('title')) ?? '')![1]);
    const figure = (await gbp.button.textContent()) ?? '';
    await gbp.button.click();
    await expect.poll(() => reportsPage.heading().textContent()).toBe('Ledger entries');
    await expect.poll(() => reportsPage.count()).toBe(behind);
    expect(await reportsPage.filterValue('Ledger entries', 'Currency')).toBe('GBP');
    const xlsx = await exporter.exportFrom(reportsPage.view, 'Excel workbook (XLSX)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Rows')!.rowCount).toBe(behind + 1);
    const totals = wb.getWorksheet('Totals')!;
    const amountColumn = (totals.getRow(1).values as unknown[]).indexOf('Amount');
    const total = totals.getRow(2).getCell(amountColumn).value as number;
    expect(figure.replace(/[^\d.]/g, '')).toBe(total.toFixed(2));

    // 4. A statement needs a partner and a month; its PDF names both.
    await reportsPage.open('Commission statement');
    await expect.poll(() => page.getByText('Choose partner and period to see this report.').isVisible()).toBe(true);
    const statementFilters = reportsPage.filters('Commission statement');
    await statementFilters.getByLabel('Partner').selectOption({ label: 'Brightwell Field Services' });
    const lastMonth = (() => {
      const d = new Date();
      const m = d.getUTCFullYear() * 12 + d.getUTCMonth() - 1;
      return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    })();
    await statementFilters.getByLabel('Period').fill(lastMonth);
    await expect.poll(() => reportsPage.count()).toBeGreaterThan(0);
    const pdf = await exporter.exportFrom(reportsPage.view, 'PDF');
    expect(pdf.fileName).toMatch(/^statement-brightwell-field-services-.*\.pdf$/);
    const { text } = await new PDFParse({ data: pdf.bytes }).getText();
    expect(text).toContain(`Commission statement — Brightwell Field Services, ${lastMonth}`);
    expect(pdf.state).toMatch(/is ready: \d+ rows?\./);
  });
});
