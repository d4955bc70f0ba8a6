import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PARTNERS, referralsWorkspace, type ReferralsWorkspace } from '../fixtures/referralsWorkspace';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('CSV import of referred customers', () => {
  let w: ReferralsWorkspace;
  afterEach(() => w?.cleanup());

  const snapshot = () => w.sqlite.prepare('SELECT * FROM customers ORDER BY id').all();

  it('previews a valid file without writing anything, then commits every row', async () => {
    w = await referralsWorkspace();
    const csv = fixture('customers-valid.csv');
    const preview = await w.call('imports.preview', { kind: 'customers', csv });
    expect(preview.counts).toEqual({ rows: 5, new: 5, updated: 0, unchanged: 0, errors: 0 });
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r: { line: number }) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(preview.rows[3].values).toMatchObject({ name: 'Pine Motors, Ltd', partner: 'p-northwind' });
    expect(w.count('customers')).toBe(0);

    const result = await w.call('imports.commit', { kind: 'customers', csv });
    expect(result.counts).toMatchObject({ new: 5, errors: 0 });
    const rows = (await w.call('referrals.listCustomers', {})).rows;
    const byName = Object.fromEntries(rows.map((r: { name: string }) => [r.name, r]));
    expect(byName['Cedar Dental 14']).toMatchObject({ externalRef: 'cus_001', partnerId: PARTNERS.pipeline.id, attribution: 'warm_intro', closedOn: '2026-01-20' });
    expect(byName['Nova Realty 3']).toMatchObject({ partnerId: null, attribution: null });
    expect(byName['Iris Studio 9']).toMatchObject({ partnerId: PARTNERS.kommo.id, promoCode: 'KOMMOINT5', productLine: 'Altegio' });
    // Referenced by id; no attribution given → "import".
    expect(byName['Pine Motors, Ltd']).toMatchObject({ partnerId: PARTNERS.northwind.id, attribution: 'import', cancelledOn: '2026-05-31' });
    // Referenced by company name in another case; matched later by e-mail.
    expect(byName['Lark Fitness 11']).toMatchObject({ partnerId: PARTNERS.hubspring.id, externalRef: null, email: 'team@lark.example' });

    const audit = w.audit('imports.commit');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ kind: 'customers', rows: 5, new: 5, updated: 0, unchanged: 0 });
  });

  it('changes nothing when the same file is imported a second time', async () => {
    w = await referralsWorkspace();
    const csv = fixture('customers-valid.csv');
    await w.call('imports.commit', { kind: 'customers', csv });
    const before = snapshot();
    const preview = await w.call('imports.preview', { kind: 'customers', csv });
    expect(preview.counts).toEqual({ rows: 5, new: 0, updated: 0, unchanged: 5, errors: 0 });
    const second = await w.call('imports.commit', { kind: 'customers', csv });
    expect(second.counts).toMatchObject({ new: 0, updated: 0, unchanged: 5 });
    expect(snapshot()).toEqual(before);
    expect(w.audit('imports.commit').map((a) => a.detail.unchanged)).toEqual([0, 5]);
  });

  it('updates only what changed, and says which columns', async () => {
    w = await referralsWorkspace();
    await w.call('imports.commit', { kind: 'customers', csv: fixture('customers-valid.csv') });
    const csv = 'external_ref,name,sign_up_on,closed_on\ncus_002,Nova Realty 3,2026-02-01,2026-02-14\ncus_001,Cedar Dental 14,2026-01-15,\n';
    const preview = await w.call('imports.preview', { kind: 'customers', csv });
    expect(preview.counts).toMatchObject({ new: 0, updated: 1, unchanged: 1 });
    expect(preview.rows[0]).toMatchObject({ action: 'updated', changes: ['closed_on'] });
    await w.call('imports.commit', { kind: 'customers', csv });
    const rows = (await w.call('referrals.listCustomers', {})).rows;
    // An empty cell keeps what is stored.
    expect(rows.find((r: { name: string }) => r.name === 'Cedar Dental 14').closedOn).toBe('2026-01-20');
    expect(rows.find((r: { name: string }) => r.name === 'Nova Realty 3').closedOn).toBe('2026-02-14');
  });

  it('commits NOTHING from a malformed file and names every problem with its line and column', async () => {
    w = await referralsWorkspace();
    await w.call('imports.commit', { kind: 'customers', csv: fixture('customers-valid.csv') });
    const before = snapshot();
    const csv = fixture('customers-malformed.csv');
    const preview = await w.call('imports.preview', { kind: 'customers', csv });
    expect(preview.problems).toEqual([
      { line: 1, column: 'name', message: 'The required column "name" is missing from the header.' },
      { line: 4, column: 'sign_up_on', message: '"2026-13-01" is not a real date: the month must be between 01 and 12.' },
      { line: 7, column: 'partner', message: 'No partner has the id or company name "Nonesuch Partners Ltd".' },
    ]);
    expect(preview.counts.errors).toBe(3);
    expect(preview.rows.find((r: { line: number }) => r.line === 4)).toMatchObject({ action: 'error' });

    const r = await w.core.dispatch('imports.commit', { kind: 'customers', csv });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/^Nothing was imported: the file has 3 problems\. First, line 1, name/) } });
    if (!r.ok) {
      expect(Object.keys(r.error.fieldErrors ?? {})).toEqual(['line 1, name', 'line 4, sign_up_on', 'line 7, partner']);
    }
    expect(snapshot()).toEqual(before);
    expect(w.audit('imports.commit')).toHaveLength(1);
  });

  it('commits nothing when only the last line is wrong', async () => {
    w = await referralsWorkspace();
    const csv = `${fixture('customers-valid.csv')}cus_009,Late Row,late@x.example,,,2026-02-30,,,,\n`;
    const r = await w.core.dispatch('imports.commit', { kind: 'customers', csv });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/line 7, sign_up_on: "2026-02-30" is not a real date: February 2026 has only 28 days/) } });
    expect(w.count('customers')).toBe(0);
  });

  it('reads a file with a byte-order mark, semicolons, CRLF and an empty ";;;" line', async () => {
    w = await referralsWorkspace();
    const csv = fixture('customers-bom-semicolon.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const preview = await w.call('imports.preview', { kind: 'customers', csv });
    expect(preview).toMatchObject({ delimiter: ';', columns: ['external_ref', 'name', 'email', 'partner', 'attribution', 'sign_up_on', 'closed_on'] });
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r: { line: number }) => r.line)).toEqual([2, 3, 5]);
    await w.call('imports.commit', { kind: 'customers', csv });
    const rows = (await w.call('referrals.listCustomers', {})).rows;
    expect(rows.map((r: { name: string }) => r.name).sort()).toEqual(['Fern Clinic; Tallinn', 'Juniper Legal 8', 'Kärdla Kohvik']);
    expect(rows.find((r: { name: string }) => r.name === 'Fern Clinic; Tallinn')).toMatchObject({ partnerId: PARTNERS.kommo.id, attribution: 'integration' });
  });

  it('refuses a customer listed twice in one file, and a close before the stored sign-up', async () => {
    w = await referralsWorkspace();
    await w.call('imports.commit', { kind: 'customers', csv: fixture('customers-valid.csv') });
    const csv = 'external_ref,name,sign_up_on,closed_on\ncus_050,New one,2026-01-01,\ncus_050,New one again,2026-01-01,\n';
    const p1 = await w.call('imports.preview', { kind: 'customers', csv });
    expect(p1.problems).toEqual([{ line: 3, column: 'external_ref', message: 'Line 2 already imports this customer; each customer may appear once per file.' }]);
    const p2 = await w.call('imports.preview', { kind: 'customers', csv: 'external_ref,closed_on\ncus_001,2026-01-01\n' });
    expect(p2.problems).toEqual(
      expect.arrayContaining([{ line: 2, column: 'closed_on', message: expect.stringMatching(/close date 2026-01-01 is before the sign-up on 2026-01-15/) }]),
    );
  });

  it('refuses an unclosed quote and a file over 20 MiB with a clear message', async () => {
    w = await referralsWorkspace();
    const p = await w.call('imports.preview', { kind: 'customers', csv: 'external_ref,name,sign_up_on\nc1,"Open quote,2026-01-01\nc2,B,2026-01-02\n' });
    expect(p.problems).toEqual(expect.arrayContaining([expect.objectContaining({ line: 2, message: expect.stringMatching(/quoted value is never closed/) })]));
    expect((await w.core.dispatch('imports.commit', { kind: 'customers', csv: 'external_ref,name,sign_up_on\nc1,"Open quote,2026-01-01\n' })).ok).toBe(false);
    // 7 MiB of three-byte characters: under the character guard, over 20 MiB as UTF-8.
    const big = `external_ref,name,sign_up_on\nc1,${'€'.repeat(7 * 1024 * 1024)},2026-01-01\n`;
    const r = await w.core.dispatch('imports.preview', { kind: 'customers', csv: big });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/The file is 21\.0 MiB; an import takes at most 20 MiB/) } });
    expect(w.count('customers')).toBe(0);
  });
});
