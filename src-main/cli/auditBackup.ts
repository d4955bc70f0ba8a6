import { CommanderError, type Command } from 'commander';
import { resolve } from 'node:path';
import type { ChainReport } from '../../src-shared/audit/contract';
import type { BackupRow } from '../../src-shared/backup/contract';
import type { CommandKit } from './commissions';

// `partnerdesk audit verify`, `backup create|list|restore`. A restore replaces the
// database, so it runs on a locked workspace: it asks for the passphrase itself and
// never signs in first.

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`);

export function addAuditBackupCommands(program: Command, kit: CommandKit & { passphrase(question: string): Promise<string> }) {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check the hash chain of the audit trail; exits 1 and names the first bad entry when it is broken')
    .requiredOption('--user <username>', 'an admin (asks for the passphrase)')
    .option('--json', 'print JSON')
    .action(async (o: { user: string; json?: boolean }) =>
      kit.withCore(async (core) => {
        await kit.unlock(core, o.user);
        const report = await kit.call<ChainReport>(core, 'audit.verify', {});
        if (o.json) kit.io.out(JSON.stringify(report, null, 2));
        else {
          kit.io.out(report.message);
          if (!report.intact) kit.io.out(`First bad entry: #${report.firstBadId} (${report.problem})`);
          for (const note of report.notes) kit.io.out(`Note: ${note}`);
        }
        if (!report.intact) throw new CommanderError(1, 'partnerdesk.audit_broken', `The audit trail is broken at entry #${report.firstBadId}.`);
      }),
    );

  const backup = program.command('backup').description('encrypted backups of the workspace');
  backup
    .command('create')
    .description('write an encrypted backup (default: the backups folder beside the workspace)')
    .requiredOption('--user <username>', 'an admin (asks for the passphrase)')
    .option('--out <dir>', 'folder to write the backup into')
    .action(async (o: { user: string; out?: string }) =>
      kit.withCore(async (core) => {
        await kit.unlock(core, o.user);
        const row = await kit.call<BackupRow>(core, 'backup.create', o.out ? { folder: resolve(o.out) } : {});
        kit.io.out(`Backup written: ${row.file} (${size(row.bytes)})`);
        kit.io.out(`Restore it with: partnerdesk -w ${core.context.workspaceDir} backup restore ${row.file} --user ${o.user}`);
      }),
    );

  backup
    .command('list')
    .description('the backups in the backups folder, newest first')
    .action(async () =>
      kit.withCore(async (core) => {
        const { folder, backups } = await kit.call<{ folder: string; backups: BackupRow[] }>(core, 'backup.list', {});
        if (backups.length === 0) return kit.io.out(`No backups in ${folder} yet.`);
        kit.io.out(`Backups in ${folder}:`);
        for (const b of backups) {
          kit.io.out(`  ${b.name}  ${b.createdAt}  ${b.reason === 'manual' ? 'on demand' : 'before a migration'}  ${size(b.bytes)}${b.ofThisWorkspace ? '' : `  (of another workspace: ${b.workspaceName})`}`);
        }
      }),
    );

  backup
    .command('restore <file>')
    .description('replace the workspace database with a backup (the workspace must not be open anywhere); the replaced file is kept as *.before-restore')
    .requiredOption('--user <username>', 'an admin of the backed-up workspace (asks for the passphrase)')
    .action(async (file: string, o: { user: string }) =>
      kit.withCore(async (core) => {
        const out = await kit.call<{ restoredFrom: string; backupCreatedAt: string; workspaceName: string; replacedFile: string | null }>(core, 'backup.restore', {
          file: resolve(file),
          username: o.user,
          passphrase: await kit.passphrase(`Passphrase for ${o.user}: `),
        });
        kit.io.out(`Restored "${out.workspaceName}" as it was at ${out.backupCreatedAt} from ${out.restoredFrom}`);
        if (out.replacedFile) kit.io.out(`The database it replaced is kept as ${out.replacedFile}`);
      }),
    );
}
