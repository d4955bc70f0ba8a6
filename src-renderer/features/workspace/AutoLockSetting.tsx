import { useState } from 'react';
import { api } from '../../api/client';
import { useCan } from '../../app/useCan';
import { useUi } from '../../app/store';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { AppError } from '../../../src-shared/rpc/errors';

const CHOICES = [1, 5, 10, 15, 30, 60, 120, 240, 0];
const label = (m: number) => (m === 0 ? 'Never' : m < 60 ? `After ${m} minute${m === 1 ? '' : 's'}` : `After ${m / 60} hour${m === 60 ? '' : 's'}`);

/** How long the workspace stays open without input: an admin sets it for everyone. */
export function AutoLockSetting() {
  const minutes = useUi((s) => s.status?.autoLockMinutes ?? null);
  const setStatus = useUi((s) => s.setStatus);
  const isAdmin = useCan('workspace.admin');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  if (minutes === null) return null;

  async function choose(value: number) {
    setSaved(false);
    const r = await api.workspaceSetAutoLock({ minutes: value });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(true);
    setStatus(r.value);
  }

  if (!isAdmin) {
    return <p>{minutes === 0 ? 'This workspace does not lock itself.' : `This workspace locks itself ${label(minutes).toLowerCase()} without input.`} An admin sets this.</p>;
  }
  const choices = CHOICES.includes(minutes) ? CHOICES : [...CHOICES, minutes].sort((a, b) => (a || Infinity) - (b || Infinity));
  return (
    <div className="settings-form">
      <ErrorBanner error={error} />
      <div className="field">
        <label className="field-label" htmlFor="auto-lock">
          Lock the workspace without input
        </label>
        <select id="auto-lock" value={minutes} onChange={(e) => void choose(Number(e.target.value))}>
          {choices.map((m) => (
            <option key={m} value={m}>
              {label(m)}
            </option>
          ))}
        </select>
        <span className="field-hint">For everyone who signs in to this workspace. A forgotten window locks too: the app stops answering it after this time.</span>
      </div>
      {saved && (
        <p className="hint-box" role="status">
          Saved: {label(minutes).toLowerCase()}.
        </p>
      )}
    </div>
  );
}
