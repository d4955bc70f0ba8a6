import { describe, expect, it } from 'vitest';
import { DRAFT_STATES, transitionProblem, type DraftState } from './states';

describe('the review queue’s transitions', () => {
  const ok: [DraftState, DraftState][] = [
    ['submitted', 'in_review'], ['submitted', 'withdrawn'], ['in_review', 'approved'], ['in_review', 'rejected'],
    ['in_review', 'changes_requested'], ['in_review', 'withdrawn'], ['changes_requested', 'submitted'], ['changes_requested', 'withdrawn'],
  ];
  it.each(ok)('allows %s → %s', (from, to) => expect(transitionProblem(from, to)).toBeNull());

  it('refuses every other move with a reason', () => {
    for (const from of DRAFT_STATES) for (const to of DRAFT_STATES) {
      if (ok.some(([f, t]) => f === from && t === to)) continue;
      expect(transitionProblem(from, to), `${from} → ${to}`).toMatch(/\w/);
    }
  });

  it('says a decision needs the review started first, and that approval is final', () => {
    expect(transitionProblem('submitted', 'approved')).toBe('Start the review first, then decide');
    expect(transitionProblem('approved', 'withdrawn')).toMatch(/approved; that decision is final/);
  });
});
