/** Files are kept inside the encrypted workspace; 20 MiB keeps the database and each upload manageable. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Base64 text longer than this cannot decode to an allowed file (checked before decoding). */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

const mib = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** The number of bytes a base64 text decodes to. */
export function base64DecodedBytes(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - padding;
}

/** Why a file of this size cannot be attached, or null when it can. */
export function attachmentSizeProblem(fileName: string, bytes: number): string | null {
  if (bytes === 0) return `“${fileName}” is empty; choose the file again`;
  if (bytes > MAX_ATTACHMENT_BYTES) {
    return `“${fileName}” is ${mib(bytes)} MiB; attachments are limited to 20 MiB. Compress the file or split it into parts`;
  }
  return null;
}
