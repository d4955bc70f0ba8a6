import { maskKey, modeOfKey } from '../../../src-shared/stripe/rules';
import type { SettingsView } from '../../../src-shared/stripe/contract';
import { call, stripeClient } from './client';
import { audit, inTransaction, pendingOutbox, readSettings, type StripeOp } from './op';

export function settingsView(op: StripeOp): SettingsView {
  const s = readSettings(op);
  return {
    configured: !!s.restricted_key,
    maskedKey: s.restricted_key ? maskKey(s.restricted_key) : null,
    mode: s.mode,
    apiBase: s.api_base,
    accountId: s.account_id,
    accountName: s.account_name,
    checkedAt: s.checked_at,
  };
}

/** The key goes only into the encrypted workspace; the renderer gets its masked form back. */
export function saveSettings(op: StripeOp, input: { key: string; apiBase: string }): SettingsView {
  const at = op.now.toISOString();
  const apiBase = input.apiBase.replace(/\/$/, '') || null;
  const mode = modeOfKey(input.key);
  inTransaction(op, () => {
    op.session.open.sqlite
      .prepare(
        `INSERT INTO stripe_settings (id, restricted_key, mode, api_base, account_id, account_name, checked_at, updated_at)
         VALUES (1, ?, ?, ?, NULL, NULL, NULL, ?)
         ON CONFLICT(id) DO UPDATE SET restricted_key = excluded.restricted_key, mode = excluded.mode, api_base = excluded.api_base,
           account_id = NULL, account_name = NULL, checked_at = NULL, updated_at = excluded.updated_at`,
      )
      .run(input.key, mode, apiBase, at);
    audit(op, 'stripe.settings.save', 'stripe_settings', '1', { maskedKey: maskKey(input.key), mode, apiBase });
  });
  return settingsView(op);
}

export async function checkConnection(op: StripeOp): Promise<SettingsView> {
  const s = readSettings(op);
  const stripe = stripeClient(s);
  const account = await call('checking the connection', () => stripe.accounts.retrieveCurrent(), pendingOutbox(op));
  const name = account.business_profile?.name ?? account.settings?.dashboard?.display_name ?? account.email ?? account.id;
  inTransaction(op, () => {
    op.session.open.sqlite.prepare('UPDATE stripe_settings SET account_id = ?, account_name = ?, checked_at = ?, updated_at = ? WHERE id = 1').run(account.id, name, op.now.toISOString(), op.now.toISOString());
    audit(op, 'stripe.connection.check', 'stripe_settings', '1', { accountId: account.id });
  });
  return settingsView(op);
}
