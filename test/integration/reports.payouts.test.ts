import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src-shared/reports/contract';
import type { ReportRow } from '../../src-shared/reports/columns';
import { csvRecords, demoCore, exportFile, type Core } from './reports.support';

// The payout register and the accrual's in-payout / paid figures are read straight from the
// payout tables. Besides the demo's own run, this test writes a paid run and an executing
// one with SQL, as the payouts domain does: lines per partner and currency, the entries
// behind each line, and the claims that mark an entry as taken.

let t: Core;
let partnerId: string;
let paidKeys: { key: string; amount: number }[];
let queuedKeys: { key: string; amount: number }[];
let dueBefore: Record<string, number>;
const sum = (xs: { amount: number }[]) => xs.reduce((n, x) => n + x.amount, 0);
const sqlite = () => t.core.context.session!.open.sqlite;
const rowsOf = async (query: unknown) => (await t.call<{ rows: ReportRow[] }>('reports.rows', { query, limit: 1000 })).rows;

function payoutRun(id: string, payDate: string, status: string) {
  sqlite()
    .prepare("INSERT INTO payout_runs (id, pay_date, kind, status, lines_hash, transfer_group, prepared_at) VALUES (?, ?, 'manual', ?, 'hash', ?, ?)")
    .run(id, payDate, status, `group-${id}`, `${payDate}T08:00:00.000Z`);
}

function payoutLine(id: string, runId: string, state: string, entries: { key: string; amount: number }[], paid?: { at: string; transfer: string }) {
  const amount = sum(entries);
  sqlite()
    .prepare(
      `INSERT INTO payout_lines (id, run_id, partner_id, currency, earned_minor, withheld_minor, amount_minor, method, state, transfer_id, paid_reference, paid_at)
       VALUES (?, ?, ?, 'USD', ?, 0, ?, 'stripe_connect', ?, ?, ?, ?)`,
    )
    .run(id, runId, partnerId, amount, amount, state, paid?.transfer ?? null, paid ? `ref-${id}` : null, paid?.at ?? null);
  const link = sqlite().prepare('INSERT INTO payout_line_entries (line_id, entry_key, amount_minor) VALUES (?, ?, ?)');
  const claim = sqlite().prepare('INSERT INTO payout_entry_claims (entry_key, line_id, claimed_at) VALUES (?, ?, ?)');
  for (const e of entries) {
    link.run(id, e.key, e.amount);
    claim.run(e.key, id, '2026-02-01T00:00:00.000Z');
  }
}

beforeAll(async () => {
  t = await demoCore();
  const before = await t.call<Dashboard>('reports.dashboard', {});
  dueBefore = Object.fromEntries(before.payoutsDue.map((p) => [p.currency, p.payableMinor]));
  // Payable USD entries no payout has claimed yet (the demo's own run paid some already).
  const free = `FROM ledger_entries e JOIN ledger_holds h ON h.entry_key = e.key
    WHERE e.currency = 'USD' AND h.hold_until <= '2026-05-14' AND e.key NOT IN (SELECT entry_key FROM payout_entry_claims)`;
  partnerId = sqlite().prepare(`SELECT e.partner_id ${free} GROUP BY e.partner_id ORDER BY sum(e.amount_minor) DESC LIMIT 1`).pluck().get() as string;
  const entries = (period: string, to: string) =>
    sqlite()
      .prepare(`SELECT e.key, e.amount_minor AS amount ${free} AND e.partner_id = ? AND e.period BETWEEN ? AND ? ORDER BY e.id`)
      .all(partnerId, period, to) as { key: string; amount: number }[];
  paidKeys = entries('2025-01', '2025-12');
  queuedKeys = entries('2026-01', '2026-02');
  expect(sum(paidKeys)).toBeGreaterThan(60_000);
  expect(queuedKeys.length).toBeGreaterThan(0);
  sqlite().prepare("UPDATE partners SET tax_form_kind = 'W-9', tax_form_received_on = '2025-01-10' WHERE id = ?").run(partnerId);
  payoutRun('run-jan', '2026-01-15', 'completed');
  payoutLine('line-paid', 'run-jan', 'paid', paidKeys, { at: '2026-01-16T09:30:00.000Z', transfer: 'tr_123' });
  payoutRun('run-may', '2026-05-15', 'executing');
  payoutLine('line-queued', 'run-may', 'queued', queuedKeys);
});
afterAll(() => t?.cleanup());

