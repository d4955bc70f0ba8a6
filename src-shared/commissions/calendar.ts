import { z } from 'zod';

// Local calendar helper for the commission engine: plain 'YYYY-MM-DD' strings, all
// arithmetic on integer (year, month, day) in the proleptic Gregorian calendar, so
// nothing depends on the machine's time zone and no Date is built per operation (the
// engine calls these for every revenue line). Same names as src-shared/dates/isoDate.ts
// so the two can be unified by swapping the import. calendar.property.test.ts checks
// every function against the former date-fns UTCDate implementation.

/** A calendar day, 'YYYY-MM-DD'. */
export type Ymd = string;
/** A calendar month, 'YYYY-MM'. */
export type MonthKey = string;

const ZERO = 48;
const DASH = 45;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Two-digit or four-digit field at `at`, or -1 if a character is not 0-9. */
function digits(value: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = value.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function parts(value: string): [number, number, number] | null {
  // Exactly /^\d{4}-\d{2}-\d{2}$/, read without a regular expression.
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return null;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  // Years below 1000 would hit Date's two-digit-year quirks and never occur here.
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null;
  if (d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

export function isYmd(value: unknown): value is Ymd {
  return typeof value === 'string' && parts(value) !== null;
}

export function assertYmd(value: string, what = 'date'): Ymd {
  if (!isYmd(value)) throw new RangeError(`The ${what} '${value}' is not a calendar date written YYYY-MM-DD`);
  return value;
}

export const YmdSchema = z.custom<Ymd>(isYmd, { message: 'Expected a calendar date written YYYY-MM-DD' });

function partsOrThrow(value: Ymd): [number, number, number] {
  const p = parts(value);
  if (!p) throw new RangeError(`The date '${value}' is not a calendar date written YYYY-MM-DD`);
  return p;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function format(y: number, m: number, d: number): Ymd {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (civil_from_days). */
function fromDayNumber(n: number): Ymd {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

// What the Date-based version printed for an amount it could not represent (NaN, ±Infinity,
// or beyond Date's ±100,000,000 days from 1970): kept so the two agree on every input.
const INVALID: Ymd = '0NaN-NaN-NaN';
const DATE_LIMIT_DAYS = 100_000_000;

/** Adds calendar months; the day is clamped to the month's end (2025-01-31 + 1 → 2025-02-28). */
export function addMonthsClamped(day: Ymd, months: number): Ymd {
  const [y, m, d] = partsOrThrow(day);
  if (months === 0) return day;
  if (!Number.isFinite(months)) return INVALID;
  // Month index counted from year 0 (as Date.setMonth does, whole months only).
  const index = y * 12 + Math.trunc(m - 1 + months + 1) - 1;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  const last = daysInMonth(ty, tm);
  const td = d >= last ? last : d;
  if (Math.abs(toDayNumber(ty, tm, last)) > DATE_LIMIT_DAYS) return INVALID;
  return format(ty, tm, td);
}

export function addDays(day: Ymd, days: number): Ymd {
  const [y, m, d] = partsOrThrow(day);
  if (days === 0) return day;
  if (!Number.isFinite(days)) return INVALID;
  // Date.setDate(getDate() + days) truncates the sum to a whole day.
  const n = toDayNumber(y, m, 1) + Math.trunc(d + days) - 1;
  return Math.abs(n) > DATE_LIMIT_DAYS ? INVALID : fromDayNumber(n);
}

/** 'YYYY-MM' of a day. */
export function monthKey(day: Ymd): MonthKey {
  partsOrThrow(day);
  return day.slice(0, 7);
}

export function firstDayOfNextMonth(day: Ymd): Ymd {
  const [y, m] = partsOrThrow(day);
  return m === 12 ? format(y + 1, 1, 1) : format(y, m + 1, 1);
}

export function lastDayOfMonth(month: MonthKey): Ymd {
  const [y, m] = partsOrThrow(`${month}-01`);
  // As before: computed via the first of the next month, which must itself be a date.
  if (y === 9999 && m === 12) partsOrThrow('10000-01-01');
  return format(y, m, daysInMonth(y, m));
}

export function maxYmd(a: Ymd, b: Ymd): Ymd {
  return a >= b ? a : b;
}

/**
 * Which month of a relationship `day` falls in, counting from `start`: month N starts
 * on start + (N − 1) months, day clamped to the month's end. 1-based; `day` must not be
 * before `start`.
 */
export function monthNumberSince(start: Ymd, day: Ymd): number {
  if (day < start) throw new RangeError(`${day} is before ${start}`);
  const a = parts(start);
  const b = parts(day);
  if (!a || !b) throw new RangeError(`'${start}' or '${day}' is not a calendar date written YYYY-MM-DD`);
  const [y1, m1] = a;
  const [y2, m2] = b;
  let elapsed = (y2 - y1) * 12 + (m2 - m1);
  // Month `elapsed + 1` starts on start + elapsed months, clamped: still ahead of `day`?
  const d1 = a[2];
  const d2 = b[2];
  if (elapsed !== 0 && (d1 > d2 && d2 < daysInMonth(y2, m2))) elapsed -= 1;
  return elapsed + 1;
}

/** Compares 'YYYY-MM-DD' (or 'YYYY-MM') strings; lexical order is calendar order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
