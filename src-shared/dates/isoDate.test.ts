import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, addMonthsClamped, addYearsClamped, compareIsoDates, daysBetween,
  IsoDateSchema, monthKey, parseIsoDate, startOfMonth,
} from './isoDate';
import { isoDateArb } from './isoDate.arbitraries';

const d = parseIsoDate;

describe('IsoDateSchema', () => {
  it.each([
    ['2025-01-15'], ['2024-02-29'], ['2000-02-29'], ['2025-12-31'], ['0001-01-01'], ['9999-12-31'],
  ])('accepts the real date %s', (value) => {
    expect(IsoDateSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    ['2025-02-30', '"2025-02-30" is not a real date: February 2025 has only 28 days.'],
    ['2025-02-29', '"2025-02-29" is not a real date: February 2025 has only 28 days.'],
    ['1900-02-29', '"1900-02-29" is not a real date: February 1900 has only 28 days.'],
    ['2025-04-31', '"2025-04-31" is not a real date: April 2025 has only 30 days.'],
    ['2025-13-01', '"2025-13-01" is not a real date: the month must be between 01 and 12.'],
    ['2025-00-10', '"2025-00-10" is not a real date: the month must be between 01 and 12.'],
    ['2025-01-00', '"2025-01-00" is not a real date: the day must be 01 or later.'],
    ['0000-01-01', '"0000-01-01" is not a real date: the year must be 0001 or later.'],
    ['15/01/2025', '"15/01/2025" is not a date in the form YYYY-MM-DD (e.g. 2025-01-15).'],
    ['2025-1-5', '"2025-1-5" is not a date in the form YYYY-MM-DD (e.g. 2025-01-15).'],
    ['2025-01-15T00:00:00Z', '"2025-01-15T00:00:00Z" is not a date in the form YYYY-MM-DD (e.g. 2025-01-15).'],
    [20250115, 'Expected a date written as text in the form YYYY-MM-DD (e.g. 2025-01-15).'],
    [undefined, 'A date is required, in the form YYYY-MM-DD (e.g. 2025-01-15).'],
  ])('rejects %s with one clear message', (value, message) => {
    const result = IsoDateSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
    expect(() => parseIsoDate(value)).toThrow(message);
  });
});

describe('arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 2, '2025-03-31'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-01-15', 12, '2026-01-15'],
    ['2025-01-15', 0, '2025-01-15'],
  ] as const)('addMonthsClamped(%s, %i) = %s', (from, n, expected) => {
    expect(addMonthsClamped(d(from), n)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-06-30', -1, '2024-06-30'],
  ] as const)('addYearsClamped(%s, %i) = %s', (from, n, expected) => {
    expect(addYearsClamped(d(from), n)).toBe(expected);
  });

  it.each([
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-03-29', 3, '2025-04-01'],
  ] as const)('addDays(%s, %i) = %s', (from, n, expected) => {
    expect(addDays(d(from), n)).toBe(expected);
  });

  it('refuses fractional amounts and results outside 0001–9999 (programmer errors)', () => {
    expect(() => addDays(d('2025-01-01'), 1.5)).toThrow(RangeError);
    expect(() => addMonthsClamped(d('9999-12-01'), 1)).toThrow(RangeError);
  });

  it('compares, counts days and names months', () => {
    expect(compareIsoDates(d('2025-01-01'), d('2025-01-02'))).toBe(-1);
    expect(compareIsoDates(d('2025-01-02'), d('2025-01-02'))).toBe(0);
    expect(compareIsoDates(d('2026-01-01'), d('2025-12-31'))).toBe(1);
    expect(daysBetween(d('2025-01-01'), d('2026-01-01'))).toBe(365);
    expect(daysBetween(d('2024-03-01'), d('2024-02-01'))).toBe(-29);
    expect(startOfMonth(d('2025-02-28'))).toBe('2025-02-01');
    expect(monthKey(d('2025-02-28'))).toBe('2025-02');
  });

  it('does not depend on the local time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London', 'Pacific/Pago_Pago']) {
        process.env.TZ = tz;
        expect(addMonthsClamped(d('2024-01-31'), 1)).toBe('2024-02-29');
        expect(addDays(d('2025-03-29'), 3)).toBe('2025-04-01'); // across European DST
        expect(daysBetween(d('2025-03-01'), d('2025-11-01'))).toBe(245);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('properties', () => {
  it('addDays and daysBetween are inverse', () => {
    fc.assert(fc.property(isoDateArb(), fc.integer({ min: -20_000, max: 20_000 }), (date, n) => {
      expect(daysBetween(date, addDays(date, n))).toBe(n);
    }), { numRuns: 500 });
  });

  it('addMonthsClamped lands n calendar months later, on the same day or the month end', () => {
    fc.assert(fc.property(isoDateArb(), fc.integer({ min: -240, max: 240 }), (date, n) => {
      const out = addMonthsClamped(date, n);
      const months = (Number(out.slice(0, 4)) - Number(date.slice(0, 4))) * 12 + Number(out.slice(5, 7)) - Number(date.slice(5, 7));
      expect(months).toBe(n);
      const sameDay = out.slice(8) === date.slice(8);
      expect(sameDay || monthKey(addDays(out, 1)) !== monthKey(out)).toBe(true);
      expect(Number(out.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
    }), { numRuns: 500 });
  });

  it('every generated date round-trips through the schema', () => {
    fc.assert(fc.property(isoDateArb(), (date) => parseIsoDate(date) === date), { numRuns: 500 });
  });
});
