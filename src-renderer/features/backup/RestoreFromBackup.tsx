import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { useForm } from '../../components/useForm';
import type { BackupRow } from '../../../src-shared/backup/contract';
import type { WorkspaceStatus } from '../../../src-shared/workspace/contract';
import { formatInstant, reasonLabel } from './format';
import './backup.css';

const OTHER = '__other__';

/**
 * On the lock screen: replaces the workspace with a backup. The core checks the backup
 * before it replaces anything; afterwards the workspace is still locked, so one signs in
 * to the restored workspace as usual.
 */
export function RestoreFromBackup({ status, onDone }: { status: WorkspaceStatus; onDone(message: string | null): void }) {
  const [backups, setBackups] = useState<BackupRow[]>([]);
  const form = useForm({ choice: '', path: '', username: status.usernames[0] ?? '', passphrase: '' });

  useEffect(() => {
    void api.backupList({}).then((r) => r.ok && setBackups(r.value.backups.filter((b) => b.ofThisWorkspace)));
  }, []);

  const choice = form.values.choice || backups[0]?.file || OTHER;

  async function restore(e: React.FormEvent) {
    e.preventDefault();
    const out = await form.submit((v) => api.backupRestore({ file: choice === OTHER ? v.path : choice, username: v.username, passphrase: v.passphrase }));
    if (out) onDone(`Restored the workspace as it was at ${formatInstant(out.backupCreatedAt)}. Sign in to continue.`);
  }

  return (
    <form className="card narrow restore-form" onSubmit={restore} aria-label="Restore from a backup" noValidate>
      <h1>Restore from a backup</h1>
      <p className="muted">The workspace will be replaced by the backup. The current database is kept beside it, not deleted.</p>
      <ErrorBanner error={form.error} />
      <SelectField label="Backup" name="choice" value={choice} onChange={form.bind('choice').onChange}>
        {backups.map((b) => (
          <option key={b.file} value={b.file}>
            {formatInstant(b.createdAt)} · {reasonLabel[b.reason]}
          </option>
        ))}
        <option value={OTHER}>A backup file elsewhere…</option>
      </SelectField>
      {choice === OTHER && <Field label="Backup file" placeholder="/path/to/workspace.pdxbackup" {...form.bind('path')} error={form.error?.fieldErrors?.file} />}
      <Field label="Admin username" {...form.bind('username')} error={form.fieldError('username')} autoComplete="username" />
      <Field label="Passphrase" type="password" {...form.bind('passphrase')} error={form.fieldError('passphrase')} autoComplete="current-password" />
      <div className="row">
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? 'Restoring…' : 'Restore'}
        </button>
        <button type="button" className="link" onClick={() => onDone(null)}>
          Back to unlock
        </button>
      </div>
    </form>
  );
}
