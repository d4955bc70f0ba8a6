import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedOnFakeStripe, PAY_DAY } from '../fixtures/payouts/stripe';

// Executing an approved run against the fake Stripe through the official SDK: one Connect
// transfer per line whatever happens on the way — a dropped response after Stripe made the
// transfer, 500s, being offline, a refusal then a retry, and a resend after Stripe's
// 24-hour idempotency window.

let rig: Awaited<ReturnType<typeof approvedOnFakeStripe>> | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const transfers = () => rig!.fake.state.transferList();

describe('executing a run', () => {
  it('pays the line with one transfer carrying its key, group and line id; executing again sends nothing', async () => {
    rig = await approvedOnFakeStripe();
    const { w, run, lineId, account } = rig;
    const done = await w.call('payouts.execute', { runId: run.id });
    expect(done.status).toBe('completed');
    expect(done.lines[0]).toMatchObject({ state: 'paid', transferId: expect.stringMatching(/^tr_/) });
    expect(transfers()).toHaveLength(1);
    expect(transfers()[0]).toMatchObject({ amount: 1_950_00, currency: 'usd', destination: account.id, transfer_group: run.transferGroup, metadata: { payout_line_id: lineId } });
    expect(rig.fake.control.log.filter((r) => r.path === '/v1/transfers' && r.method === 'POST').map((r) => r.idempotencyKey)).toEqual([`payout:${lineId}:1`]);
    expect(await w.t.core.dispatch('payouts.execute', { runId: run.id })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(transfers()).toHaveLength(1);
    const ledger = await w.call('commissions.ledger', { partnerId: rig.partner, limit: 100 });
    expect(ledger.totals[0]).toMatchObject({ paidMinor: 1_950_00, onHoldMinor: 240_00, payableMinor: 0 });
  });

  it('a transfer made before the connection dropped is replayed for the same key, not made again', async () => {
    rig = await approvedOnFakeStripe();
    rig.fake.control.dropAfterCommit(1, { path: '/v1/transfers', method: 'POST' });
    const done = await rig.w.call('payouts.execute', { runId: rig.run.id });
    expect(done.lines[0].state).toBe('paid');
    expect(transfers()).toHaveLength(1);
    expect(done.lines[0].transferId).toBe(transfers()[0]!.id);
    expect(rig.fake.control.requests('/v1/transfers', 'POST')).toBeGreaterThanOrEqual(2);
  });

  it('500s are retried with the same key', async () => {
    rig = await approvedOnFakeStripe();
    rig.fake.control.failNext(2, { status: 500, path: '/v1/transfers', method: 'POST' });
    const done = await rig.w.call('payouts.execute', { runId: rig.run.id });
    expect(done.lines[0].state).toBe('paid');
    expect(transfers()).toHaveLength(1);
  });

  it('offline: the transfer waits in the outbox with its key, and goes out once when Stripe is back', async () => {
    rig = await approvedOnFakeStripe();
    rig.fake.control.dropNext(20, { path: '/v1/transfers' });
    const offline = await rig.w.t.core.dispatch('payouts.execute', { runId: rig.run.id });
    expect(offline).toMatchObject({ ok: false, error: { kind: 'stripe', retryable: true, message: expect.stringMatching(/cannot be reached — 1 transfer waits in the outbox/) } });
    const waiting = await rig.w.call('payouts.get', { runId: rig.run.id });
    expect(waiting).toMatchObject({ status: 'executing' });
    expect(waiting.lines[0].state).toBe('queued');
    expect(waiting.lines[0].waitingReason).toMatch(/^Stripe could not be reached or was busy .*; the transfer will be sent again with the same key$/);
    rig.fake.control.reset();
    const done = await rig.w.call('payouts.execute', { runId: rig.run.id });
    expect(done.lines[0].state).toBe('paid');
    expect(transfers()).toHaveLength(1);
  });

  it('a refusal keeps Stripe’s reason; a retry after the fix is a new attempt with a new key, still one transfer', async () => {
    rig = await approvedOnFakeStripe();
    rig.fake.state.setAccountCapability(rig.account.id, 'transfers', 'inactive');
    const failed = await rig.w.call('payouts.execute', { runId: rig.run.id });
    expect(failed.status).toBe('executing');
    expect(failed.lines[0]).toMatchObject({ state: 'failed', failureReason: expect.stringMatching(/^Stripe refused the transfer: .*capabilities.*\(insufficient_capabilities_for_transfer\)$/) });
    expect(transfers()).toHaveLength(0);
    rig.fake.state.setAccountCapability(rig.account.id, 'transfers', 'active');
    const queued = await rig.w.call('payouts.retryLine', { lineId: rig.lineId });
    expect(queued.lines[0]).toMatchObject({ state: 'queued', attempt: 2, failureReason: '' });
    const done = await rig.w.call('payouts.execute', { runId: rig.run.id });
    expect(done).toMatchObject({ status: 'completed' });
    expect(transfers()).toHaveLength(1);
    expect(rig.w.sqlite.prepare("SELECT idempotency_key AS k, status FROM outbox WHERE kind = 'payout.transfer' ORDER BY idempotency_key").all()).toEqual([
      { k: `payout:${rig.lineId}:1`, status: 'failed' },
      { k: `payout:${rig.lineId}:2`, status: 'sent' },
    ]);
  });

  it('a failed line can be released: its entries are payable again for the next run', async () => {
    rig = await approvedOnFakeStripe();
    rig.fake.state.setAccountCapability(rig.account.id, 'transfers', 'inactive');
    await rig.w.call('payouts.execute', { runId: rig.run.id });
    const released = await rig.w.call('payouts.releaseLine', { lineId: rig.lineId, reason: 'Partner closed its Stripe account' });
    expect(released).toMatchObject({ status: 'completed' });
    expect(released.lines[0].state).toBe('cancelled');
    const ledger = await rig.w.call('commissions.ledger', { partnerId: rig.partner, limit: 100 });
    expect(ledger.totals[0]).toMatchObject({ payableMinor: 1_950_00, inPayoutMinor: 0 });
  });

  it('after the 24-hour idempotency window a resend first looks the transfer up in the run’s group', async () => {
    rig = await approvedOnFakeStripe();
    const { w, fake, run, lineId, account } = rig;
    // As if the app sent the transfer, Stripe made it, and the app died before writing it down.
    const key = `payout:${lineId}:1`;
    fake.state.transfer({ amount: 1_950_00, currency: 'usd', destination: account.id, transfer_group: run.transferGroup, metadata: { payout_line_id: lineId, idempotency_key: key } });
    w.sqlite.prepare("UPDATE outbox SET status = 'sending', attempts = 1, first_sent_at = '2026-12-01T09:00:00.000Z' WHERE idempotency_key = ?").run(key);
    fake.control.setNow(PAY_DAY + 25 * 3600);
    w.setToday('2026-12-02');
    const done = await w.call('payouts.execute', { runId: run.id });
    expect(done.lines[0]).toMatchObject({ state: 'paid', transferId: transfers()[0]!.id });
    expect(transfers()).toHaveLength(1);
    expect(fake.control.requests('/v1/transfers', 'POST')).toBe(0);
    const audit = w.sqlite.prepare("SELECT json_extract(detail, '$.how') FROM audit_log WHERE action = 'payouts.transfer'").pluck().all();
    expect(audit).toEqual(['found in the transfer group']);
  });
});

describe('payout documents', () => {
  it('remittance advice (PDF), register (CSV and XLSX) of the paid run, to the cent', async () => {
    rig = await approvedOnFakeStripe();
    const { w, run, lineId } = rig;
    await w.call('payouts.execute', { runId: run.id });
    const pdf = await w.call('payouts.remittance', { lineId });
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', encoding: 'base64', fileName: 'remittance-pipeline-partners-llc-2026-12-01-USD.pdf' });
    const text = (await new PDFParse({ data: Buffer.from(pdf.content, 'base64') }).getText()).text;
    expect(text).toContain('Partner: Pipeline Partners LLC');
    expect(text).toContain('Commission earned: $2,250.00');
    expect(text).toContain('Withheld (refunds and chargebacks): -$300.00');
    expect(text).toContain('Amount paid: $1,950.00');
    expect(text).toMatch(/Stripe transfer: tr_/);

    const csv = await w.call('payouts.register', { runId: run.id, format: 'csv' });
    const rows = csv.content.trim().split('\r\n');
    expect(rows[0]).toBe('pay_date,run_id,run_status,partner,currency,earned,withheld,amount,method,state,transfer_id,paid_reference,paid_at,blockers');
    expect(rows[1]).toMatch(new RegExp(`^2026-12-01,${run.id},completed,Pipeline Partners LLC,USD,2250.00,-300.00,1950.00,stripe_connect,paid,tr_\\w+,,2026-12-01T`));

    const xlsx = await w.call('payouts.register', { runId: run.id, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Payout register')!;
    const r = ws.getRow(2);
    expect(r.getCell(1).value).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(r.getCell(4).value).toBe('Pipeline Partners LLC');
    expect([r.getCell(6).value, r.getCell(7).value, r.getCell(8).value]).toEqual([2250, -300, 1950]);
    expect(r.getCell(8).numFmt).toBe('"$"#,##0.00;-"$"#,##0.00');
    const exports = w.sqlite.prepare("SELECT entity FROM audit_log WHERE action = 'export' ORDER BY id").pluck().all();
    expect(exports).toEqual(['payouts.remittance', 'payouts.register', 'payouts.register']);
  });

  it('seed 001’s chargeback e-mail lists the withheld amounts (.eml and text to copy)', async () => {
    rig = await approvedOnFakeStripe();
    const { w, run, partner } = rig;
    w.sqlite.prepare("UPDATE partners SET contact_name = 'Dana Pipeline', contact_email = 'dana@pipeline.example' WHERE id = ?").run(partner);
    const notice = await w.call('payouts.chargebackNotice', { partnerId: partner, runId: run.id });
    expect(notice).toMatchObject({ to: 'dana@pipeline.example', chargebackCount: 1, subject: 'Chargebacks withheld from your commission payouts — Pipeline Partners LLC' });
    expect(notice.text).toContain('- 2026-11-15: Account B, $300.00 withheld');
    expect(notice.text).toContain('Total withheld: $300.00');
    expect(notice.eml.content).toMatch(/^From: .*\r\nTo: Dana Pipeline <dana@pipeline.example>\r\nSubject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=\r\n/);
    expect(notice.eml.content).toContain('Content-Type: text/plain; charset=UTF-8');
    const subject = /Subject: =\?UTF-8\?B\?([^?]+)\?=/.exec(notice.eml.content)![1]!;
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe(notice.subject);
    const none = await w.t.core.dispatch('payouts.chargebackNotice', { partnerId: partner });
    expect(none.ok).toBe(true); // not settled yet: the run has not paid
    await w.call('payouts.execute', { runId: run.id });
    expect(await w.t.core.dispatch('payouts.chargebackNotice', { partnerId: partner })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });
});
