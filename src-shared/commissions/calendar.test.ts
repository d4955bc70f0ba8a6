import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  firstDayOfNextMonth,
  isYmd,
  lastDayOfMonth,
  monthKey,
  monthNumberSince,
} from './calendar';

describe('calendar helper', () => {
  it.each([
    ['2025-02-10', 12, '2026-02-10'],
    ['2025-01-31', 1, '2025-02-28'], // clamped to the month's end
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-06-30', 60, '2031-06-30'],
    ['2028-02-29', 60, '2033-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-09-20', 1, '2026-10-20'],
  ])('%s + %i months → %s', (day, months, expected) => {
    expect(addMonthsClamped(day, months)).toBe(expected);
  });

  it.each([
    ['2026-03-01', 60, '2026-04-30'], // seed 002 welcome bonus window end
    ['2026-03-01', 61, '2026-05-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
  ])('%s + %i days → %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  it('does not depend on the local time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
        expect(addMonthsClamped('2026-10-31', 1)).toBe('2026-11-30');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('knows month keys and boundaries', () => {
    expect(monthKey('2026-11-05')).toBe('2026-11');
    expect(firstDayOfNextMonth('2026-12-15')).toBe('2027-01-01');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
  });

  it('validates dates', () => {
    expect(isYmd('2026-02-28')).toBe(true);
    expect(isYmd('2026-02-29')).toBe(false);
    expect(isYmd('2026-13-01')).toBe(false);
    expect(isYmd('2026-1-01')).toBe(false);
    expect(isYmd('2026-01-01T00:00:00Z')).toBe(false);
  });

  it.each([
    ['2025-02-10', '2025-02-10', 1],
    ['2025-02-10', '2025-04-09', 2],
    ['2025-02-10', '2025-04-10', 3],
    ['2025-02-10', '2026-01-10', 12],
    ['2025-02-10', '2026-02-10', 13],
    ['2025-01-31', '2025-02-27', 1],
    ['2025-01-31', '2025-02-28', 2], // month 2 starts on the clamped 28th
    ['2025-01-15', '2026-02-01', 13], // seed 000: notice in month 13
  ])('from %s, %s is month %i', (start, day, n) => {
    expect(monthNumberSince(start, day)).toBe(n);
  });
});
