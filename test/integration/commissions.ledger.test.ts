import { afterEach, describe, expect, it } from 'vitest';
import { commissionsWorkspace, type CommissionsWorkspace, type RevenueCsvRow } from '../fixtures/commissions/kit';

// The append-only ledger: reruns add nothing; late facts add entries (a refund, a
// chargeback) or adjustments (a late payment that changes a month's tier) — an amount
// already written is never updated.

let w: CommissionsWorkspace;
afterEach(() => w?.cleanup());

const usd = (ref: string, customer: string, paidOn: string, gross: string, extra: RevenueCsvRow = {}): RevenueCsvRow => ({
  external_ref: ref, customer_ref: customer, paid_on: paidOn, currency: 'USD', category: 'subscription', gross, kind: 'payment', ...extra,
});

async function aloware() {
  w = await commissionsWorkspace('2026-12-10');
  const programme = w.programme('aloware', 'USD');
  const partner = w.partner(programme, 'HubSpring Consulting', { format: 'lead_referral' });
  for (const [ref, close] of [['A', '2026-09-20'], ['B', '2026-09-25'], ['C', '2026-10-02']] as const) w.customer(partner, ref, { signUpOn: '2026-09-01', closedOn: close, name: `Account ${ref}` });
  await w.assign(partner, await w.preset('aloware', '2026-01-01', programme));
  await w.importRevenue([usd('A-oct', 'A', '2026-10-01', '3000.00'), usd('B-oct', 'B', '2026-10-03', '1500.00')]);
  return partner;
}

const allRows = () => w.sqlite.prepare('SELECT * FROM ledger_entries ORDER BY id').all() as Record<string, unknown>[];

