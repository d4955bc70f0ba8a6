import type { Locator, Page } from 'playwright-core';
import { ShellPage } from './workspacePages';

export type DownloadedFile = { fileName: string; bytes: Buffer; text: string };

/** Page model of the Payouts section: runs, run detail (approval, execution, lines), history, standing approvals, settings. */
export class PayoutsPage {
  constructor(private page: Page) {}

  async open() {
    await new ShellPage(this.page).go('Payouts');
  }

  async showTab(name: 'Runs' | 'Run detail' | 'History' | 'Standing approvals' | 'Settings') {
    await this.page.getByRole('tablist', { name: 'Payouts views' }).getByRole('tab', { name, exact: true }).click();
  }

  // ---- settings ----
  get settingsForm(): Locator {
    return this.page.getByRole('form', { name: 'Payout settings' });
  }

  async setRequireTaxForm(on: boolean) {
    await this.showTab('Settings');
    await this.settingsForm.getByLabel(/^Require a tax form/).setChecked(on);
    await this.settingsForm.getByRole('button', { name: 'Save settings' }).click();
    await this.settingsForm.getByRole('status').filter({ hasText: 'Payout settings saved.' }).waitFor();
  }

  thresholdRow(currency?: string): Locator {
    const rows = this.settingsForm.getByRole('group', { name: /^Threshold \d+$/ });
    return currency ? rows.filter({ has: this.page.locator(`select:has(option[value="${currency}"]:checked)`) }) : rows.last();
  }

  /** Sets the amount of a currency's second-approval threshold (a new row when it has none) and saves. */
  async setThreshold(currency: string, amount: string) {
    let row = this.thresholdRow(currency);
    if ((await row.count()) === 0) {
      await this.settingsForm.getByRole('button', { name: 'Add a threshold' }).click();
      row = this.thresholdRow();
      await row.getByLabel('Currency').selectOption(currency);
    }
    await row.getByLabel(/^Above/).fill(amount);
    await this.settingsForm.getByRole('button', { name: 'Save settings' }).click();
  }

  async removeThreshold(currency: string) {
    await this.thresholdRow(currency).getByRole('button', { name: /^Remove threshold/ }).click();
  }

  /** The thresholds on screen: currency → amount as typed. */
  async thresholds(): Promise<Record<string, string>> {
    const rows = await this.settingsForm.getByRole('group', { name: /^Threshold \d+$/ }).evaluateAll((groups) =>
      groups.map((g) => [(g.querySelector('select') as HTMLSelectElement).value, (g.querySelector('input') as HTMLInputElement).value]),
    );
    return Object.fromEntries(rows);
  }

  thresholdError(currency: string): Locator {
    return this.thresholdRow(currency).locator('.field-error');
  }

  // ---- standing approvals ----
  get standingForm(): Locator {
    return this.page.getByRole('form', { name: 'New standing approval' });
  }

  get standingTable(): Locator {
    return this.page.getByRole('table', { name: 'Standing approvals' });
  }

  async createStanding(v: { planCode: string; currency: string; perLine: string; perDay: string; note?: string }) {
    const plan = this.standingForm.getByLabel('Plan', { exact: true });
    const labels = await plan.locator('option').allTextContents();
    const label = labels.find((l) => l.endsWith(`(${v.planCode})`));
    if (!label) throw new Error(`no plan ${v.planCode}: ${labels.join(', ')}`);
    await plan.selectOption({ label });
    await this.standingForm.getByLabel('Currency', { exact: true }).selectOption(v.currency);
    await this.standingForm.getByLabel(/^Limit per line/).fill(v.perLine);
    await this.standingForm.getByLabel(/^Limit per day/).fill(v.perDay);
    if (v.note) await this.standingForm.getByLabel('Note', { exact: true }).fill(v.note);
    await this.standingForm.getByRole('button', { name: 'Record standing approval' }).click();
  }

  standingFieldError(label: RegExp): Locator {
    return this.standingForm.locator('.field', { has: this.page.getByLabel(label) }).locator('.field-error');
  }

  get standingResult(): Locator {
    return this.page.getByRole('status', { name: 'Paid under standing approvals' });
  }

