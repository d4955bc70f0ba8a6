// Test-only fast-check generators for IsoDate (imported by *.test.ts files, never by app code).
import fc from 'fast-check';
import { addDays, addMonthsClamped, daysBetween, parseIsoDate, type IsoDate } from './isoDate';

/** Any date in [fromYear-01-01, toYear-12-31], with extra weight on the 28th–31st (clamped to
 * the month's last day), where month-end clamping bugs live. */
export const isoDateArb = (fromYear = 2000, toYear = 2100): fc.Arbitrary<IsoDate> => {
  const first = parseIsoDate(`${String(fromYear).padStart(4, '0')}-01-01`);
  const last = parseIsoDate(`${String(toYear).padStart(4, '0')}-12-31`);
  return fc.oneof(
    fc.integer({ min: 0, max: daysBetween(first, last) }).map((n) => addDays(first, n)),
    fc.record({
      month: fc.integer({ min: 0, max: (toYear - fromYear) * 12 + 11 }),
      day: fc.integer({ min: 28, max: 31 }),
    }).map(({ month, day }) => {
      const start = addMonthsClamped(first, month);
      const monthEnd = addDays(addMonthsClamped(start, 1), -1);
      return Number(monthEnd.slice(8)) <= day ? monthEnd : parseIsoDate(`${start.slice(0, 8)}${day}`);
    }),
  );
};
