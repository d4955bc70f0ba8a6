import type { PayoutFile } from '../../../src-shared/payouts/contract';
import { downloadFile } from '../commissions/download';

/**
 * Saves a file the core made. Text (CSV, .eml) goes through the commissions' helper as it is;
 * binary files (PDF, XLSX) come base64-encoded and are decoded to bytes first.
 */
export function downloadPayoutFile(file: PayoutFile): void {
  if (file.encoding === 'utf8') {
    downloadFile(file);
    return;
  }
  const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
