import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import { exportColumns, unknownColumns } from '../../../src-shared/reports/columns';
import { reports } from '../../../src-shared/reports/catalogue';
import type { ExportJob, exportStart } from '../../../src-shared/reports/contract';
import { fail } from '../../../src-shared/rpc/errors';
import { recordAudit } from '../audit';
import type { CoreContext, Session } from '../context';
import { roleAllows } from '../roles';
import { requireSession } from '../session';
import { ExportStopped, writeExport } from './export/run';
import { ensureExportsDir, exportFileName } from './files';
import { buildReport } from './registry';
import type { ReportEnv } from './source';

// Exports are jobs. Starting one checks everything that can be wrong (permission, filters,
// columns, size), writes the audit entry and answers at once with the job; the file is then
// written in chunks while the core keeps answering other calls — the screen polls the
// job's progress and may cancel it, which removes the partial file.

/** A PDF is for reading; past this many rows, CSV or XLSX. */
export const PDF_MAX_ROWS = 20_000;
const MAX_RUNNING = 3;
const KEEP = 50;

type StartInput = z.output<typeof exportStart.input>;
interface Job extends ExportJob {
  userId: string;
  controller: AbortController;
  settled: Promise<void>;
}

const jobsByCore = new WeakMap<CoreContext, Map<string, Job>>();
const jobsOf = (ctx: CoreContext) => {
  let jobs = jobsByCore.get(ctx);
  if (!jobs) jobsByCore.set(ctx, (jobs = new Map()));
  return jobs;
};

const view = (j: Job): ExportJob => ({
  jobId: j.jobId,
  report: j.report,
  format: j.format,
  fileName: j.fileName,
  state: j.state,
  rowsWritten: j.rowsWritten,
  rowsTotal: j.rowsTotal,
  bytes: j.bytes,
  startedAt: j.startedAt,
  finishedAt: j.finishedAt,
  error: j.error,
  path: j.state === 'done' ? j.path : null,
  download: j.state === 'done' ? `/exports/${encodeURIComponent(j.fileName)}` : null,
});

export function reportEnv(ctx: CoreContext, session: Session): ReportEnv {
  const now = ctx.now().toISOString();
  return { today: now.slice(0, 10), nowIso: now, userId: session.user.id, workspaceName: session.workspaceName };
}

export function requireReportPermission(session: Session, report: keyof typeof reports): void {
  const info = reports[report];
  if (!roleAllows(session.user.role, info.permission)) {
    fail('forbidden', `Your role (${session.user.role.replace('_', ' ')}) may not read the ${info.title.toLowerCase()} report.`);
  }
}

