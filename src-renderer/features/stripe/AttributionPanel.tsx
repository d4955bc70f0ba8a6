import { useEffect, useState } from 'react';
import { RULE_KINDS, type RuleKind } from '../../../src-shared/stripe/rules';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';

type Partner = { id: string; company: string };
type Rule = { id: string; kind: RuleKind; pattern: string; partnerCompany: string };
type Open = { id: string; externalRef: string; name: string; email: string; signUpOn: string };

const kindLabel: Record<RuleKind, string> = { metadata: 'Metadata (key=value)', promotion_code: 'Promotion code', coupon: 'Coupon', email_domain: 'E-mail domain' };

/** Whose customer is it: rules (metadata, promotion code, coupon, e-mail domain) and by hand. */
export function AttributionPanel() {
  const [partners, setPartners] = useState<Partner[]>([]);
  const [rules, setRules] = useState<Rule[]>([]);
  const [open, setOpen] = useState<{ rows: Open[]; total: number }>({ rows: [], total: 0 });
  const [error, setError] = useState<AppError | null>(null);
  const [kind, setKind] = useState<RuleKind>('metadata');
  const [note, setNote] = useState('');
  const form = useForm({ pattern: '', partnerId: '' });
  const load = () => {
    void api.stripeRules({}).then((r) => r.ok && setRules(r.value));
    void api.stripeUnattributed({ limit: 100 }).then((r) => r.ok && setOpen(r.value));
  };
  useEffect(() => {
    void api.partnersList({ limit: 1000, sort: [{ id: 'company', desc: false }] }).then((r) => r.ok && setPartners(r.value.rows));
    load();
  }, []);
  const add = async () => {
    const v = await form.submit((x) => api.stripeAddRule({ kind, pattern: x.pattern, partnerId: x.partnerId }));
    if (v) {
      setNote(`Rule added; ${v.attributed} customers attributed now. Metadata rules apply at the next sync.`);
      load();
    }
  };
  const assign = async (customerId: string, partnerId: string) => {
    if (!partnerId) return;
    const r = await api.stripeAttribute({ customerId, partnerId });
    if (!r.ok) setError(r.error);
    load();
  };
  const partnerSelect = (props: { value: string; onChange: (v: string) => void; label: string; id?: string }) => (
    <select aria-label={props.label} id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">Choose a partner…</option>
      {partners.map((p) => (
        <option key={p.id} value={p.id}>
          {p.company}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <div className="card">
        <h2>Attribution rules</h2>
        <ErrorBanner error={form.error ?? error} />
        {note && <p role="status">{note}</p>}
        <form
          className="pd-stripe-row"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor="rule-kind">
              Match by
            </label>
            <select id="rule-kind" value={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
              {RULE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel[k]}
                </option>
              ))}
            </select>
          </div>
          <Field label="Pattern" {...form.bind('pattern')} error={form.fieldError('pattern')} placeholder={kind === 'metadata' ? 'partner_ref=acme' : kind === 'email_domain' ? 'example.com' : 'CODE'} />
          <div className="field">
            <label className="field-label" htmlFor="rule-partner">
              Partner
            </label>
            {partnerSelect({ id: 'rule-partner', label: 'Partner', value: form.values.partnerId, onChange: (v) => form.bind('partnerId').onChange({ target: { value: v } }) })}
            {form.fieldError('partnerId') && <span className="field-error">{form.fieldError('partnerId')}</span>}
          </div>
          <button type="submit" className="primary" disabled={form.busy}>
            Add rule
          </button>
        </form>
        <table className="pd-stripe-table" aria-label="Attribution rules">
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>{kindLabel[r.kind]}</td>
                <td>{r.pattern}</td>
                <td>{r.partnerCompany}</td>
                <td>
                  <button type="button" onClick={() => void api.stripeRemoveRule({ id: r.id }).then(load)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>Unattributed customers ({open.total})</h2>
        <table className="pd-stripe-table" aria-label="Unattributed customers">
          <tbody>
            {open.rows.map((c) => (
              <tr key={c.id}>
                <td title={c.externalRef}>{c.name}</td>
                <td>{c.email}</td>
                <td>{c.signUpOn}</td>
                <td>{partnerSelect({ label: `Partner of ${c.name}`, value: '', onChange: (v) => void assign(c.id, v) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
