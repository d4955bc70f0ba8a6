import { type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeMoney } from '../../src-shared/commissions/explain';
import type { CurrencyCode } from '../../src-shared/money/currency';
import { money } from '../../src-shared/money/money';
import type { PayoutFile, RunDetail } from '../../src-shared/payouts/contract';
import { signedInWith, type CommandKit } from './commissions';

// `partnerdesk payouts prepare|show|approve|reject|execute|pay-standing|register`: the payout
// run from a terminal, and the standing-approval payment a scheduler runs (seed 000 pays as
// soon as customers pay: `payouts pay-standing` every few minutes sends what is payable).

const m = (minor: number, currency: string) => describeMoney(money(currency as CurrencyCode, minor));

export function printPayoutRun(out: (l: string) => void, r: RunDetail) {
  out(`Payout run ${r.id} for ${r.payDate} — ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
  for (const t of r.totals) out(`  pays ${m(t.amountMinor, t.currency)} in ${t.lineCount} line${t.lineCount === 1 ? '' : 's'}`);
  out(`  approvals: ${r.approvals.filter((a) => a.decision !== 'reject').length} of ${r.approvalsNeeded}${r.approvals.length ? ` (${r.approvals.map((a) => `${a.displayName}: ${a.decision}`).join(', ')})` : ''}`);
  for (const l of r.lines) {
    out(`  ${l.partnerCompany} ${l.currency}: ${m(l.amountMinor, l.currency)} (earned ${m(l.earnedMinor, l.currency)}, withheld ${m(l.withheldMinor, l.currency)}) — ${l.state.replace('_', ' ')}${l.transferId ? ` ${l.transferId}` : ''}${l.paidReference ? ` ref ${l.paidReference}` : ''}`);
    for (const b of l.blockers) out(`      ${b.message}`);
    if (l.failureReason) out(`      ${l.failureReason}`);
  }
  if (r.status === 'prepared') out(`  lines hash (approve with it): ${r.linesHash}`);
}

function writeFile(out: (l: string) => void, f: PayoutFile, to: string | undefined) {
  const path = resolve(to ?? f.fileName);
  writeFileSync(path, f.encoding === 'base64' ? Buffer.from(f.content, 'base64') : f.content);
  out(`Wrote ${path}`);
}

export function addPayoutCommands(program: Command, kit: CommandKit) {
  const { io } = kit;
  const signedIn = signedInWith(kit);
  const payouts = program.command('payouts').description('payout runs: prepare, approve (a different user), execute through Stripe Connect');
  payouts
    .command('prepare')
    .description("prepare a run of every partner's payable balance on a date")
    .requiredOption('--date <YYYY-MM-DD>', 'pay date')
    .option('--note <text>', 'a note for the approvers', '')
    .requiredOption('--user <username>', 'sign in as this user')
    .action(signedIn<{ user: string; date: string; note: string }>(async (core, o) => printPayoutRun(io.out, await kit.call<RunDetail>(core, 'payouts.prepare', { payDate: o.date, note: o.note }))));
  payouts
    .command('show')
    .argument('<run>', 'run id')
    .requiredOption('--user <username>', 'sign in as this user')
    .action(signedIn<{ user: string }>(async (core, _o, run) => printPayoutRun(io.out, await kit.call<RunDetail>(core, 'payouts.get', { runId: run }))));
  payouts
    .command('approve')
    .description('approve a run as shown (the lines hash printed by prepare/show); the preparer cannot approve')
    .argument('<run>', 'run id')
    .requiredOption('--hash <linesHash>', 'the lines hash you checked')
    .requiredOption('--user <username>', 'sign in as this user')
    .action(signedIn<{ user: string; hash: string }>(async (core, o, run) => printPayoutRun(io.out, await kit.call<RunDetail>(core, 'payouts.approve', { runId: run, linesHash: o.hash }))));
  payouts
    .command('reject')
    .argument('<run>', 'run id')
    .requiredOption('--reason <text>', 'why')
    .requiredOption('--user <username>', 'sign in as this user')
    .action(signedIn<{ user: string; reason: string }>(async (core, o, run) => printPayoutRun(io.out, await kit.call<RunDetail>(core, 'payouts.reject', { runId: run, reason: o.reason }))));
  payouts
    .command('execute')
    .description('send the approved transfers (each exactly once: idempotency keys, outbox)')
    .argument('<run>', 'run id')
    .requiredOption('--user <username>', 'sign in as this user')
    .action(signedIn<{ user: string }>(async (core, _o, run) => printPayoutRun(io.out, await kit.call<RunDetail>(core, 'payouts.execute', { runId: run }))));
  payouts
    .command('pay-standing')
    .description('pay what standing approvals allow now (for a scheduler)')
    .option('--date <YYYY-MM-DD>', 'pay date (default today)')
    .requiredOption('--user <username>', 'sign in as this user')
    .action(
      signedIn<{ user: string; date?: string }>(async (core, o) => {
        const r = await kit.call<{ runs: RunDetail[]; left: { partnerCompany: string; currency: string; amountMinor: number; reason: string }[]; message: string }>(
          core, 'payouts.payStanding', o.date ? { payDate: o.date } : {},
        );
        if (r.runs.length === 0) io.out('Nothing to pay under standing approvals.');
        for (const run of r.runs) printPayoutRun(io.out, run);
        for (const l of r.left) io.out(`Left for a manual run: ${l.partnerCompany} ${m(l.amountMinor, l.currency)} — ${l.reason}`);
        if (r.message) io.out(r.message);
      }),
    );
  payouts
    .command('register')
    .description('write the payout register of a run')
    .argument('<run>', 'run id')
    .option('--format <csv|xlsx>', 'file format', 'csv')
    .option('--out <file>', 'where to write it (default: its own name in this folder)')
    .requiredOption('--user <username>', 'sign in as this user')
    .action(signedIn<{ user: string; format: string; out?: string }>(async (core, o, run) => writeFile(io.out, await kit.call<PayoutFile>(core, 'payouts.register', { runId: run, format: o.format }), o.out)));
}
