import { Command, CommanderError } from 'commander';
import { copyFile, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { REPORT_IDS, reports, type ReportId } from '../../src-shared/reports/catalogue';
import type { ExportJob } from '../../src-shared/reports/contract';
import type { Core } from '../core';
import type { CommandKit } from './commissions';

// `partnerdesk export <report> --format csv|xlsx|pdf --out FILE [filters]`: the same export
// jobs as the Reports screen, for scheduled exports. The core writes the file into the
// workspace's exports folder (and records the export in the audit log); the command
// follows its progress and then moves the file to --out. Ctrl-C cancels the job, which
// removes the partial file.

const failWith = (message: string): never => {
  throw new CommanderError(2, 'partnerdesk.validation', message);
};

/** Filter name → the option that sets it (kebab-case; ids take a name where one reads better). */
const optionOf: Record<string, string> = {
  partnerId: 'partner',
  programmeId: 'programme',
  fromPeriod: 'from-period',
  toPeriod: 'to-period',
  runStatus: 'run-status',
  thresholdCurrency: 'threshold-currency',
  overThresholdOnly: 'over-threshold-only',
  overdueOnly: 'overdue-only',
  openOnly: 'all-drafts',
};
const camel = (kebab: string) => kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const opt = (name: string) => optionOf[name] ?? name;

type PartnerHit = { id: string; company: string };

async function partnerId(kit: CommandKit, core: Core, wanted: string): Promise<string> {
  const { rows } = await kit.call<{ rows: PartnerHit[] }>(core, 'commissions.partners', { search: wanted, limit: 50 });
  const exact = rows.find((r) => r.id === wanted) ?? rows.find((r) => r.company.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact.id;
  if (rows.length === 1) return rows[0]!.id;
  return failWith(rows.length === 0 ? `No partner has the id or company name '${wanted}'.` : `'${wanted}' matches ${rows.length} partners: ${rows.slice(0, 8).map((r) => r.company).join(', ')}. Give the id or the full company name.`);
}

async function programmeId(kit: CommandKit, core: Core, wanted: string): Promise<string> {
  const { programmes } = await kit.call<{ programmes: { id: string; code: string; name: string }[] }>(core, 'partners.filterOptions', {});
  const hit = programmes.find((p) => p.id === wanted || p.code === wanted || p.name.toLowerCase() === wanted.toLowerCase());
  return hit?.id ?? failWith(`No programme is called '${wanted}'. Programmes: ${programmes.map((p) => p.code).join(', ')}.`);
}

type Options = Record<string, string | boolean | undefined>;

/** The report's filters from the command line; an option the report does not take is refused, naming the ones it does. */
async function filtersFrom(kit: CommandKit, core: Core, report: ReportId, o: Options): Promise<Record<string, unknown>> {
  const fields = reports[report].filters;
  const accepted = new Set(fields.map((f) => f.name));
  const given = FILTER_OPTIONS.filter((name) => o[camel(name)] !== undefined);
  if (report === 'partners') {
    const bad = given.filter((g) => !['search', 'status', 'programme', 'partner-format'].includes(g));
    if (bad.length) failWith(`The partners report takes --search, --status, --programme and --partner-format, not ${bad.map((b) => `--${b}`).join(', ')}.`);
    return {
      globalSearch: o.search ?? '',
      filters: {
        ...(o.status ? { status: [o.status] } : {}),
        ...(o.programme ? { programmeId: [await programmeId(kit, core, String(o.programme))] } : {}),
        ...(o.partnerFormat ? { format: [o.partnerFormat] } : {}),
      },
      sort: [],
    };
  }
  const takes = fields.map((f) => `--${opt(f.name)}`).join(', ') || 'no filters';
  const filters: Record<string, unknown> = {};
  for (const g of given) {
    const field = fields.find((f) => opt(f.name) === g);
    if (!field || !accepted.has(field.name)) failWith(`--${g} does not apply to the ${reports[report].title.toLowerCase()} report; it takes ${takes}.`);
    const value = o[camel(g)];
    if (field!.name === 'openOnly') filters.openOnly = false;
    else if (field!.kind === 'boolean') filters[field!.name] = true;
    else if (field!.kind === 'year') filters[field!.name] = Number(value);
    else if (field!.kind === 'partner') filters[field!.name] = await partnerId(kit, core, String(value));
    else if (field!.kind === 'programme') filters[field!.name] = await programmeId(kit, core, String(value));
    else filters[field!.name] = value;
  }
  for (const f of fields) if (f.required && filters[f.name] === undefined) failWith(`The ${reports[report].title.toLowerCase()} report needs --${opt(f.name)}.`);
  return filters;
}

const FILTER_OPTIONS = [
  'partner', 'programme', 'period', 'from-period', 'to-period', 'from', 'to', 'currency', 'status', 'payout', 'state', 'run-status', 'year', 'basis',
  'threshold', 'threshold-currency', 'over-threshold-only', 'kind', 'action', 'entity', 'overdue-only', 'all-drafts', 'search', 'partner-format',
];

async function moveTo(from: string, to: string) {
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await copyFile(from, to);
    await rm(from, { force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export function addReportCommands(program: Command, kit: CommandKit) {
  const cmd = program
    .command('export')
    .description(`export a report as CSV, XLSX or PDF — reports: ${REPORT_IDS.join(', ')}`)
    .argument('<report>', REPORT_IDS.join(' | '))
    .requiredOption('--format <csv|xlsx|pdf>', 'file format')
    .requiredOption('--out <file>', 'where to write the file (replaced if it exists)')
    .requiredOption('--user <username>', 'sign in as this user')
    .option('--columns <ids>', 'comma-separated column ids (default: the report’s usual columns)')
    .option('--excel', 'CSV for Excel: byte-order mark, formula-like text quoted')
    .option('--delimiter <,|;>', 'CSV separator', ',')
    .option('--partner <id|company>', 'a partner')
    .option('--programme <code|id>', 'a programme')
    .option('--period <YYYY-MM>', 'one month')
    .option('--from-period <YYYY-MM>', 'first month')
    .option('--to-period <YYYY-MM>', 'last month')
    .option('--from <YYYY-MM-DD>', 'first day')
    .option('--to <YYYY-MM-DD>', 'last day')
    .option('--currency <code>', 'one currency, e.g. EUR')
    .option('--status <status>', 'ledger: on_hold | payable; reseller-status: active | at_risk; partners: a partner status')
    .option('--payout <state>', 'ledger: unclaimed | in_payout | paid')
    .option('--state <state>', 'payout-register: line state; review-queue: draft state')
    .option('--run-status <status>', 'payout-register: run status')
    .option('--year <YYYY>', 'tax-year: the calendar year')
    .option('--basis <paid|earned>', 'tax-year: judge the threshold on amounts paid or earned')
    .option('--threshold <amount>', 'tax-year: e.g. 600')
    .option('--threshold-currency <code>', 'tax-year: default USD')
    .option('--over-threshold-only', 'tax-year: only partners at or over the threshold')
    .option('--kind <kind>', 'agreements-calendar: a kind of date; revenue: payment | refund | chargeback')
    .option('--action <text>', 'audit-log: part of the action')
    .option('--entity <text>', 'audit-log: part of the entity')
    .option('--overdue-only', 'review-queue: only overdue drafts')
    .option('--all-drafts', 'review-queue: decided and withdrawn drafts too')
    .option('--search <text>', 'partners: the list search')
    .option('--partner-format <format>', 'partners: a partner format');

  cmd.action(async (report: string, o: Options, command: Command) => {
    if (!(REPORT_IDS as readonly string[]).includes(report)) failWith(`There is no report '${report}'. Reports: ${REPORT_IDS.join(', ')}.`);
    const format = String(o.format);
    if (!['csv', 'xlsx', 'pdf'].includes(format)) failWith(`--format is csv, xlsx or pdf, not '${format}'.`);
    if (o.delimiter !== ',' && o.delimiter !== ';') failWith(`--delimiter is , or ;, not '${String(o.delimiter)}'.`);
    const out = resolve(String(o.out));
    void command;
    await kit.withCore(async (core) => {
      await kit.unlock(core, String(o.user));
      const id = report as ReportId;
      const filters = await filtersFrom(kit, core, id, o);
      const columns = typeof o.columns === 'string' ? o.columns.split(',').map((c) => c.trim()).filter(Boolean) : undefined;
      let job = await kit.call<ExportJob>(core, 'reports.exportStart', {
        query: { report: id, filters },
        format,
        ...(columns ? { columns } : {}),
        ...(format === 'csv' ? { csv: { excel: o.excel === true, delimiter: o.delimiter } } : {}),
      });
      const cancel = () => void kit.call(core, 'reports.exportCancel', { jobId: job.jobId }).catch(() => undefined);
      process.once('SIGINT', cancel);
      let shown = -1;
      try {
        while (job.state === 'running') {
          const tenth = job.rowsTotal ? Math.floor((job.rowsWritten / job.rowsTotal) * 10) : 0;
          if (tenth > shown && job.rowsTotal >= 50_000) {
            kit.io.err(`${reports[id].title}: ${tenth * 10}% (${job.rowsWritten.toLocaleString('en')} of ${job.rowsTotal.toLocaleString('en')} rows)`);
            shown = tenth;
          }
          await new Promise((r) => setTimeout(r, 100));
          job = await kit.call<ExportJob>(core, 'reports.exportStatus', { jobId: job.jobId });
        }
      } finally {
        process.removeListener('SIGINT', cancel);
      }
      if (job.state === 'cancelled') throw new CommanderError(130, 'partnerdesk.cancelled', 'Export cancelled; nothing was written.');
      if (job.state !== 'done' || !job.path) throw new CommanderError(1, 'partnerdesk.internal', job.error ?? 'The export failed.');
      await moveTo(job.path, out);
      kit.io.out(`Wrote ${out} (${job.rowsWritten.toLocaleString('en')} ${job.rowsWritten === 1 ? 'row' : 'rows'}, ${mb(job.bytes)})`);
    });
  });
}
