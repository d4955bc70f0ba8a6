import type { Page } from 'playwright-core';

export interface NewUser {
  displayName: string;
  username: string;
  /** As the role select shows it: "Finance", "Manager", "Partnership manager"… */
  role: string;
  passphrase: string;
}

/** Page model of Settings → Users, the auto-lock setting and "Your passphrase". */
export class UsersPage {
  constructor(private page: Page) {}

  get table() {
    return this.page.getByRole('table', { name: 'Users' });
  }
  get heading() {
    return this.page.getByRole('heading', { name: 'Users', exact: true });
  }
  row(username: string) {
    return this.table.locator(`tbody tr[data-username="${username}"]`);
  }
  stateOf(username: string) {
    return this.row(username).locator('.badge');
  }
  get notice() {
    return this.page.locator('.users [role="status"]');
  }

  async addUser(u: NewUser) {
    await this.page.getByRole('button', { name: 'Add user' }).click();
    const form = this.page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Name', { exact: true }).fill(u.displayName);
    await form.getByLabel('Username', { exact: true }).fill(u.username);
    await form.getByLabel('Role', { exact: true }).selectOption({ label: u.role });
    await form.getByLabel('First passphrase').fill(u.passphrase);
    await form.getByLabel('Repeat passphrase').fill(u.passphrase);
    await form.getByRole('button', { name: 'Add user' }).click();
  }

  async disable(username: string) {
    await this.row(username).getByRole('button', { name: 'Disable' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Disable user' }).click();
  }

  async resetPassphrase(username: string, passphrase: string) {
    await this.row(username).getByRole('button', { name: /(Reset|Set) passphrase/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('New passphrase').fill(passphrase);
    await dialog.getByLabel('Repeat passphrase').fill(passphrase);
    await dialog.getByRole('button', { name: 'Save passphrase' }).click();
  }

  async setAutoLock(label: string) {
    await this.page.getByLabel('Lock the workspace without input').selectOption({ label });
  }
}
