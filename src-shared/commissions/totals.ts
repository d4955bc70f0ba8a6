import type { CurrencyCode } from '../money/currency';
import { add, zero, type Money } from '../money/money';
import { compareText } from './calendar';
import type { LedgerEntry } from './ledger';

// Statement totals are derived from entries, one block per currency: amounts in
// different currencies are never added.

export type CurrencyTotals = {
  currency: CurrencyCode;
  /** Sum of positive entries (commission earned). */
  earned: Money;
  /** Sum of negative entries (refund and chargeback reversals). */
  reversed: Money;
  /** earned + reversed = payable + onHold. */
  net: Money;
  payable: Money;
  onHold: Money;
  entryCount: number;
};

export function computeStatementTotals(entries: readonly LedgerEntry[]): CurrencyTotals[] {
  const byCurrency = new Map<CurrencyCode, CurrencyTotals>();
  for (const e of entries) {
    const t = byCurrency.get(e.currency) ?? {
      currency: e.currency,
      earned: zero(e.currency),
      reversed: zero(e.currency),
      net: zero(e.currency),
      payable: zero(e.currency),
      onHold: zero(e.currency),
      entryCount: 0,
    };
    byCurrency.set(e.currency, {
      currency: e.currency,
      earned: e.amount.minor > 0 ? add(t.earned, e.amount) : t.earned,
      reversed: e.amount.minor < 0 ? add(t.reversed, e.amount) : t.reversed,
      net: add(t.net, e.amount),
      payable: e.status === 'payable' ? add(t.payable, e.amount) : t.payable,
      onHold: e.status === 'on_hold' ? add(t.onHold, e.amount) : t.onHold,
      entryCount: t.entryCount + 1,
    });
  }
  return [...byCurrency.values()].sort((a, b) => compareText(a.currency, b.currency));
}
