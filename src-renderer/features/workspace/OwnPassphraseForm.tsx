import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';

/** Anyone signed in changes their own passphrase, proving the current one first. */
export function OwnPassphraseForm() {
  // A new form after a change: the typed passphrases do not linger in its state.
  const [round, setRound] = useState(0);
  const [done, setDone] = useState(false);
  function changed() {
    setDone(true);
    setRound((n) => n + 1);
  }
  return <PassphraseFields key={round} done={done} onChanged={changed} onEdit={() => setDone(false)} />;
}

function PassphraseFields({ done, onChanged, onEdit }: { done: boolean; onChanged(): void; onEdit(): void }) {
  const form = useForm({ currentPassphrase: '', passphrase: '', confirmPassphrase: '' });
  async function change(e: React.FormEvent) {
    e.preventDefault();
    if (await form.submit((v) => api.usersChangePassphrase(v))) onChanged();
  }
  return (
    <form className="settings-form" onSubmit={change} onInput={onEdit} aria-label="Change your passphrase" noValidate>
      {done && (
        <p className="hint-box" role="status">
          Your passphrase was changed. Use the new one from now on.
        </p>
      )}
      <ErrorBanner error={form.error} />
      <Field id="own-current" label="Current passphrase" type="password" {...form.bind('currentPassphrase')} error={form.fieldError('currentPassphrase')} autoComplete="current-password" />
      <Field id="own-new" label="New passphrase" type="password" {...form.bind('passphrase')} error={form.fieldError('passphrase')} autoComplete="new-password" hint="At least 10 characters" />
      <Field id="own-repeat" label="Repeat new passphrase" type="password" {...form.bind('confirmPassphrase')} error={form.fieldError('confirmPassphrase')} autoComplete="new-password" />
      <div>
        <button type="submit" disabled={form.busy}>
          {form.busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </div>
    </form>
  );
}
