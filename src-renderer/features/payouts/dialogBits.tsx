import type { AppError } from '../../../src-shared/rpc/errors';

/**
 * The banner above a form, unless it is a validation message that only repeats the problems
 * already shown beside their fields (a refusal such as a conflict always says more).
 */
export function bannerOf(error: AppError | null, shownFields: readonly string[]): AppError | null {
  if (!error) return null;
  if (error.kind !== 'validation') return error;
  const keys = Object.keys(error.fieldErrors ?? {});
  return keys.length > 0 && keys.every((k) => shownFields.includes(k)) ? null : error;
}

export function DialogButtons({ busy, submit, busyLabel = 'Saving…', onCancel }: { busy: boolean; submit: string; busyLabel?: string; onCancel(): void }) {
  return (
    <div className="po-buttons po-dialog-buttons">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? busyLabel : submit}
      </button>
    </div>
  );
}
