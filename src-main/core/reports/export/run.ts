import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { ExportFormat } from '../../../../src-shared/reports/contract';
import type { ReportTotals } from '../../../../src-shared/reports/contract';
import type { ReportRow } from '../../../../src-shared/reports/columns';
import { TotalsAccumulator, type Pull } from '../source';
import { csvWriter, type CsvWriterOptions } from './csv';
import type { ExportDocument, FormatWriter, WriterFactory } from './document';

// The streaming export, for any rows from anywhere (a report, the benchmark's generator):
// pull a chunk, hand it to the format's writer, wait while the file stream is full, give
// the event loop a turn (so progress and cancel calls get answered), repeat. The file is
// written under a ".part" name and renamed when complete, so a cancelled or failed export
// leaves nothing that looks finished — and the partial file is removed.

export class ExportStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportStopped';
  }
}

export interface ExportRun {
  format: ExportFormat;
  /** The finished file's path. */
  file: string;
  document: ExportDocument;
  pull: Pull;
  csv?: CsvWriterOptions;
  /** Rows per chunk (default 2,000). */
  chunkSize?: number;
  signal?: AbortSignal;
  /** After each step: rows written, bytes written. */
  onProgress?(rows: number, bytes: number): void;
  /** Runs between chunks; throw an ExportStopped to stop (e.g. the workspace was locked). */
  check?(): void;
}

export interface ExportResult {
  rows: number;
  bytes: number;
  totals: ReportTotals[];
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** exceljs and pdfkit are large: loaded the first time an XLSX or PDF is written. */
async function writerFor(format: ExportFormat, csv: CsvWriterOptions | undefined): Promise<WriterFactory> {
  if (format === 'csv') return csvWriter(csv ?? { excel: false, delimiter: ',' });
  return format === 'xlsx' ? (await import('./xlsx')).xlsxWriter : (await import('./pdf')).pdfWriter;
}

/** Adapts any iterable of rows to a pull function (the benchmark's generated rows). */
export function pullFrom(rows: Iterable<ReportRow>): Pull {
  const it = rows[Symbol.iterator]();
  return (max) => {
    const out: ReportRow[] = [];
    while (out.length < max) {
      const n = it.next();
      if (n.done) break;
      out.push(n.value);
    }
    return out.length ? out : null;
  };
}

export async function writeExport(run: ExportRun): Promise<ExportResult> {
  const factory = await writerFor(run.format, run.csv);
  const part = `${run.file}.part`;
  const out = createWriteStream(part, { flags: 'wx' });
  const done = finished(out);
  done.catch(() => undefined);
  let writer: FormatWriter | null = null;
  const totals = new TotalsAccumulator(run.document.columns);
  const chunk = run.chunkSize ?? 2000;
  const stopIfAsked = () => {
    if (run.signal?.aborted) throw new ExportStopped(String(run.signal.reason ?? 'Cancelled'));
    run.check?.();
  };
  let rows = 0;
  try {
    writer = factory(out, run.document);
    for (;;) {
      stopIfAsked();
      const got = run.pull(chunk);
      if (got === null) break;
      if (got.length) {
        writer.write(got);
        totals.add(got);
        rows += got.length;
      }
      run.onProgress?.(rows, out.bytesWritten);
      // A step may only have found rows (got is empty); either way, give other calls a turn.
      // The writers produce synchronously; wait here until the file has taken what is queued.
      for (let wait = writer.room?.(); wait; wait = writer.room?.()) await Promise.race([wait, done]);
      while (out.writableNeedDrain) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), done]);
      await turn();
    }
    stopIfAsked();
    await writer.end(totals.result(), rows);
    await done;
    stopIfAsked();
    await rename(part, run.file);
    run.onProgress?.(rows, out.bytesWritten);
    return { rows, bytes: out.bytesWritten, totals: totals.result() };
  } catch (e) {
    writer?.destroy();
    out.destroy();
    await done.catch(() => undefined);
    await rm(part, { force: true });
    throw e;
  }
}
