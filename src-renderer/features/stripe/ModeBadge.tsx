/** Test or live: shown wherever Stripe data or actions appear, so nobody mistakes one for the other. */
export function ModeBadge({ mode }: { mode: 'test' | 'live' | null }) {
  if (!mode) return null;
  return (
    <span className="pd-stripe-mode" data-mode={mode} data-testid="stripe-mode">
      {mode === 'live' ? 'live mode' : 'test mode'}
    </span>
  );
}
