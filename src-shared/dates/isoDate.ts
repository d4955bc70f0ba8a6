import { UTCDate } from '@date-fns/utc';
import { addDays as fnsAddDays, addMonths, addYears } from 'date-fns';
import { z } from 'zod';

// Calendar dates as 'YYYY-MM-DD' strings. Contract dates have no time of day and no time
// zone, so all arithmetic runs on UTCDate (midnight UTC) and the result never depends on the
// machine's local zone. Strings compare correctly with < and > because the format is fixed-width.

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'] as const;

function daysInMonth(year: number, month: number): number {
  const d = new UTCDate(0);
  d.setFullYear(year, month, 0); // day 0 of the next month = last day of this one
  return d.getDate();
}

/** Why a well-formed 'YYYY-MM-DD' string is not a real calendar date, or null if it is one. */
function impossibleDateReason(value: string): string | null {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return null; // the format check reports this one
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return `"${value}" is not a real date: the year must be 0001 or later.`;
  if (month < 1 || month > 12) return `"${value}" is not a real date: the month must be between 01 and 12.`;
  if (day < 1) return `"${value}" is not a real date: the day must be 01 or later.`;
  const max = daysInMonth(year, month);
  if (day > max) return `"${value}" is not a real date: ${MONTH_NAMES[month - 1]} ${m[1]} has only ${max} days.`;
  return null;
}

export const IsoDateSchema = z
  .string({
    error: (iss) => (iss.input === undefined
      ? 'A date is required, in the form YYYY-MM-DD (e.g. 2025-01-15).'
      : 'Expected a date written as text in the form YYYY-MM-DD (e.g. 2025-01-15).'),
  })
  .regex(ISO_DATE_RE, {
    error: (iss) => `"${String(iss.input)}" is not a date in the form YYYY-MM-DD (e.g. 2025-01-15).`,
  })
  .refine((value) => impossibleDateReason(value) === null, {
    error: (iss) => impossibleDateReason(String(iss.input)) ?? 'Not a real calendar date.',
  })
  .brand<'IsoDate'>();

/** A real calendar date as 'YYYY-MM-DD'. Obtain one with parseIsoDate or IsoDateSchema. */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** 'YYYY-MM', e.g. for grouping by calendar month. */
export type MonthKey = string;

export function isIsoDate(value: unknown): value is IsoDate {
  return IsoDateSchema.safeParse(value).success;
}

/** Parses untrusted input; throws an Error whose message says what is wrong with the value. */
export function parseIsoDate(value: unknown): IsoDate {
  const result = IsoDateSchema.safeParse(value);
  if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Invalid date.');
  return result.data;
}

function toUtc(date: IsoDate): UTCDate {
  const d = new UTCDate(0);
  // setFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  d.setFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return d;
}

function fromUtc(d: Date): IsoDate {
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw new RangeError(`Date arithmetic left the years 0001–9999 (got ${year}).`);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` as IsoDate;
}

function assertWhole(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number (got ${n}).`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertWhole(days, 'days');
  return fromUtc(fnsAddDays(toUtc(date), days));
}

/** Adds calendar months; when the day does not exist in the target month it is clamped to the
 * month's last day: 2025-01-31 + 1 = 2025-02-28, 2024-01-31 + 1 = 2024-02-29. */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  assertWhole(months, 'months');
  return fromUtc(addMonths(toUtc(date), months));
}

/** Adds calendar years, clamping 29 February to 28 February in non-leap years. */
export function addYearsClamped(date: IsoDate, years: number): IsoDate {
  assertWhole(years, 'years');
  return fromUtc(addYears(toUtc(date), years));
}

/** -1 if a is earlier, 1 if later, 0 if the same day (usable with Array.prototype.sort). */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  // Both are midnight UTC, so the difference is an exact multiple of a day (no DST in UTC).
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function startOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01` as IsoDate;
}

export function monthKey(date: IsoDate): MonthKey {
  return date.slice(0, 7);
}
