import { formatDay } from './format';

/** A calendar day for people, with the ISO day kept machine-readable. */
export function DateText({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="muted">—</span>;
  return <time dateTime={iso}>{formatDay(iso)}</time>;
}
