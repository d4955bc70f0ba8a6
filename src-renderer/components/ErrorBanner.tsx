import type { AppError } from '../../src-shared/rpc/errors';

export function ErrorBanner({ error }: { error: AppError | null }) {
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-kind={error.kind}>
      {error.message}
    </div>
  );
}
