import { compareIsoDates, type IsoDate } from '../dates/isoDate';
import { agreementEnd, nonSolicitEndsOn, upcomingDates, type AgreementEvent, type KeyDate, type UpcomingKind } from './dates';

const EARLIEST = '0001-01-01' as IsoDate;
const LATEST = '9999-12-31' as IsoDate;

/**
 * The agreement's key dates as known on `today`, between `from` and `to` (inclusive).
 *
 * upcomingDates() reads the events without a "today", so it cannot know that a breach went
 * uncured: it announces the cure deadline and what happens if the breach is not cured. Once
 * the deadline has passed uncured, the agreement did end (Seed 001: "failure to cure the
 * breach within 15 days of written notice"), and what follows from that end — the end itself
 * and the non-solicit period after it — belongs in the calendar. This composes the pure rules
 * of dates.ts; it adds no rule of its own.
 */
export function keyDatesAsOf(
  terms: Parameters<typeof upcomingDates>[0],
  events: readonly AgreementEvent[],
  today: IsoDate,
  from: IsoDate = EARLIEST,
  to: IsoDate = LATEST,
): KeyDate<UpcomingKind>[] {
  const plain = upcomingDates(terms, events, EARLIEST, LATEST);
  const endToday = agreementEnd(terms, events, today);
  const endPlain = agreementEnd(terms, events);
  let dates = plain;
  if (endToday && endToday.cause === 'breach' && (!endPlain || compareIsoDates(endToday.on, endPlain.on) < 0)) {
    const before = plain.filter((k) => compareIsoDates(k.date, endToday.on) < 0 && k.kind !== 'non_solicit_ends');
    const ends: KeyDate<UpcomingKind>[] = [
      { date: endToday.on, kind: 'termination', label: `Agreement terminated: the breach was not cured in time` },
    ];
    const free = nonSolicitEndsOn(terms, endToday.on);
    if (free) ends.push({ date: free, kind: 'non_solicit_ends', label: `Non-solicit period of ${terms.nonSolicitMonths} months ends` });
    dates = [...before, ...ends];
  }
  return dates.filter((k) => compareIsoDates(k.date, from) >= 0 && compareIsoDates(k.date, to) <= 0);
}
