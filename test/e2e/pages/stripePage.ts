import type { Locator, Page } from 'playwright-core';

/** Page model of the Stripe sync section and the sidebar's connection status. */
export class StripePage {
  constructor(private page: Page) {}

  async tab(name: 'Sync' | 'Customers' | 'Products' | 'Attribution' | 'Settings') {
    await this.page.getByRole('tablist', { name: 'Stripe' }).getByRole('tab', { name, exact: true }).click();
  }

  async connect(key: string, apiBase: string) {
    await this.tab('Settings');
    await this.page.getByLabel('Restricted key').fill(key);
    await this.page.getByLabel('Server address').fill(apiBase);
    await this.page.getByRole('button', { name: 'Save key' }).click();
  }

  get maskedKey(): Locator {
    return this.page.getByTestId('stripe-masked-key');
  }

  get account(): Locator {
    return this.page.getByTestId('stripe-account');
  }

  async syncNow() {
    await this.tab('Sync');
    await this.page.getByRole('button', { name: 'Sync now' }).click();
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Sync progress' });
  }

  get syncStatus(): Locator {
    return this.page.getByTestId('stripe-sync-status');
  }

  get totals(): Locator {
    return this.page.getByTestId('stripe-totals');
  }

  get customers(): Locator {
    return this.page.getByRole('table', { name: 'Stripe customers' });
  }

  get connection(): Locator {
    return this.page.getByTestId('stripe-connection');
  }
}
