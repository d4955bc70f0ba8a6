import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/program';
import { readCsv } from '../../src-main/core/commissions/csv';
import { ADMIN, tempCore } from '../support/tempWorkspace';

// Scenario B (seed 001) run by a script from files, end to end through the partnerdesk
// command line: partners and customers, the plan, two months of revenue, the runs, and the
// statement exported as JSON and CSV — to the cent.

const fixtures = join(__dirname, '..', 'fixtures', 'commissions', 'scenario-b');
const f = (name: string) => join(fixtures, name);

let dir: string;
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['-w', dir, ...args], { out: (l) => out.push(l), err: (l) => err.push(l), env: { PARTNERDESK_PASSPHRASE: ADMIN.passphrase } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partnerdesk-cli-commissions-'));
  // There is no channel or command that creates a programme (the demo seeds them), so the
  // programme row is written directly; everything after it comes from the fixture files.
  const t = tempCore({ dir });
  await t.call('workspace.create', ADMIN);
  t.core.context.session!.open.sqlite.prepare("INSERT INTO programmes (id, code, name, currency) VALUES ('prog-aloware', 'aloware', 'Aloware affiliate & lead referral', 'USD')").run();
  t.core.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a commission scenario scripted with the partnerdesk command line', () => {
  it('sets up partners, customers and the plan from files', async () => {
    expect(await cli('import', 'partners', f('partners.csv'), '--user', 'ada')).toMatchObject({ code: 0, out: expect.stringContaining('1 new') });
    expect(await cli('import', 'customers', f('customers.csv'), '--user', 'ada')).toMatchObject({ code: 0, out: expect.stringContaining('3 new') });
    expect(await cli('plans', 'import', f('aloware.plan.json'), '--user', 'ada')).toMatchObject({ code: 0, out: 'Created plan aloware version 1, in force from 2026-01-01' });
    expect(await cli('plans', 'assign', '--partner', 'Pipeline Partners LLC', '--plan', 'aloware', '--user', 'ada')).toMatchObject({ code: 0, out: 'Pipeline Partners LLC now earns under plan aloware' });
  });

  it('imports revenue: a dry run writes nothing, the same file twice changes nothing', async () => {
    expect((await cli('revenue', 'import', f('revenue-october.csv'), '--dry-run', '--user', 'ada')).out).toMatch(/^Would import revenue-october.csv: 4 lines, 4 new, 0 already imported/);
    expect((await cli('revenue', 'import', f('revenue-october.csv'), '--user', 'ada')).out).toMatch(/^Imported revenue-october.csv: 4 lines, 4 new, 0 already imported\n {2}USD payment: 4 lines, \$5,050.00 net of discounts/);
    expect((await cli('revenue', 'import', f('revenue-october.csv'), '--user', 'ada')).out).toMatch(/4 lines, 0 new, 4 already imported/);
    expect((await cli('revenue', 'import', f('revenue-november.csv'), '--user', 'ada')).code).toBe(0);
  });

  it('refuses a malformed file with every problem by line number, and imports none of it', async () => {
    const r = await cli('revenue', 'import', f('revenue-malformed.csv'), '--user', 'ada');
    expect(r.code).toBe(2);
    expect(r.err).toContain('4 problems — nothing was imported:');
    expect(r.err).toContain("line 2 (gross): '3,000.00' is not a number; expected a USD amount such as 40.00 (write it without thousands separators, with a dot for decimals)");
    expect(r.err).toContain("line 3 (customer_ref): No customer has the external_ref 'acct-Z'; add the customer first");
    expect(r.err).toContain("line 4 (category): 'subscriptions' is not a category");
    expect(r.err).toContain("line 5 (cash_received): 'maybe' is not true or false");
    // D-dec-4 alone was valid; it was not imported either.
    const fixed = await cli('revenue', 'import', f('revenue-november.csv'), '--user', 'ada');
    expect(fixed.out).toMatch(/4 lines, 0 new, 4 already imported/);
  });

  it('runs both months; a rerun adds nothing', async () => {
    expect((await cli('commissions', 'run', '--period', '2026-10', '--user', 'ada')).out).toContain('added in USD: $900.00');
    const nov = await cli('commissions', 'run', '--period', '2026-11', '--user', 'ada');
    expect(nov.out).toContain('entries added:     4');
    expect(nov.out).toContain('added in USD: $1,290.00');
    const again = await cli('commissions', 'run', '--period', '2026-11', '--user', 'ada');
    expect(again.out).toContain('entries added:     0');
    expect(again.out).toContain('(nothing new: the ledger already holds this period)');
  });

  it('prints and exports the statement (JSON and CSV) to the cent', async () => {
    const printed = await cli('statement', '--partner', 'Pipeline', '--period', '2026-11', '--user', 'ada');
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('Statement — Pipeline Partners LLC (Aloware affiliate & lead referral), 2026-11');
    expect(printed.out).toMatch(/Total USD: earned \$1,590.00 · reversed -\$300.00 · net \$1,290.00 · payable \$[\d,.]+ · on hold \$[\d,.]+ \(4 entries\)/);
    expect(printed.out).toContain("Payout blocked: Blocked until the partner's invoice for this commission is recorded");

    const json = join(dir, 'nov.json');
    expect((await cli('statement', '--partner', 'Pipeline Partners LLC', '--period', '2026-11', '--format', 'json', '--out', json, '--user', 'ada')).code).toBe(0);
    const s = JSON.parse(readFileSync(json, 'utf8'));
    expect(s.totals).toEqual([expect.objectContaining({ currency: 'USD', earnedMinor: 1_590_00, reversedMinor: -300_00, netMinor: 1_290_00, entryCount: 4 })]);
    expect(s.entries.map((e: any) => e.amountMinor).sort((a: number, b: number) => a - b)).toEqual([-300_00, 240_00, 450_00, 900_00]);

    const csv = join(dir, 'oct.csv');
    expect((await cli('statement', '--partner', 'Pipeline Partners LLC', '--period', '2026-10', '--format', 'csv', '--out', csv, '--user', 'ada')).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe('record,period,partner,date,key,rule,customer,revenue_line,currency,base,rate_bps,tier,plan_version,amount,status,hold_until,explanation');
    const records = [...readCsv(text)].map((r) => r.fields);
    expect(records.every((r) => r.length === 17)).toBe(true);
    const entries = records.filter((r) => r[0] === 'entry');
    expect(entries.map((r) => [r[6], r[9], r[10], r[11], r[12], r[13]])).toEqual([
      ['Account A', '3000.00', '2000', 'under $5,000 MRR', 'aloware@1', '600.00'],
      ['Account B', '1500.00', '2000', 'under $5,000 MRR', 'aloware@1', '300.00'],
    ]);
    expect(records.filter((r) => r[0] === 'excluded')).toHaveLength(2);
    expect(records.at(-1)!.slice(0, 14)).toEqual(['total', '2026-10', 'Pipeline Partners LLC', expect.any(String), '', 'net', '', '', 'USD', '', '', '', '', '900.00']);
  });

  it('says what is wrong with an unknown partner or plan', async () => {
    const r = await cli('plans', 'assign', '--partner', 'Nobody Ltd', '--plan', 'aloware', '--user', 'ada');
    expect(r).toMatchObject({ code: 2, err: "No partner has the id or company name 'Nobody Ltd'." });
    const p = await cli('plans', 'assign', '--partner', 'Pipeline', '--plan', 'nope', '--user', 'ada');
    expect(p.err).toBe("No plan has the code 'nope'. Plans: aloware.");
  });
});
