import ExcelJS from 'exceljs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledExport } from '../../src-main/core/reports/jobs';
import { exportsDir } from '../../src-main/core/reports/files';
import type { ExportJob } from '../../src-shared/reports/contract';
import { majorNumber } from '../../src-shared/reports/money';
import { cents, csvRecords, demoCore, exportFile, sumBy, type Core } from './reports.support';

// The exported files themselves: an XLSX read back with exceljs (typed cells, currency
// formats, real dates, totals), a PDF's text extracted with pdf-parse, and the export jobs
// — progress while other calls are answered, cancel and lock removing the partial file,
// the audit entry, and what is refused.

let t: Core;
type LedgerTotals = { totals: { currency: string; netMinor: number; entryCount: number }[] };

beforeAll(async () => {
  t = await demoCore();
});
afterAll(() => t?.cleanup());

const sqlite = () => t.core.context.session!.open.sqlite;

describe('an XLSX export read back', () => {
  it('has typed cells: money as numbers in the currency’s format, dates as dates, rates as percentages, and totals to the cent', async () => {
    const { bytes } = await exportFile(t, { query: { report: 'ledger', filters: { currency: 'EUR' } }, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rows', 'Totals', 'About']);
    const rows = wb.getWorksheet('Rows')!;
    const header = (rows.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Period', 'Date', 'Partner', 'Customer', 'Rule', 'Currency', 'Base', 'Rate', 'Tier', 'Plan version', 'Amount', 'Status', 'Hold until', 'Payout', 'Explanation']);
    const col = (label: string) => header.indexOf(label) + 1;

    const expected = sqlite()
      .prepare(`SELECT e.occurred_on AS occurredOn, e.amount_minor AS amount, e.base_minor AS base, e.rate_bps AS rate FROM ledger_entries e WHERE currency = 'EUR' ORDER BY e.occurred_on, e.id`)
      .all() as { occurredOn: string; amount: number; base: number; rate: number }[];
    expect(rows.rowCount).toBe(expected.length + 1);
    const first = rows.getRow(2);
    const amount = first.getCell(col('Amount'));
    expect(amount.type).toBe(ExcelJS.ValueType.Number);
    expect(amount.value).toBe(majorNumber(expected[0]!.amount, 'EUR'));
    expect(amount.numFmt).toBe('[$€-x-euro2] #,##0.00');
    const date = first.getCell(col('Date'));
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect((date.value as Date).toISOString()).toBe(`${expected[0]!.occurredOn}T00:00:00.000Z`);
    expect(date.numFmt).toBe('yyyy-mm-dd');
    const rate = first.getCell(col('Rate'));
    expect(rate.value).toBeCloseTo(expected[0]!.rate / 10_000, 10);
    expect(rate.numFmt).toBe('0.00%');
    expect(first.getCell(col('Currency')).value).toBe('EUR');

    // Every amount reads back as the ledger's cents, and the Totals sheet is the ledger's EUR total.
    let sum = 0;
    rows.eachRow((r, n) => {
      if (n > 1) sum += Math.round((r.getCell(col('Amount')).value as number) * 100);
    });
    const ledger = await t.call<LedgerTotals>('commissions.ledger', { currency: 'EUR', limit: 1 });
    expect(sum).toBe(ledger.totals[0]!.netMinor);
    const totals = wb.getWorksheet('Totals')!;
    expect((totals.getRow(1).values as unknown[]).slice(1)).toEqual(['Currency', 'Rows', 'Base', 'Amount']);
    expect(totals.getRow(2).getCell(1).value).toBe('EUR');
    expect(totals.getRow(2).getCell(2).value).toBe(ledger.totals[0]!.entryCount);
    expect(totals.getRow(2).getCell(4).value).toBe(majorNumber(ledger.totals[0]!.netMinor, 'EUR'));
    expect(totals.getRow(2).getCell(4).numFmt).toBe('[$€-x-euro2] #,##0.00');
    const about = wb.getWorksheet('About')!;
    expect(about.getRow(1).getCell(1).value).toBe('Ledger entries');
    expect(about.getColumn(1).values.join('\n')).toContain('Currency: EUR');
  });

  it('writes dollars and pounds in their own formats, one style per currency', async () => {
    const { bytes } = await exportFile(t, { query: { report: 'accrual', filters: {} }, format: 'xlsx', columns: ['partnerCompany', 'netMinor'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('Rows')!;
    // Asking for an amount brings its currency along.
    expect((rows.getRow(1).values as unknown[]).slice(1)).toEqual(['Partner', 'Currency', 'Net']);
    const formats = new Map<string, string>();
    rows.eachRow((r, n) => {
      if (n > 1) formats.set(String(r.getCell(2).value), r.getCell(3).numFmt);
    });
    expect(Object.fromEntries(formats)).toEqual({ EUR: '[$€-x-euro2] #,##0.00', GBP: '"£"#,##0.00', USD: '"$"#,##0.00' });
  });
});

describe('a PDF export', () => {
  it("a partner's statement reads as the statement: partner, month, entries and totals", async () => {
    const pick = sqlite()
      .prepare("SELECT e.partner_id AS partnerId, e.period, p.company FROM ledger_entries e JOIN partners p ON p.id = e.partner_id WHERE e.currency = 'GBP' GROUP BY e.partner_id, e.period ORDER BY count(*) DESC LIMIT 1")
      .get() as { partnerId: string; period: string; company: string };
    const statement = await t.call<{ entries: { customerName: string; amountMinor: number }[]; totals: { currency: string; netMinor: number }[] }>('commissions.statement', { partnerId: pick.partnerId, period: pick.period });
    const { bytes, job } = await exportFile(t, { query: { report: 'statement', filters: { partnerId: pick.partnerId, period: pick.period } }, format: 'pdf' });
    expect(job.fileName).toMatch(/^statement-.*\.pdf$/);
    const { text } = await new PDFParse({ data: bytes }).getText();
    expect(text).toContain(`Commission statement — ${pick.company}, ${pick.period}`);
    expect(text).toContain(`Period: ${pick.period}`);
    const net = statement.totals[0]!;
    const decimal = (minor: number) => `${Math.trunc(minor / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
    expect(text).toContain(`net GBP ${decimal(net.netMinor)}`);
    expect(text).toContain(`Amount ${decimal(net.netMinor)}`);
    for (const e of statement.entries.slice(0, 5)) expect(text).toContain(e.customerName);
    expect(text).toMatch(/Date\s+Customer\s+Rule\s+Currency\s+Base\s+Rate/);
  });

  it('a long table continues over pages with its headings repeated and a page number on each', async () => {
    const { bytes } = await exportFile(t, { query: { report: 'revenue', filters: {} }, format: 'pdf' });
    const parsed = await new PDFParse({ data: bytes }).getText();
    const count = sqlite().prepare('SELECT count(*) FROM revenue_lines l JOIN customers c ON c.id = l.customer_id WHERE c.partner_id IS NOT NULL').pluck().get() as number;
    const pages = parsed.pages.length;
    expect(pages).toBeGreaterThan(count / 60);
    for (const p of parsed.pages) {
      if (/\n\d{4}-\d\d-\d\d /.test(p.text)) expect(p.text).toMatch(/Paid on\s+Partner\s+Customer/);
      expect(p.text).toContain(`Referred revenue · page ${p.num}`);
    }
    expect(parsed.text).toContain(`${count} rows`);
  });
});

describe('CSV', () => {
  it('is RFC 4180 with CRLF lines; the Excel-friendly option adds a byte-order mark and semicolons', async () => {
    const plain = (await exportFile(t, { query: { report: 'partners', filters: {} }, format: 'csv' })).bytes.toString('utf8');
    expect(plain.startsWith('Company,Programme,Format,Status,Contact e-mail')).toBe(true);
    expect(plain.split('\r\n').length).toBeGreaterThan(10);
    expect(plain.replace(/\r\n/g, '')).not.toMatch(/\n/);
    // "Aloware affiliate & lead referral" and a company with a comma would be quoted.
    const excel = (await exportFile(t, { query: { report: 'partners', filters: {} }, format: 'csv', csv: { excel: true, delimiter: ';' } })).bytes;
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.toString('utf8').slice(1).startsWith('Company;Programme;Format;Status')).toBe(true);
    expect(csvRecords(excel).map((r) => r.Company)).toEqual(csvRecords(Buffer.from(plain)).map((r) => r.Company));
  });
});

/** Asks for the job's progress as a screen does — on a timer — until some rows are written. */
async function whenWriting(jobId: string): Promise<ExportJob> {
  for (let i = 0; i < 2000; i++) {
    const s = await t.call<ExportJob>('reports.exportStatus', { jobId });
    if (s.rowsWritten > 0 || s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the export wrote nothing in 10 s');
}

describe('export jobs', () => {
  const many = 120_000;
  beforeAll(() => {
    // A long audit log: the one table a test can grow fast without the commission engine.
    const ins = sqlite().prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, NULL, 'test.bulk', 'test', ?, '{\"n\":1}')");
    sqlite().transaction(() => {
      for (let i = 0; i < many; i++) ins.run(`2026-05-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, `row-${i}`);
    })();
  });

  it('writes a long export in chunks: progress is reported and other calls are answered meanwhile', async () => {
    const job = await t.call<ExportJob>('reports.exportStart', { query: { report: 'audit-log', filters: { action: 'test.bulk' } }, format: 'csv' });
    expect(job).toMatchObject({ state: 'running', rowsWritten: 0, path: null, download: null });
    await whenWriting(job.jobId);
    // Another call, answered while the export is still being written.
    const info = await t.call<{ counts: { partners: number } }>('workspace.info', {});
    const during = await t.call<ExportJob>('reports.exportStatus', { jobId: job.jobId });
    expect(info.counts.partners).toBeGreaterThan(0);
    expect(during.state).toBe('running');
    expect(during.rowsWritten).toBeGreaterThan(0);
    expect(during.rowsWritten).toBeLessThan(many);
    const done = await settledExport(t.core.context, job.jobId);
    expect(done).toMatchObject({ state: 'done', rowsWritten: many, rowsTotal: many, download: `/exports/${job.fileName}` });
    expect(done.path).toBe(join(exportsDir(t.dir), job.fileName));
    expect(existsSync(done.path!)).toBe(true);
  });

  it('cancelling stops the export and removes its partial file', async () => {
    const job = await t.call<ExportJob>('reports.exportStart', { query: { report: 'audit-log', filters: { action: 'test.bulk' } }, format: 'xlsx' });
    await whenWriting(job.jobId);
    const cancelled = await t.call<ExportJob>('reports.exportCancel', { jobId: job.jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.rowsWritten).toBeLessThan(many);
    expect(readdirSync(exportsDir(t.dir)).filter((f) => f.includes(job.fileName))).toEqual([]);
  });

  it('every export is in the audit log: who, which report, the file, the filters and columns', async () => {
    const { job } = await exportFile(t, { query: { report: 'ledger', filters: { currency: 'USD', status: 'payable' } }, format: 'csv', columns: ['partnerCompany', 'amountMinor'] });
    const entry = sqlite().prepare("SELECT user_id AS userId, action, entity, entity_id AS entityId, detail FROM audit_log WHERE action = 'export' AND entity_id = ?").get(job.fileName) as Record<string, string>;
    expect(entry).toMatchObject({ userId: t.core.context.session!.user.id, action: 'export', entity: 'ledger' });
    expect(JSON.parse(entry.detail!)).toMatchObject({ format: 'csv', filters: { currency: 'USD', status: 'payable' }, columns: ['partnerCompany', 'currency', 'amountMinor'] });
  });

  it('refuses what cannot be exported, saying why', async () => {
    const bad = await t.core.dispatch('reports.exportStart', { query: { report: 'ledger', filters: {} }, format: 'csv', columns: ['amountMinor', 'colour'] });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', message: 'The ledger entries report has no column "colour".' } });
    // A report computed up front knows at once that it is too long for a PDF…
    const calendar = await t.core.dispatch('reports.exportStart', { query: { report: 'agreements-calendar', filters: { from: '2026-01-01', to: '2099-12-31' } }, format: 'pdf' });
    expect(calendar.ok).toBe(true);
    // …one read from SQL finds out as it goes, and stops before writing a page.
    const pdf = await t.call<ExportJob>('reports.exportStart', { query: { report: 'audit-log', filters: {} }, format: 'pdf' });
    const stopped = await settledExport(t.core.context, pdf.jobId);
    expect(stopped).toMatchObject({ state: 'failed', rowsWritten: 0 });
    expect(stopped.error).toMatch(/^A PDF of [\d,]+ rows or more would run to [\d,]+ pages or more\. Export CSV or XLSX, or narrow the filters to at most 20,000 rows\.$/);
    expect(readdirSync(exportsDir(t.dir)).filter((f) => f.startsWith(pdf.fileName))).toEqual([]);
    const partner = await t.core.dispatch('reports.exportStart', { query: { report: 'statement', filters: { partnerId: 'nobody', period: '2026-03' } }, format: 'pdf' });
    expect(partner).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const filter = await t.core.dispatch('reports.rows', { query: { report: 'ledger', filters: { period: '2026-13' } } });
    expect(filter).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { 'query.filters.period': expect.stringContaining('YYYY-MM') } } });
  });

  it('locking the workspace stops a running export and removes its partial file', async () => {
    const job = await t.call<ExportJob>('reports.exportStart', { query: { report: 'audit-log', filters: { action: 'test.bulk' } }, format: 'csv' });
    await whenWriting(job.jobId);
    const { jobId, fileName } = job;
    await t.call('workspace.lock', {});
    const ended = await settledExport(t.core.context, jobId);
    expect(ended.state).toBe('failed');
    expect(ended.error).toBe('The workspace was locked, so the export stopped and its partial file was removed.');
    expect(readdirSync(exportsDir(t.dir)).filter((f) => f.startsWith(fileName))).toEqual([]);
    await t.call('workspace.unlock', { username: 'demo', passphrase: 'partnerdesk-demo' });
  });
});

describe('who may export and read what', () => {
  it('a reviewer may not export, and a partnership manager may not read the payout register', async () => {
    const add = (username: string, role: string) =>
      t.call('users.add', { username, displayName: username, role, passphrase: 'a long enough passphrase', confirmPassphrase: 'a long enough passphrase' });
    await add('rita', 'reviewer');
    await add('pam', 'partnership_manager');
    const as = async (username: string) => {
      await t.call('workspace.lock', {});
      await t.call('workspace.unlock', { username, passphrase: 'a long enough passphrase' });
    };
    await as('rita');
    expect(await t.core.dispatch('reports.exportStart', { query: { report: 'partners', filters: {} }, format: 'csv' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    await as('pam');
    expect(await t.core.dispatch('reports.rows', { query: { report: 'payout-register', filters: {} } })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', message: 'Your role (partnership manager) may not read the payout register report.' },
    });
    const calendar = await t.core.dispatch('reports.rows', { query: { report: 'agreements-calendar', filters: {} } });
    expect(calendar.ok).toBe(true);
    await t.call('workspace.lock', {});
    await t.call('workspace.unlock', { username: 'demo', passphrase: 'partnerdesk-demo' });
  }, 30_000);
});

describe('the CSV of a filtered ledger holds exactly the filtered entries', () => {
  it('one partner, payable, in USD', async () => {
    const partner = sqlite().prepare("SELECT partner_id FROM ledger_entries WHERE currency = 'USD' GROUP BY partner_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
    const screen = await t.call<LedgerTotals>('commissions.ledger', { partnerId: partner, status: 'payable', currency: 'USD', limit: 1 });
    const { bytes } = await exportFile(t, { query: { report: 'ledger', filters: { partnerId: partner, status: 'payable', currency: 'USD' } }, format: 'csv' });
    const records = csvRecords(bytes);
    expect(records).toHaveLength(screen.totals[0]!.entryCount);
    expect(new Set(records.map((r) => r.Status))).toEqual(new Set(['payable']));
    expect(sumBy(records, (r) => r.Currency!, (r) => cents(r.Amount!, r.Currency!))).toEqual({ USD: screen.totals[0]!.netMinor });
  });
});
