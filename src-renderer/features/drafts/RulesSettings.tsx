import { useEffect, useState } from 'react';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';

/** The review SLA and the compliance rules (admins change them; everyone can read them). */
export function RulesSettings({ onSaved }: { onSaved: () => void }) {
  const [sla, setSla] = useState('');
  const [rules, setRules] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void api.draftsSettings({}).then((r) => {
      if (r.ok) (setSla(String(r.value.slaDays)), setRules(JSON.stringify(r.value.rules, null, 2)));
    });
  }, []);
  return (
    <form
      className="card dr-settings"
      aria-label="Rules and SLA"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        let parsed: unknown;
        try {
          parsed = JSON.parse(rules);
        } catch (x) {
          return setError({ kind: 'validation', message: `The rules are not valid JSON: ${(x as Error).message}` });
        }
        const r = await api.draftsSaveSettings({ slaDays: Number(sla), rules: parsed as never });
        if (!r.ok) return setError(r.error);
        setError(null);
        setSaved(true);
        onSaved();
      }}
    >
      <ErrorBanner error={error} />
      <label className="field">
        <span className="field-label">Review SLA (days)</span>
        <input aria-label="Review SLA (days)" type="number" min={1} max={60} value={sla} onChange={(e) => setSla(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Compliance rules (brands and their wrong spellings, claims, exclusivity and white-label phrases, competitors, disclosure words)</span>
        <textarea aria-label="Compliance rules" rows={18} className="dr-rules" value={rules} onChange={(e) => setRules(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        Save
      </button>
      {saved && <p role="status">Saved. The checks use the new rules from now on.</p>}
    </form>
  );
}
