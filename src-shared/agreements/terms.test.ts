import { describe, expect, it } from 'vitest';
import { AgreementTermsSchema } from './terms';

// Seed 001 (Aloware) as input: 3-day notice, 15-day cure, one-year non-solicit.
const valid = {
  effectiveOn: '2025-03-01', initialTermMonths: 0, afterInitialTerm: 'rolling',
  noticePeriod: { unit: 'days', count: 3 }, governingLaw: '  Test jurisdiction ', postTermination: 'stops',
  curePeriodDays: 15, nonSolicitMonths: 12, breachOutcome: 'terminate',
};

const issues = (input: unknown) =>
  AgreementTermsSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('AgreementTermsSchema', () => {
  it('accepts seed 001 terms and trims the governing law', () => {
    expect(AgreementTermsSchema.parse(valid).governingLaw).toBe('Test jurisdiction');
  });

  it.each([
    [{ effectiveOn: '2025-02-30' }, 'effectiveOn', '"2025-02-30" is not a real date: February 2025 has only 28 days.'],
    [{ initialTermMonths: -1 }, 'initialTermMonths', 'The initial term cannot be negative; use 0 when there is no initial lock.'],
    [{ initialTermMonths: 1.5 }, 'initialTermMonths', 'The initial term must be a whole number of months.'],
    [{ afterInitialTerm: 'fixed' }, 'initialTermMonths', 'A fixed-term agreement ends at the end of its initial term; enter an initial term of at least 1 month.'],
    [{ afterInitialTerm: 'evergreen' }, 'afterInitialTerm', 'Choose what happens after the initial term: "rolling" (continues until notice) or "fixed" (ends).'],
    [{ noticePeriod: { unit: 'weeks', count: 3 } }, 'noticePeriod.unit', 'Choose whether the notice period is counted in "months" or "days".'],
    [{ noticePeriod: { unit: 'days', count: 0 } }, 'noticePeriod.count', 'The notice period must be at least 1 day or month.'],
    [{ noticePeriod: undefined }, 'noticePeriod', 'Enter the notice period, e.g. 3 months or 30 days.'],
    [{ governingLaw: '   ' }, 'governingLaw', 'Enter the governing law named in the agreement, e.g. "England and Wales".'],
    [{ postTermination: 'forever' }, 'postTermination', 'Choose whether commission "stops" at termination or "continues_for_prior_referrals".'],
    [{ curePeriodDays: 0 }, 'curePeriodDays', 'The cure period must be at least 1 day; use null if there is no cure period.'],
    [{ curePeriodDays: undefined }, 'curePeriodDays', 'Enter the cure period in days (e.g. 15), or null if the agreement gives no cure period.'],
    [{ nonSolicitMonths: '1 year' }, 'nonSolicitMonths', 'Enter the non-solicit period in months (e.g. 12 for one year), or null if there is none.'],
    [{ breachOutcome: 'warn' }, 'breachOutcome', 'Choose what an uncured breach leads to: "suspend" or "terminate".'],
  ])('%o → %s: %s', (change, path, message) => {
    expect(issues({ ...valid, ...change })).toEqual([[path, message]]);
  });

  it('accepts null for "no cure period" and "no non-solicit"', () => {
    expect(AgreementTermsSchema.safeParse({ ...valid, curePeriodDays: null, nonSolicitMonths: null }).success).toBe(true);
  });
});
