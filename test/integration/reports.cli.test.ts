import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/program';
import { exportsDir } from '../../src-main/core/reports/files';
import { tempCore } from '../support/tempWorkspace';
import { cents, csvRecords, sumBy } from './reports.support';

// Scheduled exports: `partnerdesk export <report> --format … --out FILE [filters]` on the
// demo workspace, the file where --out says and nothing left in the exports folder.

let dir: string;
let out: string;
async function cli(...args: string[]) {
  const o: string[] = [];
  const e: string[] = [];
  const code = await runCli(['-w', dir, ...args], { out: (l) => o.push(l), err: (l) => e.push(l), env: { PARTNERDESK_PASSPHRASE: 'partnerdesk-demo' } });
  return { code, out: o.join('\n'), err: e.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partnerdesk-cli-reports-'));
  out = mkdtempSync(join(tmpdir(), 'partnerdesk-cli-reports-out-'));
  // The demo's twelve months end in April 2026 whatever day the test runs.
  const t = tempCore({ dir, now: () => new Date('2026-05-14T10:00:00Z') });
  await t.call('workspace.createDemo', {});
  t.core.close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('partnerdesk export', () => {
  it('writes the filtered ledger as CSV to --out, entries and cents as in the ledger', async () => {
    const file = join(out, 'eur.csv');
    const r = await cli('export', 'ledger', '--format', 'csv', '--out', file, '--currency', 'EUR', '--status', 'payable', '--user', 'demo');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const records = csvRecords(readFileSync(file));
    expect(r.out).toBe(`Wrote ${file} (${records.length.toLocaleString('en')} rows, ${(readFileSync(file).length / 1048576).toFixed(1)} MB)`);
    expect(new Set(records.map((x) => `${x.Currency} ${x.Status}`))).toEqual(new Set(['EUR payable']));
    const t = tempCore({ dir });
    await t.call('workspace.unlock', { username: 'demo', passphrase: 'partnerdesk-demo' });
    const ledger = await t.call<{ totals: { currency: string; netMinor: number; entryCount: number }[] }>('commissions.ledger', { currency: 'EUR', status: 'payable', limit: 1 });
    t.core.close();
    expect(records).toHaveLength(ledger.totals[0]!.entryCount);
    expect(sumBy(records, (x) => x.Currency!, (x) => cents(x.Amount!, x.Currency!))).toEqual({ EUR: ledger.totals[0]!.netMinor });
    // Moved, not copied: the workspace keeps no second copy.
    expect(readdirSync(exportsDir(dir)).filter((f) => f.endsWith('.csv'))).toEqual([]);
  });

  it("writes a partner's statement as XLSX, naming the partner by company", async () => {
    const file = join(out, 'statement.xlsx');
    const r = await cli('export', 'statement', '--format', 'xlsx', '--out', file, '--partner', 'Brightwell Field Services', '--period', '2026-03', '--user', 'demo');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('About')!.getRow(1).getCell(1).value).toBe('Commission statement — Brightwell Field Services, 2026-03');
    expect(wb.getWorksheet('Rows')!.rowCount).toBeGreaterThan(1);
  });

  it('says what is wrong: a filter the report does not take, a missing one, an unknown report', async () => {
    const file = join(out, 'never.csv');
    const wrong = await cli('export', 'accrual', '--format', 'csv', '--out', file, '--payout', 'paid', '--user', 'demo');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toBe('--payout does not apply to the accrual report; it takes --partner, --currency, --from-period, --to-period.');
    const missing = await cli('export', 'statement', '--format', 'pdf', '--out', file, '--period', '2026-03', '--user', 'demo');
    expect(missing.err).toBe('The commission statement report needs --partner.');
    const unknown = await cli('export', 'sales', '--format', 'csv', '--out', file, '--user', 'demo');
    expect(unknown.err).toMatch(/^There is no report 'sales'\. Reports: ledger, statement, accrual/);
    const badMonth = await cli('export', 'ledger', '--format', 'csv', '--out', file, '--period', 'March', '--user', 'demo');
    expect(badMonth.code).toBe(2);
    expect(badMonth.err).toContain('"March" is not a month written YYYY-MM');
    expect(existsSync(file)).toBe(false);
  });
});
