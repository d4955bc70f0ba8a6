// Dates for people, with Intl in the machine's locale. ISO days are calendar days, so they
// are formatted in UTC: the day never shifts with the local time zone.
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDay(iso: string): string {
  return dayFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** Today as the core counts it: the UTC calendar day. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Labels from the core carry ISO days ("noticed on 2026-11-16"); people read them formatted. */
export function humanDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDay(iso));
}
