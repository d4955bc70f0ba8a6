import { addDays, addMonthsClamped, compareIsoDates, type IsoDate } from '../dates/isoDate';
import type { AgreementTerms, BreachAction, NoticePeriod } from './terms';

// Pure agreement-date rules. No clock and no I/O: "today" is always an argument.
// Business refusals are returned as values; only programmer errors (e.g. month 0) throw.
//
// Conventions, taken from the worked examples of the programme texts:
// - "Month N" of an agreement starts on effectiveOn + (N − 1) months, the day clamped to the
//   month's end, always counted from effectiveOn (so 31 January → 28 February → 31 March).
// - Dates that end something (initialTermEndsOn, terminatesOn, nonSolicitEndsOn) are the FIRST
//   day on which the thing no longer applies: the agreement is in force up to, not including,
//   terminatesOn.
// - A cure deadline is the LAST day on which curing counts: cured on the deadline day counts as
//   cured, and the breach outcome takes effect the day after.

// ---- Months of the agreement -------------------------------------------------------------

/** First day of month `n` (1-based) of the agreement. */
export function monthStart(terms: AgreementTerms, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Agreement months start at 1 (got ${n}).`);
  return addMonthsClamped(terms.effectiveOn, n - 1);
}

/** 1-based month of the agreement containing `on`; null before the agreement takes effect. */
export function monthOfAgreement(terms: AgreementTerms, on: IsoDate): number | null {
  if (compareIsoDates(on, terms.effectiveOn) < 0) return null;
  const e = terms.effectiveOn;
  // Month N starts inside calendar month (effective month + N − 1), so the calendar-month
  // distance is right unless `on` falls before the (clamped) start day in its calendar month.
  const n = (Number(on.slice(0, 4)) - Number(e.slice(0, 4))) * 12
    + (Number(on.slice(5, 7)) - Number(e.slice(5, 7))) + 1;
  return compareIsoDates(monthStart(terms, n), on) <= 0 ? n : n - 1;
}

// ---- Initial term and notice -------------------------------------------------------------

/** First day after the initial lock (effectiveOn + initialTermMonths, clamped).
 * Seed 000: "Months 1-12: Initial term" → the lock ends where month 13 starts. */
export function initialTermEndsOn(terms: AgreementTerms): IsoDate {
  return addMonthsClamped(terms.effectiveOn, terms.initialTermMonths);
}

/** First day notice may be served; null for a fixed term, which ends without notice. */
export function firstNoticeDate(terms: AgreementTerms): IsoDate | null {
  // Seed 000: "After Month 12: Rolling contract. Either party can terminate with 3 months' notice."
  return terms.afterInitialTerm === 'fixed' ? null : initialTermEndsOn(terms);
}

export type NoticeOutcome =
  | { ok: true; terminatesOn: IsoDate }
  | { ok: false; reason: 'before-effective'; effectiveOn: IsoDate }
  | { ok: false; reason: 'initial-term'; firstAllowed: IsoDate }
  | { ok: false; reason: 'fixed-term'; endsOn: IsoDate };

/** End of the agreement for notice served on `servedOn`: servedOn + the notice period, clamped.
 * Notice runs from the day served, not in whole agreement months, so for agreements effective on
 * the 29th–31st the Seed 000 "month 13 → month 16" example can be off by up to 3 days
 * (effective 2024-02-29, served 2025-02-28 → ends 2025-05-28, the day before month 16). */
export function terminationByNotice(notice: NoticePeriod, servedOn: IsoDate): IsoDate {
  return notice.unit === 'days'
    ? addDays(servedOn, notice.count) // Seed 001: "a 3-day written notice" → servedOn + 3 days.
    : addMonthsClamped(servedOn, notice.count); // Seed 000: notice in month 13 ends the contract in month 16.
}

/** Whether notice served on `servedOn` is valid and when it ends the agreement. Both seeds let
 * "either party" give notice on the same terms, so `servedBy` does not change the outcome. */
export function noticeOutcome(
  terms: AgreementTerms,
  servedOn: IsoDate,
  servedBy: 'partner' | 'company',
): NoticeOutcome {
  if (compareIsoDates(servedOn, terms.effectiveOn) < 0) {
    return { ok: false, reason: 'before-effective', effectiveOn: terms.effectiveOn };
  }
  if (terms.afterInitialTerm === 'fixed') return { ok: false, reason: 'fixed-term', endsOn: initialTermEndsOn(terms) };
  // Seed 000: "Neither party can exit early (except for breach)"; notice on the first day of
  // month 13 is allowed, the day before is refused.
  const firstAllowed = initialTermEndsOn(terms);
  if (compareIsoDates(servedOn, firstAllowed) < 0) return { ok: false, reason: 'initial-term', firstAllowed };
  return { ok: true, terminatesOn: terminationByNotice(terms.noticePeriod, servedOn) };
}

// ---- Breach and cure ---------------------------------------------------------------------

/** Last day on which the breach can be cured; null when the agreement gives no cure period.
 * Seed 001: "failure to cure the breach within 15 days of written notice" → noticed + 15 days. */
export function cureDeadline(terms: AgreementTerms, noticeOfBreachOn: IsoDate): IsoDate | null {
  return terms.curePeriodDays === null ? null : addDays(noticeOfBreachOn, terms.curePeriodDays);
}

export interface Breach {
  noticedOn: IsoDate;
  curedOn?: IsoDate | null;
}

export type BreachStatus =
  | { status: 'cured'; curedOn: IsoDate; deadline: IsoDate }
  | { status: 'in_cure'; deadline: IsoDate }
  | {
      status: 'uncured';
      /** null when there is no cure period: the outcome applies from the notice of breach. */
      deadline: IsoDate | null;
      outcome: BreachAction;
      /** The day after the deadline (or the notice day when there is no cure period). */
      effectiveOn: IsoDate;
      /** A cure after the deadline does not undo the outcome, but lifts a suspension. */
      curedOn: IsoDate | null;
    };

/** The breach as it stands on `today`. A cure dated after `today` is not known yet. */
export function breachOutcome(terms: AgreementTerms, breach: Breach, today: IsoDate): BreachStatus {
  const deadline = cureDeadline(terms, breach.noticedOn);
  const curedOn = breach.curedOn && compareIsoDates(breach.curedOn, today) <= 0 ? breach.curedOn : null;
  if (deadline === null) {
    // No cure period: curing cannot stop the outcome, which applies from the notice of breach.
    return { status: 'uncured', deadline, outcome: terms.breachOutcome, effectiveOn: breach.noticedOn, curedOn };
  }
  // Inclusive deadline: cured on the deadline day counts as cured.
  if (curedOn && compareIsoDates(curedOn, deadline) <= 0) return { status: 'cured', curedOn, deadline };
  if (compareIsoDates(today, deadline) <= 0) return { status: 'in_cure', deadline };
  return { status: 'uncured', deadline, outcome: terms.breachOutcome, effectiveOn: addDays(deadline, 1), curedOn };
}

// ---- After the end -----------------------------------------------------------------------

/** First day the partner is free of non-solicitation; null when there is none.
 * Seed 001: non-solicit "for a period of one (1) year thereafter" → endedOn + 12 months. */
export function nonSolicitEndsOn(terms: AgreementTerms, endedOn: IsoDate): IsoDate | null {
  return terms.nonSolicitMonths === null ? null : addMonthsClamped(endedOn, terms.nonSolicitMonths);
}

// ---- Events, state and calendar ----------------------------------------------------------

export type AgreementEvent =
  | { kind: 'notice'; servedOn: IsoDate; servedBy: 'partner' | 'company'; terminatesOn: IsoDate }
  | { kind: 'breach'; noticedOn: IsoDate; curedOn?: IsoDate | null }
  | { kind: 'terminated'; on: IsoDate; reason: string };

export interface AgreementEnd {
  /** First day the agreement is no longer in force. */
  on: IsoDate;
  cause: 'fixed_term' | 'notice' | 'breach' | 'terminated';
}

const eventDate = (e: AgreementEvent): IsoDate =>
  e.kind === 'notice' ? e.servedOn : e.kind === 'breach' ? e.noticedOn : e.on;

/** The events known on `today`: later events have not happened, later cures are not known. */
function knownOn(events: readonly AgreementEvent[], today: IsoDate): AgreementEvent[] {
  return events
    .filter((e) => compareIsoDates(eventDate(e), today) <= 0)
    .map((e) => (e.kind === 'breach' && e.curedOn && compareIsoDates(e.curedOn, today) > 0 ? { ...e, curedOn: null } : e));
}

/** Day an uncured breach ends the agreement, if that is already certain (or certain as of `today`). */
function breachTermination(terms: AgreementTerms, breach: Breach, today: IsoDate | null): IsoDate | null {
  if (terms.breachOutcome !== 'terminate') return null;
  const deadline = cureDeadline(terms, breach.noticedOn);
  if (deadline === null) return breach.noticedOn;
  if (breach.curedOn) return compareIsoDates(breach.curedOn, deadline) <= 0 ? null : addDays(deadline, 1);
  return today !== null && compareIsoDates(today, deadline) > 0 ? addDays(deadline, 1) : null;
}

/** The earliest end of the agreement that the events establish (it may lie in the future).
 * Without `today`, an open breach never counts as uncured; with it, events are read as of today. */
export function agreementEnd(terms: AgreementTerms, events: readonly AgreementEvent[], today?: IsoDate): AgreementEnd | null {
  const known = today === undefined ? events : knownOn(events, today);
  const ends: AgreementEnd[] = [];
  if (terms.afterInitialTerm === 'fixed') ends.push({ on: initialTermEndsOn(terms), cause: 'fixed_term' });
  for (const e of known) {
    if (e.kind === 'notice') ends.push({ on: e.terminatesOn, cause: 'notice' });
    else if (e.kind === 'terminated') ends.push({ on: e.on, cause: 'terminated' });
    else {
      const on = breachTermination(terms, e, today ?? null);
      if (on) ends.push({ on, cause: 'breach' });
    }
  }
  return ends.reduce<AgreementEnd | null>((best, x) => (best && compareIsoDates(best.on, x.on) <= 0 ? best : x), null);
}

export type UpcomingKind = 'initial_term_ends' | 'notice_window_opens' | 'termination' | 'cure_deadline' | 'non_solicit_ends';
export type KeyDateKind = 'effective' | UpcomingKind;

export interface KeyDate<K extends KeyDateKind = KeyDateKind> {
  date: IsoDate;
  kind: K;
  label: string;
}

const KIND_ORDER: readonly KeyDateKind[] = ['effective', 'initial_term_ends', 'notice_window_opens', 'cure_deadline', 'termination', 'non_solicit_ends'];

function noticeText(p: NoticePeriod): string {
  const unit = p.unit === 'months' ? 'month' : 'day';
  return p.count === 1 ? `1 ${unit}'s notice` : `${p.count} ${unit}s' notice`;
}

function keyDates(terms: AgreementTerms, events: readonly AgreementEvent[], end: AgreementEnd | null): KeyDate<UpcomingKind>[] {
  const out: KeyDate<UpcomingKind>[] = [];
  if (terms.afterInitialTerm === 'fixed') {
    out.push({ date: initialTermEndsOn(terms), kind: 'termination', label: 'Fixed term ends' });
  } else if (terms.initialTermMonths > 0) {
    const on = initialTermEndsOn(terms);
    out.push({ date: on, kind: 'initial_term_ends', label: `Initial term of ${terms.initialTermMonths} months ends` });
    out.push({ date: on, kind: 'notice_window_opens', label: `Either party may now give ${noticeText(terms.noticePeriod)}` });
  }
  for (const e of events) {
    if (e.kind === 'notice') {
      out.push({ date: e.terminatesOn, kind: 'termination', label: `Agreement ends (notice served by ${e.servedBy} on ${e.servedOn})` });
    } else if (e.kind === 'terminated') {
      out.push({ date: e.on, kind: 'termination', label: `Agreement terminated (${e.reason})` });
    } else {
      const deadline = cureDeadline(terms, e.noticedOn);
      const curedInTime = deadline && e.curedOn && compareIsoDates(e.curedOn, deadline) <= 0;
      if (deadline && !curedInTime) {
        const then = terms.breachOutcome === 'terminate' ? 'terminates' : 'is suspended';
        out.push({ date: deadline, kind: 'cure_deadline', label: `Last day to cure the breach noticed on ${e.noticedOn}; if uncured the agreement ${then} on ${addDays(deadline, 1)}` });
      }
    }
  }
  if (end && !out.some((k) => k.kind === 'termination' && k.date === end.on)) {
    out.push({ date: end.on, kind: 'termination', label: 'Agreement terminated for breach' });
  }
  const after = end ? nonSolicitEndsOn(terms, end.on) : null;
  if (after) out.push({ date: after, kind: 'non_solicit_ends', label: `Non-solicit period of ${terms.nonSolicitMonths} months ends` });
  // Nothing but the end itself and the non-solicit period matters once the agreement has ended.
  const relevant = out.filter((k) => !end || k.kind === 'non_solicit_ends' || compareIsoDates(k.date, end.on) < 0
    || (k.kind === 'termination' && k.date === end.on));
  const unique = relevant.filter((k, i) => k.kind !== 'termination' || relevant.findIndex((x) => x.kind === 'termination' && x.date === k.date) === i);
  return unique.sort((a, b) => compareIsoDates(a.date, b.date) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** Key dates between `from` and `to` (both inclusive), sorted by date, for the calendar view. */
export function upcomingDates(
  terms: AgreementTerms,
  events: readonly AgreementEvent[],
  from: IsoDate,
  to: IsoDate,
): KeyDate<UpcomingKind>[] {
  return keyDates(terms, events, agreementEnd(terms, events))
    .filter((k) => compareIsoDates(k.date, from) >= 0 && compareIsoDates(k.date, to) <= 0);
}

export type AgreementStateName =
  | 'draft' | 'initial_term' | 'rolling' | 'notice_served' | 'in_cure' | 'suspended' | 'terminated' | 'ended';

export interface AgreementStatus {
  state: AgreementStateName;
  /** The next date that changes something, or null when none is known. */
  next: KeyDate | null;
}

/** Where the agreement stands on `today`. Events dated after `today` are ignored. When several
 * things apply, the most serious wins: ended/terminated > suspended > in_cure > notice_served. */
export function agreementState(terms: AgreementTerms, events: readonly AgreementEvent[], today: IsoDate): AgreementStatus {
  if (compareIsoDates(today, terms.effectiveOn) < 0) {
    return { state: 'draft', next: { date: terms.effectiveOn, kind: 'effective', label: 'Agreement takes effect' } };
  }
  const known = knownOn(events, today);
  const end = agreementEnd(terms, known, today);
  // A cure deadline is still open on its own day; every other key date starts something new.
  const next = keyDates(terms, known, end)
    .find((k) => compareIsoDates(k.date, today) > 0 || (k.kind === 'cure_deadline' && k.date === today)) ?? null;
  const state = ((): AgreementStateName => {
    if (end && compareIsoDates(end.on, today) <= 0) return end.cause === 'fixed_term' ? 'ended' : 'terminated';
    const breaches = known.flatMap((e) => (e.kind === 'breach' ? [breachOutcome(terms, e, today)] : []));
    if (breaches.some((b) => b.status === 'uncured' && b.outcome === 'suspend' && b.curedOn === null)) return 'suspended';
    if (breaches.some((b) => b.status === 'in_cure')) return 'in_cure';
    if (end?.cause === 'notice') return 'notice_served';
    return compareIsoDates(today, initialTermEndsOn(terms)) < 0 ? 'initial_term' : 'rolling';
  })();
  return { state, next };
}

/** First day from which no commission is earned: the end of the agreement when commission
 * 'stops' at termination; null while no end is established, and null for
 * 'continues_for_prior_referrals', where earlier referrals keep earning after the end. */
export function commissionStopsOn(terms: AgreementTerms, events: readonly AgreementEvent[]): IsoDate | null {
  if (terms.postTermination !== 'stops') return null;
  return agreementEnd(terms, events)?.on ?? null;
}
