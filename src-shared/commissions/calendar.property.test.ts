import { UTCDate } from '@date-fns/utc';
import { addDays as addDaysUtc, addMonths as addMonthsUtc, getDaysInMonth } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  assertYmd,
  firstDayOfNextMonth,
  isYmd,
  lastDayOfMonth,
  monthKey,
  monthNumberSince,
} from './calendar';

// The integer (y, m, d) calendar must agree with the date-fns UTCDate version it replaced
// on every input. That version lives on here only, as the oracle.
const oracle = (() => {
  const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
  function parts(value: string): [number, number, number] | null {
    const m = YMD.exec(value);
    if (!m) return null;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null;
    if (d > getDaysInMonth(new UTCDate(y, mo - 1, 1))) return null;
    return [y, mo, d];
  }
  const toUtc = (value: string): UTCDate => {
    const p = parts(value);
    if (!p) throw new RangeError(`The date '${value}' is not a calendar date written YYYY-MM-DD`);
    return new UTCDate(p[0], p[1] - 1, p[2]);
  };
  const fromUtc = (date: Date): string =>
    `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const addMonthsClamped = (day: string, months: number) => fromUtc(addMonthsUtc(toUtc(day), months));
  const addDays = (day: string, days: number) => fromUtc(addDaysUtc(toUtc(day), days));
  const monthKey = (day: string) => (toUtc(day), day.slice(0, 7));
  return {
    isYmd: (value: unknown) => typeof value === 'string' && parts(value) !== null,
    addMonthsClamped,
    addDays,
    monthKey,
    firstDayOfNextMonth: (day: string) => addMonthsClamped(`${monthKey(day)}-01`, 1),
    lastDayOfMonth: (month: string) => addDays(addMonthsClamped(`${month}-01`, 1), -1),
    monthNumberSince(start: string, day: string): number {
      if (day < start) throw new RangeError(`${day} is before ${start}`);
      const a = parts(start);
      const b = parts(day);
      if (!a || !b) throw new RangeError(`'${start}' or '${day}' is not a calendar date written YYYY-MM-DD`);
      let elapsed = (b[0] - a[0]) * 12 + (b[1] - a[1]);
      if (addMonthsClamped(start, elapsed) > day) elapsed -= 1;
      return elapsed + 1;
    },
  };
})();

/** Outcome of a call: its value, or the error it threw (class and message). */
function outcome<T>(f: () => T): { value: T } | { error: string } {
  try {
    return { value: f() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const RUNS = { numRuns: 20_000 };

// Days biased towards month ends and 29 February, over years 1000–9999 (leap centuries included).
const year = fc.oneof(
  fc.integer({ min: 1000, max: 9999 }),
  fc.constantFrom(1000, 1600, 1700, 1800, 1900, 2000, 2024, 2025, 2100, 2400, 9999),
  fc.integer({ min: 1990, max: 2060 }),
);
const validDay = fc
  .tuple(year, fc.integer({ min: 1, max: 12 }), fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(28, 29, 30, 31)))
  .map(([y, m, d]) => {
    const last = new Date(Date.UTC(2000, m, 0)).getUTCDate() === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 28 : new Date(Date.UTC(2000, m, 0)).getUTCDate();
    return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(d, last), 2)}`;
  });
// Strings that are nearly dates: out-of-range fields, wrong widths, stray characters.
const nearlyDay = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.tuple(validDay, fc.integer({ min: 0, max: 9 }), fc.constantFrom('x', ' ', '-', '1', 'T', '\n', '٣')).map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1)),
  validDay.map((s) => `${s}\n`),
  fc.string({ maxLength: 12 }),
);
const anyDay = fc.oneof(validDay, nearlyDay);
const months = fc.oneof(fc.integer({ min: -1200, max: 1200 }), fc.integer({ min: -24, max: 24 }), fc.integer({ min: -90_000, max: 90_000 }));
const days = fc.oneof(fc.integer({ min: -800, max: 800 }), fc.integer({ min: -3_000_000, max: 3_000_000 }), fc.constantFrom(-1, 0, 1, 28, 29, 30, 31, 365, 366, -365, -366));

describe('integer calendar agrees with the date-fns UTCDate version', () => {
  it('on which strings are dates', () => {
    fc.assert(fc.property(anyDay, (s) => {
      expect(isYmd(s)).toBe(oracle.isYmd(s));
    }), RUNS);
    fc.assert(fc.property(anyDay, (s) => {
      expect(outcome(() => assertYmd(s))).toEqual(oracle.isYmd(s) ? { value: s } : { error: `RangeError: The date '${s}' is not a calendar date written YYYY-MM-DD` });
    }), { numRuns: 2000 });
  });

  it('on adding months, clamped to the month end', () => {
    fc.assert(fc.property(anyDay, months, (d, n) => {
      expect(outcome(() => addMonthsClamped(d, n))).toEqual(outcome(() => oracle.addMonthsClamped(d, n)));
    }), RUNS);
  });

  it('on adding days', () => {
    fc.assert(fc.property(anyDay, days, (d, n) => {
      expect(outcome(() => addDays(d, n))).toEqual(outcome(() => oracle.addDays(d, n)));
    }), RUNS);
  });

  it('on month keys and month boundaries', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        expect(outcome(() => monthKey(d))).toEqual(outcome(() => oracle.monthKey(d)));
        expect(outcome(() => firstDayOfNextMonth(d))).toEqual(outcome(() => oracle.firstDayOfNextMonth(d)));
        expect(outcome(() => lastDayOfMonth(d.slice(0, 7)))).toEqual(outcome(() => oracle.lastDayOfMonth(d.slice(0, 7))));
      }),
      RUNS,
    );
  });

  it('on the month of a relationship', () => {
    fc.assert(
      fc.property(anyDay, validDay, (a, b) => {
        expect(outcome(() => monthNumberSince(a, b))).toEqual(outcome(() => oracle.monthNumberSince(a, b)));
        expect(outcome(() => monthNumberSince(b, a))).toEqual(outcome(() => oracle.monthNumberSince(b, a)));
      }),
      RUNS,
    );
  });

  it.each([
    ['2024-02-29', 12],
    ['2024-02-29', 48],
    ['2024-01-31', 1],
    ['2100-01-31', 1],
    ['2000-01-31', 1],
    ['1000-01-01', -1],
    ['9999-12-31', 1],
  ])('on the edge %s ± %i', (d, n) => {
    for (const k of [n, -n]) {
      expect(addMonthsClamped(d, k)).toBe(oracle.addMonthsClamped(d, k));
      expect(addDays(d, k)).toBe(oracle.addDays(d, k));
    }
  });
});
