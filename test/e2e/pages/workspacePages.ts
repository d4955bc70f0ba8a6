import type { Page } from 'playwright-core';

/** Page models: what a person does on the welcome, unlock and shell screens. */
export class WelcomePage {
  constructor(private page: Page) {}
  get form() {
    return this.page.getByRole('form', { name: 'Create a workspace' });
  }
  async createWorkspace(v: { workspaceName: string; displayName: string; username: string; passphrase: string; confirm?: string }) {
    const f = this.form;
    await f.getByLabel('Workspace name').fill(v.workspaceName);
    await f.getByLabel('Your name').fill(v.displayName);
    await f.getByLabel('Username').fill(v.username);
    await f.getByLabel('Passphrase', { exact: true }).fill(v.passphrase);
    await f.getByLabel('Repeat passphrase').fill(v.confirm ?? v.passphrase);
    await f.getByRole('button', { name: 'Create workspace' }).click();
  }
  async openDemo() {
    await this.page.getByRole('button', { name: 'Open the demo workspace' }).click();
  }
  fieldError(label: string) {
    return this.form.locator('.field', { has: this.page.getByText(label, { exact: true }) }).locator('.field-error');
  }
}

export class UnlockPage {
  constructor(private page: Page) {}
  get form() {
    return this.page.getByRole('form', { name: 'Unlock workspace' });
  }
  async unlock(username: string, passphrase: string) {
    await this.form.getByLabel('Username').fill(username);
    await this.form.getByLabel('Passphrase').fill(passphrase);
    await this.form.getByRole('button', { name: 'Unlock', exact: true }).click();
  }
  get error() {
    return this.form.locator('.error-banner');
  }
}

export class ShellPage {
  constructor(private page: Page) {}
  async go(section: string) {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section, exact: true }).click();
  }
  async lock() {
    await this.page.getByRole('button', { name: 'Lock' }).click();
  }
  heading() {
    return this.page.locator('main.content h1');
  }
  tile(label: string) {
    return this.page.locator('.tile', { hasText: label }).locator('.tile-value');
  }
}
