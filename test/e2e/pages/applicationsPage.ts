import type { Page } from 'playwright-core';

export interface NewApplication {
  programme: string;
  format?: string;
  company: string;
  website?: string;
  contactName: string;
  contactEmail: string;
  country: string;
  focusMarket?: string;
  tenantsPerYear: string;
  pipelineNote?: string;
}

/** Page model of the Applications section: the queue, the slot banner, intake, approve, reject. */
export class ApplicationsPage {
  constructor(private page: Page) {}

  get queue() {
    return this.page.getByRole('table', { name: 'Applications' });
  }
  row(company: string) {
    return this.queue.locator('tbody tr', { hasText: company });
  }
  statusOf(company: string) {
    return this.row(company).locator('td').last();
  }
  /** "1 of 3 promotion slots left" for the programme with that code. */
  slotsLeft(programmeCode = 'salespartner') {
    return this.page.getByTestId(`promo-slots-${programmeCode}`).locator('.slots-left');
  }
  get newForm() {
    return this.page.getByRole('form', { name: 'New application' });
  }
  get panel() {
    return this.page.getByRole('complementary', { name: 'Application' });
  }
  get approveForm() {
    return this.page.getByRole('form', { name: 'Approve application' });
  }
  get rejectForm() {
    return this.page.getByRole('form', { name: 'Reject application' });
  }
  get notice() {
    return this.page.locator('.approval-notice');
  }
  fieldError(form: ReturnType<Page['locator']>, label: string) {
    return form.locator('.field', { has: this.page.getByText(label, { exact: true }) }).locator('.field-error');
  }

  async filterStatus(label: string) {
    await this.page.getByRole('combobox', { name: 'Status' }).selectOption({ label });
  }

  async fillApplication(v: NewApplication) {
    await this.page.getByRole('button', { name: 'New application' }).click();
    const f = this.newForm;
    await f.getByLabel('Programme').selectOption({ label: v.programme });
    if (v.format) await f.getByLabel('Format').selectOption({ label: v.format });
    await f.getByLabel('Company').fill(v.company);
    await f.getByLabel('Website').fill(v.website ?? '');
    await f.getByLabel('Contact name').fill(v.contactName);
    await f.getByLabel('Contact e-mail').fill(v.contactEmail);
    await f.getByLabel('Country').fill(v.country);
    await f.getByLabel('Focus market').fill(v.focusMarket ?? '');
    await f.getByLabel('Expected new tenants a year').fill(v.tenantsPerYear);
    await f.getByLabel('Pipeline note').fill(v.pipelineNote ?? '');
  }
  async sendApplication() {
    await this.newForm.getByRole('button', { name: 'Submit application' }).click();
  }

  async open(company: string) {
    await this.row(company).getByRole('button', { name: company }).click();
    await this.panel.getByRole('heading', { name: company }).waitFor();
  }

  /** Opens the approval dialog for a waiting application and waits for its prefilled values. */
  async startApproval(company: string) {
    await this.open(company);
    await this.panel.getByRole('button', { name: 'Approve…' }).click();
    await this.approveForm.waitFor();
  }
  async confirmApproval() {
    await this.approveForm.getByRole('button', { name: 'Approve and create partner' }).click();
  }

  async startRejection(company: string) {
    await this.open(company);
    await this.panel.getByRole('button', { name: 'Reject…' }).click();
    await this.rejectForm.waitFor();
  }
  async reject(reason: string | null, note: string) {
    if (reason) await this.rejectForm.getByLabel('Reason').selectOption({ label: reason });
    await this.rejectForm.getByLabel('Note').fill(note);
    await this.rejectForm.getByRole('button', { name: 'Reject application' }).click();
  }
}
