import type { OnboardingStep, OnboardingStepId } from './schemas';

/**
 * Seed 000, "What happens after you sign": sign the contract, set up Stripe Connect, a
 * kickoff call, CRM access, the integration build ("typically 2-4 weeks"), then go live.
 */
export const ONBOARDING_STEPS: readonly OnboardingStepId[] = ['contract_signed', 'stripe_connect', 'kickoff_call', 'crm_access', 'integration_built', 'live'];

/** How long after the step it follows each step is usually due, in days. */
const usualGap: Record<OnboardingStepId, { after: OnboardingStepId; days: number } | null> = {
  contract_signed: null,
  stripe_connect: { after: 'contract_signed', days: 7 }, // "it takes about 5 minutes" — a week to get round to it
  kickoff_call: { after: 'contract_signed', days: 7 },
  crm_access: { after: 'kickoff_call', days: 7 },
  integration_built: { after: 'crm_access', days: 28 }, // "typically 2-4 weeks": plan for the upper end
  live: { after: 'integration_built', days: 7 },
};

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const emptyStep = (step: OnboardingStepId): OnboardingStep => ({ step, dueOn: null, doneOn: null, owner: '', note: '' });

/** All six steps in the seed's order, with what has been recorded for each. */
export function onboardingChecklist(saved: readonly OnboardingStep[]): OnboardingStep[] {
  return ONBOARDING_STEPS.map((id) => saved.find((s) => s.step === id) ?? emptyStep(id));
}

/** When a step would usually be due, from the step it follows (its done date, else its due date). */
export function suggestedDueOn(step: OnboardingStepId, checklist: readonly OnboardingStep[]): string | null {
  const gap = usualGap[step];
  if (!gap) return null;
  const before = checklist.find((s) => s.step === gap.after);
  const from = before?.doneOn ?? before?.dueOn ?? (gap.after === 'contract_signed' ? null : suggestedDueOn(gap.after, checklist));
  return from ? addDaysIso(from, gap.days) : null;
}

/** Problems with recording `change` on the checklist, as field → message (empty = fine). */
export function onboardingStepProblems(
  checklist: readonly OnboardingStep[],
  change: { step: OnboardingStepId; dueOn: string | null; doneOn: string | null },
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (change.doneOn && change.doneOn > today) problems.doneOn = 'A step cannot be done in the future';
  if (change.step === 'live' && change.doneOn) {
    const missing = (['contract_signed', 'integration_built'] as const).filter((id) => !checklist.find((s) => s.step === id)?.doneOn);
    if (missing.length > 0) {
      problems.doneOn = 'Go-live needs the signed contract and the built integration first: tick those steps before going live';
    }
  }
  return problems;
}

export interface OnboardingProgress {
  done: number;
  total: number;
  /** Steps past their due date and not done. */
  overdue: OnboardingStepId[];
  /** The first step not yet done, in the seed's order (null = live). */
  next: OnboardingStepId | null;
}

export function onboardingProgress(checklist: readonly OnboardingStep[], today: string): OnboardingProgress {
  const steps = onboardingChecklist(checklist);
  return {
    done: steps.filter((s) => s.doneOn).length,
    total: steps.length,
    overdue: steps.filter((s) => !s.doneOn && s.dueOn && s.dueOn < today).map((s) => s.step),
    next: steps.find((s) => !s.doneOn)?.step ?? null,
  };
}
