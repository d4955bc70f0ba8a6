import ExcelJS from 'exceljs';
import { parse } from 'papaparse';
import { PDFParse } from 'pdf-parse';
import { afterEach, describe, expect, it } from 'vitest';
import { CommissionsPage } from './pages/commissionsPage';
import { PayoutsPage } from './pages/payoutsPage';
import { ShellPage, UnlockPage, WelcomePage } from './pages/workspacePages';
import { launchApp, type AppHandle } from './support/app';

const today = () => new Date().toISOString().slice(0, 10);
/** The calendar month n months before this one (UTC, as the core counts days). */
function monthsBack(n: number): string {
  const d = new Date();
  const m = d.getUTCFullYear() * 12 + d.getUTCMonth() - n;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}
const FINANCE = { username: 'fiona', displayName: 'Fiona Finance', role: 'finance' as const, passphrase: 'ledger lines balance nicely' };
/** The demo's finance user (Farah Khan) has no passphrase until an admin gives her one. */
const DEMO_FINANCE = { username: 'demo-finance', passphrase: 'second pair of eyes please' };
const REGISTER_HEADER = ['pay_date', 'run_id', 'run_status', 'partner', 'currency', 'earned', 'withheld', 'amount', 'method', 'state', 'transfer_id', 'paid_reference', 'paid_at', 'blockers'];
// Seed 001 (Aloware): a lead-referral partner, paid by bank transfer outside the app in the demo.
const ALOWARE_PARTNER = 'Pipeline Partners LLC';