  // ---- runs list ----
  get runsTable(): Locator {
    return this.page.getByRole('table', { name: 'Payout runs' });
  }

  async prepareRun(v: { payDate?: string; note?: string } = {}) {
    await this.showTab('Runs');
    await this.page.getByRole('button', { name: 'Prepare run', exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Prepare run' });
    if (v.payDate) await form.getByLabel('Pay date').fill(v.payDate);
    if (v.note) await form.getByLabel('Note').fill(v.note);
    await form.getByRole('button', { name: 'Prepare run' }).click();
    await this.runStatus.waitFor();
  }

  /** Opens the newest (or oldest) run with that status from the Runs tab. */
  async openRun(status: 'prepared' | 'approved' | 'executing' | 'completed' | 'voided' | 'rejected', which: 'newest' | 'oldest' = 'newest') {
    await this.showTab('Runs');
    const buttons = this.runsTable.getByRole('button', { name: new RegExp(`^Open the run of .* \\(${status}\\)$`) });
    await (which === 'newest' ? buttons.first() : buttons.last()).click();
    await this.runStatus.waitFor();
  }

  async reject(reason: string) {
    await this.page.getByRole('region', { name: 'Approval' }).getByRole('button', { name: 'Reject', exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Reject the run' });
    await form.getByLabel('Reason').fill(reason);
    await form.getByRole('button', { name: 'Reject run' }).click();
    await form.waitFor({ state: 'detached' });
  }

  // ---- run detail ----
  get runStatus(): Locator {
    return this.page.getByTestId('po-run-status');
  }

  get lines(): Locator {
    return this.page.getByRole('table', { name: 'Payout lines' });
  }

  lineRows(): Locator {
    return this.lines.locator('tbody tr[data-line-id]');
  }

  line(partner: string, currency?: string): Locator {
    const rows = this.lines.locator('tbody tr', { has: this.page.getByRole('rowheader', { name: partner, exact: true }) });
    return currency ? rows.filter({ has: this.page.getByRole('cell', { name: currency, exact: true }) }) : rows;
  }

  /** The first partner whose line matches: its method and a blocker, as the screen words them. */
  async findPartner(match: { method?: string; blocker: RegExp }): Promise<string> {
    const rows = await this.lineRows().evaluateAll((trs) =>
      trs.map((tr) => ({
        partner: tr.querySelector('th')?.textContent ?? '',
        method: tr.querySelectorAll('td')[4]?.textContent ?? '',
        blockers: [...tr.querySelectorAll('.po-blockers li')].map((li) => li.textContent ?? ''),
      })),
    );
    const row = rows.find((r) => (!match.method || r.method === match.method) && r.blockers.some((b) => match.blocker.test(b)));
    if (!row) throw new Error(`no line with ${match.method ?? 'any method'} and a blocker ${match.blocker}`);
    return row.partner;
  }

  async lineState(partner: string): Promise<string> {
    return ((await this.line(partner).locator('.badge').textContent()) ?? '').trim();
  }

  /** The reasons a line is not paid, as the screen words them. */
  async blockers(partner: string): Promise<string[]> {
    return this.lines.getByRole('list', { name: `Why ${partner} is not paid` }).locator('li').allTextContents();
  }

  /** One column of the lines table, by header. */
  async column(header: string): Promise<string[]> {
    const headers = await this.lines.locator('thead th').allTextContents();
    const i = headers.indexOf(header);
    if (i < 0) throw new Error(`no lines column ${header}: ${headers.join(', ')}`);
    return this.lineRows().locator(`> :nth-child(${i + 1})`).allTextContents();
  }

  get approveButton(): Locator {
    return this.page.getByRole('region', { name: 'Approval' }).getByRole('button', { name: 'Approve', exact: true });
  }

  get approveRefusal(): Locator {
    return this.page.getByTestId('po-approve-reason');
  }

  async approve() {
    await this.approveButton.click();
  }

  async execute() {
    await this.page.getByRole('region', { name: 'Approval' }).getByRole('button', { name: /^(Execute|Resume execution)$/ }).click();
  }

  get said(): Locator {
    return this.page.locator('.po-run > [role="status"]');
  }

  get executeNote(): Locator {
    return this.page.getByTestId('po-execute-note');
  }

  get progressText(): Locator {
    return this.page.getByTestId('po-progress-text');
  }

  async recordDocument(partner: string, v: { kind: 'Invoice' | 'Referral report'; reference: string; receivedOn?: string }): Promise<{ period: string }> {
    await this.line(partner).getByRole('button', { name: /^Record referral report or invoice of / }).click();
    const form = this.page.getByRole('form', { name: 'Record document' });
    await form.getByLabel('Document', { exact: true }).selectOption({ label: v.kind });
    await form.getByLabel('Reference', { exact: true }).fill(v.reference);
    if (v.receivedOn) await form.getByLabel('Received on').fill(v.receivedOn);
    const period = await form.getByLabel('Period', { exact: true }).inputValue();
    await form.getByRole('button', { name: 'Record document' }).click();
    await form.waitFor({ state: 'detached' });
    return { period };
  }

  async prepareAgain() {
    const before = await this.page.locator('[data-line-id]').first().getAttribute('data-line-id');
    await this.page.getByRole('region', { name: 'Run out of date' }).getByRole('button', { name: /^Prepare again for / }).click();
    await this.page.waitForFunction((id) => !document.querySelector(`[data-line-id="${id}"]`), before);
  }

  async markPaid(partner: string, v: { reference: string; paidOn: string }) {
    await this.line(partner).getByRole('button', { name: /^Mark .* paid$/ }).click();
    const form = this.page.getByRole('form', { name: 'Mark paid' });
    await form.getByLabel('Payment reference').fill(v.reference);
    await form.getByLabel('Paid on').fill(v.paidOn);
    await form.getByRole('button', { name: 'Mark paid' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async downloadRegister(format: 'CSV' | 'XLSX'): Promise<DownloadedFile> {
    return this.download(() => this.page.getByRole('group', { name: 'Payout register' }).getByRole('button', { name: `Register ${format}` }).click());
  }

  async download(click: () => Promise<void>): Promise<DownloadedFile> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    return { fileName: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
  }

  /** Calls a channel through the page's own bridge to the core, as the app itself does (set-up the screens do not offer yet). */
  async call<T = any>(channel: string, input: unknown): Promise<T> {
    const r = (await this.page.evaluate(
      async ({ channel, input }) => {
        if (window.partnerdesk) return window.partnerdesk.invoke(channel, input);
        const token = sessionStorage.getItem('partnerdesk.token') ?? '';
        const res = await fetch(`/rpc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-partnerdesk-token': token }, body: JSON.stringify(input) });
        return res.json();
      },
      { channel, input },
    )) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.message}`);
    return r.value;
  }

  /** The external reference of a partner's customer closed before `month` and not cancelled (set-up data for a revenue import). */
  async customerRef(company: string, month: string): Promise<string> {
    const partners = await this.call<{ rows: { id: string; company: string }[] }>('commissions.partners', { limit: 20000 });
    const partner = partners.rows.find((p) => p.company === company);
    if (!partner) throw new Error(`no partner ${company}`);
    const customers = await this.call<{ rows: { closedOn: string | null; cancelledOn: string | null; externalRef: string | null }[] }>('referrals.listCustomers', { partnerId: partner.id });
    const c = customers.rows.find((r) => r.externalRef && r.closedOn && r.closedOn < `${month}-01` && !r.cancelledOn);
    if (!c) throw new Error(`${company} has no customer closed before ${month}`);
    return c.externalRef!;
  }

  // ---- users (no users screen yet) ----
  async addUser(v: { username: string; displayName: string; role: 'finance' | 'admin' | 'manager'; passphrase: string }) {
    await this.call('users.add', { ...v, confirmPassphrase: v.passphrase });
  }

  /** Gives an existing user (e.g. the demo's finance user, who has none) a passphrase to sign in with. */
  async resetPassphrase(username: string, passphrase: string) {
    const users = await this.call<{ id: string; username: string }[]>('users.list', {});
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`no user ${username}`);
    await this.call('users.resetPassphrase', { userId: user.id, passphrase, confirmPassphrase: passphrase });
  }
}
