import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { upcomingKindLabels, type UpcomingRow } from '../../../src-shared/agreements/contract';
import { dayText } from '../../../src-shared/agreements/wording';
import { addDays, type IsoDate } from '../../../src-shared/dates/isoDate';

/** Labels carry ISO days; a calendar entry is read by people. */
const readable = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => dayText(d));

const midnightUtc = (d: IsoDate) => new Date(`${d}T00:00:00.000Z`);

/**
 * The key dates as an iCalendar file: one all-day event per date (DTSTART;VALUE=DATE, the
 * next day as DTEND), marked free so reminders never block a diary. UIDs are the rows'
 * stable UIDs; SEQUENCE grows with the export time, so a calendar that imports a later
 * export takes its version of an event as the newer one and updates it in place.
 */
export function buildIcs(rows: readonly UpcomingRow[], now: Date, title: string): string {
  const cal = ical({
    name: title,
    prodId: { company: 'Partnerdesk', product: 'Partnerdesk', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const sequence = Math.floor(now.getTime() / 60_000);
  for (const r of rows) {
    cal.createEvent({
      id: r.uid,
      sequence,
      stamp: now,
      allDay: true,
      start: midnightUtc(r.date as IsoDate),
      end: midnightUtc(addDays(r.date as IsoDate, 1)),
      summary: `${r.company}: ${upcomingKindLabels[r.kind]}`,
      description: `${readable(r.label)}\n${r.company} — ${r.programme}`,
      transparency: ICalEventTransparency.TRANSPARENT,
      categories: [{ name: upcomingKindLabels[r.kind] }],
    });
  }
  return cal.toString();
}
