import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { BackupRow } from '../../../src-shared/backup/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { formatInstant, formatSize, reasonLabel } from './format';
import './backup.css';

/** Settings → Backups: back up now, the backups kept beside the workspace, and how to restore one. */
export function BackupPanel() {
  const [list, setList] = useState<{ folder: string; backups: BackupRow[] } | null>(null);
  const [written, setWritten] = useState<BackupRow | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () => api.backupList({}).then((r) => (r.ok ? setList(r.value) : setError(r.error)));
  useEffect(() => {
    void load();
  }, []);

  async function backUpNow() {
    setBusy(true);
    setError(null);
    const r = await api.backupCreate({});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setWritten(r.value);
    await load();
  }

  return (
    <section className="backups" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p className="muted">
        A backup is one file holding the whole workspace, encrypted under the same key: it opens only with a passphrase or the recovery code of this workspace.
        Partnerdesk also takes one by itself before every update of the workspace’s format.
      </p>
      <div className="backups-actions">
        <button type="button" className="primary" onClick={backUpNow} disabled={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
        {written && (
          <span role="status" data-testid="backup-written">
            Backup written: <code>{written.name}</code> ({formatSize(written.bytes)})
          </span>
        )}
      </div>
      <ErrorBanner error={error} />
      {list && (
        <>
          <p className="muted">
            Kept in <code>{list.folder}</code>. Copy them to another disk from time to time: a backup on the same disk does not survive the disk.
          </p>
          <table className="grid backups-table" aria-label="Backups">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Why</th>
                <th scope="col">Size</th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {list.backups.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    No backup yet.
                  </td>
                </tr>
              )}
              {list.backups.map((b) => (
                <tr key={b.file}>
                  <td>
                    <time dateTime={b.createdAt}>{formatInstant(b.createdAt)}</time>
                  </td>
                  <td>{reasonLabel[b.reason]}</td>
                  <td>{formatSize(b.bytes)}</td>
                  <td>
                    <code>{b.name}</code>
                    {!b.ofThisWorkspace && <span className="muted"> (of another workspace: {b.workspaceName})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>Restoring a backup</h3>
      <ol className="backups-howto">
        <li>Lock the workspace (and close it in any other window).</li>
        <li>
          On the lock screen choose <strong>Restore from a backup</strong>, pick the backup, and sign in as an admin. Or from a terminal:{' '}
          <code>partnerdesk backup restore FILE --user NAME</code>.
        </li>
        <li>
          The backup is checked before anything is replaced: its checksum, that it opens with this workspace’s key, and the integrity check. The database it
          replaces is kept beside it as <code>workspace.pdx.…before-restore</code>.
        </li>
      </ol>
    </section>
  );
}
