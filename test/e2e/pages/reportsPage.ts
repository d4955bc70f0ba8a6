import type { Locator, Page } from 'playwright-core';

export type ExportChoice = 'CSV' | 'CSV for Excel' | 'Excel workbook (XLSX)' | 'PDF';

/** The Export dialog any table opens ("export what I see"): pick a format, wait for the download. */
export class ExportDialogModel {
  constructor(private page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Clicks the Export button within `scope`, exports in `format`, returns the downloaded file. */
  async exportFrom(scope: Locator | Page, format: ExportChoice): Promise<{ fileName: string; bytes: Buffer; state: string }> {
    await scope.getByRole('button', { name: 'Export…' }).click();
    await this.dialog.getByRole('radio', { name: new RegExp(`^${format.replace(/[()]/g, '\\$&')} —`) }).check();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const state = (await this.dialog.getByTestId('export-state').textContent()) ?? '';
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks), state };
  }
}

/** Page model of the Reports section and the dashboard figures that open it. */
export class ReportsPage {
  constructor(private page: Page) {}

  async open(title: string) {
    await this.page.getByRole('navigation', { name: 'Reports' }).getByRole('button', { name: title, exact: true }).click();
  }

  get view(): Locator {
    return this.page.locator('section.rep-view');
  }

  heading(): Locator {
    return this.page.locator('#rep-title');
  }

  table(title: string): Locator {
    return this.page.getByRole('table', { name: title, exact: true });
  }

  filters(title: string): Locator {
    return this.page.getByRole('form', { name: `${title} filters` });
  }

  async count(): Promise<number> {
    const text = (await this.page.getByTestId('report-count').textContent()) ?? '';
    const m = /^([\d,]+) rows?/.exec(text);
    return m ? Number(m[1]!.replace(/,/g, '')) : -1;
  }

  async filterValue(title: string, label: string): Promise<string> {
    return this.filters(title).getByLabel(label, { exact: true }).inputValue();
  }

  /** The dashboard's month table: the amount buttons of its last month row, by currency header. */
  async lastMonthAmounts(table: 'Referred revenue by month' | 'Commission by month'): Promise<{ month: string; currency: string; button: Locator }[]> {
    const t = this.page.getByRole('table', { name: table, exact: true });
    await t.locator('tbody tr').last().waitFor();
    const currencies = (await t.locator('thead th').allTextContents()).slice(1);
    const row = t.locator('tbody tr').last();
    const month = (await row.locator('th').textContent()) ?? '';
    return currencies.map((currency, i) => ({ month, currency, button: row.locator('td').nth(i).getByRole('button') }));
  }
}
