import { afterEach, describe, expect, it } from 'vitest';
import { commissionsWorkspace, revenueCsv, type CommissionsWorkspace } from '../fixtures/commissions/kit';

// Revenue CSV import (format: src-main/core/commissions/revenueFormat.ts): every problem
// with its line number, all or nothing, and importing the same file again changes nothing.

let w: CommissionsWorkspace;
afterEach(() => w?.cleanup());

async function workspace() {
  w = await commissionsWorkspace('2026-12-10');
  const programme = w.programme('allset', 'GBP');
  const partner = w.partner(programme, 'Harbour Lane Cleaning Co', { format: 'affiliate' });
  w.customer(partner, 'cus_1', { signUpOn: '2026-01-01', name: 'Cedar Dental 14' });
  w.customer(partner, 'cus_2', { signUpOn: '2026-01-01' });
  return partner;
}

const lines = () => w.sqlite.prepare('SELECT count(*) FROM revenue_lines').pluck().get() as number;
const audits = () => w.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'commissions.revenue_import'").pluck().get() as number;
const importCsv = (csv: string, commit = true) => w.call('commissions.importRevenue', { csv, fileName: 'billing.csv', commit });

const GOOD = revenueCsv([
  { external_ref: 'in_1', customer_ref: 'cus_1', paid_on: '2026-03-01', currency: 'GBP', category: 'subscription', product: 'AllSet Solo', gross: '40.00', discount: '5.00', kind: 'payment', cash_received: 'true' },
  { external_ref: 'in_2', customer_ref: 'cus_2', paid_on: '2026-03-02', currency: 'GBP', category: 'setup', gross: '100', kind: 'payment' },
  { external_ref: 're_1', customer_ref: 'cus_1', paid_on: '2026-03-09', currency: 'GBP', category: 'subscription', gross: '10.00', kind: 'refund', refers_to: 'in_1' },
]);

