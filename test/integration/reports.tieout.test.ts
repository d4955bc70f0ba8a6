import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, ReportTotals } from '../../src-shared/reports/contract';
import type { ReportRow } from '../../src-shared/reports/columns';
import { TODAY, byCurrency, cents, csvRecords, demoCore, exportFile, sumBy, type Core } from './reports.support';

// Every report that carries commission money ties out with the ledger to the cent, on the
// demo workspace (four programmes, EUR, GBP and USD, twelve months of runs): the screen's
// rows, their totals, and the exported CSV read back into minor units.

let t: Core;
let ledgerNet: Record<string, number>;
type Totals = { currency: string; netMinor: number };

const rowsOf = async (query: unknown) => {
  const all: ReportRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await t.call<{ rows: ReportRow[]; total: number; totals: ReportTotals[] | null }>('reports.rows', { query, offset, limit: 1000 });
    all.push(...page.rows);
    if (all.length >= page.total) return { rows: all, total: page.total, totals: page.totals };
  }
};
const money = (r: ReportRow, field: string) => r[field] as number;
const cur = (r: ReportRow) => r.currency as string;

beforeAll(async () => {
  t = await demoCore();
  const ledger = await t.call<{ totals: Totals[] }>('commissions.ledger', { limit: 1 });
  ledgerNet = Object.fromEntries(ledger.totals.map((x) => [x.currency, x.netMinor]));
});
afterAll(() => t?.cleanup());

