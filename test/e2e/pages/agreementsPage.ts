import type { Locator, Page } from 'playwright-core';

/** Page model of the Agreements section: the upcoming dates, the list, and a partner's agreement drawer. */
export class AgreementsPage {
  constructor(private page: Page) {}

  get upcoming(): Locator {
    return this.page.getByRole('table', { name: 'Upcoming dates' });
  }

  get list(): Locator {
    return this.page.getByRole('table', { name: 'Agreements' });
  }

  async showUpcoming() {
    await this.page.getByRole('tab', { name: 'Upcoming dates' }).click();
  }

  async showAll() {
    await this.page.getByRole('tab', { name: 'All agreements' }).click();
  }

  async setRange(from: string, to: string) {
    await this.page.getByLabel('From', { exact: true }).fill(from);
    await this.page.getByLabel('To', { exact: true }).fill(to);
  }

  async filterKind(label: string) {
    await this.page.getByLabel('Kind', { exact: true }).selectOption({ label });
  }

  /** The upcoming rows of one partner. */
  upcomingRows(company: string): Locator {
    return this.upcoming.locator('tbody tr', { hasText: company });
  }

  async openUpcoming(company: string) {
    await this.upcomingRows(company).first().getByRole('button', { name: company }).click();
  }

  async openFromList(company: string) {
    await this.list.locator('tbody tr', { hasText: company }).getByRole('button', { name: company }).click();
  }

  drawer(company: string): Locator {
    return this.page.getByRole('dialog', { name: `Agreement of ${company}` });
  }

  async closeDrawer(company: string) {
    await this.drawer(company).getByRole('button', { name: 'Close', exact: true }).click();
  }

  state(company: string): Locator {
    return this.drawer(company).getByTestId('agreement-state');
  }

  /** The ISO day shown for "Notice can first be served". */
  async firstNoticeDate(company: string): Promise<string | null> {
    return this.drawer(company).getByTestId('first-notice').locator('time').getAttribute('datetime');
  }

  get noticeDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Serve notice' });
  }

  async serveNotice(company: string, v: { servedBy: 'The partner' | 'The company'; servedOn: string }) {
    await this.drawer(company).getByRole('toolbar', { name: 'Agreement actions' }).getByRole('button', { name: 'Serve notice' }).click();
    const d = this.noticeDialog;
    await d.getByLabel('Served by').selectOption({ label: v.servedBy });
    await d.getByLabel('Served on').fill(v.servedOn);
    await d.getByRole('button', { name: 'Serve notice' }).click();
  }

  noticeFieldError(label: string): Locator {
    return this.noticeDialog.locator('.field', { has: this.page.getByText(label, { exact: true }) }).locator('.field-error');
  }

  async cancelDialog() {
    await this.page.locator('.agr-dialog').getByRole('button', { name: 'Cancel' }).click();
  }

  /** Timeline entries of one kind (e.g. 'termination'), as their ISO days. */
  async timelineDates(company: string, kind: string): Promise<(string | null)[]> {
    const items = this.drawer(company).getByRole('list', { name: 'Agreement timeline' }).locator(`li[data-kind="${kind}"] time`);
    return items.evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
  }

  async exportIcs(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export .ics' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}
