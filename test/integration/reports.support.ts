import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { settledExport } from '../../src-main/core/reports/jobs';
import type { ExportJob } from '../../src-shared/reports/contract';
import type { CurrencyCode } from '../../src-shared/money/currency';
import { parseDecimalToMinor } from '../../src-shared/money/parse';
import { tempCore } from '../support/tempWorkspace';

// Shared by the reports tests: the demo workspace on a fixed day, an export run to its end,
// and CSV read back into cents without a float in between.

export const TODAY = '2026-05-14';

export async function demoCore(today = TODAY) {
  const t = tempCore({ now: () => new Date(`${today}T10:00:00.000Z`) });
  await t.call('workspace.createDemo', {});
  return t;
}

export type Core = Awaited<ReturnType<typeof demoCore>>;

/** Starts an export and waits for its file; returns the job and the file's bytes. */
export async function exportFile(t: Core, input: Record<string, unknown>): Promise<{ job: ExportJob; bytes: Buffer }> {
  const started = await t.call<ExportJob>('reports.exportStart', input);
  const job = await settledExport(t.core.context, started.jobId);
  if (job.state !== 'done' || !job.path) throw new Error(`export ${job.state}: ${job.error}`);
  return { job, bytes: readFileSync(job.path) };
}

/** The CSV's records as objects keyed by header (a BOM is dropped; every field stays text). */
export function csvRecords(bytes: Buffer): Record<string, string>[] {
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, delimitersToGuess: [',', ';'] });
  if (parsed.errors.length) throw new Error(`CSV did not parse: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

export const cents = (text: string, currency: string) => parseDecimalToMinor(text, currency as CurrencyCode) as number;

/** Sums per currency of one money field of records, in minor units. */
export function sumBy<T>(rows: readonly T[], currency: (r: T) => string, minor: (r: T) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[currency(r)] = (out[currency(r)] ?? 0) + minor(r);
  return out;
}

export const byCurrency = (rows: { currency: string; minor: number }[]) => Object.fromEntries(rows.map((r) => [r.currency, r.minor]));
