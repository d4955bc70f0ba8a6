import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ONBOARDING_STEPS, onboardingChecklist, onboardingProgress, onboardingStepProblems, suggestedDueOn } from './onboarding';
import type { OnboardingStep, OnboardingStepId } from './schemas';

const s = (step: OnboardingStepId, over: Partial<OnboardingStep> = {}): OnboardingStep => ({ step, dueOn: null, doneOn: null, owner: '', note: '', ...over });

describe('seed 000 onboarding checklist', () => {
  it('always lists the six steps in the seed’s order, whatever was saved and in whatever order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...ONBOARDING_STEPS]), (saved) => {
        const list = onboardingChecklist(saved.map((id) => s(id, { owner: id })));
        expect(list.map((x) => x.step)).toEqual(ONBOARDING_STEPS);
        for (const x of list) expect(x.owner).toBe(saved.includes(x.step) ? x.step : '');
      }),
    );
  });

  it.each([
    // step, what is recorded, suggested due date
    ['stripe_connect', [s('contract_signed', { doneOn: '2026-01-05' })], '2026-01-12'],
    ['kickoff_call', [s('contract_signed', { dueOn: '2026-01-05' })], '2026-01-12'],
    ['crm_access', [s('kickoff_call', { doneOn: '2026-01-14' })], '2026-01-21'],
    // "We build the integration (typically 2-4 weeks)": planned at four weeks after CRM access.
    ['integration_built', [s('crm_access', { doneOn: '2026-01-21' })], '2026-02-18'],
    ['live', [s('integration_built', { doneOn: '2026-02-18' })], '2026-02-25'],
    // Chained through the suggestions when only the contract date is known.
    ['live', [s('contract_signed', { doneOn: '2026-01-05' })], '2026-02-23'],
    ['contract_signed', [], null],
    ['integration_built', [], null],
  ] as const)('suggests %s due from what is recorded', (step, saved, expected) => {
    expect(suggestedDueOn(step, onboardingChecklist(saved))).toBe(expected);
  });

  it('refuses a done date after today', () => {
    expect(onboardingStepProblems([], { step: 'kickoff_call', dueOn: null, doneOn: '2026-03-11' }, '2026-03-10')).toEqual({ doneOn: 'A step cannot be done in the future' });
    expect(onboardingStepProblems([], { step: 'kickoff_call', dueOn: null, doneOn: '2026-03-10' }, '2026-03-10')).toEqual({});
  });

  it.each([
    [[], true],
    [[s('contract_signed', { doneOn: '2026-01-05' })], true],
    [[s('integration_built', { doneOn: '2026-02-05' })], true],
    [[s('contract_signed', { doneOn: '2026-01-05' }), s('integration_built', { doneOn: '2026-02-05' })], false],
  ] as const)('go-live with %j recorded is refused: %s', (saved, refused) => {
    const problems = onboardingStepProblems(onboardingChecklist(saved), { step: 'live', dueOn: null, doneOn: '2026-03-01' }, '2026-03-10');
    expect('doneOn' in problems).toBe(refused);
  });

  it('counts done steps, names overdue ones and the next step', () => {
    const list = onboardingChecklist([s('contract_signed', { doneOn: '2026-01-05' }), s('stripe_connect', { dueOn: '2026-01-12' }), s('kickoff_call', { dueOn: '2026-04-01' })]);
    expect(onboardingProgress(list, '2026-03-10')).toEqual({ done: 1, total: 6, overdue: ['stripe_connect'], next: 'stripe_connect' });
  });
});
