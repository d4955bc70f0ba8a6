import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type { ReportColumn } from '../../../../src-shared/reports/columns';
import { decimalText } from '../../../../src-shared/reports/money';
import { moneyColumns, textOf, type ExportDocument, type FormatWriter } from './document';
import { winAnsi } from './winAnsi';

// A PDF for reading and sending: A4 landscape, the title and filters on top, then the rows
// as a table that continues over as many pages as it needs, the column headings repeated
// on each page and the page number at the foot; totals per currency at the end. Pages are
// written out as they fill. Each cell is one line, shortened with … when it does not fit
// (the CSV and XLSX carry every character).

const MARGIN = 32;
const FONT = 7;
const ROW = 10.5;
const HEAD = 13;
const FOOT = 14;
const NUMERIC = new Set(['money', 'integer', 'bps']);

export function pdfWriter(out: Writable, doc: ExportDocument): FormatWriter {
  const pdf = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: winAnsi(doc.title), Creator: 'Partnerdesk' } });
  pdf.pipe(out);
  const left = MARGIN;
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = pdf.page.height - MARGIN - FOOT;
  const columns = doc.columns;
  const weights = columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (width * w) / total);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  let page = 1;
  let y = MARGIN;
  let stripe = false;

  const fit = (s: string, max: number): string => {
    if (pdf.widthOfString(s) <= max) return s;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (pdf.widthOfString(`${s.slice(0, mid)}…`) <= max) lo = mid;
      else hi = mid - 1;
    }
    return `${s.slice(0, lo)}…`;
  };
  const cell = (text: string, i: number, c: ReportColumn) => {
    const s = fit(winAnsi(text), widths[i]! - 4);
    const x = NUMERIC.has(c.kind) ? xs[i]! + widths[i]! - 2 - pdf.widthOfString(s) : xs[i]! + 2;
    pdf.text(s, x, y + 2.5, { lineBreak: false });
  };
  const footer = () => {
    pdf.font('Helvetica').fontSize(6.5).fillColor('#666666');
    pdf.text(winAnsi(`${doc.title} · page ${page}`), left, pdf.page.height - MARGIN - 8, { lineBreak: false });
    pdf.fillColor('#000000');
  };
  const heading = () => {
    pdf.rect(left, y, width, HEAD).fill('#e8ecf1');
    pdf.fillColor('#000000').font('Helvetica-Bold').fontSize(FONT);
    columns.forEach((c, i) => {
      const s = fit(winAnsi(c.label), widths[i]! - 4);
      const x = NUMERIC.has(c.kind) ? xs[i]! + widths[i]! - 2 - pdf.widthOfString(s) : xs[i]! + 2;
      pdf.text(s, x, y + 4, { lineBreak: false });
    });
    y += HEAD;
    pdf.font('Helvetica').fontSize(FONT);
  };
  const newPage = () => {
    footer();
    pdf.addPage();
    page += 1;
    y = MARGIN;
  };

  pdf.font('Helvetica-Bold').fontSize(13).text(winAnsi(doc.title), left, y, { width });
  pdf.font('Helvetica').fontSize(8);
  for (const line of [...doc.lines, doc.generated]) pdf.text(winAnsi(line), left, pdf.y + 1, { width });
  y = pdf.y + 8;
  heading();

  return {
    write(rows) {
      for (const r of rows) {
        if (y + ROW > bottom) {
          newPage();
          heading();
        }
        if (stripe) pdf.rect(left, y, width, ROW).fill('#f6f7f9').fillColor('#000000');
        stripe = !stripe;
        columns.forEach((c, i) => cell(textOf(c, r), i, c));
        y += ROW;
      }
    },
    async end(totals, rowCount) {
      const money = moneyColumns(columns);
      const lines = [`${rowCount} ${rowCount === 1 ? 'row' : 'rows'}`];
      for (const t of totals) {
        lines.push(`${t.currency} (${t.rows} ${t.rows === 1 ? 'row' : 'rows'}): ${money.map((m) => `${m.label} ${decimalText(t.sums[m.id] ?? 0, t.currency)}`).join(' · ')}`);
      }
      if (y + 30 > bottom) newPage();
      y += 8;
      pdf.font('Helvetica-Bold').fontSize(8).text(money.length ? 'Totals' : 'Rows', left, y, { lineBreak: false });
      y += 11;
      pdf.font('Helvetica').fontSize(8);
      for (const line of lines) {
        if (y + 11 > bottom) newPage();
        pdf.font('Helvetica').fontSize(8).text(winAnsi(line), left, y, { lineBreak: false });
        y += 11;
      }
      footer();
      pdf.end();
    },
    destroy() {
      pdf.unpipe(out);
    },
  };
}
