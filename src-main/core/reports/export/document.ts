import type { Writable } from 'node:stream';
import type { ReportColumn, ReportRow } from '../../../../src-shared/reports/columns';
import { currencyFieldOf } from '../../../../src-shared/reports/columns';
import type { ReportTotals } from '../../../../src-shared/reports/contract';
import { decimalText } from '../../../../src-shared/reports/money';

/** What every format writes around the rows: a title, the filters in words, who made it and when. */
export interface ExportDocument {
  title: string;
  lines: string[];
  generated: string;
  columns: ReportColumn[];
}

/** One format's writer over an output stream; the runner feeds it chunks and waits for the stream between them. */
export interface FormatWriter {
  /** Appends rows to the output (synchronously; the runner handles backpressure). */
  write(rows: readonly ReportRow[]): void;
  /** When the writer's own pipeline is full: a promise to wait for before the next chunk (else null). */
  room?(): Promise<void> | null;
  /** Writes what follows the rows (totals, notes) and ends the output stream (the runner waits for it to finish). */
  end(totals: readonly ReportTotals[], rowCount: number): Promise<void>;
  destroy(): void;
}

export type WriterFactory = (out: Writable, doc: ExportDocument) => FormatWriter;

/** Basis points as an exact percentage: 1500 → '15%', 1250 → '12.5%', 333 → '3.33%'. */
export function percentText(bps: number): string {
  const sign = bps < 0 ? '-' : '';
  const a = Math.abs(bps);
  const whole = Math.floor(a / 100);
  const frac = String(a % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}%`;
}

/** The cell as plain text, exact: money as its decimal in the row's currency, rates as percentages. */
export function textOf(c: ReportColumn, row: ReportRow): string {
  const v = row[c.id];
  if (v === null || v === undefined) return '';
  switch (c.kind) {
    case 'money': {
      const currency = row[currencyFieldOf(c)];
      return typeof v === 'number' ? decimalText(v, typeof currency === 'string' ? currency : '') : String(v);
    }
    case 'bps':
      return typeof v === 'number' ? percentText(v) : String(v);
    case 'boolean':
      return v === true ? 'yes' : v === false ? 'no' : String(v);
    default:
      return String(v);
  }
}

export const moneyColumns = (columns: readonly ReportColumn[]) => columns.filter((c) => c.kind === 'money');
