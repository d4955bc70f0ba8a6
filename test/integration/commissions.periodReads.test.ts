import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MONTH_READS, partnerReader } from '../../src-main/core/commissions/partnerFacts';
import { withoutForeignKeyChecks } from '../../src-main/core/commissions/bulk';
import { commissionsWorkspace, type CommissionsWorkspace, type RevenueCsvRow } from '../fixtures/commissions/kit';

// How a period run reads and writes (speed work on issue 4): a month is read through the
// month index, which must give exactly the lines a date range gives; the ledger is written
// with foreign-key checks off, so the run must leave them on and every reference whole.

let w: CommissionsWorkspace;
afterEach(() => w?.cleanup());

const gbp = (ref: string, customer: string, paidOn: string, gross: string, extra: RevenueCsvRow = {}): RevenueCsvRow => ({
  external_ref: ref, customer_ref: customer, paid_on: paidOn, currency: 'GBP', category: 'subscription', gross, kind: 'payment', ...extra,
});

/** An AllSet partner with payments on the edges of October 2026, and one refund in October of a September payment. */
async function edges() {
  w = await commissionsWorkspace('2026-11-20');
  const programme = w.programme('allset', 'GBP');
  const partner = w.partner(programme, 'Edge Partners', { format: 'affiliate' });
  const other = w.partner(programme, 'Someone Else', { format: 'affiliate' });
  w.customer(partner, 'A', { signUpOn: '2026-01-01' });
  w.customer(partner, 'B', { signUpOn: '2026-01-01' });
  w.customer(partner, 'Z', { signUpOn: '2026-01-01' });
  w.customer(other, 'O', { signUpOn: '2026-01-01' });
  const plan = await w.preset('allset', '2026-01-01', programme);
  await w.assign(partner, plan);
  await w.assign(other, plan);
  await w.importRevenue([
    gbp('A-0930', 'A', '2026-09-30', '100.00'),
    gbp('A-1001', 'A', '2026-10-01', '200.00'),
    gbp('A-1031', 'A', '2026-10-31', '300.00'),
    gbp('A-1101', 'A', '2026-11-01', '400.00'),
    gbp('B-0915', 'B', '2026-09-15', '500.00'),
    gbp('B-1010', 'B', '2026-10-10', '50.00', { kind: 'refund', refers_to: 'B-0915' }),
    gbp('O-1015', 'O', '2026-10-15', '600.00'),
  ]);
  return partner;
}

const byDates = (partnerId: string, from: string, to: string) =>
  (w.sqlite
    .prepare(
      `SELECT l.id FROM revenue_lines l NOT INDEXED JOIN customers c ON c.id = l.customer_id
       WHERE c.partner_id = ? AND l.paid_on BETWEEN ? AND ? ORDER BY l.id`,
    )
    .pluck()
    .all(partnerId, from, to) as string[]);
const ids = (lines: readonly { id: string }[]) => lines.map((l) => l.id).sort();

