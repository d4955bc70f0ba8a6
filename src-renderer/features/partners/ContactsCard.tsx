import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { Contact } from '../../../src-shared/partners/contract';
import type { TabProps } from './PartnerPage';

/** The partner's contacts; one is primary (the list shows and searches its e-mail). */
export function ContactsCard({ partner, onChange }: TabProps) {
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  async function run(call: Promise<{ ok: true; value: typeof partner } | { ok: false; error: AppError }>) {
    const r = await call;
    if (r.ok) {
      onChange(r.value);
      setError(null);
    } else setError(r.error);
  }

  return (
    <section className="card" aria-label="Contacts">
      <div className="row">
        <h2>Contacts</h2>
        <button type="button" onClick={() => setEditing('new')} disabled={editing !== null}>
          Add contact
        </button>
      </div>
      <ErrorBanner error={error} />
      <ul className="pd-contacts">
        {partner.contacts.map((c) =>
          editing !== 'new' && editing?.id === c.id ? (
            <li key={c.id}>
              <ContactForm
                contact={c}
                onCancel={() => setEditing(null)}
                onSave={(v) => api.partnersUpdateContact({ id: c.id, ...v })}
                onSaved={(p) => {
                  onChange(p);
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={c.id} className="pd-contact">
              <div>
                <strong>{c.name}</strong> {c.isPrimary && <span className="badge badge-active">primary</span>}
                <div className="muted">{[c.role, c.email, c.phone].filter(Boolean).join(' · ')}</div>
              </div>
              <div className="pd-actions">
                {!c.isPrimary && (
                  <button type="button" onClick={() => void run(api.partnersUpdateContact({ id: c.id, name: c.name, email: c.email, phone: c.phone, role: c.role, isPrimary: true }))}>
                    Make primary
                  </button>
                )}
                <button type="button" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>
                  Edit
                </button>
                <button type="button" onClick={() => void run(api.partnersRemoveContact({ id: c.id }))} aria-label={`Remove ${c.name}`}>
                  Remove
                </button>
              </div>
            </li>
          ),
        )}
        {partner.contacts.length === 0 && <li className="muted">No contacts yet.</li>}
      </ul>
      {editing === 'new' && (
        <ContactForm
          contact={null}
          onCancel={() => setEditing(null)}
          onSave={(v) => api.partnersAddContact({ partnerId: partner.id, ...v })}
          onSaved={(p) => {
            onChange(p);
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}

type ContactInput = { name: string; email: string; phone: string; role: string; isPrimary: boolean };

function ContactForm({
  contact,
  onSave,
  onSaved,
  onCancel,
}: {
  contact: Contact | null;
  onSave(v: ContactInput): ReturnType<typeof api.partnersAddContact>;
  onSaved(p: Parameters<TabProps['onChange']>[0]): void;
  onCancel(): void;
}) {
  const form = useForm({ name: contact?.name ?? '', email: contact?.email ?? '', phone: contact?.phone ?? '', role: contact?.role ?? '' });
  const [primary, setPrimary] = useState(contact?.isPrimary ?? false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const p = await form.submit((v) => onSave({ ...v, isPrimary: primary }));
    if (p) onSaved(p);
  }
  return (
    <form aria-label={contact ? `Edit contact ${contact.name}` : 'New contact'} onSubmit={submit} className="pd-contact-form" noValidate>
      <ErrorBanner error={form.error} />
      <div className="pd-grid">
        <Field label="Name" id={`contact-name-${contact?.id ?? 'new'}`} {...form.bind('name')} error={form.fieldError('name')} />
        <Field label="E-mail" id={`contact-email-${contact?.id ?? 'new'}`} {...form.bind('email')} error={form.fieldError('email')} />
        <Field label="Phone" id={`contact-phone-${contact?.id ?? 'new'}`} {...form.bind('phone')} error={form.fieldError('phone')} />
        <Field label="Role" id={`contact-role-${contact?.id ?? 'new'}`} {...form.bind('role')} error={form.fieldError('role')} />
      </div>
      <label className="check">
        <input type="checkbox" checked={primary} onChange={(e) => setPrimary(e.target.checked)} /> Primary contact
      </label>
      <div className="row">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={form.busy}>
          Save contact
        </button>
      </div>
    </form>
  );
}
