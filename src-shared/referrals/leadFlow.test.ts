import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerDateProblems } from './customerDates';
import { LEAD_STATUSES, leadActionsFrom, leadDateRefusal, leadTransitionRefusal, type LeadAction } from './leadFlow';

describe('seed 001 lead pipeline', () => {
  it.each([
    ['registered', 'qualify', null],
    ['registered', 'lose', null],
    ['registered', 'win', /Qualify the lead first/],
    ['qualified', 'win', null],
    ['qualified', 'lose', null],
    ['qualified', 'qualify', /already qualified/],
    ['won', 'lose', /already won/],
    ['won', 'qualify', /already won/],
    ['lost', 'win', /already lost/],
    ['lost', 'qualify', /already lost/],
  ] as const)('%s → %s: %s', (from, action, refusal) => {
    const r = leadTransitionRefusal(from, action);
    if (refusal === null) expect(r).toBeNull();
    else expect(r).toMatch(refusal);
  });

  it('never moves a decided lead, whatever the action', () => {
    const actions: LeadAction[] = ['qualify', 'win', 'lose'];
    fc.assert(
      fc.property(fc.constantFrom('won' as const, 'lost' as const), fc.constantFrom(...actions), (status, action) => {
        expect(leadTransitionRefusal(status, action)).not.toBeNull();
      }),
    );
    expect(leadActionsFrom('won')).toEqual([]);
    expect(leadActionsFrom('lost')).toEqual([]);
  });

  it('offers exactly the actions it would accept', () => {
    for (const s of LEAD_STATUSES) {
      for (const a of ['qualify', 'win', 'lose'] as const) expect(leadActionsFrom(s).includes(a)).toBe(leadTransitionRefusal(s, a) === null);
    }
  });

  it('refuses a step dated before the previous one', () => {
    expect(leadDateRefusal({ registeredOn: '2026-03-10', qualifiedOn: null }, 'qualify', '2026-03-09')).toMatch(/registered on 2026-03-10/);
    expect(leadDateRefusal({ registeredOn: '2026-03-10', qualifiedOn: '2026-03-20' }, 'win', '2026-03-15')).toMatch(/qualified on 2026-03-20/);
    expect(leadDateRefusal({ registeredOn: '2026-03-10', qualifiedOn: '2026-03-20' }, 'win', '2026-03-20')).toBeNull();
  });
});

describe('a customer’s dates', () => {
  it('accepts a close and a cancellation on or after the sign-up', () => {
    expect(customerDateProblems({ signUpOn: '2026-01-15', closedOn: '2026-01-15', cancelledOn: '2026-06-30' })).toEqual({});
  });

  it('names each date that comes before the sign-up', () => {
    expect(Object.keys(customerDateProblems({ signUpOn: '2026-01-15', closedOn: '2026-01-14', cancelledOn: '2025-12-31' }))).toEqual(['closedOn', 'cancelledOn']);
  });
});
