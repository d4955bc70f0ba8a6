/** What a draft may be made of: images, PDF, HTML and plain text. */
export const DRAFT_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf', 'text/html', 'text/plain'] as const;
export type DraftMimeType = (typeof DRAFT_MIME_TYPES)[number];

/** 10 MiB per file, 25 MiB per version: drafts live inside the encrypted workspace. */
export const MAX_DRAFT_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_DRAFT_VERSION_BYTES = 25 * 1024 * 1024;
export const MAX_DRAFT_FILE_BASE64 = Math.ceil(MAX_DRAFT_FILE_BYTES / 3) * 4;

const byExtension: Record<string, DraftMimeType> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif',
  pdf: 'application/pdf', html: 'text/html', htm: 'text/html', txt: 'text/plain', md: 'text/plain',
};

/** The file's type from what the browser said, else from its extension; null when not allowed. */
export function draftMimeType(fileName: string, declared: string): DraftMimeType | null {
  const d = declared.split(';')[0]!.trim().toLowerCase();
  if ((DRAFT_MIME_TYPES as readonly string[]).includes(d)) return d as DraftMimeType;
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return byExtension[ext] ?? null;
}

export const base64Bytes = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

const mib = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Why this file cannot be part of a draft, or null when it can. */
export function draftFileProblem(fileName: string, declared: string, bytes: number): string | null {
  if (!draftMimeType(fileName, declared)) return `“${fileName}” is not a file a draft can hold; use an image (PNG, JPEG, WebP, GIF), a PDF, HTML or plain text`;
  if (bytes === 0) return `“${fileName}” is empty; choose the file again`;
  if (bytes > MAX_DRAFT_FILE_BYTES) return `“${fileName}” is ${mib(bytes)} MiB; each file of a draft is limited to 10 MiB. Compress it or send a smaller export`;
  return null;
}
