import type { Page } from 'playwright-core';

/** Settings → Audit trail and Backups, and the lock screen's restore form. */
export class AuditPanelPage {
  constructor(private page: Page) {}
  get section() {
    return this.page.getByRole('region', { name: 'Audit trail' });
  }
  async verifyChain() {
    await this.section.getByRole('button', { name: 'Verify chain' }).click();
  }
  verifyResult() {
    return this.page.getByTestId('audit-verify-result');
  }
  rows() {
    return this.page.getByRole('table', { name: 'Audit entries' }).locator('tbody tr');
  }
  async refresh() {
    await this.page.getByRole('form', { name: 'Audit filters' }).getByRole('button', { name: 'Refresh' }).click();
  }
  async filterAction(action: string) {
    await this.page.getByRole('form', { name: 'Audit filters' }).getByLabel('Action').selectOption(action);
  }
  count() {
    return this.page.getByTestId('audit-count');
  }
}

export class BackupPanelPage {
  constructor(private page: Page) {}
  async backUpNow() {
    await this.page.getByRole('button', { name: 'Back up now' }).click();
  }
  written() {
    return this.page.getByTestId('backup-written');
  }
  rows() {
    return this.page.getByRole('table', { name: 'Backups' }).locator('tbody tr');
  }
}

export class RestorePage {
  constructor(private page: Page) {}
  get form() {
    return this.page.getByRole('form', { name: 'Restore from a backup' });
  }
  async open() {
    await this.page.getByRole('button', { name: 'Restore from a backup' }).click();
  }
  async restore(username: string, passphrase: string) {
    await this.form.getByLabel('Admin username').fill(username);
    await this.form.getByLabel('Passphrase').fill(passphrase);
    await this.form.getByRole('button', { name: 'Restore', exact: true }).click();
  }
}
