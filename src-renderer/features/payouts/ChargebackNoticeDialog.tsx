import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { chargebackNotice, Line } from '../../../src-shared/payouts/contract';
import type { AppError } from '../../../src-shared/rpc/errors';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { downloadPayoutFile } from './download';

type Notice = z.output<typeof chargebackNotice.output>;

/** Puts text on the clipboard; falls back to a selected text area where the Clipboard API is refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'sr-only';
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** Seed 001: chargebacks are withheld from later payouts and the partner is told by e-mail. */
export function ChargebackNoticeDialog({ line, runId, onCancel }: { line: Line; runId: string; onCancel(): void }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [said, setSaid] = useState('');

  useEffect(() => {
    void api.payoutsChargebackNotice({ partnerId: line.partnerId, runId }).then((r) => (r.ok ? setNotice(r.value) : setError(r.error)));
  }, [line.partnerId, runId]);

  async function copy() {
    if (!notice) return;
    setSaid((await copyText(notice.text)) ? 'The message is on the clipboard.' : 'The clipboard is not available here: select the message and copy it.');
  }

  return (
    <Dialog title={`Chargeback notice to ${line.partnerCompany}`} onCancel={onCancel} className="po-dialog po-dialog-wide">
      <ErrorBanner error={error} />
      {!notice && !error && <p className="muted">Writing the message…</p>}
      {notice && (
        <>
          <dl className="facts po-facts">
            <dt>To</dt>
            <dd>{notice.to || <span className="muted">no e-mail address on file</span>}</dd>
            <dt>Subject</dt>
            <dd data-testid="po-notice-subject">{notice.subject}</dd>
            <dt>Chargebacks</dt>
            <dd>{notice.chargebackCount}</dd>
          </dl>
          <label className="field-label" htmlFor="po-notice-text">
            Message
          </label>
          <textarea id="po-notice-text" className="po-notice-text" readOnly value={notice.text} rows={14} />
          <div className="po-buttons">
            <button type="button" onClick={() => void copy()}>
              Copy to clipboard
            </button>
            <button type="button" onClick={() => downloadPayoutFile(notice.eml)}>
              Download .eml
            </button>
            <span role="status" className="po-ok">
              {said}
            </span>
          </div>
        </>
      )}
      <div className="po-buttons po-dialog-buttons">
        <button type="button" onClick={onCancel}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
