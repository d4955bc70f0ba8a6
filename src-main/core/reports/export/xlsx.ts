import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { currencyFieldOf, type ReportColumn, type ReportRow } from '../../../../src-shared/reports/columns';
import { excelCurrencyFormat, majorNumber } from '../../../../src-shared/reports/money';
import { moneyColumns, type ExportDocument, type FormatWriter } from './document';

// XLSX through exceljs's streaming WorkbookWriter: each row is committed as it is written,
// so the workbook never sits in memory. Cells are typed: money is a number in major units
// (parsed from the exact decimal of its minor units) with its currency's number format,
// dates are dates, rates percentages, counts numbers. A sheet holds at most 1,048,576
// rows; more go on to "Rows (2)". Then a Totals sheet (per currency, summed in minor units)
// and an About sheet (title, filters, who and when).

const MAX_ROWS_PER_SHEET = 1_048_576 - 1;
const DATE = { numFmt: 'yyyy-mm-dd' };
const DATETIME = { numFmt: 'yyyy-mm-dd hh:mm:ss' };
const PERCENT = { numFmt: '0.00%' };
const INTEGER = { numFmt: '#,##0' };
/** Shared by every unstyled cell: a fresh {} per cell would cost a styles-table lookup each. */
const PLAIN = {};
/** Bytes the sheet may have queued for compression before the writer waits for the zip to catch up. */
const BACKLOG = 1 << 20;

function dateOf(s: string, withTime: boolean): Date | string {
  // Dates are calendar days: midnight UTC is their serial number exactly. Timestamps are UTC.
  const d = withTime ? new Date(s) : new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? s : d;
}

export function xlsxWriter(out: Writable, doc: ExportDocument): FormatWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Partnerdesk';
  const columns = doc.columns;
  // One style object per currency: exceljs recognises a style it has seen by identity, so
  // a million money cells share one entry of the styles table.
  const currencyStyles = new Map<string, { numFmt: string }>();
  const styleFor = (currency: string) => {
    let s = currencyStyles.get(currency);
    if (!s) currencyStyles.set(currency, (s = { numFmt: excelCurrencyFormat(currency) }));
    return s;
  };
  let sheet: ExcelJS.Worksheet;
  let sheets = 0;
  let inSheet = 0;

  const openSheet = () => {
    sheets += 1;
    sheet = wb.addWorksheet(sheets === 1 ? 'Rows' : `Rows (${sheets})`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.label, key: c.id, width: widthOf(c) }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    inSheet = 0;
  };
  openSheet();

  const cellValue = (c: ReportColumn, r: ReportRow): [ExcelJS.CellValue, object | null] => {
    const v = r[c.id];
    if (v === null || v === undefined) return [null, null];
    switch (c.kind) {
      case 'money': {
        const currency = r[currencyFieldOf(c)];
        if (typeof v !== 'number' || typeof currency !== 'string') return [v, null];
        return [majorNumber(v, currency), styleFor(currency)];
      }
      case 'date':
        return typeof v === 'string' ? [dateOf(v, false), DATE] : [v, null];
      case 'datetime':
        return typeof v === 'string' ? [dateOf(v, true), DATETIME] : [v, null];
      case 'bps':
        return typeof v === 'number' ? [v / 10_000, PERCENT] : [v, null];
      case 'integer':
        return [v, INTEGER];
      default:
        return [v, null];
    }
  };

  return {
    write(rows) {
      for (const r of rows) {
        if (inSheet === MAX_ROWS_PER_SHEET) {
          sheet.commit();
          openSheet();
        }
        const values: ExcelJS.CellValue[] = [];
        const styles: (object | null)[] = [];
        for (const c of columns) {
          const [v, s] = cellValue(c, r);
          values.push(v);
          styles.push(s);
        }
        const row = sheet.addRow(values);
        for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = (styles[i] ?? PLAIN) as Partial<ExcelJS.Style>;
        row.commit();
        inSheet += 1;
      }
    },
    room() {
      // exceljs hands each sheet's XML to the zip without waiting (its StreamBuf ignores
      // backpressure), so a fast writer would queue the whole sheet in memory. Wait while
      // the zip's intake holds more than BACKLOG bytes.
      const intake = (sheet as unknown as { stream?: { pipes?: { _writableState?: { length: number } }[] } }).stream?.pipes?.[0];
      const state = intake?._writableState;
      if (!state || state.length < BACKLOG) return null;
      return (async () => {
        while (state.length >= BACKLOG / 4) await new Promise((r) => setTimeout(r, 2));
      })();
    },
    async end(totals, rowCount) {
      sheet.commit();
      const money = moneyColumns(columns);
      if (money.length) {
        const t = wb.addWorksheet('Totals');
        t.columns = [{ header: 'Currency', width: 10 }, { header: 'Rows', width: 10 }, ...money.map((m) => ({ header: m.label, width: 18 }))];
        t.getRow(1).font = { bold: true };
        t.getRow(1).commit();
        for (const x of totals) {
          const row = t.addRow([x.currency, x.rows, ...money.map((m) => majorNumber(x.sums[m.id] ?? 0, x.currency))]);
          row.getCell(2).style = INTEGER;
          money.forEach((_, i) => (row.getCell(i + 3).style = styleFor(x.currency)));
          row.commit();
        }
        t.commit();
      }
      const about = wb.addWorksheet('About');
      about.columns = [{ width: 120 }];
      const title = about.addRow([doc.title]);
      title.font = { bold: true, size: 14 };
      title.commit();
      for (const line of [...doc.lines, doc.generated, `${rowCount} ${rowCount === 1 ? 'row' : 'rows'}`]) about.addRow([line]).commit();
      about.commit();
      await wb.commit();
    },
    destroy() {
      // The output stream is destroyed by the runner; the archive behind the writer stops with it.
    },
  };
}

function widthOf(c: ReportColumn): number {
  switch (c.kind) {
    case 'money':
      return 14;
    case 'date':
      return 11;
    case 'datetime':
      return 19;
    case 'integer':
    case 'bps':
    case 'boolean':
      return 10;
    default:
      return Math.round(Math.min(60, Math.max(10, (c.width ?? 1) * 16)));
  }
}
