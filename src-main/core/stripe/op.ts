import type { CoreContext } from '../context';
import { audit, inTransaction, partnerOp, type PartnerOp } from '../partners/op';
import type { StripeSettingsRow } from './client';

export type StripeOp = PartnerOp;
export const stripeOp = (ctx: CoreContext): StripeOp => partnerOp(ctx);
export { audit, inTransaction };

export interface SettingsRow extends StripeSettingsRow {
  account_id: string | null;
  account_name: string | null;
  checked_at: string | null;
}

export function readSettings(op: StripeOp): SettingsRow {
  const row = op.session.open.sqlite.prepare('SELECT restricted_key, mode, api_base, account_id, account_name, checked_at FROM stripe_settings WHERE id = 1').get() as SettingsRow | undefined;
  return row ?? { restricted_key: null, mode: null, api_base: null, account_id: null, account_name: null, checked_at: null };
}

export function pendingOutbox(op: StripeOp): number {
  // A refused payout transfer is decided (the payout screen shows it, with Stripe's reason); it does not wait.
  return (op.session.open.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE status IN ('pending','sending') OR (status = 'failed' AND kind <> 'payout.transfer')").get() as { n: number }).n;
}
