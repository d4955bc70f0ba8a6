import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { createCore, type Core } from '../core';
import { fileLogger } from '../core/log';
import { DEMO_PASSPHRASE, DEMO_USERNAME } from '../core/workspace/service';
import { defaultWorkspaceDir } from '../host/paths';
import { addAuditBackupCommands } from './auditBackup';
import { addCommissionCommands } from './commissions';
import { addPayoutCommands } from './payouts';
import { readPassphrase } from './prompt';
import { addReportCommands } from './reports';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

/** Calls a channel; on an error value, prints its message and exits non-zero. */
async function call<T>(core: Core, io: CliIo, channel: string, input: unknown): Promise<T> {
  const r = await core.dispatch(channel, input);
  if (!r.ok) {
    const fields = Object.entries(r.error.fieldErrors ?? {}).map(([f, m]) => `  ${f}: ${m}`);
    throw new CommanderError(2, `partnerdesk.${r.error.kind}`, [r.error.message, ...fields].join('\n'));
  }
  return r.value as T;
}

/**
 * `partnerdesk` — the same core as the window, for scripting. Commands return through
 * `io` so tests run them in-process; `main.ts` binds io to the terminal.
 */
export function buildProgram(io: CliIo) {
  const program = new Command('partnerdesk')
    .description('Partnerdesk from the command line')
    .option('-w, --workspace <dir>', 'workspace folder (default: PARTNERDESK_HOME or the app data folder)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const withCore = async <T>(fn: (core: Core) => Promise<T>) => {
    const dir = resolve(program.opts().workspace ?? io.env.PARTNERDESK_HOME ?? defaultWorkspaceDir());
    const core = createCore({ workspaceDir: dir, log: fileLogger(dir) });
    try {
      return await fn(core);
    } finally {
      core.close();
    }
  };
  const passphrase = (q: string) => readPassphrase(q, io.env);

  program
    .command('init')
    .description('create a new encrypted workspace with its first admin user')
    .requiredOption('--name <name>', 'workspace name')
    .requiredOption('--user <username>', 'admin username')
    .option('--display-name <name>', "the admin's name", 'Administrator')
    .action(async (o: { name: string; user: string; displayName: string }) =>
      withCore(async (core) => {
        const p = await passphrase('New passphrase: ');
        const out = await call<{ recoveryCode: string }>(core, io, 'workspace.create', {
          workspaceName: o.name,
          displayName: o.displayName,
          username: o.user,
          passphrase: p,
          confirmPassphrase: p,
        });
        io.out(`Created workspace "${o.name}" in ${core.context.workspaceDir}`);
        io.out(`Recovery code (shown once, keep it safe): ${out.recoveryCode}`);
      }),
    );

  program
    .command('demo')
    .description('create the demo workspace with the four sample programmes')
    .action(async () =>
      withCore(async (core) => {
        await call(core, io, 'workspace.createDemo', {});
        const info = await call<{ counts: Record<string, number> }>(core, io, 'workspace.info', {});
        io.out(`Created the demo workspace in ${core.context.workspaceDir}`);
        io.out(`Sign in as ${DEMO_USERNAME} with the passphrase ${DEMO_PASSPHRASE}`);
        io.out(Object.entries(info.counts).map(([k, v]) => `${k}: ${v}`).join(', '));
      }),
    );

  program
    .command('status')
    .description('show the workspace, and with --unlock its contents and integrity check')
    .option('--user <username>', 'sign in as this user (asks for the passphrase)')
    .option('--json', 'print JSON')
    .action(async (o: { user?: string; json?: boolean }) =>
      withCore(async (core) => {
        const status = await call<{ state: string; workspaceName: string | null; usernames: string[] }>(core, io, 'workspace.status', {});
        let info: Record<string, unknown> | null = null;
        if (o.user && status.state !== 'none') {
          await call(core, io, 'workspace.unlock', { username: o.user, passphrase: await passphrase(`Passphrase for ${o.user}: `) });
          info = await call(core, io, 'workspace.info', {});
        }
        if (o.json) return io.out(JSON.stringify({ folder: core.context.workspaceDir, ...status, state: info ? 'unlocked' : status.state, info }, null, 2));
        io.out(`Folder:    ${core.context.workspaceDir}`);
        io.out(`Workspace: ${status.workspaceName ?? '(none yet: run "partnerdesk init" or "partnerdesk demo")'}`);
        io.out(`State:     ${info ? 'unlocked' : status.state}`);
        if (status.usernames.length) io.out(`Users:     ${status.usernames.join(', ')}`);
        if (info) {
          const i = info as { integrity: string; cipher: string; counts: Record<string, number> };
          io.out(`Integrity: ${i.integrity}`);
          io.out(`Cipher:    ${i.cipher}`);
          io.out(`Contents:  ${Object.entries(i.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
        }
      }),
    );

  const kit = {
    io,
    withCore,
    passphrase,
    call: <T>(core: Core, channel: string, input: unknown) => call<T>(core, io, channel, input),
    unlock: async (core: Core, user: string) => {
      await call(core, io, 'workspace.unlock', { username: user, passphrase: await passphrase(`Passphrase for ${user}: `) });
    },
  };
  addCommissionCommands(program, kit);
  addPayoutCommands(program, kit);
  addAuditBackupCommands(program, kit);
  addReportCommands(program, kit);

  return program;
}

/** Runs one command line; returns the exit code instead of exiting, for tests. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code.startsWith('partnerdesk.')) io.err(e.message);
      return e.exitCode || 1;
    }
    io.err(e instanceof Error ? e.message : String(e));
    return 1;
  }
}
