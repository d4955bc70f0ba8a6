import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { AppError } from '../../../src-shared/rpc/errors';
import { attachmentSizeProblem } from '../../../src-shared/partners/attachments';
import { formatBytes, formatStamp } from './dates';
import type { TabProps } from './PartnerPage';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

function download(fileName: string, mimeType: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Signed contracts, tax forms and other files, kept inside the encrypted workspace. */
export function AttachmentsTab({ partner, onChange }: TabProps) {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function upload(file: File) {
    setError(null);
    // The core checks too; this spares sending a file that cannot be kept.
    const tooBig = attachmentSizeProblem(file.name, file.size);
    if (tooBig) return setError({ kind: 'validation', message: `${tooBig}.`, fieldErrors: { file: tooBig } });
    setBusy(true);
    try {
      const contentBase64 = await readBase64(file);
      const r = await api.partnersUploadAttachment({ partnerId: partner.id, fileName: file.name, mimeType: file.type || 'application/octet-stream', contentBase64 });
      if (r.ok) onChange(r.value);
      else setError(r.error);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function open(id: string) {
    const r = await api.partnersGetAttachment({ id });
    if (r.ok) download(r.value.fileName, r.value.mimeType, r.value.contentBase64);
    else setError(r.error);
  }

  async function remove(id: string) {
    const r = await api.partnersRemoveAttachment({ id });
    if (r.ok) onChange(r.value);
    else setError(r.error);
  }

  return (
    <section className="card" aria-label="Attachments">
      <div className="row">
        <h2>Attachments</h2>
        <label className="pd-upload">
          <span>{busy ? 'Uploading…' : 'Attach a file (up to 20 MiB)'}</span>
          <input ref={input} type="file" aria-label="Attach a file" disabled={busy} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
        </label>
      </div>
      <ErrorBanner error={error} />
      {partner.attachments.length === 0 ? (
        <p className="muted">No files yet. Signed contracts and tax forms belong here.</p>
      ) : (
        <table className="grid" aria-label="Files">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">SHA-256</th>
              <th scope="col">Uploaded</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {partner.attachments.map((a) => (
              <tr key={a.id}>
                <td>
                  <button type="button" className="link" onClick={() => void open(a.id)}>
                    {a.fileName}
                  </button>
                </td>
                <td className="num">{formatBytes(a.size)}</td>
                <td>
                  <code title={a.sha256}>{a.sha256.slice(0, 12)}…</code>
                </td>
                <td>
                  {formatStamp(a.uploadedAt)}
                  {a.uploadedBy ? ` · ${a.uploadedBy}` : ''}
                </td>
                <td>
                  <button type="button" onClick={() => void remove(a.id)} aria-label={`Remove ${a.fileName}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
