import { onboardingProgress } from '../../../src-shared/partners/onboarding';
import { Checklist } from './Checklist';
import { todayIso } from './dates';
import { ExtrasCard } from './ExtrasCard';
import { stepLabel } from './labels';
import type { TabProps } from './PartnerPage';
import { SetupForm } from './SetupForm';

/** Seed 000's "What happens after you sign": the checklist, the set-up and Appendix A. */
export function OnboardingTab(props: TabProps) {
  const progress = onboardingProgress(props.partner.onboarding, todayIso());
  return (
    <div className="pd-onboarding">
      <p className="pd-progress" data-testid="onboarding-progress">
        {progress.done} of {progress.total} steps done
        {progress.next ? ` · next: ${stepLabel[progress.next]}` : ' · live'}
        {progress.overdue.length > 0 && <span className="pd-overdue"> · overdue: {progress.overdue.map((s) => stepLabel[s]).join(', ')}</span>}
      </p>
      <Checklist {...props} />
      <SetupForm key={props.partner.updatedAt ?? 'v0'} {...props} />
      <ExtrasCard {...props} />
    </div>
  );
}