describe('payouts in the browser host', () => {
  let app: AppHandle;
  afterEach(async () => app?.close());

  it('prepares a run, shows blockers in words, refuses the preparer, unblocks with documents, takes two approvers, executes offline, marks a line paid outside the app and exports the register', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 30_000 }).toBe('4');
    const po = new PayoutsPage(page);
    await po.open();

    // The demo's Stripe partners have no tax form on file; without the requirement those whose
    // Connect account accepts transfers can be paid (and the run has transfers to send).
    await po.setRequireTaxForm(false);

    await po.prepareRun({ payDate: today(), note: 'e2e run' });
    expect(await po.runStatus.textContent()).toBe('Prepared');
    const states = await po.column('State');
    expect(states).toContain('Ready');
    expect(states).toContain('Blocked');
    // Blockers in words. Seed 001: a partner paid by bank transfer waits for its referral report and invoice…
    const outside = await po.findPartner({ method: 'Paid outside the app', blocker: /invoice/ });
    expect(await po.blockers(outside)).toEqual([
      "Blocked until the partner's detailed referral report for this payout is recorded",
      "Blocked until the partner's invoice for this commission is recorded",
    ]);
    // …and a partner paid by Stripe without a Connect account cannot be paid.
    const stripeLess = await po.findPartner({ method: 'Stripe Connect', blocker: /has no Stripe Connect account yet/ });
    // Currencies are never added: one total per currency.
    const totals = await page.getByRole('table', { name: 'Totals by currency' }).locator('tbody tr[data-currency]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-currency')));
    expect(new Set(totals).size).toBe(totals.length);
    expect(totals.length).toBeGreaterThan(1);

    // Maker-checker: the preparer cannot approve, and the screen says why.
    expect(await po.approveButton.isDisabled()).toBe(true);
    expect(await po.approveRefusal.textContent()).toBe('You prepared this run; another finance user must approve it');

    // The drill-down lists the line's ledger entries with their explanations.
    await po.line(outside).getByRole('button', { name: /^Ledger entries of / }).click();
    const entries = page.getByRole('table', { name: 'Ledger entries of the line' });
    await expect.poll(() => entries.locator('tbody tr').count()).toBeGreaterThan(0);
    expect((await entries.locator('tbody tr td:last-child').allTextContents()).every((e) => /^\d+% of \$[\d,]+\.\d\d subscription/.test(e))).toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    // Record the seed 001 documents on the blocked line; the run prepared before them is out of date.
    const { period } = await po.recordDocument(outside, { kind: 'Invoice', reference: 'INV-E2E-7' });
    expect(period).toMatch(/^\d{4}-\d{2}$/);
    await expect.poll(() => po.said.textContent()).toBe(`Invoice INV-E2E-7 for ${period} recorded for ${outside}.`);
    await po.recordDocument(outside, { kind: 'Referral report', reference: 'RR-E2E-7' });
    await po.prepareAgain();
    await expect.poll(() => po.lineState(outside)).toBe('Ready');
    expect(await po.blockers(outside)).toEqual([]);
    const methods = await po.column('Method');
    const readyStates = await po.column('State');
    const ready = readyStates.filter((s) => s === 'Ready').length;
    const readyByStripe = readyStates.filter((s, i) => s === 'Ready' && methods[i] === 'Stripe Connect').length;
    expect(readyByStripe).toBeGreaterThan(1);
    // The demo asks a second approver above 5,000 a currency.
    expect(await page.getByTestId('po-approvals-count').textContent()).toBe('0 of 2');

    // The new run replaced the out-of-date one; a finance colleague gives it its first approval.
    await po.addUser(FINANCE);
    await po.resetPassphrase(DEMO_FINANCE.username, DEMO_FINANCE.passphrase);
    await shell.lock();
    await new UnlockPage(page).unlock(FINANCE.username, FINANCE.passphrase);
    await po.open();
    await expect.poll(() => po.runsTable.getByRole('button', { name: /\(prepared\)$/ }).count()).toBe(1);
    await po.openRun('prepared');
    await po.approve();
    await expect.poll(() => page.getByTestId('po-approvals-count').textContent()).toBe('1 of 2');
    expect(await po.runStatus.textContent()).toBe('Prepared');
    expect(await po.approveRefusal.textContent()).toBe('You have approved this run already; it needs 2 different approvers');

    // The second approver queues the lines.
    await shell.lock();
    await new UnlockPage(page).unlock(DEMO_FINANCE.username, DEMO_FINANCE.passphrase);
    await po.open();
    await po.openRun('prepared');
    await po.approve();
    await expect.poll(() => po.runStatus.textContent()).toBe('Approved');
    expect((await po.column('State')).filter((s) => s === 'Queued').length).toBe(ready);
    expect(await page.getByRole('list', { name: 'Decisions' }).locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Approved by Fiona Finance/),
      expect.stringMatching(/^Approved by Farah Khan/),
    ]);

    // Executing offline: Stripe is not connected, so the transfers wait in the outbox and the screen says so.
    await po.execute();
    await expect.poll(() => po.executeNote.textContent()).toBe(
      `Stripe is not connected yet: ${readyByStripe} transfers wait in the outbox. Connect Stripe under Stripe sync → Settings, then execute the run again.`,
    );
    expect(await po.runStatus.textContent()).toBe('Executing');
    expect(await po.progressText.textContent()).toBe(`0 of ${ready} lines paid, ${ready} queued, 0 failed.`);
    // Partners without a Stripe account were never queued: they stay blocked, with the reason.
    expect(await po.lineState(stripeLess)).toBe('Blocked');

    // The partner paid outside the app is marked paid with the bank's reference.
    await po.markPaid(outside, { reference: 'BANK-E2E-7', paidOn: today() });
    await expect.poll(() => po.lineState(outside)).toBe('Paid');
    expect(await po.line(outside).textContent()).toContain('Reference BANK-E2E-7');
    await expect.poll(() => po.progressText.textContent()).toBe(`1 of ${ready} lines paid, ${ready - 1} queued, 0 failed.`);

    // The payout register, one row per line, amounts as plain decimals.
    const csv = await po.downloadRegister('CSV');
    expect(csv.fileName).toMatch(new RegExp(`^payout-register-${today()}-[0-9a-f]{8}\\.csv$`));
    const rows = parse<string[]>(csv.text.trim()).data;
    expect(rows[0]).toEqual(REGISTER_HEADER);
    const body = rows.slice(1);
    expect(body).toHaveLength(await po.lineRows().count());
    expect(body.every((r) => r[2] === 'executing' && r[0] === today())).toBe(true);
    expect(body.every((r) => /^-?\d+\.\d\d$/.test(r[7]!))).toBe(true);
    expect(body.filter((r) => r[9] === 'queued')).toHaveLength(ready - 1);
    expect(body.filter((r) => r[9] === 'queued' && r[8] === 'stripe_connect')).toHaveLength(readyByStripe);
    const paid = body.find((r) => r[3] === outside)!;
    expect([paid[8], paid[9], paid[11], paid[12], paid[13]]).toEqual(['outside', 'paid', 'BANK-E2E-7', today(), '']);
    // The amount on screen is the amount in the register.
    const screenAmount = await po.line(outside).locator('td.num strong').textContent();
    expect(screenAmount!.replace(/[^\d.]/g, '')).toBe(paid[7]);
    const blocked = body.find((r) => r[3] === stripeLess)!;
    expect(blocked[9]).toBe('blocked');
    expect(blocked[13]).toMatch(/has no Stripe Connect account yet/);

    // The binary files arrive whole: the register as XLSX, the paid line's remittance advice as PDF.
    const xlsx = await po.downloadRegister('XLSX');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Payout register')!;
    expect(sheet.rowCount).toBe(body.length + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...REGISTER_HEADER]);
    const pdf = await po.download(() => po.line(outside).getByRole('button', { name: /^Remittance advice for / }).click());
    expect(pdf.fileName).toMatch(/^remittance-.*\.pdf$/);
    const pdfText = (await new PDFParse({ data: pdf.bytes }).getText()).text;
    expect(pdfText).toContain('Remittance advice');
    expect(pdfText).toContain(`Partner: ${outside}`);
    expect(pdfText).toContain('Payment reference: BANK-E2E-7');

    // History: the decided runs — the superseded one with its reason — and not the one still executing.
    await po.showTab('History');
    const history = page.getByRole('table', { name: 'Payout history' });
    await expect.poll(() => history.locator('tbody tr[data-run-id]').count()).toBeGreaterThan(0);
    const statuses = await history.locator('tbody tr[data-run-id] td:nth-child(2) .badge').allTextContents();
    expect(statuses).toContain('Voided');
    expect(statuses.every((st) => ['Completed', 'Voided', 'Rejected'].includes(st))).toBe(true);
    expect(await history.locator('tbody tr', { hasText: 'Voided' }).first().textContent()).toContain('Superseded by a newer run prepared for the same date');
  });

  it('keeps money typed in major units exact, pays under a standing approval within its limits, and asks a second approver above the threshold', async () => {
    app = await launchApp();
    const { page } = app;
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 30_000 }).toBe('4');
    const po = new PayoutsPage(page);
    await po.open();
    await po.setRequireTaxForm(false);

    // Only GBP needs a second approver, above £1,000.00. Written with a thousands separator it is
    // refused beside its field, and nothing is saved.
    await po.removeThreshold('EUR');
    await po.removeThreshold('USD');
    await po.setThreshold('GBP', '1,000');
    await expect.poll(() => po.thresholdError('GBP').textContent()).toMatch(/not a number.*without thousands separators/);
    await po.setThreshold('GBP', '1000.00');
    await po.settingsForm.getByRole('status').filter({ hasText: 'Payout settings saved.' }).waitFor();
    // Read back from the core: 100000 pence shown again as 1000.00.
    await po.showTab('Runs');
    await po.showTab('Settings');
    await expect.poll(() => po.thresholds()).toEqual({ GBP: '1000.00' });

    // Seed 000: the demo's standing approval for AllSet in GBP; a plan has one per currency at a time.
    await po.showTab('Standing approvals');
    const demoStanding = po.standingTable.locator('tbody tr', { hasText: 'seed 000' });
    expect(await demoStanding.locator('td').nth(2).textContent()).toBe('£250.00');
    await po.createStanding({ planCode: 'allset', currency: 'GBP', perLine: '1000', perDay: '1500.00', note: 'e2e' });
    await expect.poll(() => po.standingForm.getByRole('alert').first().textContent()).toMatch(/already has a standing approval in GBP\. Revoke it first/);
    await demoStanding.getByRole('button', { name: /^Revoke the standing approval for / }).click();
    await expect.poll(() => demoStanding.locator('td').last().textContent()).toMatch(/^Revoked .* by Demo admin$/);
    await po.createStanding({ planCode: 'allset', currency: 'GBP', perLine: '1000.005', perDay: '1500', note: 'e2e' });
    await expect.poll(() => po.standingFieldError(/^Limit per line/).textContent()).toBe("'1000.005' has 3 decimals, but GBP allows at most 2");
    await po.createStanding({ planCode: 'allset', currency: 'GBP', perLine: '1000', perDay: '1500.00', note: 'e2e' });
    const standing = po.standingTable.locator('tbody tr', { hasText: 'e2e' });
    await expect.poll(() => standing.locator('td').allTextContents()).toEqual([expect.stringMatching(/\(allset\)$/), 'GBP', '£1,000.00', '£1,500.00', expect.any(String), 'e2e', 'ActiveRevoke']);

    await page.getByRole('button', { name: 'Pay under standing approvals now' }).click();
    await po.standingResult.waitFor();
    // Offline: the run is approved and queued, and the screen says why the transfers wait.
    expect(await po.standingResult.textContent()).toMatch(/Stripe is not connected yet/);
    const left = page.getByRole('table', { name: 'Left for a manual run' }).locator('tbody tr');
    const leftRows = await left.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const pounds = (s: string) => Number(s.replace(/[^\d.-]/g, ''));
    expect(leftRows.some(([, , why]) => /limit per (line|day)/.test(why!))).toBe(true);
    for (const [, amount, why] of leftRows) {
      if (/limit per line/.test(why!)) expect(pounds(amount!)).toBeGreaterThan(1000);
    }
    await po.standingResult.getByRole('button', { name: 'Open the run' }).first().click();
    await po.runStatus.waitFor();
    expect(await page.locator('.po-run-head').textContent()).toContain('standing approval');
    expect(await page.getByRole('list', { name: 'Decisions' }).textContent()).toMatch(/^Paid under a standing approval by Demo admin/);
    const amounts = (await po.column('Amount')).map(pounds);
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.every((a) => a <= 1000)).toBe(true);
    expect(amounts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1500);
    expect(new Set(await po.column('State'))).toEqual(new Set(['Queued']));
    expect(new Set(await po.column('Currency'))).toEqual(new Set(['GBP']));

    // A manual run whose GBP total is above £1,000.00 needs two approvers.
    await po.prepareRun({ note: 'above the threshold' });
    const gbp = await page.getByRole('table', { name: 'Totals by currency' }).locator('tr[data-currency="GBP"] td').first().textContent();
    expect(pounds(gbp!)).toBeGreaterThan(1000);
    expect(await page.getByTestId('po-approvals-count').textContent()).toBe('0 of 2');
  });

  it('notifies a seed 001 partner of a withheld chargeback: the message on screen, on the clipboard and as an .eml file', async () => {
    app = await launchApp();
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await new WelcomePage(page).openDemo();
    const shell = new ShellPage(page);
    await expect.poll(() => shell.tile('Programmes').textContent(), { timeout: 30_000 }).toBe('4');
    const po = new PayoutsPage(page);

    // A customer of the partner pays three months ago and charges it back last month.
    const customerRef = await po.customerRef(ALOWARE_PARTNER, monthsBack(3));
    await shell.go('Commissions');
    const com = new CommissionsPage(page);
    await com.showTab('Revenue import');
    await com.previewRevenue(
      [
        'external_ref,customer_ref,paid_on,currency,category,gross,kind,refers_to',
        `e2e-pay-1,${customerRef},${monthsBack(3)}-10,USD,subscription,2000.00,payment,`,
        `e2e-cb-1,${customerRef},${monthsBack(1)}-12,USD,subscription,2000.00,chargeback,e2e-pay-1`,
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Import 2 lines' }).click();
    await page.getByRole('status', { name: 'Revenue import result' }).waitFor();
    await com.runPeriod(monthsBack(3));
    await com.runPeriod(monthsBack(1));

    await po.open();
    await po.prepareRun({ note: 'chargeback' });
    const withheld = await po.line(ALOWARE_PARTNER).locator('td.po-negative').textContent();
    expect(withheld).toMatch(/^-\$\d/);
    await po.line(ALOWARE_PARTNER).getByRole('button', { name: /^Chargeback notice to / }).click();
    const dialog = page.getByRole('dialog', { name: `Chargeback notice to ${ALOWARE_PARTNER}` });
    await expect.poll(() => dialog.getByTestId('po-notice-subject').textContent()).toBe(`Chargebacks withheld from your commission payouts — ${ALOWARE_PARTNER}`);
    // A text area hands its value back with \n line breaks; the core writes the message with \r\n.
    const text = await dialog.getByLabel('Message').inputValue();
    const lf = (s: string) => s.replace(/\r\n/g, '\n');
    // The amount withheld in the message is the amount withheld on the line.
    expect(text).toContain(`Total withheld: ${withheld!.replace('-', '')}`);
    expect(text).toMatch(/Chargeback of \$2,000\.00 on the \$2,000\.00 subscription/);

    await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('The message is on the clipboard.');
    expect(lf(await page.evaluate(() => navigator.clipboard.readText()))).toBe(text);

    const eml = await po.download(() => dialog.getByRole('button', { name: 'Download .eml' }).click());
    expect(eml.fileName).toMatch(/^chargebacks-pipeline-partners-llc-\d{4}-\d{2}-\d{2}\.eml$/);
    const [head, ...rest] = eml.text.split('\r\n\r\n');
    expect(head).toMatch(/^Subject: =\?UTF-8\?B\?/m); // the em dash is encoded (RFC 2047)
    expect(head).toMatch(/^To: .* <[^@\s]+@[^>\s]+>$/m);
    expect(head).toContain('X-Unsent: 1');
    expect(lf(rest.join('\r\n\r\n')).trim()).toBe(text.trim());
  });

});
