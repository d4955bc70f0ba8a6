import type { AppError } from '../../../src-shared/rpc/errors';
import type { AgreementView, CurrentAgreement } from '../../../src-shared/agreements/contract';

export interface ActionProps {
  agreement: CurrentAgreement;
  today: string;
  onClose(): void;
  /** The core's new view of the agreement, and a sentence saying what was recorded. */
  onDone(view: AgreementView, said: string): void;
}

/** The message above the form, unless it only repeats what a field already says. */
export function bannerOf(error: AppError | null): AppError | null {
  if (!error) return null;
  return Object.values(error.fieldErrors ?? {}).includes(error.message) ? null : error;
}

export function DialogButtons({ busy, submit, onClose }: { busy: boolean; submit: string; onClose(): void }) {
  return (
    <div className="agr-buttons">
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : submit}
      </button>
    </div>
  );
}