export function startExport(ctx: CoreContext, input: StartInput): ExportJob {
  const session = requireSession(ctx);
  const { query } = input;
  const info = reports[query.report];
  requireReportPermission(session, query.report);
  const unknown = unknownColumns(info.columns, input.columns);
  if (unknown.length) fail('validation', `The ${info.title.toLowerCase()} report has no column ${unknown.map((u) => `"${u}"`).join(', ')}.`, { fieldErrors: { columns: `Unknown: ${unknown.join(', ')}` } });
  const columns = exportColumns(info.columns, input.columns);
  const jobs = jobsOf(ctx);
  const running = [...jobs.values()].filter((j) => j.state === 'running' && j.userId === session.user.id).length;
  if (running >= MAX_RUNNING) fail('conflict', `${running} exports are still being written. Wait for one to finish, or cancel one.`);

  const env = reportEnv(ctx, session);
  const source = buildReport(session.open, query, env);
  const cursor = source.open(session.open.sqlite);
  const tooLong = (rows: number) =>
    `A PDF of ${rows.toLocaleString('en')} rows or more would run to ${Math.ceil(rows / 45).toLocaleString('en')} pages or more. Export CSV or XLSX, or narrow the filters to at most ${PDF_MAX_ROWS.toLocaleString('en')} rows.`;
  // A report computed up front knows its size now; one read from SQL finds out while the job runs.
  if (input.format === 'pdf' && cursor.total() > PDF_MAX_ROWS) {
    cursor.close();
    fail('validation', tooLong(cursor.total()));
  }
  const dir = ensureExportsDir(ctx.workspaceDir);
  const fileName = exportFileName(query.report, input.format, env.nowIso, randomBytes(3).toString('hex'), source.fileDetail);
  const csv = input.format === 'csv' ? (input.csv ?? { excel: false, delimiter: ',' as const }) : undefined;
  session.open.sqlite.transaction(() =>
    recordAudit(session.open.db, {
      at: env.nowIso,
      userId: session.user.id,
      action: 'export',
      entity: query.report,
      entityId: fileName,
      detail: { format: input.format, filters: query.filters, columns: columns.map((c) => c.id), ...(csv ? { csv } : {}) },
    }),
  )();

  const job: Job = {
    jobId: randomBytes(8).toString('hex'),
    report: query.report,
    format: input.format,
    fileName,
    state: 'running',
    rowsWritten: 0,
    rowsTotal: cursor.total(),
    bytes: 0,
    startedAt: env.nowIso,
    finishedAt: null,
    error: null,
    path: join(dir, fileName),
    download: null,
    userId: session.user.id,
    controller: new AbortController(),
    settled: Promise.resolve(),
  };
  const title = source.title ?? info.title;
  job.settled = writeExport({
    format: input.format,
    file: job.path!,
    document: { title, lines: source.lines, generated: `Generated ${env.nowIso.slice(0, 16).replace('T', ' ')} UTC by ${session.user.displayName} · ${session.workspaceName}`, columns },
    pull: (max) => {
      const got = cursor.pull(max);
      if (input.format === 'pdf' && cursor.total() > PDF_MAX_ROWS) throw new ExportStopped(tooLong(cursor.total()));
      return got;
    },
    ...(csv ? { csv } : {}),
    signal: job.controller.signal,
    onProgress: (rows, bytes) => {
      job.rowsWritten = rows;
      job.rowsTotal = Math.max(rows, cursor.total());
      job.bytes = bytes;
    },
    check: () => {
      if (ctx.session !== session) throw new ExportStopped('The workspace was locked, so the export stopped and its partial file was removed.');
    },
  }).then(
    (r) => {
      job.state = 'done';
      job.rowsWritten = r.rows;
      job.bytes = r.bytes;
    },
    (e: unknown) => {
      if (job.controller.signal.aborted) job.state = 'cancelled';
      else {
        job.state = 'failed';
        job.error = e instanceof ExportStopped ? e.message : `The export failed and its partial file was removed. Reference ${ctx.log.error(`export ${job.report} failed`, e)} in the local log.`;
      }
    },
  ).finally(() => {
    cursor.close();
    job.finishedAt = ctx.now().toISOString();
  });
  jobs.set(job.jobId, job);
  for (const old of [...jobs.values()].filter((j) => j.state !== 'running').slice(0, Math.max(0, jobs.size - KEEP))) jobs.delete(old.jobId);
  return view(job);
}

function ownJob(ctx: CoreContext, jobId: string): Job {
  const session = requireSession(ctx);
  const job = jobsOf(ctx).get(jobId);
  if (!job || job.userId !== session.user.id) return fail('not_found', 'There is no such export (exports are kept until the app is closed).');
  return job;
}

export const exportStatus = (ctx: CoreContext, jobId: string): ExportJob => view(ownJob(ctx, jobId));

export async function cancelExport(ctx: CoreContext, jobId: string): Promise<ExportJob> {
  const job = ownJob(ctx, jobId);
  if (job.state === 'running') {
    job.controller.abort('Cancelled');
    await job.settled;
  }
  return view(job);
}

/** Waits for a job to end (tests; not a channel: it does not check who asks). */
export async function settledExport(ctx: CoreContext, jobId: string): Promise<ExportJob> {
  const job = jobsOf(ctx).get(jobId) ?? fail('not_found', 'There is no such export.');
  await job.settled;
  return view(job);
}
