import type { CurrencyCode } from '../money/currency';
import { sub, zero, type Money } from '../money/money';
import { compareText, type Ymd } from './calendar';
import { computeCommissions } from './engine';
import type { CommissionInput } from './input';
import type { CommissionResult } from './ledger';
import type { CommissionPlan } from './plan';
import { computeStatementTotals, type CurrencyTotals } from './totals';

export type WhatIfSide = { result: CommissionResult; totals: CurrencyTotals[] };

export type WhatIf = {
  current: WhatIfSide;
  proposed: WhatIfSide;
  /** proposed net − current net, per currency. */
  difference: Money[];
};

/**
 * The same partner and revenue under its current plan and under `proposedPlan`, side by
 * side. Pure: nothing is recorded, so a manager can try a plan change safely.
 */
export function whatIf(input: CommissionInput, proposedPlan: CommissionPlan, today: Ymd): WhatIf {
  const side = (plan: CommissionPlan): WhatIfSide => {
    const result = computeCommissions({ ...input, plan }, today);
    return { result, totals: computeStatementTotals(result.entries) };
  };
  const current = side(input.plan);
  const proposed = side(proposedPlan);
  const currencies = [...new Set<CurrencyCode>([...current.totals, ...proposed.totals].map((t) => t.currency))].sort(compareText);
  const netOf = (totals: CurrencyTotals[], c: CurrencyCode) => totals.find((t) => t.currency === c)?.net ?? zero(c);
  return {
    current,
    proposed,
    difference: currencies.map((c) => sub(netOf(proposed.totals, c), netOf(current.totals, c))),
  };
}