describe('reports over payouts', () => {
  it("the accrual moves the claimed entries to in payout and paid, and still adds up to the partner's ledger", async () => {
    const [row] = await rowsOf({ report: 'accrual', filters: { partnerId, currency: 'USD' } });
    const ledger = sqlite().prepare("SELECT sum(amount_minor) FROM ledger_entries WHERE partner_id = ? AND currency = 'USD'").pluck().get(partnerId) as number;
    expect(row).toMatchObject({ paidMinor: sum(paidKeys), inPayoutMinor: sum(queuedKeys), netMinor: ledger });
    expect((row!.onHoldMinor as number) + (row!.payableMinor as number) + (row!.inPayoutMinor as number) + (row!.paidMinor as number)).toBe(ledger);
  });

  it('the ledger report tells paid and in-payout entries apart, and filters by them', async () => {
    const paid = await rowsOf({ report: 'ledger', filters: { partnerId, payout: 'paid' } });
    expect(paid.map((r) => r.key).sort()).toEqual(paidKeys.map((e) => e.key).sort());
    const queued = await rowsOf({ report: 'ledger', filters: { partnerId, payout: 'in_payout' } });
    expect(queued.map((r) => r.key).sort()).toEqual(queuedKeys.map((e) => e.key).sort());
    const free = await rowsOf({ report: 'ledger', filters: { partnerId, payout: 'unclaimed', currency: 'USD' } });
    expect(free.every((r) => !paidKeys.some((e) => e.key === r.key))).toBe(true);
  });

  it('payouts due on the dashboard no longer count the claimed entries', async () => {
    const d = await t.call<Dashboard>('reports.dashboard', {});
    const due = Object.fromEntries(d.payoutsDue.map((p) => [p.currency, p.payableMinor]));
    expect(due.USD).toBe(dueBefore.USD! - sum(paidKeys) - sum(queuedKeys));
    expect(due.EUR).toBe(dueBefore.EUR);
  });

  it('the payout register lists each line with its run, entries, state and how it was paid', async () => {
    const rows = (await rowsOf({ report: 'payout-register', filters: { partnerId } })).filter((r) => r.runId === 'run-jan' || r.runId === 'run-may');
    expect(rows.map((r) => [r.payDate, r.runStatus, r.state, r.amountMinor, r.entries, r.transferId, r.paidReference])).toEqual([
      ['2026-01-15', 'completed', 'paid', sum(paidKeys), paidKeys.length, 'tr_123', 'ref-line-paid'],
      ['2026-05-15', 'executing', 'queued', sum(queuedKeys), queuedKeys.length, null, null],
    ]);
    expect(await rowsOf({ report: 'payout-register', filters: { state: 'paid', from: '2026-01-01', to: '2026-03-31' } })).toEqual([expect.objectContaining({ lineId: 'line-paid' })]);
    const { bytes } = await exportFile(t, { query: { report: 'payout-register', filters: { state: 'paid', partnerId, to: '2026-03-31' } }, format: 'csv' });
    expect(csvRecords(bytes)).toEqual([expect.objectContaining({ 'Pay date': '2026-01-15', Amount: (sum(paidKeys) / 100).toFixed(2), Transfer: 'tr_123', 'Paid at': '2026-01-16T09:30:00.000Z' })]);
  });

  it('yearly earnings mark the partner paid at least $600 in the year, with its W-9 on file', async () => {
    const rows = await rowsOf({ report: 'tax-year', filters: { year: 2026, overThresholdOnly: true } });
    expect(rows).toContainEqual(expect.objectContaining({ partnerId, currency: 'USD', paidMinor: sum(paidKeys), reportable: true, taxFormKind: 'W-9', taxFormOnFile: true }));
    for (const r of rows) {
      expect(r).toMatchObject({ currency: 'USD', reportable: true });
      expect(r.paidMinor).toBeGreaterThanOrEqual(600_00);
    }
    // Paid in the year is what counts on the paid basis: nothing was paid in 2025.
    expect(await rowsOf({ report: 'tax-year', filters: { year: 2025, overThresholdOnly: true } })).toEqual([]);
    // A threshold above what the partner was paid leaves it out.
    const higher = ((sum(paidKeys) + 1) / 100).toFixed(2);
    const above = await rowsOf({ report: 'tax-year', filters: { year: 2026, overThresholdOnly: true, threshold: higher } });
    expect(above.map((r) => r.partnerId)).not.toContain(partnerId);
    const bad = await t.core.dispatch('reports.rows', { query: { report: 'tax-year', filters: { year: 2026, threshold: '600.001' } } });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { 'query.filters.threshold': 'USD amounts have 2 decimals; write the threshold with at most that many.' } } });
  });
});