describe('reports tie out with the commission ledger', () => {
  it('the demo ledger has entries in three currencies to tie out against', () => {
    expect(Object.keys(ledgerNet).sort()).toEqual(['EUR', 'GBP', 'USD']);
    expect(Object.values(ledgerNet).every((n) => n > 0)).toBe(true);
  });

  it('ledger entries: the rows, their totals and the CSV each add up to the ledger per currency', async () => {
    const { rows, total, totals } = await rowsOf({ report: 'ledger', filters: {} });
    const count = t.core.context.session!.open.sqlite.prepare('SELECT count(*) FROM ledger_entries').pluck().get();
    expect(total).toBe(count);
    expect(sumBy(rows, cur, (r) => money(r, 'amountMinor'))).toEqual(ledgerNet);
    expect(Object.fromEntries(totals!.map((x) => [x.currency, x.sums.amountMinor]))).toEqual(ledgerNet);

    const { bytes, job } = await exportFile(t, { query: { report: 'ledger', filters: {} }, format: 'csv' });
    const records = csvRecords(bytes);
    expect(records).toHaveLength(total);
    expect(job.rowsWritten).toBe(total);
    expect(sumBy(records, (r) => r.Currency!, (r) => cents(r.Amount!, r.Currency!))).toEqual(ledgerNet);
  });

  it('accrual: earned + withheld = net = on hold + payable + in payout + paid on every row, and the nets add up to the ledger', async () => {
    const { rows } = await rowsOf({ report: 'accrual', filters: {} });
    for (const r of rows) {
      expect(money(r, 'earnedMinor') + money(r, 'withheldMinor')).toBe(money(r, 'netMinor'));
      expect(money(r, 'onHoldMinor') + money(r, 'payableMinor') + money(r, 'inPayoutMinor') + money(r, 'paidMinor')).toBe(money(r, 'netMinor'));
    }
    expect(sumBy(rows, cur, (r) => money(r, 'netMinor'))).toEqual(ledgerNet);
    // Each state ties out with the ledger entries in that state (the demo's own payout run paid some).
    const inState = async (filters: Record<string, string>) =>
      Object.fromEntries((await rowsOf({ report: 'ledger', filters })).totals!.map((x) => [x.currency, x.sums.amountMinor]));
    const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== 0));
    expect(nonZero(sumBy(rows, cur, (r) => money(r, 'paidMinor')))).toEqual(await inState({ payout: 'paid' }));
    expect(nonZero(sumBy(rows, cur, (r) => money(r, 'inPayoutMinor')))).toEqual(await inState({ payout: 'in_payout' }));
    expect(nonZero(sumBy(rows, cur, (r) => money(r, 'payableMinor')))).toEqual(await inState({ payout: 'unclaimed', status: 'payable' }));
    expect(nonZero(sumBy(rows, cur, (r) => money(r, 'onHoldMinor')))).toEqual(await inState({ payout: 'unclaimed', status: 'on_hold' }));
    expect(Object.keys(await inState({ payout: 'paid' })).length).toBeGreaterThan(0);

    const { bytes } = await exportFile(t, { query: { report: 'accrual', filters: {} }, format: 'csv' });
    expect(sumBy(csvRecords(bytes), (r) => r.Currency!, (r) => cents(r.Net!, r.Currency!))).toEqual(ledgerNet);
  });

  it("statements: every partner's statements over the year add up to its ledger entries, and all of them to the ledger", async () => {
    const { sqlite } = t.core.context.session!.open;
    const pairs = sqlite.prepare('SELECT DISTINCT partner_id AS partnerId, period FROM ledger_entries ORDER BY partner_id, period').all() as { partnerId: string; period: string }[];
    const sums: Record<string, number> = {};
    for (const p of pairs) {
      const { rows } = await rowsOf({ report: 'statement', filters: p });
      const expected = sqlite.prepare('SELECT currency, sum(amount_minor) AS minor FROM ledger_entries WHERE partner_id = ? AND period = ? GROUP BY currency').all(p.partnerId, p.period) as { currency: string; minor: number }[];
      expect(sumBy(rows, cur, (r) => money(r, 'amountMinor'))).toEqual(byCurrency(expected));
      for (const r of rows) sums[cur(r)] = (sums[cur(r)] ?? 0) + money(r, 'amountMinor');
    }
    expect(sums).toEqual(ledgerNet);
  });

  it('partner performance: commission adds up to the ledger, referred revenue to the revenue lines of referred customers', async () => {
    const { rows } = await rowsOf({ report: 'performance', filters: {} });
    expect(sumBy(rows, cur, (r) => money(r, 'commissionMinor'))).toEqual(ledgerNet);
    const revenue = t.core.context.session!.open.sqlite
      .prepare(
        `SELECT l.currency, sum(CASE WHEN l.kind = 'payment' THEN l.gross_minor - l.discount_minor ELSE l.discount_minor - l.gross_minor END) AS minor
         FROM revenue_lines l JOIN customers c ON c.id = l.customer_id WHERE c.partner_id IS NOT NULL GROUP BY l.currency`,
      )
      .all() as { currency: string; minor: number }[];
    expect(sumBy(rows, cur, (r) => money(r, 'revenueMinor'))).toEqual(byCurrency(revenue));
    const partners = t.core.context.session!.open.sqlite.prepare('SELECT count(*) FROM partners').pluck().get() as number;
    expect(new Set(rows.map((r) => r.partnerId)).size).toBe(partners);
  });

  it('yearly earnings: the two years of the demo add up to the ledger, each year to the entries dated in it', async () => {
    const { sqlite } = t.core.context.session!.open;
    const sums: Record<string, number> = {};
    for (const year of [2025, 2026]) {
      const { rows } = await rowsOf({ report: 'tax-year', filters: { year } });
      const expected = sqlite.prepare("SELECT currency, sum(amount_minor) AS minor FROM ledger_entries WHERE substr(occurred_on, 1, 4) = ? GROUP BY currency").all(String(year)) as { currency: string; minor: number }[];
      expect(sumBy(rows, cur, (r) => money(r, 'earnedMinor'))).toEqual(byCurrency(expected));
      for (const r of rows) sums[cur(r)] = (sums[cur(r)] ?? 0) + money(r, 'earnedMinor');
    }
    expect(sums).toEqual(ledgerNet);
  });

  it('the dashboard: commission by month adds up to the ledger over its twelve months, and payouts due to the payable balance', async () => {
    const d = await t.call<Dashboard>('reports.dashboard', {});
    expect(d.months).toHaveLength(12);
    expect(d.months.at(-1)).toBe('2026-04');
    const { sqlite } = t.core.context.session!.open;
    const inWindow = sqlite
      .prepare('SELECT currency, sum(amount_minor) AS minor FROM ledger_entries WHERE period BETWEEN ? AND ? GROUP BY currency')
      .all(d.months[0], d.months.at(-1)) as { currency: string; minor: number }[];
    expect(sumBy(d.commissionByMonth, (r) => r.currency, (r) => r.netMinor)).toEqual(byCurrency(inWindow));
    // Payouts due opens the payable entries no payout has claimed: they sum to the figure.
    const due = await rowsOf({ report: 'ledger', filters: { status: 'payable', payout: 'unclaimed' } });
    expect(Object.fromEntries(d.payoutsDue.map((p) => [p.currency, p.payableMinor]))).toEqual(Object.fromEntries(due.totals!.map((x) => [x.currency, x.sums.amountMinor])));
    expect(d.payoutsDue.reduce((n, p) => n + p.entries, 0)).toBe(due.total);

    // Each chart bar opens its rows: the ledger report for that month and currency sums to the bar.
    const bar = d.commissionByMonth.find((b) => b.currency === 'GBP')!;
    const { rows } = await rowsOf({ report: 'ledger', filters: { period: bar.month, currency: 'GBP' } });
    expect(rows.reduce((n, r) => n + money(r, 'amountMinor'), 0)).toBe(bar.netMinor);
    expect(rows).toHaveLength(bar.count);
    const revenueBar = d.revenueByMonth.find((b) => b.currency === 'USD')!;
    const revenue = await rowsOf({ report: 'revenue', filters: { period: revenueBar.month, currency: 'USD' } });
    expect(revenue.rows.reduce((n, r) => n + money(r, 'netMinor'), 0)).toBe(revenueBar.netMinor);
    // Top partners: per currency, the largest first, each the sum of its entries over the months shown.
    for (const top of d.topPartners.slice(0, 2)) {
      const theirs = await rowsOf({ report: 'ledger', filters: { partnerId: top.partnerId, currency: top.currency, fromPeriod: d.months[0], toPeriod: d.months.at(-1) } });
      expect(theirs.rows.reduce((n, r) => n + money(r, 'amountMinor'), 0)).toBe(top.netMinor);
    }
    expect(d.asOf).toBe(TODAY);
  });
});
