import { stringify } from 'csv-stringify/sync';
import type { Writable } from 'node:stream';
import { textOf, type ExportDocument, type FormatWriter } from './document';

// CSV per RFC 4180: a header row of the column names as the screen shows them, CRLF line
// ends, fields quoted when they hold the separator, a quote or a line break; UTF-8. Only
// the rows: totals and notes belong to the XLSX and PDF documents, so the file stays one
// table any program can read.
//
// Excel-friendly adds a byte-order mark (without it Excel reads UTF-8 as the local code
// page and spoils accents and €) and guards text cells that would start a formula with '
// (CSV injection). There is no "sep=" line: with one, Excel ignores the byte-order mark.
// Semicolons are offered for locales whose Excel expects them.

export interface CsvWriterOptions {
  excel: boolean;
  delimiter: ',' | ';';
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvWriter(opts: CsvWriterOptions) {
  return (out: Writable, doc: ExportDocument): FormatWriter => {
    const columns = doc.columns;
    const text = columns.map((c) => c.kind === 'text');
    const options = { delimiter: opts.delimiter, record_delimiter: '\r\n' as const };
    out.write((opts.excel ? '\ufeff' : '') + stringify([columns.map((c) => c.label)], options));
    return {
      write(rows) {
        const records = rows.map((r) =>
          columns.map((c, i) => {
            const s = textOf(c, r);
            return opts.excel && text[i] && FORMULA_START.test(s) ? `'${s}` : s;
          }),
        );
        if (records.length) out.write(stringify(records, options));
      },
      end: async () => {
        out.end();
      },
      destroy: () => undefined,
    };
  };
}
