import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import { describeMoney } from '../../../src-shared/commissions/explain';
import { minorUnitExponent, type CurrencyCode } from '../../../src-shared/money/currency';
import { formatMinorPlain } from '../../../src-shared/money/format';
import { money } from '../../../src-shared/money/money';
import type { PayoutFile } from '../../../src-shared/payouts/contract';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { lineEntries, linesOf, runRow } from './read';

// The papers of a payout: the remittance advice a partner receives (PDF), the register
// finance files (CSV and XLSX), and seed 001's e-mail telling a partner which chargebacks
// are withheld (.eml). Amounts are written from integer minor units, never through floats
// except where XLSX needs a number (major units, exact for every two-decimal amount).

const shown = (minor: number, currency: string) => describeMoney(money(currency as CurrencyCode, minor));
const plain = (minor: number, currency: string) => formatMinorPlain(minor, currency as CurrencyCode);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'partner';

const STATE_WORDS: Record<string, string> = {
  ready: 'ready', blocked: 'blocked', carried_forward: 'carried forward', queued: 'approved, waiting to be paid', paid: 'paid', failed: 'failed', cancelled: 'cancelled',
};

function pdfBuffer(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: 'Remittance advice', Producer: 'Partnerdesk' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

export async function remittanceAdvice(sqlite: Sqlite, lineId: string, workspaceName: string): Promise<PayoutFile> {
  const { line, entries } = lineEntries(sqlite, lineId);
  if (line.state !== 'paid' && line.state !== 'queued') fail('conflict', `This line is ${STATE_WORDS[line.state]}; remittance advice is for approved or paid lines.`);
  const run = runRow(sqlite, line.runId);
  const pdf = await pdfBuffer((doc) => {
    doc.fontSize(18).text('Remittance advice');
    doc.moveDown(0.3).fontSize(10).fillColor('#555').text(`From ${workspaceName}`).fillColor('#000');
    doc.moveDown();
    doc.fontSize(11);
    doc.text(`Partner: ${line.partnerCompany}`);
    doc.text(`Payout date: ${run.payDate}`);
    doc.text(`Status: ${STATE_WORDS[line.state]}${line.paidAt ? ` on ${line.paidAt.slice(0, 10)}` : ''}`);
    if (line.transferId) doc.text(`Stripe transfer: ${line.transferId}`);
    if (line.paidReference) doc.text(`Payment reference: ${line.paidReference}`);
    doc.moveDown();
    doc.fontSize(12).text(`Commission earned: ${shown(line.earnedMinor, line.currency)}`);
    doc.text(`Withheld (refunds and chargebacks): ${shown(line.withheldMinor, line.currency)}`);
    doc.font('Helvetica-Bold').text(`Amount paid: ${shown(line.amountMinor, line.currency)}`).font('Helvetica');
    doc.moveDown();
    doc.fontSize(11).text('Ledger entries in this payout', { underline: true });
    doc.moveDown(0.4).fontSize(9);
    for (const e of entries) {
      doc.text(`${e.occurredOn}  ${e.customerName}  ${shown(e.amountMinor, line.currency)}`, { continued: false });
      doc.fillColor('#555').text(`    ${e.explanation}`).fillColor('#000');
    }
  });
  return { fileName: `remittance-${slug(line.partnerCompany)}-${run.payDate}-${line.currency}.pdf`, mimeType: 'application/pdf', encoding: 'base64', content: pdf.toString('base64') };
}

const REGISTER_HEADER = ['pay_date', 'run_id', 'run_status', 'partner', 'currency', 'earned', 'withheld', 'amount', 'method', 'state', 'transfer_id', 'paid_reference', 'paid_at', 'blockers'];

function registerRows(sqlite: Sqlite, runId: string) {
  const run = runRow(sqlite, runId);
  return { run, lines: linesOf(sqlite, runId) };
}

/** Excel number format per currency: the symbol and as many decimals as the currency has. */
function numFmt(currency: string): string {
  const decimals = minorUnitExponent(currency as CurrencyCode);
  const symbol: Record<string, string> = { USD: '"$"', GBP: '"£"', EUR: '"€"' };
  return `${symbol[currency] ?? `"${currency} "`}#,##0${decimals ? `.${'0'.repeat(decimals)}` : ''};-${symbol[currency] ?? `"${currency} "`}#,##0${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
}

/** Major units as a number for a spreadsheet cell (exact: minor / 10^exponent of a safe integer). */
const major = (minor: number, currency: string) => Number(plain(minor, currency));

export async function payoutRegister(sqlite: Sqlite, runId: string, format: 'csv' | 'xlsx'): Promise<PayoutFile> {
  const { run, lines } = registerRows(sqlite, runId);
  const base = `payout-register-${run.payDate}-${run.id.slice(0, 8)}`;
  const cells = lines.map((l) => [
    run.payDate, run.id, run.status, l.partnerCompany, l.currency, l.earnedMinor, l.withheldMinor, l.amountMinor, l.method, l.state, l.transferId ?? '', l.paidReference ?? '', l.paidAt ?? '',
    l.blockers.map((b) => b.message).join('; '),
  ]);
  if (format === 'csv') {
    const rows = cells.map((c) => c.map((v, i) => (i >= 5 && i <= 7 ? plain(v as number, c[4] as string) : v)));
    return { fileName: `${base}.csv`, mimeType: 'text/csv', encoding: 'utf8', content: stringify([REGISTER_HEADER, ...rows], { record_delimiter: '\r\n' }) };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Partnerdesk';
  const ws = wb.addWorksheet('Payout register');
  ws.addRow(REGISTER_HEADER).font = { bold: true };
  for (const c of cells) {
    const currency = c[4] as string;
    const row = ws.addRow([new Date(`${c[0]}T00:00:00Z`), c[1], c[2], c[3], currency, major(c[5] as number, currency), major(c[6] as number, currency), major(c[7] as number, currency), ...c.slice(8)]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
    for (const i of [6, 7, 8]) row.getCell(i).numFmt = numFmt(currency);
  }
  ws.columns.forEach((col) => (col.width = 16));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64', content: buf.toString('base64') };
}

// ---- seed 001: "Aloware will promptly notify Partner of … chargebacks via email" ----------

type ChargebackRow = { key: string; occurredOn: string; customerName: string; currency: string; amountMinor: number; explanation: string; reversesKey: string | null };

function chargebacks(sqlite: Sqlite, partnerId: string, runId: string | undefined): ChargebackRow[] {
  const select = `SELECT e.key, e.occurred_on AS occurredOn, c.name AS customerName, e.currency, e.amount_minor AS amountMinor, e.explanation, e.reverses_key AS reversesKey
    FROM ledger_entries e JOIN customers c ON c.id = e.customer_id`;
  if (runId) {
    return sqlite
      .prepare(`${select} JOIN payout_line_entries le ON le.entry_key = e.key JOIN payout_lines l ON l.id = le.line_id
                WHERE l.run_id = ? AND l.partner_id = ? AND e.rule = 'chargeback_reversal' ORDER BY e.occurred_on, e.key`)
      .all(runId, partnerId) as ChargebackRow[];
  }
  // Not yet settled: not in a paid payout line.
  return sqlite
    .prepare(`${select} WHERE e.partner_id = ? AND e.rule = 'chargeback_reversal'
              AND NOT EXISTS (SELECT 1 FROM payout_entry_claims pc JOIN payout_lines l ON l.id = pc.line_id WHERE pc.entry_key = e.key AND l.state = 'paid')
              ORDER BY e.occurred_on, e.key`)
    .all(partnerId) as ChargebackRow[];
}

/** RFC 2047 for a header with non-ASCII text. */
const header = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`);

export function chargebackNotice(sqlite: Sqlite, partnerId: string, runId: string | undefined, workspaceName: string, now: Date) {
  const partner = sqlite.prepare('SELECT company, contact_name AS contactName, contact_email AS contactEmail FROM partners WHERE id = ?').get(partnerId) as
    | { company: string; contactName: string; contactEmail: string }
    | undefined;
  if (!partner) fail('not_found', 'This partner does not exist. Reload the list.');
  const rows = chargebacks(sqlite, partnerId, runId);
  if (rows.length === 0) fail('conflict', `${partner!.company} has no chargeback withheld${runId ? ' in this payout' : ' that a payout has not settled yet'}: there is nothing to notify.`);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amountMinor);
  const subject = `Chargebacks withheld from your commission payouts — ${partner!.company}`;
  const text = [
    `Dear ${partner!.contactName || partner!.company},`,
    '',
    `As our partner agreement provides, when a client you referred charges back a payment, the commission that payment earned is withheld from your future payouts. The following ${rows.length === 1 ? 'chargeback has' : `${rows.length} chargebacks have`} been withheld:`,
    '',
    ...rows.map((r) => `- ${r.occurredOn}: ${r.customerName}, ${shown(-r.amountMinor, r.currency)} withheld (${r.explanation})`),
    '',
    ...[...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, minor]) => `Total withheld: ${shown(-minor, currency)}`),
    '',
    'If you have questions about these amounts, reply to this e-mail.',
    '',
    `${workspaceName} partnerships`,
  ].join('\r\n');
  const eml = [
    `From: ${header(`${workspaceName} partnerships`)} <partners@invalid>`,
    `To: ${partner!.contactEmail ? `${header(partner!.contactName || partner!.company)} <${partner!.contactEmail}>` : header(partner!.company)}`,
    `Subject: ${header(subject)}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    'X-Unsent: 1',
    '',
    text,
    '',
  ].join('\r\n');
  return {
    to: partner!.contactEmail,
    subject,
    text,
    eml: { fileName: `chargebacks-${slug(partner!.company)}-${now.toISOString().slice(0, 10)}.eml`, mimeType: 'message/rfc822', encoding: 'utf8' as const, content: eml },
    chargebackCount: rows.length,
  };
}
