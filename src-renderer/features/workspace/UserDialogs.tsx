import { useState } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/FormFields';
import { useForm } from '../../components/useForm';
import type { AppError } from '../../../src-shared/rpc/errors';
import { Role } from '../../../src-shared/workspace/contract';
import { roleLabels } from '../../../src-shared/workspace/roles';
import type { UserRow } from '../../../src-shared/workspace/usersContract';

const HANDOVER_HINT = 'At least 10 characters. Hand it over in person; they can change it under Settings once signed in.';

function Actions({ busy, label, busyLabel, onCancel, danger = false }: { busy: boolean; label: string; busyLabel: string; onCancel(): void; danger?: boolean }) {
  return (
    <div className="users-actions">
      <button type="submit" className={danger ? 'primary danger' : 'primary'} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** A new colleague: who they are, their role, and a first passphrase the admin hands over. */
export function AddUserDialog({ onAdded, onCancel }: { onAdded(u: UserRow): void; onCancel(): void }) {
  const form = useForm({ displayName: '', username: '', role: 'partnership_manager', passphrase: '', confirmPassphrase: '' });
  async function add(e: React.FormEvent) {
    e.preventDefault();
    const user = await form.submit((v) => api.usersAdd({ ...v, role: v.role as Role }));
    if (user) onAdded(user);
  }
  const role = form.values.role as Role;
  return (
    <Dialog title="Add a user" onCancel={onCancel} className="users-dialog">
      <form onSubmit={add} aria-label="Add a user" noValidate className="users-form">
        <ErrorBanner error={form.error} />
        <Field id="user-displayName" label="Name" {...form.bind('displayName')} error={form.fieldError('displayName')} autoComplete="off" />
        <Field id="user-username" label="Username" {...form.bind('username')} error={form.fieldError('username')} autoComplete="off" hint="What they type to sign in: letters, digits, dot, dash or underscore" />
        <SelectField id="user-role" label="Role" {...form.bind('role')} error={form.fieldError('role')} hint={roleLabels[role]?.summary}>
          {Role.options.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r].label}
            </option>
          ))}
        </SelectField>
        <Field id="user-passphrase" label="First passphrase" type="password" {...form.bind('passphrase')} error={form.fieldError('passphrase')} autoComplete="new-password" hint={HANDOVER_HINT} />
        <Field id="user-confirmPassphrase" label="Repeat passphrase" type="password" {...form.bind('confirmPassphrase')} error={form.fieldError('confirmPassphrase')} autoComplete="new-password" />
        <Actions busy={form.busy} label="Add user" busyLabel="Adding…" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/** Reset a passphrase, or enable a disabled user (whose old passphrase was destroyed) with a new one. */
export function PassphraseDialog({ user, mode, onDone, onCancel }: { user: UserRow; mode: 'reset' | 'enable'; onDone(u: UserRow): void; onCancel(): void }) {
  const form = useForm({ passphrase: '', confirmPassphrase: '' });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const input = { userId: user.id, ...form.values };
    const updated = await form.submit(() => (mode === 'enable' ? api.usersEnable(input) : api.usersResetPassphrase(input)));
    if (updated) onDone(updated);
  }
  const title = mode === 'enable' ? `Enable ${user.displayName}` : user.hasPassphrase ? `Reset ${user.displayName}’s passphrase` : `Set ${user.displayName}’s passphrase`;
  return (
    <Dialog title={title} onCancel={onCancel} className="users-dialog">
      <form onSubmit={save} aria-label={title} noValidate className="users-form">
        <p className="muted">
          {mode === 'enable'
            ? 'Their old passphrase was destroyed when they were disabled. Give them a new one.'
            : user.hasPassphrase
              ? 'Their current passphrase stops working as soon as you save.'
              : `${user.displayName} has no passphrase yet, so cannot sign in until you set one.`}
        </p>
        <ErrorBanner error={form.error} />
        <Field id="user-passphrase" label="New passphrase" type="password" {...form.bind('passphrase')} error={form.fieldError('passphrase')} autoComplete="new-password" hint={HANDOVER_HINT} />
        <Field id="user-confirmPassphrase" label="Repeat passphrase" type="password" {...form.bind('confirmPassphrase')} error={form.fieldError('confirmPassphrase')} autoComplete="new-password" />
        <Actions busy={form.busy} label={mode === 'enable' ? 'Enable user' : 'Save passphrase'} busyLabel="Saving…" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

export function DisableDialog({ user, onDone, onCancel }: { user: UserRow; onDone(u: UserRow): void; onCancel(): void }) {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  async function disable(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await api.usersDisable({ userId: user.id });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  }
  return (
    <Dialog title={`Disable ${user.displayName}`} onCancel={onCancel} className="users-dialog">
      <form onSubmit={disable} aria-label={`Disable ${user.displayName}`} className="users-form">
        <p>
          {user.displayName} can no longer sign in, and their passphrase stops opening the workspace at once. Their work stays in the records and the audit log.
          Enabling them later takes a new passphrase.
        </p>
        <ErrorBanner error={error} />
        <Actions busy={busy} label="Disable user" busyLabel="Disabling…" onCancel={onCancel} danger />
      </form>
    </Dialog>
  );
}
