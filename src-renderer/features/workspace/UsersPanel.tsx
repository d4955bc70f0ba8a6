import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useUi } from '../../app/store';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { AppError } from '../../../src-shared/rpc/errors';
import { Role } from '../../../src-shared/workspace/contract';
import { roleLabels } from '../../../src-shared/workspace/roles';
import type { UserRow } from '../../../src-shared/workspace/usersContract';
import { AddUserDialog, DisableDialog, PassphraseDialog } from './UserDialogs';

type Open = { kind: 'add' } | { kind: 'reset' | 'enable' | 'disable'; user: UserRow } | null;

const when = (iso: string | null) => (iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : 'Never');

function stateOf(u: UserRow): { label: string; className: string } {
  if (u.disabled) return { label: 'Disabled', className: 'badge badge-suspended' };
  if (!u.hasPassphrase) return { label: 'No passphrase yet', className: 'badge' };
  return { label: 'Active', className: 'badge badge-active' };
}

/** Settings → Users, for admins: who may sign in, with which role. */
export function UsersPanel() {
  const me = useUi((s) => s.status?.user);
  const setStatus = useUi((s) => s.setStatus);
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.usersList({});
    if (r.ok) setUsers(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => void load(), [load]);

  function done(message: string) {
    setOpen(null);
    setError(null);
    setNotice(message);
    void load();
  }

  async function changeRole(u: UserRow, role: Role) {
    setNotice(null);
    const r = await api.usersSetRole({ userId: u.id, role });
    if (!r.ok) return setError(r.error);
    setError(null);
    setNotice(`${u.displayName} is now ${roleLabels[role].label.toLowerCase()}.`);
    // Changing one's own role changes what this window may show.
    if (u.id === me?.id) {
      const s = await api.workspaceStatus({});
      if (s.ok) setStatus(s.value);
    }
    void load();
  }

  return (
    <section aria-labelledby="users-title" className="users">
      <div className="page-head">
        <h2 id="users-title">Users</h2>
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'add' })}>
          Add user
        </button>
      </div>
      <p className="muted">Each user signs in with their own passphrase, which opens the same encrypted workspace. What a role may do is checked on every action.</p>
      <ErrorBanner error={error} />
      {notice && (
        <p className="hint-box" role="status">
          {notice}
        </p>
      )}
      {users && (
        <table className="grid" aria-label="Users">
          <thead>
            <tr>
              <th>Name</th>
              <th>Username</th>
              <th>Role</th>
              <th>State</th>
              <th>Last sign-in</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const state = stateOf(u);
              const isMe = u.id === me?.id;
              return (
                <tr key={u.id} data-username={u.username}>
                  <td>
                    {u.displayName}
                    {isMe && <span className="muted"> (you)</span>}
                  </td>
                  <td>
                    <code>{u.username}</code>
                  </td>
                  <td>
                    <select aria-label={`Role of ${u.displayName}`} value={u.role} onChange={(e) => void changeRole(u, e.target.value as Role)}>
                      {Role.options.map((r) => (
                        <option key={r} value={r}>
                          {roleLabels[r].label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <span className={state.className}>{state.label}</span>
                  </td>
                  <td>{when(u.lastSignInAt)}</td>
                  <td>
                    <div className="users-row-actions">
                      {!isMe && !u.disabled && (
                        <button type="button" onClick={() => setOpen({ kind: 'reset', user: u })}>
                          {u.hasPassphrase ? 'Reset passphrase' : 'Set passphrase'}
                        </button>
                      )}
                      {!isMe && !u.disabled && (
                        <button type="button" onClick={() => setOpen({ kind: 'disable', user: u })}>
                          Disable
                        </button>
                      )}
                      {u.disabled && (
                        <button type="button" onClick={() => setOpen({ kind: 'enable', user: u })}>
                          Enable
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {open?.kind === 'add' && <AddUserDialog onCancel={() => setOpen(null)} onAdded={(u) => done(`${u.displayName} can sign in as ${u.username} with the passphrase you gave them.`)} />}
      {(open?.kind === 'reset' || open?.kind === 'enable') && (
        <PassphraseDialog
          user={open.user}
          mode={open.kind}
          onCancel={() => setOpen(null)}
          onDone={(u) => done(open.kind === 'enable' ? `${u.displayName} is enabled and can sign in with the new passphrase.` : `${u.displayName}’s new passphrase works now; the old one does not.`)}
        />
      )}
      {open?.kind === 'disable' && <DisableDialog user={open.user} onCancel={() => setOpen(null)} onDone={(u) => done(`${u.displayName} is disabled and can no longer sign in.`)} />}
    </section>
  );
}
