import type { z } from 'zod';
import type * as contract from '../../../src-shared/payouts/contract';
import type { Sqlite } from '../../db/open';

export type PayoutSettings = z.output<typeof contract.SettingsSchema>;

/** Until finance saves settings: a tax form is required, and no second approver. */
const DEFAULTS: PayoutSettings = { requireTaxForm: true, secondApprovalAbove: [] };

export function readPayoutSettings(sqlite: Sqlite): PayoutSettings {
  const row = sqlite.prepare('SELECT require_tax_form AS requireTaxForm, second_approval_above AS secondApprovalAbove FROM payout_settings WHERE id = 1').get() as
    | { requireTaxForm: number; secondApprovalAbove: string }
    | undefined;
  if (!row) return DEFAULTS;
  const above = JSON.parse(row.secondApprovalAbove) as Record<string, number>;
  return {
    requireTaxForm: row.requireTaxForm === 1,
    secondApprovalAbove: Object.entries(above)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, minor]) => ({ currency, minor })),
  };
}

export function writePayoutSettings(sqlite: Sqlite, s: PayoutSettings, userId: string, nowIso: string): void {
  const above = Object.fromEntries(s.secondApprovalAbove.map((t) => [t.currency, t.minor]));
  sqlite
    .prepare(
      `INSERT INTO payout_settings (id, require_tax_form, second_approval_above, updated_at, updated_by) VALUES (1, @req, @above, @at, @by)
       ON CONFLICT(id) DO UPDATE SET require_tax_form = @req, second_approval_above = @above, updated_at = @at, updated_by = @by`,
    )
    .run({ req: s.requireTaxForm ? 1 : 0, above: JSON.stringify(above), at: nowIso, by: userId });
}
