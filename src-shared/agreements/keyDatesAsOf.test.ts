import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, parseIsoDate as d } from '../dates/isoDate';
import { isoDateArb } from '../dates/isoDate.arbitraries';
import { upcomingDates, type AgreementEvent } from './dates';
import { keyDatesAsOf } from './keyDatesAsOf';
import { AgreementTermsSchema } from './terms';
import { agreementTemplates } from './templates';

// Seed 001: 15 days to cure, then termination; one year of non-solicit after the end.
const seed001 = AgreementTermsSchema.parse({ ...agreementTemplates.aloware, effectiveOn: '2025-03-01' });
const breach: AgreementEvent = { kind: 'breach', noticedOn: d('2025-06-01') };

describe('key dates as known today', () => {
  it('during the cure period: the deadline only, as upcomingDates says', () => {
    expect(keyDatesAsOf(seed001, [breach], d('2025-06-10'))).toEqual(upcomingDates(seed001, [breach], d('0001-01-01'), d('9999-12-31')));
  });

  it('after an uncured deadline: the termination the day after and the non-solicit year', () => {
    expect(keyDatesAsOf(seed001, [breach], d('2025-06-17')).map((k) => [k.date, k.kind])).toEqual([
      ['2025-06-16', 'cure_deadline'],
      ['2025-06-17', 'termination'],
      ['2026-06-17', 'non_solicit_ends'],
    ]);
  });

  it('a breach cured in time adds nothing', () => {
    const cured: AgreementEvent = { ...breach, curedOn: d('2025-06-10') };
    expect(keyDatesAsOf(seed001, [cured], d('2025-09-01'))).toEqual([]);
  });

  it('the breach end replaces a later notice end and its non-solicit date', () => {
    const notice: AgreementEvent = { kind: 'notice', servedOn: d('2025-06-14'), servedBy: 'partner', terminatesOn: d('2025-06-20') };
    const dates = keyDatesAsOf(seed001, [breach, notice], d('2025-06-30'));
    expect(dates.filter((k) => k.kind === 'termination').map((k) => k.date)).toEqual(['2025-06-17']);
    expect(dates.filter((k) => k.kind === 'non_solicit_ends').map((k) => k.date)).toEqual(['2026-06-17']);
  });

  it('keeps to the range, inclusive at both ends', () => {
    expect(keyDatesAsOf(seed001, [breach], d('2025-06-17'), d('2025-06-17'), d('2026-06-17')).map((k) => k.date)).toEqual(['2025-06-17', '2026-06-17']);
  });

  it('never differs from upcomingDates while no breach deadline has passed uncured', () => {
    fc.assert(fc.property(isoDateArb(2025, 2027), fc.integer({ min: 0, max: 60 }), (noticedOn, daysLater) => {
      const events: AgreementEvent[] = [{ kind: 'breach', noticedOn }];
      const today = addDays(noticedOn, Math.min(daysLater, 15));
      expect(keyDatesAsOf(seed001, events, today)).toEqual(upcomingDates(seed001, events, d('0001-01-01'), d('9999-12-31')));
    }));
  });
});
