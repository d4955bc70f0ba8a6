import { UTCDate } from '@date-fns/utc';
import { addDays as addDaysUtc, addMonths as addMonthsUtc, getDaysInMonth } from 'date-fns';
import { z } from 'zod';

// Local calendar helper for the commission engine: plain 'YYYY-MM-DD' strings, all
// arithmetic on UTCDate so nothing depends on the machine's time zone. Same names as
// src-shared/dates/isoDate.ts so the two can be unified by swapping the import.

/** A calendar day, 'YYYY-MM-DD'. */
export type Ymd = string;
/** A calendar month, 'YYYY-MM'. */
export type MonthKey = string;

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(value: string): [number, number, number] | null {
  const m = YMD.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  // Years below 1000 would hit Date's two-digit-year quirks and never occur here.
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null;
  if (d > getDaysInMonth(new UTCDate(y, mo - 1, 1))) return null;
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

function toUtc(value: Ymd): UTCDate {
  const p = parts(value);
  if (!p) throw new RangeError(`The date '${value}' is not a calendar date written YYYY-MM-DD`);
  return new UTCDate(p[0], p[1] - 1, p[2]);
}

function fromUtc(date: Date): Ymd {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Adds calendar months; the day is clamped to the month's end (2025-01-31 + 1 → 2025-02-28). */
export function addMonthsClamped(day: Ymd, months: number): Ymd {
  return fromUtc(addMonthsUtc(toUtc(day), months));
}

export function addDays(day: Ymd, days: number): Ymd {
  return fromUtc(addDaysUtc(toUtc(day), days));
}

/** 'YYYY-MM' of a day. */
export function monthKey(day: Ymd): MonthKey {
  toUtc(day);
  return day.slice(0, 7);
}

export function firstDayOfNextMonth(day: Ymd): Ymd {
  return addMonthsClamped(`${monthKey(day)}-01`, 1);
}

export function lastDayOfMonth(month: MonthKey): Ymd {
  return addDays(addMonthsClamped(`${month}-01`, 1), -1);
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
  if (addMonthsClamped(start, elapsed) > day) elapsed -= 1;
  return elapsed + 1;
}

/** Compares 'YYYY-MM-DD' (or 'YYYY-MM') strings; lexical order is calendar order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
