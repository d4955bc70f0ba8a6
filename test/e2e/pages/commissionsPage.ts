import type { Locator, Page } from 'playwright-core';

/** Page model of the Commissions section: ledger, statement, plans (editor, what-if), revenue import, runs. */
export class CommissionsPage {
  constructor(private page: Page) {}

  async showTab(name: 'Ledger' | 'Statement' | 'Plans' | 'Revenue import' | 'Runs') {
    await this.page.getByRole('tablist', { name: 'Commissions views' }).getByRole('tab', { name, exact: true }).click();
  }

  // ---- runs ----
  async runPeriod(period: string) {
    await this.showTab('Runs');
    const form = this.page.getByRole('form', { name: 'Run commissions' });
    await form.getByLabel('Month to run').fill(period);
    await form.getByRole('button', { name: 'Run commissions' }).click();
    await this.page.getByRole('status', { name: 'Run summary' }).waitFor();
  }

  // ---- ledger ----
  get ledgerFilters(): Locator {
    return this.page.getByRole('form', { name: 'Ledger filters' });
  }

  get ledger(): Locator {
    return this.page.getByRole('table', { name: 'Ledger entries' });
  }

  get ledgerTotals(): Locator {
    return this.page.getByRole('table', { name: 'Ledger totals by currency' });
  }

  async filterLedger(f: { currency?: string; status?: 'On hold' | 'Payable' | 'Any status'; period?: string; partner?: string }) {
    if (f.currency) await this.ledgerFilters.getByLabel('Currency').selectOption(f.currency);
    if (f.status) await this.ledgerFilters.getByLabel('Status').selectOption({ label: f.status });
    if (f.period !== undefined) await this.ledgerFilters.getByLabel('Period').fill(f.period);
    if (f.partner) await this.ledgerFilters.getByLabel('Partner').selectOption({ label: f.partner });
  }

  ledgerRows(): Locator {
    return this.ledger.locator('tbody tr');
  }

  /** The text of one column of the ledger page, by header. */
  async ledgerColumn(header: string): Promise<string[]> {
    const headers = await this.ledger.locator('thead th').allTextContents();
    const i = headers.indexOf(header);
    if (i < 0) throw new Error(`no ledger column ${header}: ${headers.join(', ')}`);
    return this.ledger.locator(`tbody tr td:nth-child(${i + 1})`).allTextContents();
  }

  /** Currency codes of the totals rows. */
  async totalsCurrencies(): Promise<string[]> {
    return this.ledgerTotals.locator('tbody tr[data-currency]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-currency') ?? ''));
  }

  /** Click a partner in the ledger: opens its statement for the row's period. */
  async openStatementFromLedger(row: number): Promise<{ company: string; period: string }> {
    const tr = this.ledgerRows().nth(row);
    const period = (await tr.locator('td').first().textContent()) ?? '';
    const button = tr.locator('td').nth(1).getByRole('button');
    const company = (await button.textContent()) ?? '';
    await button.click();
    return { company, period };
  }

  // ---- statement ----
  get statementHeading(): Locator {
    return this.page.locator('.com-statement-head h2');
  }

  get statementTotals(): Locator {
    return this.page.getByRole('table', { name: 'Statement totals by currency' });
  }

  async exportStatement(format: 'CSV' | 'JSON'): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: `Export ${format}` }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  // ---- plans ----
  async openPlan(code: string) {
    await this.page.getByRole('table', { name: 'Commission plans' }).getByRole('button', { name: code, exact: true }).click();
  }

  async editVersion(label: string) {
    await this.page.getByRole('button', { name: `Edit ${label} as a new version` }).click();
  }

  get editor(): Locator {
    return this.page.getByRole('form', { name: 'Plan editor' });
  }

  async setEditorField(label: string, value: string) {
    await this.editor.getByLabel(label, { exact: true }).fill(value);
  }

  /** The error shown under a field of the editor, found by its label. */
  fieldError(label: string): Locator {
    return this.editor.locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).locator('.field-error');
  }

  get planProblems(): Locator {
    return this.editor.getByRole('region', { name: 'Plan problems' });
  }

  async runWhatIf(from: string, to: string) {
    const panel = this.page.getByRole('region', { name: 'What-if' });
    await panel.getByLabel('From month').fill(from);
    await panel.getByLabel('To month').fill(to);
    await panel.getByRole('button', { name: 'Run what-if' }).click();
  }

  get whatIfTable(): Locator {
    return this.page.getByRole('table', { name: 'What-if by partner' });
  }

  // ---- revenue import ----
  async previewRevenue(csv: string): Promise<Locator> {
    await this.page.getByLabel('Or paste the CSV').fill(csv);
    await this.page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = this.page.getByRole('region', { name: 'Revenue preview' });
    await preview.waitFor();
    return preview;
  }

  /** The highlighted line numbers of the problems table, in order. */
  async revenueProblemLines(): Promise<string[]> {
    return this.page.getByRole('table', { name: 'Problems by line' }).locator('tbody tr mark').allTextContents();
  }

  // ---- integrator balance on the statement ----
  async openStatement(company: string, period: string) {
    const form = this.page.getByRole('form', { name: 'Statement of' });
    await form.getByLabel('Partner').selectOption({ label: company });
    await form.getByLabel('Period').fill(period);
    await this.statementHeading.filter({ hasText: `${company} — statement for ${period}` }).waitFor();
  }

  /** The prepaid balance at the end of the statement's month, in minor units (parsed from the screen). */
  async prepaidBalance(): Promise<number> {
    const text = (await this.page.getByTestId('prepaid-balance').textContent()) ?? '';
    return Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100);
  }

  async recordTopUp(v: { method: 'Card' | 'Invoice'; amount: string; date: string; reference: string }) {
    const form = this.page.getByRole('form', { name: 'Record top-up' });
    await form.getByLabel('Method').selectOption({ label: v.method });
    await form.getByLabel(/^Amount/).fill(v.amount);
    await form.getByLabel('Date').fill(v.date);
    await form.getByLabel('Reference').fill(v.reference);
    await form.getByRole('button', { name: 'Record top-up' }).click();
  }

  topUpFieldError(label: string): Locator {
    const form = this.page.getByRole('form', { name: 'Record top-up' });
    return form.locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).locator('.field-error');
  }
}
