import type { Page } from 'playwright-core';

/** Page model of the partner list: what a person does with it. */
export class PartnersListPage {
  constructor(private page: Page) {}
  get table() {
    return this.page.getByRole('table', { name: 'Partners' });
  }
  rows() {
    return this.table.locator('tbody tr.pl-row');
  }
  /** The company names of the rows on screen, top to bottom. */
  async companies(): Promise<string[]> {
    return this.table.locator('tbody tr.pl-row td:first-child').allTextContents();
  }
  async headers(): Promise<string[]> {
    return (await this.table.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  }
  async count(): Promise<string> {
    return (await this.page.getByTestId('partner-count').textContent()) ?? '';
  }
  async sortBy(header: string) {
    await this.table.locator('thead th', { hasText: header }).getByRole('button').click();
  }
  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search partners' }).fill(text);
  }
  searchBox() {
    return this.page.getByRole('searchbox', { name: 'Search partners' });
  }
  async filterStatus(label: string) {
    await this.page.getByRole('combobox', { name: 'Filter by status' }).selectOption({ label });
  }
  async setColumn(label: string, shown: boolean) {
    const menu = this.page.locator('details.pl-menu');
    if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
    await menu.getByLabel(label, { exact: true }).setChecked(shown);
    await menu.locator('summary').click();
  }
  get views() {
    return this.page.getByRole('region', { name: 'Saved views' });
  }
  async saveView(name: string) {
    await this.views.getByLabel('View name').fill(name);
    await this.views.getByRole('button', { name: 'Save view' }).click();
  }
  async applyView(name: string) {
    await this.views.getByRole('button', { name, exact: true }).click();
  }
  async deleteView(name: string) {
    await this.views.getByRole('button', { name: `Delete view ${name}` }).click();
  }
  async open(company: string) {
    await this.rows().filter({ hasText: company }).first().click();
  }
}

/** Page model of one partner's page. */
export class PartnerDetailPage {
  constructor(private page: Page) {}
  heading() {
    return this.page.locator('.pd-head h1');
  }
  async tab(name: string) {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }
  form(name: string) {
    return this.page.getByRole('form', { name });
  }
  field(formName: string, label: string) {
    return this.form(formName).getByLabel(label, { exact: true });
  }
  /** The error shown right under a field. */
  fieldError(formName: string, label: string) {
    return this.form(formName).locator('.field', { has: this.page.getByText(label, { exact: true }) }).locator('.field-error');
  }
  async fill(formName: string, label: string, value: string) {
    await this.field(formName, label).fill(value);
  }
  async choose(formName: string, label: string, option: string) {
    await this.field(formName, label).selectOption({ label: option });
  }
  async save(formName: string, button: string) {
    await this.form(formName).getByRole('button', { name: button }).click();
  }
  stepDone(step: string) {
    return this.page.getByRole('checkbox', { name: `${step} done`, exact: true });
  }
  async tickStep(step: string) {
    await this.stepDone(step).check();
  }
  progress() {
    return this.page.getByTestId('onboarding-progress');
  }
  async back() {
    await this.page.getByRole('button', { name: '← All partners' }).click();
  }
}
