import { Command, CommanderError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { RunSummary, Statement } from '../../src-shared/commissions/contract';
import { describeMoney, describeRate } from '../../src-shared/commissions/explain';
import type { CurrencyCode } from '../../src-shared/money/currency';
import { money } from '../../src-shared/money/money';
import type { Core } from '../core';

// `partnerdesk revenue import`, `plans import|assign`, `commissions run`, `statement` and
// `import partners|customers`: everything a script needs to run a whole commission
// scenario from files. Each command signs in with --user and PARTNERDESK_PASSPHRASE (or a
// prompt), like `status`.

export type CliCall = <T>(core: Core, channel: string, input: unknown) => Promise<T>;

export interface CommandKit {
  io: { out(line: string): void; err(line: string): void };
  withCore<T>(fn: (core: Core) => Promise<T>): Promise<T>;
  call: CliCall;
  /** Unlocks the workspace as `user` (passphrase from the environment or a prompt). */
  unlock(core: Core, user: string): Promise<void>;
}

const m = (minor: number, currency: string) => describeMoney(money(currency as CurrencyCode, minor));
const readText = (file: string) => {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (e) {
    throw new CommanderError(2, 'partnerdesk.not_found', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
};
const failWith = (message: string, exitCode = 2): never => {
  throw new CommanderError(exitCode, 'partnerdesk.validation', message);
};

type PartnerHit = { id: string; company: string; programme: string; planCode: string | null };

/** --partner takes an id or a company name (exact, else a unique part of it). */
async function resolvePartner(kit: CommandKit, core: Core, wanted: string): Promise<PartnerHit> {
  const { rows } = await kit.call<{ rows: PartnerHit[] }>(core, 'commissions.partners', { search: wanted, limit: 50 });
  const exact = rows.find((r) => r.id === wanted) ?? rows.find((r) => r.company.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  if (rows.length === 1) return rows[0]!;
  if (rows.length === 0) return failWith(`No partner has the id or company name '${wanted}'.`);
  return failWith(`'${wanted}' matches ${rows.length} partners: ${rows.slice(0, 8).map((r) => r.company).join(', ')}${rows.length > 8 ? ', …' : ''}. Give the id or the full company name.`);
}

function printRun(out: (l: string) => void, r: RunSummary) {
  out(`Commission run for ${r.period} (as of ${r.asOf}): ${r.partners} partners computed`);
  out(`  entries added:     ${r.entriesAdded}`);
  out(`  adjustments added: ${r.adjustmentsAdded}`);
  if (r.costsAdded) out(`  programme costs:   ${r.costsAdded}`);
  if (r.movementsAdded) out(`  balance movements: ${r.movementsAdded}`);
  for (const t of r.totals) out(`  added in ${t.currency}: ${m(t.minor, t.currency)}`);
  if (r.entriesAdded === 0 && r.adjustmentsAdded === 0) out('  (nothing new: the ledger already holds this period)');
  for (const n of r.notes) out(`  note: ${n}`);
}

export function printStatement(out: (l: string) => void, s: Statement) {
  out(`Statement — ${s.partner.company} (${s.partner.programme}), ${s.period}`);
  out(`Plan: ${s.plan ? `${s.plan.code} version ${s.plan.version} — ${s.plan.name}` : 'none assigned'}; status as of ${s.asOf}`);
  out('');
  if (s.entries.length === 0) out('No ledger entries for this period.');
  for (const e of s.entries) {
    const status = e.status === 'payable' ? 'payable' : `on hold${e.holdUntil ? ` until ${e.holdUntil}` : ''}`;
    out(`${e.occurredOn}  ${e.customerName.padEnd(24).slice(0, 24)}  ${e.rule.padEnd(19)}  ${m(e.amountMinor, e.currency).padStart(12)}  ${status}`);
    out(`            ${e.explanation}`);
  }
  if (s.excluded.length) {
    out('');
    out('Earned nothing:');
    for (const x of s.excluded) out(`  ${x.occurredOn}  ${x.explanation}`);
  }
  if (s.costs.length) {
    out('');
    out('Programme costs (not deducted from commission):');
    for (const c of s.costs) out(`  ${c.occurredOn}  ${m(c.amountMinor, c.currency).padStart(10)}  ${c.explanation}`);
  }
  if (s.integrator && s.integrator.movements.length) {
    out('');
    out('Prepaid balance movements:');
    for (const mv of s.integrator.movements) out(`  ${mv.occurredOn}  ${mv.account.padEnd(13)} ${m(mv.amountMinor, mv.currency).padStart(11)}  → ${m(mv.balanceAfterMinor, mv.currency).padStart(11)}  ${mv.explanation}`);
    if (s.integrator.currency) out(`  prepaid balance at ${s.period} end: ${m(s.integrator.prepaidBalanceMinor, s.integrator.currency)}`);
  }
  out('');
  for (const t of s.totals) {
    out(`Total ${t.currency}: earned ${m(t.earnedMinor, t.currency)} · reversed ${m(t.reversedMinor, t.currency)} · net ${m(t.netMinor, t.currency)} · payable ${m(t.payableMinor, t.currency)} · on hold ${m(t.onHoldMinor, t.currency)} (${t.entryCount} entries)`);
  }
  for (const b of s.payabilityBlockers) out(`Payout blocked: ${b.message}`);
}

type ImportAnswer = {
  fileName: string; committed: boolean; rows: number; newLines: number; unchanged: number;
  errors: { line: number; column: string | null; message: string }[]; moreErrors: number;
  totals: { currency: string; kind: string; lines: number; netMinor: number }[];
};

/** A command's action that opens the workspace, signs in as --user, and runs with the positional arguments. */
export const signedInWith =
  (kit: CommandKit) =>
  <O extends { user: string }>(fn: (core: Core, o: O, ...args: string[]) => Promise<void>) =>
  (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const o = cmd.opts() as O;
    const positional = args.slice(0, -2) as string[];
    return kit.withCore(async (core) => {
      await kit.unlock(core, o.user);
      await fn(core, o, ...positional);
    });
  };

export function addCommissionCommands(program: Command, kit: CommandKit) {
  const { io } = kit;
  const signedIn = signedInWith(kit);

  const revenue = program.command('revenue').description('revenue lines from the billing system');
  revenue
    .command('import')
    .description('import a revenue CSV (all lines or none; importing the same file again changes nothing)')
    .argument('<file>', 'CSV file: external_ref, customer_ref, paid_on, currency, category, gross, kind, …')
    .requiredOption('--user <username>', 'sign in as this user')
    .option('--dry-run', 'check the file and show what would be imported, write nothing')
    .action(
      signedIn<{ user: string; dryRun?: boolean }>(async (core, o, file) => {
        const r = await kit.call<ImportAnswer>(core, 'commissions.importRevenue', { csv: readText(file!), fileName: basename(file!), commit: !o.dryRun });
        const verb = r.committed ? 'Imported' : o.dryRun && r.errors.length === 0 ? 'Would import' : 'Imported nothing from';
        io.out(`${verb} ${r.fileName}: ${r.rows} lines, ${r.newLines} new, ${r.unchanged} already imported`);
        for (const t of r.totals) io.out(`  ${t.currency} ${t.kind}: ${t.lines} lines, ${m(t.netMinor, t.currency)} net of discounts`);
        if (r.errors.length) {
          const lines = r.errors.map((e) => `  line ${e.line}${e.column ? ` (${e.column})` : ''}: ${e.message}`);
          if (r.moreErrors) lines.push(`  … and ${r.moreErrors} more`);
          failWith([`${r.errors.length + r.moreErrors} problem${r.errors.length + r.moreErrors === 1 ? '' : 's'} — nothing was imported:`, ...lines].join('\n'));
        }
      }),
    );

  const plans = program.command('plans').description('commission plans');
  plans
    .command('import')
    .description('save a plan from a JSON file (a plan export or a bare plan body) as a new version')
    .argument('<file>', 'plan JSON')
    .requiredOption('--user <username>', 'sign in as this user')
    .option('--effective-from <date>', "first day the version is in force (default: the file's, else today)")
    .action(
      signedIn<{ user: string; effectiveFrom?: string }>(async (core, o, file) => {
        const r = await kit.call<{ code: string; version: number; effectiveFrom: string; created: boolean }>(core, 'commissions.importPlan', {
          json: readText(file!),
          ...(o.effectiveFrom ? { effectiveFrom: o.effectiveFrom } : {}),
        });
        io.out(`${r.created ? 'Created plan' : 'Saved plan'} ${r.code} version ${r.version}, in force from ${r.effectiveFrom}`);
      }),
    );
  plans
    .command('assign')
    .description("assign a plan to a partner")
    .requiredOption('--partner <id|company>', 'partner id or company name')
    .requiredOption('--plan <code>', 'plan code')
    .requiredOption('--user <username>', 'sign in as this user')
    .action(
      signedIn<{ user: string; partner: string; plan: string }>(async (core, o) => {
        const partner = await resolvePartner(kit, core, o.partner);
        const { plans: all } = await kit.call<{ plans: { id: string; code: string }[] }>(core, 'commissions.listPlans', {});
        const plan = all.find((p) => p.code === o.plan) ?? failWith(`No plan has the code '${o.plan}'. Plans: ${all.map((p) => p.code).join(', ') || 'none yet'}.`);
        await kit.call(core, 'commissions.assignPlan', { partnerId: partner.id, planId: plan.id });
        io.out(`${partner.company} now earns under plan ${plan.code}`);
      }),
    );

  const commissions = program.command('commissions').description('the commission ledger');
  commissions
    .command('run')
    .description('compute a month for every partner with a plan and append to the ledger (a rerun adds nothing)')
    .requiredOption('--period <YYYY-MM>', 'calendar month')
    .requiredOption('--user <username>', 'sign in as this user')
    .action(
      signedIn<{ user: string; period: string }>(async (core, o) => {
        printRun(io.out, await kit.call<RunSummary>(core, 'commissions.run', { period: o.period }));
      }),
    );

  program
    .command('statement')
    .description("a partner's statement for a month: printed, or exported as CSV / JSON")
    .requiredOption('--partner <id|company>', 'partner id or company name')
    .requiredOption('--period <YYYY-MM>', 'calendar month')
    .requiredOption('--user <username>', 'sign in as this user')
    .option('--format <csv|json>', 'export format (default: print for people)')
    .option('--out <file>', 'write the export to this file instead of printing it')
    .action(
      signedIn<{ user: string; partner: string; period: string; format?: string; out?: string }>(async (core, o) => {
        if (o.format && o.format !== 'csv' && o.format !== 'json') failWith(`--format is csv or json, not '${o.format}'`);
        const partner = await resolvePartner(kit, core, o.partner);
        if (!o.format) {
          const s = await kit.call<Statement>(core, 'commissions.statement', { partnerId: partner.id, period: o.period });
          const lines: string[] = [];
          printStatement((l) => lines.push(l), s);
          if (o.out) {
            writeFileSync(resolve(o.out), `${lines.join('\n')}\n`);
            io.out(`Wrote ${resolve(o.out)}`);
          } else lines.forEach((l) => io.out(l));
          return;
        }
        const file = await kit.call<{ fileName: string; content: string }>(core, 'commissions.exportStatement', { partnerId: partner.id, period: o.period, format: o.format });
        if (o.out) {
          writeFileSync(resolve(o.out), file.content);
          io.out(`Wrote ${resolve(o.out)}`);
        } else io.out(file.content.replace(/\r?\n$/, ''));
      }),
    );

  // Partners and referred customers through the imports service (src-main/core/imports), so a
  // script can set up a whole scenario from files.
  program
    .command('import')
    .description('import partners or referred customers from a CSV file (all rows or none)')
    .argument('<kind>', 'partners | customers')
    .argument('<file>', 'CSV file (formats: src-shared/imports/formats.ts)')
    .requiredOption('--user <username>', 'sign in as this user')
    .option('--dry-run', 'check the file and show what would change, write nothing')
    .action(
      signedIn<{ user: string; dryRun?: boolean }>(async (core, o, kind, file) => {
        if (kind !== 'partners' && kind !== 'customers') failWith(`'${kind}' cannot be imported here: use partners or customers`);
        const csv = readText(file!);
        type Counts = { rows: number; new: number; updated: number; unchanged: number; errors: number };
        const preview = await kit.call<{ counts: Counts; problems: { line: number; column: string | null; message: string }[] }>(core, 'imports.preview', { kind, csv });
        const c = preview.counts;
        if (c.errors > 0) {
          failWith([`${c.errors} problem${c.errors === 1 ? '' : 's'} in ${basename(file!)} — nothing was imported:`, ...preview.problems.map((p) => `  line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`)].join('\n'));
        }
        const counts = o.dryRun ? c : (await kit.call<{ counts: Counts }>(core, 'imports.commit', { kind, csv })).counts;
        io.out(`${o.dryRun ? 'Would import' : 'Imported'} ${kind} from ${basename(file!)}: ${counts.rows} rows, ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged`);
      }),
    );
}

export { describeRate };