describe('the commission ledger', () => {
  it('a rerun of the same period adds nothing and leaves every row as it was', async () => {
    await aloware();
    const first = await w.run('2026-10');
    expect(first).toMatchObject({ entriesAdded: 2, adjustmentsAdded: 0, totals: [{ currency: 'USD', minor: 900_00 }] });
    const before = allRows();
    const holds = w.sqlite.prepare('SELECT * FROM ledger_holds ORDER BY entry_key').all();
    const second = await w.run('2026-10');
    expect(second).toMatchObject({ entriesAdded: 0, adjustmentsAdded: 0, totals: [] });
    expect(allRows()).toEqual(before);
    expect(w.sqlite.prepare('SELECT * FROM ledger_holds ORDER BY entry_key').all()).toEqual(holds);
    // Both runs are in the history, and both were audited.
    expect((await w.call('commissions.runs', { period: '2026-10' })).runs.map((r: any) => r.entriesAdded)).toEqual([0, 2]);
    expect(w.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'commissions.run'").pluck().get()).toBe(2);
  });

  it('a late payment in the same month that lifts the tier adds adjustments, never an update', async () => {
    const partner = await aloware();
    await w.run('2026-10');
    const before = allRows();
    // C closes and pays $600.00 in October: MRR $5,100.00 → 30% for the whole month.
    await w.importRevenue([usd('C-oct', 'C', '2026-10-28', '600.00')]);
    const rerun = await w.run('2026-10');
    expect(rerun).toMatchObject({ entriesAdded: 1, adjustmentsAdded: 2, totals: [{ currency: 'USD', minor: 300_00 + 150_00 + 180_00 }] });
    const after = allRows();
    expect(after).toHaveLength(before.length + 3);
    expect(after.slice(0, before.length)).toEqual(before);
    const adjustments = after.filter((r) => r.rule === 'adjustment');
    expect(adjustments.map((r) => [r.amount_minor, r.rate_bps, r.reverses_key])).toEqual([
      [300_00, 3000, before.find((b) => b.amount_minor === 600_00)!.key],
      [150_00, 3000, before.find((b) => b.amount_minor === 300_00)!.key],
    ]);
    expect(adjustments[0]!.explanation).toBe(
      'Adjustment of $300.00: recomputed at $900.00 (was $600.00) — 30% of $3,000.00 subscription, tier $5,000+ MRR (referred subscription MRR in 2026-10: $5,100.00)',
    );
    const statement = await w.call('commissions.statement', { partnerId: partner, period: '2026-10' });
    expect(statement.totals[0]).toMatchObject({ earnedMinor: 900_00 + 450_00 + 180_00, netMinor: 1_530_00, entryCount: 5 });
    // And the next rerun is quiet again.
    expect(await w.run('2026-10')).toMatchObject({ entriesAdded: 0, adjustmentsAdded: 0 });
  });

  it('a refund that arrives after its month was run adds a negative entry in the refund’s month', async () => {
    const partner = await aloware();
    await w.runMonths('2026-10', '2026-11');
    const before = allRows();
    await w.importRevenue([{ ...usd('A-oct-refund', 'A', '2026-11-20', '1000.00'), kind: 'refund', refers_to: 'A-oct' }]);
    expect(await w.run('2026-10')).toMatchObject({ entriesAdded: 0, adjustmentsAdded: 0 });
    expect(await w.run('2026-11')).toMatchObject({ entriesAdded: 1, adjustmentsAdded: 0, totals: [{ currency: 'USD', minor: -200_00 }] });
    const after = allRows();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ rule: 'refund_reversal', amount_minor: -200_00, base_minor: -1000_00, period: '2026-11', rate_bps: 2000 });
    expect(after.at(-1)!.explanation).toBe('Refund of $1,000.00 of the $3,000.00 subscription paid 2026-10-01 (line ' + String(after[0]!.revenue_line_id) + '): reverses $200.00 of the $600.00 commission it earned');
    const ledger = await w.call('commissions.ledger', { partnerId: partner });
    expect(ledger.totals).toEqual([expect.objectContaining({ currency: 'USD', earnedMinor: 900_00, reversedMinor: -200_00, netMinor: 700_00 })]);
  });

  it('never mixes currencies: each currency has its own totals, entries and filter', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const programme = w.programme('allset', 'GBP');
    const partner = w.partner(programme, 'Keystone Trades Hub', { format: 'affiliate' });
    w.customer(partner, 'uk', { signUpOn: '2026-01-01' });
    w.customer(partner, 'eu', { signUpOn: '2026-01-01' });
    w.customer(partner, 'jp', { signUpOn: '2026-01-01' });
    await w.assign(partner, await w.preset('allset', '2026-01-01', programme));
    await w.importRevenue([
      { external_ref: 'uk-1', customer_ref: 'uk', paid_on: '2026-03-01', currency: 'GBP', category: 'subscription', gross: '40.00', kind: 'payment' },
      { external_ref: 'eu-1', customer_ref: 'eu', paid_on: '2026-03-02', currency: 'EUR', category: 'subscription', gross: '40.00', kind: 'payment' },
      { external_ref: 'jp-1', customer_ref: 'jp', paid_on: '2026-03-03', currency: 'JPY', category: 'subscription', gross: '4001', kind: 'payment' },
    ]);
    const run = await w.run('2026-03');
    expect(run.totals).toEqual([{ currency: 'EUR', minor: 6_00 }, { currency: 'GBP', minor: 6_00 }, { currency: 'JPY', minor: 600 }]);
    const ledger = await w.call('commissions.ledger', { partnerId: partner });
    expect(ledger.totals.map((t: any) => [t.currency, t.netMinor, t.entryCount])).toEqual([['EUR', 6_00, 1], ['GBP', 6_00, 1], ['JPY', 600, 1]]);
    const eur = await w.call('commissions.ledger', { partnerId: partner, currency: 'EUR' });
    expect(eur.rows.map((r: any) => r.currency)).toEqual(['EUR']);
    expect(eur.totals).toHaveLength(1);
    const statement = await w.call('commissions.statement', { partnerId: partner, period: '2026-03' });
    expect(statement.totals.map((t: any) => t.currency)).toEqual(['EUR', 'GBP', 'JPY']);
    // ¥4,001 × 15% = ¥600.15 → ¥600 (JPY has no minor unit; half to even once per line).
    expect(statement.entries.find((e: any) => e.currency === 'JPY').explanation).toBe('15% of ¥4,001 subscription, month 3 of 12');
  });

  it('filters by status, derived from the hold date as of today', async () => {
    const partner = await aloware();
    await w.run('2026-10');
    w.setToday('2026-10-22');
    const payable = await w.call('commissions.ledger', { partnerId: partner, status: 'payable' });
    expect(payable.rows.map((r: any) => [r.customerName, r.holdUntil])).toEqual([['Account A', '2026-10-20']]);
    const held = await w.call('commissions.ledger', { partnerId: partner, status: 'on_hold' });
    expect(held.rows.map((r: any) => [r.customerName, r.holdUntil, r.holdReason])).toEqual([['Account B', '2026-10-25', '1 month after the account closed on 2026-09-25']]);
    expect(held.totals).toEqual([expect.objectContaining({ onHoldMinor: 300_00, payableMinor: 0 })]);
  });

  it('a hold moves when the fact it waits for arrives (a close date), without touching the amount', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const programme = w.programme('aloware', 'USD');
    const partner = w.partner(programme, 'Dialwise Integrations', { format: 'lead_referral' });
    const customer = w.customer(partner, 'D', { signUpOn: '2026-09-01' });
    await w.assign(partner, await w.preset('aloware', '2026-01-01', programme));
    await w.importRevenue([usd('D-oct', 'D', '2026-10-01', '100.00')]);
    await w.run('2026-10');
    let rows = (await w.call('commissions.ledger', { partnerId: partner })).rows;
    expect(rows[0]).toMatchObject({ holdUntil: null, status: 'on_hold', holdReason: "held until the account's close date is recorded" });
    const before = allRows();
    w.sqlite.prepare('UPDATE customers SET closed_on = ? WHERE id = ?').run('2026-10-15', customer);
    expect(await w.run('2026-10')).toMatchObject({ entriesAdded: 0, adjustmentsAdded: 0 });
    rows = (await w.call('commissions.ledger', { partnerId: partner })).rows;
    expect(rows[0]).toMatchObject({ holdUntil: '2026-11-15', status: 'payable', amountMinor: 20_00 });
    expect(allRows()).toEqual(before);
  });

  it('a new plan version computes the periods whose last day it is in force on; earlier entries stay', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const programme = w.programme('salespartner', 'USD');
    const partner = w.partner(programme, 'Northwind Resellers', { format: 'reseller' });
    w.customer(partner, 'T', { signUpOn: '2026-01-01' });
    const planId = await w.preset('salespartner', '2026-01-01', programme);
    await w.assign(partner, planId);
    const line = (m: string) => ({ external_ref: `T-${m}`, customer_ref: 'T', paid_on: `2026-${m}-05`, currency: 'USD', category: 'platform_fee', gross: '100.00', kind: 'payment' });
    await w.importRevenue([line('09'), line('10'), line('11')]);
    const v2 = await w.call('commissions.getPlan', { planId });
    await w.call('commissions.savePlanVersion', { code: 'salespartner', name: 'Sales partner programme', effectiveFrom: '2026-10-31', body: { ...v2.versions[0].body, rate: { kind: 'flat', rateBps: 2500 } }, note: '25% from November' });
    await w.runMonths('2026-09', '2026-11');
    const rows = (await w.call('commissions.ledger', { partnerId: partner })).rows;
    expect(rows.map((r: any) => [r.period, r.rateBps, r.planVersion, r.amountMinor])).toEqual([
      ['2026-09', 2000, 'salespartner@1', 20_00],
      ['2026-10', 2500, 'salespartner@2', 25_00],
      ['2026-11', 2500, 'salespartner@2', 25_00],
    ]);
  });

  it('seed 003: a reseller’s own rate (set by super admins) replaces the plan’s standard rate', async () => {
    w = await commissionsWorkspace('2026-12-10');
    const programme = w.programme('salespartner', 'USD');
    const partner = w.partner(programme, 'Tenantly Partners', { format: 'reseller', rateBps: 2200 });
    w.customer(partner, 'T', { signUpOn: '2026-01-01' });
    await w.assign(partner, await w.preset('salespartner', '2026-01-01', programme));
    await w.importRevenue([{ external_ref: 'T-1', customer_ref: 'T', paid_on: '2026-10-05', currency: 'USD', category: 'overage', gross: '50.00', kind: 'payment' }]);
    expect((await w.run('2026-10')).totals).toEqual([{ currency: 'USD', minor: 11_00 }]);
  });

  it('one partner’s unusable revenue line is named in the run’s notes and does not stop the others', async () => {
    const partner = await aloware();
    const programme = w.sqlite.prepare('SELECT programme_id FROM partners WHERE id = ?').pluck().get(partner) as string;
    const other = w.partner(programme, 'SMB Voice Group', { format: 'lead_referral' });
    const customer = w.customer(other, 'Z', { signUpOn: '2026-09-01', closedOn: '2026-09-02' });
    await w.assign(other, w.sqlite.prepare('SELECT plan_id FROM partners WHERE id = ?').pluck().get(partner) as string);
    // A line written by another source, with a discount above its gross (the CSV import refuses these).
    w.sqlite
      .prepare(`INSERT INTO revenue_lines (id, customer_id, external_ref, paid_on, currency, category, gross_minor, discount_minor, kind) VALUES ('bad', ?, 'bad', '2026-10-05', 'USD', 'subscription', 100, 500, 'payment')`)
      .run(customer);
    const run = await w.run('2026-10');
    expect(run).toMatchObject({ partners: 1, entriesAdded: 2 });
    expect(run.notes).toEqual([expect.stringMatching(/^SMB Voice Group: not computed — Revenue line 'bad': discountMinor The discount is larger than the gross amount$/)]);
  });
});
