import type { CurrencyCode } from '../money/currency';
import type { Money } from '../money/money';
import type { MonthKey, Ymd } from './calendar';

// What the engine produces. Entries are append-only facts: a correction is a new
// entry that `reverses` the one it corrects; totals are always derived.

export type EntryRule = 'revenue_share' | 'refund_reversal' | 'chargeback_reversal';
export type EntryStatus = 'on_hold' | 'payable';

export type LedgerEntry = {
  /** Deterministic: `${revenueLineId}:${rule}`, with `#n` for each slice of a graduated split. */
  key: string;
  partnerId: string;
  customerId: string;
  revenueLineId: string;
  /** The day of the payment, refund or chargeback that produced the entry. */
  occurredOn: Ymd;
  period: MonthKey;
  currency: CurrencyCode;
  /** The commissionable amount (negative for reversals). */
  base: Money;
  rateBps: number;
  tier: string | null;
  planVersion: string;
  amount: Money;
  rule: EntryRule;
  explanation: string;
  /** First day the entry may be paid out; null while waiting for a close date or for cash. */
  holdUntil: Ymd | null;
  holdReason: string;
  status: EntryStatus;
  reverses?: string;
};

export type ExclusionReason =
  | 'customer_not_attributed'
  | 'category_not_counted'
  | 'product_excluded'
  | 'price_excluded'
  | 'zero_base'
  | 'before_sign_up'
  | 'agreement_terminated'
  | 'customer_cancelled'
  | 'duration_ended'
  | 'currency_not_in_plan'
  | 'cap_reached'
  | 'original_not_found'
  | 'original_not_a_payment'
  | 'original_mismatch'
  | 'before_original'
  | 'original_earned_nothing'
  | 'already_fully_reversed';

/** A revenue line that earned (or reversed) nothing, and why, in words. */
export type ExcludedLine = {
  revenueLineId: string;
  customerId: string;
  occurredOn: Ymd;
  reason: ExclusionReason;
  explanation: string;
};

/** A programme cost attributed to the partner (seed 002: the client's €5 promo-code bonus); never part of payouts. */
export type ProgrammeCost = {
  key: string;
  partnerId: string;
  customerId: string;
  occurredOn: Ymd;
  period: MonthKey;
  amount: Money;
  rule: 'client_incentive';
  explanation: string;
};

export type CommissionResult = {
  planVersion: string;
  asOf: Ymd;
  entries: LedgerEntry[];
  excluded: ExcludedLine[];
  costs: ProgrammeCost[];
};
