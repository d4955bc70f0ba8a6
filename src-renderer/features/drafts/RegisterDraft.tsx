import { useState } from 'react';
import { DRAFT_CHANNELS, channelLabel } from '../../../src-shared/drafts/states';
import { MAX_DRAFT_FILE_BYTES, draftFileProblem } from '../../../src-shared/drafts/files';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { readFilesAsBase64 } from './readFiles';

/** Seed 000: a partnership manager registers the draft a partner shared, with its files and campaign dates. */
export function RegisterDraft({ partners, onRegistered }: { partners: { id: string; company: string }[]; onRegistered: (id: string) => void }) {
  const form = useForm({ partnerId: '', title: '', channel: 'email_campaign', campaignStartsOn: '', campaignEndsOn: '', note: '' });
  const [files, setFiles] = useState<File[]>([]);
  const tooBig = files.map((f) => draftFileProblem(f.name, f.type, f.size)).filter(Boolean);
  const fe = (k: string) => form.error?.fieldErrors?.[k];
  const fileErrors = Object.entries(form.error?.fieldErrors ?? {}).filter(([k]) => k.startsWith('files')).map(([, v]) => v);
  return (
    <form
      className="card dr-register"
      aria-label="Register a draft"
      onSubmit={async (e) => {
        e.preventDefault();
        const read = await readFilesAsBase64(files);
        const d = await form.submit((v) =>
          api.draftsRegister({ ...v, channel: v.channel as never, campaignStartsOn: v.campaignStartsOn as never, campaignEndsOn: (v.campaignEndsOn || null) as never, files: read }),
        );
        if (d) onRegistered(d.id);
      }}
    >
      <h2>Register a partner’s draft</h2>
      <ErrorBanner error={form.error} />
      <label className="field">
        <span className="field-label">Partner</span>
        <select aria-label="Partner" {...form.bind('partnerId')}>
          <option value="">Choose…</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.company}
            </option>
          ))}
        </select>
        {fe('partnerId') && <span className="field-error">{fe('partnerId')}</span>}
      </label>
      <Field label="Title" {...form.bind('title')} error={fe('title')} />
      <label className="field">
        <span className="field-label">Channel</span>
        <select aria-label="Channel" {...form.bind('channel')}>
          {DRAFT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelLabel[c]}
            </option>
          ))}
        </select>
      </label>
      <Field label="Campaign starts" type="date" {...form.bind('campaignStartsOn')} error={fe('campaignStartsOn')} />
      <Field label="Campaign ends" type="date" {...form.bind('campaignEndsOn')} error={fe('campaignEndsOn')} hint="Leave empty for an open-ended campaign" />
      <label className="field">
        <span className="field-label">Files</span>
        <input
          type="file"
          multiple
          aria-label="Files"
          accept="image/png,image/jpeg,image/webp,image/gif,application/pdf,text/html,text/plain,.html,.htm,.txt"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
        <span className="field-hint">Images, PDF, HTML or plain text; up to {MAX_DRAFT_FILE_BYTES / 1048576} MiB each.</span>
        {[...tooBig, ...fileErrors].map((p, i) => (
          <span key={i} className="field-error" role="alert">
            {p}
          </span>
        ))}
      </label>
      <label className="field">
        <span className="field-label">Note</span>
        <textarea aria-label="Note" rows={2} {...form.bind('note')} />
      </label>
      <button type="submit" className="primary" disabled={form.busy || files.length === 0 || tooBig.length > 0}>
        Register the draft
      </button>
    </form>
  );
}
