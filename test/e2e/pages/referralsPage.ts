import type { Page } from 'playwright-core';
import { ShellPage } from './workspacePages';

/** Page model of the Referrals section: customers, the lead pipeline and the CSV import. */
export class ReferralsPage {
  constructor(private page: Page) {}

  async open() {
    await new ShellPage(this.page).go('Referrals');
  }

  async tab(name: 'Customers' | 'Leads' | 'Disputes' | 'Reseller status' | 'Import') {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  // ── import ──
  async importFile(path: string) {
    await this.tab('Import');
    await this.page.getByLabel('The file holds').selectOption('customers');
    await this.page.getByLabel('CSV file').setInputFiles(path);
  }
  problems() {
    return this.page.getByRole('list', { name: 'Import problems' }).locator('li');
  }
  previewRow(line: number) {
    return this.page.getByRole('table', { name: 'Rows to import' }).locator(`tr[data-line="${line}"]`);
  }
  importButton() {
    return this.page.getByRole('button', { name: /^Import [\d,]+ rows$/ });
  }
  importResult() {
    return this.page.getByRole('status');
  }

  // ── customers ──
  async searchCustomers(text: string) {
    await this.tab('Customers');
    await this.page.getByLabel('Search', { exact: true }).fill(text);
  }
  customerRows() {
    return this.page.getByRole('table', { name: 'Referred customers' }).locator('tbody tr');
  }

  // ── leads ──
  stage(name: 'Registered' | 'Qualified' | 'Won' | 'Lost') {
    return this.page.getByRole('region', { name, exact: true });
  }
  leadCard(stage: 'Registered' | 'Qualified' | 'Won' | 'Lost', company: string) {
    return this.stage(stage).getByRole('article', { name: company, exact: true });
  }
  async firstLeadIn(stage: 'Registered' | 'Qualified') {
    return (await this.stage(stage).getByRole('article').first().locator('strong').textContent()) ?? '';
  }
  async qualifyLead(company: string, note: string) {
    await this.leadCard('Registered', company).getByRole('button', { name: 'Qualify…' }).click();
    const form = this.page.getByRole('form', { name: 'Qualify lead' });
    await form.getByLabel('Qualification note').fill(note);
    await form.getByRole('button', { name: 'Mark qualified' }).click();
  }
}
