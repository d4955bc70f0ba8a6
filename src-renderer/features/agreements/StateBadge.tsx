import type { AgreementState } from '../../../src-shared/agreements/contract';

export function StateBadge({ state, label }: { state: AgreementState | null; label: string }) {
  return (
    <span className={`badge agr-state agr-state-${state ?? 'none'}`} data-testid="agreement-state" data-state={state ?? ''}>
      {label}
    </span>
  );
}