describe('a period run reads a month through the month index', () => {
  it('uses revenue_month_customer_idx, and customers_partner_run_idx for the customers, for each of its month reads', async () => {
    await edges();
    for (const [name, sql] of Object.entries(MONTH_READS)) {
      const plan = (w.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-10', '2026-10-01', '2026-10-31', 'x') as { detail: string }[]).map((r) => r.detail);
      expect(plan.join(' | '), name).toMatch(/SEARCH l USING COVERING INDEX revenue_month_customer_idx \(<expr>=\? AND customer_id=\?/);
      expect(plan.join(' | '), name).not.toMatch(/TEMP B-TREE/);
    }
    const customersFirst = (w.sqlite.prepare(`EXPLAIN QUERY PLAN ${MONTH_READS.customersWithLines}`).all('2026-10', '2026-10-01', '2026-10-31', 'x') as { detail: string }[])[0]!.detail;
    expect(customersFirst).toMatch(/SEARCH c USING COVERING INDEX customers_partner_run_idx \(partner_id=\?\)/);
  });

  it("gives exactly a date range's lines, the month's first and last days included and its neighbours left out", async () => {
    const partner = await edges();
    const reader = partnerReader(w.sqlite);
    const { customers, lines } = reader.customersWithLines(partner, '2026-10-01', '2026-10-31');
    // Every customer once, in id order, Z without any line too.
    expect(customers.map((c) => c.name).sort()).toEqual(['A', 'B', 'Z']);
    expect(customers.map((c) => c.id)).toEqual(customers.map((c) => c.id).sort());
    expect(ids(lines)).toEqual(byDates(partner, '2026-10-01', '2026-10-31'));
    expect(lines.map((l) => l.paidOn).sort()).toEqual(['2026-10-01', '2026-10-10', '2026-10-31']);
    // Part of a month, and a range over two months (read without the month index), agree with the dates too.
    expect(ids(reader.store(partner).between('2026-10-02', '2026-10-30'))).toEqual(byDates(partner, '2026-10-02', '2026-10-30'));
    expect(ids(reader.store(partner).between('2026-09-30', '2026-11-01'))).toEqual(byDates(partner, '2026-09-30', '2026-11-01'));
    expect(ids(reader.customersWithLines(partner, '2026-09-30', '2026-10-01').lines)).toEqual(byDates(partner, '2026-09-30', '2026-10-01'));
  });

  it('finds the refunds of a payment within one month and across months alike', async () => {
    const partner = await edges();
    const store = partnerReader(w.sqlite).store(partner);
    const [payment] = store.byIds([byDates(partner, '2026-09-15', '2026-09-15')[0]!]);
    expect(store.returnsOf([payment!], '2026-10-01', '2026-10-31').map((l) => l.paidOn)).toEqual(['2026-10-10']);
    expect(store.returnsOf([payment!], '2026-09-01', '2026-11-30').map((l) => l.paidOn)).toEqual(['2026-10-10']);
    expect(store.returnsOf([payment!], '2026-11-01', '2026-11-30')).toEqual([]);
  });
});

describe('a period run writes the ledger with foreign-key checks off', () => {
  it('turns them back on, and leaves no entry or hold pointing at a missing row', async () => {
    await edges();
    expect(await w.run('2026-09')).toMatchObject({ entriesAdded: 2 });
    expect(await w.run('2026-10')).toMatchObject({ entriesAdded: 4 });
    expect(w.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(w.sqlite.pragma('foreign_key_check')).toEqual([]);
    const orphanHolds = w.sqlite.prepare('SELECT count(*) FROM ledger_holds h LEFT JOIN ledger_entries e ON e.key = h.entry_key WHERE e.key IS NULL').pluck().get();
    expect(orphanHolds).toBe(0);
  });

  it('turns them back on when the work fails, and leaves them on inside an outer transaction', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec('CREATE TABLE parent (id TEXT PRIMARY KEY); CREATE TABLE child (parent_id TEXT NOT NULL REFERENCES parent(id))');
    const during: unknown[] = [];
    expect(() =>
      withoutForeignKeyChecks(db, () => {
        during.push(db.pragma('foreign_keys', { simple: true }));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(during).toEqual([0]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.transaction(() => {
      withoutForeignKeyChecks(db, () => expect(() => db.prepare("INSERT INTO child VALUES ('nobody')").run()).toThrow(/FOREIGN KEY/));
    })();
    db.close();
  });
});

describe('a customer moved to another partner after its period ran', () => {
  it('stops the rerun with a message that names the problem, and writes nothing', async () => {
    const w = await commissionsWorkspace('2026-12-01');
    try {
      const programme = w.programme('allset', 'GBP');
      const a = w.partner(programme, 'First Partner', { format: 'affiliate' });
      const b = w.partner(programme, 'Second Partner', { format: 'affiliate' });
      const plan = await w.preset('allset', '2025-01-01', programme);
      await w.assign(a, plan);
      await w.assign(b, plan);
      w.customer(a, 'C1', { signUpOn: '2026-10-01' });
      await w.importRevenue([{ external_ref: 'C1-oct', customer_ref: 'C1', paid_on: '2026-10-05', currency: 'GBP', category: 'subscription', gross: '40.00', kind: 'payment' }]);
      await w.run('2026-10');
      const before = w.ledgerCount();
      w.sqlite.prepare("UPDATE customers SET partner_id = ? WHERE external_ref = 'C1'").run(b);
      const r = await w.t.core.dispatch('commissions.run', { period: '2026-10' });
      expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/^The 2026-10 run stopped and wrote nothing: a revenue line of a customer who was moved/) } });
      expect(w.ledgerCount()).toBe(before);
    } finally {
      w.cleanup();
    }
  });
});