describe('revenue CSV import', () => {
  it('previews without writing, then commits every line in one go', async () => {
    await workspace();
    const preview = await importCsv(GOOD, false);
    expect(preview).toMatchObject({ committed: false, rows: 3, newLines: 3, unchanged: 0, errors: [] });
    expect(preview.totals).toEqual([
      { currency: 'GBP', kind: 'payment', lines: 2, netMinor: 135_00 },
      { currency: 'GBP', kind: 'refund', lines: 1, netMinor: 10_00 },
    ]);
    expect(preview.preview[0]).toMatchObject({ line: 2, externalRef: 'in_1', customerName: 'Cedar Dental 14', partnerCompany: 'Harbour Lane Cleaning Co', grossMinor: 40_00, discountMinor: 5_00 });
    expect(lines()).toBe(0);
    const commit = await importCsv(GOOD);
    expect(commit).toMatchObject({ committed: true, newLines: 3 });
    expect(lines()).toBe(3);
    const refund = w.sqlite.prepare("SELECT r.refers_to, p.id FROM revenue_lines r, revenue_lines p WHERE r.external_ref = 're_1' AND p.external_ref = 'in_1'").get() as { refers_to: string; id: string };
    expect(refund.refers_to).toBe(refund.id);
    expect(audits()).toBe(1);
  });

  it('importing the same file again changes nothing', async () => {
    await workspace();
    await importCsv(GOOD);
    const before = w.sqlite.prepare('SELECT * FROM revenue_lines ORDER BY rowid').all();
    const again = await importCsv(GOOD);
    expect(again).toMatchObject({ committed: true, rows: 3, newLines: 0, unchanged: 3, errors: [] });
    expect(w.sqlite.prepare('SELECT * FROM revenue_lines ORDER BY rowid').all()).toEqual(before);
    expect(audits()).toBe(1);
  });

  it('refuses a known external_ref with different content, naming the line, and writes nothing', async () => {
    await workspace();
    await importCsv(GOOD);
    const changed = revenueCsv([
      { external_ref: 'in_9', customer_ref: 'cus_2', paid_on: '2026-04-01', currency: 'GBP', category: 'subscription', gross: '40.00', kind: 'payment' },
      { external_ref: 'in_1', customer_ref: 'cus_1', paid_on: '2026-03-01', currency: 'GBP', category: 'subscription', product: 'AllSet Solo', gross: '45.00', discount: '5.00', kind: 'payment' },
    ]);
    const r = await importCsv(changed);
    expect(r.committed).toBe(false);
    expect(r.errors).toEqual([
      { line: 3, column: 'external_ref', message: "external_ref 'in_1' was imported before with different content (gross 40.00 → 45.00); a correction is a refund or a new line, never an edit" },
    ]);
    expect(lines()).toBe(3);
  });

  it('a malformed file commits nothing and lists every problem with its line and column', async () => {
    await workspace();
    const csv = [
      'external_ref,customer_ref,paid_on,currency,category,gross,discount,kind,refers_to',
      'ok_1,cus_1,2026-03-01,GBP,subscription,40.00,,payment,',
      'bad_date,cus_1,2026-02-30,GBP,subscription,40.00,,payment,',
      'bad_money,cus_1,2026-03-01,GBP,subscription,40.001,,payment,',
      'bad_ccy,cus_1,2026-03-01,XXX,subscription,40.00,,payment,',
      'bad_kind,cus_1,2026-03-01,GBP,subscription,40.00,,sale,',
      'neg,cus_1,2026-03-01,GBP,subscription,-40.00,,payment,',
      'disc,cus_1,2026-03-01,GBP,subscription,40.00,50.00,payment,',
      'orphan,cus_1,2026-03-05,GBP,subscription,10.00,,refund,in_404',
      'noref,cus_1,2026-03-05,GBP,subscription,10.00,,chargeback,',
      'short,cus_1,2026-03-01',
      '"quoted, with comma",cus_1,2026-03-01,GBP,subscription,1.00,,payment,',
      'ok_1,cus_1,2026-03-01,GBP,subscription,40.00,,payment,',
      'unknown,cus_404,2026-03-01,GBP,subscription,40.00,,payment,',
    ].join('\r\n');
    const r = await importCsv(csv);
    expect(r.committed).toBe(false);
    expect(r.errors.map((e: any) => [e.line, e.column])).toEqual([
      [3, 'paid_on'], [4, 'gross'], [5, 'currency'], [6, 'kind'], [7, 'gross'], [8, 'discount'], [9, 'refers_to'], [10, 'refers_to'], [11, null], [13, 'external_ref'], [14, 'customer_ref'],
    ]);
    expect(r.errors[0].message).toBe("'2026-02-30' is not a date written YYYY-MM-DD");
    expect(r.errors[1].message).toBe("'40.001' has 3 decimals, but GBP allows at most 2");
    expect(r.errors[8].message).toBe('This line has 3 fields; the header has 9');
    expect(r.errors[9].message).toBe("external_ref 'ok_1' appears twice in this file");
    expect(lines()).toBe(0);
    expect(audits()).toBe(0);
  });

  it('names a line after a quoted field that spans lines correctly', async () => {
    await workspace();
    const csv = 'external_ref,customer_ref,paid_on,currency,category,product,gross,kind\nin_1,cus_1,2026-03-01,GBP,subscription,"Solo\nplan",40.00,payment\nin_2,cus_1,2026-03-01,GBP,subscription,x,4O.00,payment\n';
    const r = await importCsv(csv);
    expect(r.errors.map((e: any) => e.line)).toEqual([4]);
  });

  it('refuses a file whose header is not the revenue format', async () => {
    await workspace();
    const r = await importCsv('ref,customer,date,amount\nx,y,2026-01-01,1.00\n');
    expect(r.committed).toBe(false);
    expect(r.errors[0]).toMatchObject({ line: 1 });
    expect(r.errors.map((e: any) => e.message)).toContain('Missing columns: external_ref, customer_ref, paid_on, currency, category, gross, kind');
    expect(lines()).toBe(0);
  });

  it('refuses a refund of another customer’s payment, or in another currency, or before the payment', async () => {
    await workspace();
    await importCsv(GOOD);
    const r = await importCsv(revenueCsv([
      { external_ref: 'x1', customer_ref: 'cus_2', paid_on: '2026-03-10', currency: 'GBP', category: 'subscription', gross: '1.00', kind: 'refund', refers_to: 'in_1' },
      { external_ref: 'x2', customer_ref: 'cus_1', paid_on: '2026-03-10', currency: 'EUR', category: 'subscription', gross: '1.00', kind: 'refund', refers_to: 'in_1' },
      { external_ref: 'x3', customer_ref: 'cus_1', paid_on: '2026-02-10', currency: 'GBP', category: 'subscription', gross: '1.00', kind: 'chargeback', refers_to: 'in_1' },
      { external_ref: 'x4', customer_ref: 'cus_1', paid_on: '2026-03-10', currency: 'GBP', category: 'subscription', gross: '1.00', kind: 'refund', refers_to: 're_1' },
    ]));
    expect(r.errors.map((e: any) => e.message)).toEqual([
      "payment 'in_1' belongs to another customer",
      "payment 'in_1' is in GBP, this refund in EUR",
      "the chargeback on 2026-02-10 is dated before payment 'in_1' (2026-03-01)",
      "'re_1' is a refund, not a payment",
    ]);
  });
});
