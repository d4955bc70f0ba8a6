import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { library } from '../../../src-shared/drafts/contract';
import { channelLabel } from '../../../src-shared/drafts/states';
import { api } from '../../api/client';
import { downloadBase64 } from './readFiles';

/** What each partner may use: the approved drafts, with the hash of exactly what was approved. */
export function Library({ partners }: { partners: { id: string; company: string }[] }) {
  const [partnerId, setPartnerId] = useState('');
  const [rows, setRows] = useState<z.output<typeof library.output>>([]);
  useEffect(() => {
    void api.draftsLibrary(partnerId ? { partnerId } : {}).then((r) => r.ok && setRows(r.value));
  }, [partnerId]);
  return (
    <div className="dr-library">
      <label>
        Partner{' '}
        <select aria-label="Library partner" value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
          <option value="">All partners</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.company}
            </option>
          ))}
        </select>
      </label>
      <table className="dr-table" aria-label="Approved assets">
        <thead>
          <tr>
            <th>Partner</th>
            <th>Draft</th>
            <th>Channel</th>
            <th>Version</th>
            <th>Approved</th>
            <th>Files</th>
            <th>Content hash</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                No approved drafts yet.
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.draftId}>
              <td>{r.partnerName}</td>
              <td>{r.title}</td>
              <td>{channelLabel[r.channel]}</td>
              <td>{r.version}</td>
              <td>
                {r.approvedOn} by {r.approvedByName}
              </td>
              <td>{r.files.map((f) => f.fileName).join(', ')}</td>
              <td className="dr-hash" title={r.contentHash}>
                {r.contentHash.slice(0, 16)}…
              </td>
              <td>
                <button
                  type="button"
                  onClick={async () => {
                    const c = await api.draftsCertificate({ id: r.draftId });
                    if (c.ok) downloadBase64(c.value.fileName, 'application/pdf', c.value.contentBase64);
                  }}
                >
                  Certificate
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
