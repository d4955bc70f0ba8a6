import { addDays, addMonthsClamped, firstDayOfNextMonth, maxYmd, type Ymd } from './calendar';
import type { PaymentFacts } from './eligibility';
import type { EntryStatus } from './ledger';
import type { CommissionPlan, HoldingPeriod } from './plan';

// When an entry may be paid out. A hold is a date, so the status as of any `today`
// is a comparison, never a stored flag that can go stale.

export type Hold = { holdUntil: Ymd | null; holdReason: string };

function describePeriod(h: HoldingPeriod): string {
  const parts: string[] = [];
  if (h.months) parts.push(`${h.months} month${h.months === 1 ? '' : 's'}`);
  if (h.days) parts.push(`${h.days} day${h.days === 1 ? '' : 's'}`);
  return parts.join(' ');
}

function afterPeriod(day: Ymd, h: HoldingPeriod): Ymd {
  return addDays(addMonthsClamped(day, h.months ?? 0), h.days ?? 0);
}

/** Hold of a commission earned by a payment. */
export function accrualHold(plan: CommissionPlan, facts: PaymentFacts, finalAtMonthEnd: boolean): Hold {
  // Seed 001 Appendix B: "all monies being received" — an amount not yet received cannot become payable.
  if (plan.payability.requireCashReceived && facts.line.cashReceived === false) {
    return { holdUntil: null, holdReason: 'held until the cash is received' };
  }
  const holding = plan.holding;
  const period = describePeriod(holding);
  let hold: Hold;
  if (holding.from === 'close') {
    const closedOn = facts.customer.closedOn;
    // Seed 001 Appendix B: payable only after a successful close and "a 1-month waiting period after close".
    if (!closedOn) return { holdUntil: null, holdReason: "held until the account's close date is recorded" };
    const fromClose = afterPeriod(closedOn, holding);
    hold =
      fromClose > facts.line.paidOn
        ? { holdUntil: fromClose, holdReason: period ? `${period} after the account closed on ${closedOn}` : `payable from the account's close on ${closedOn}` }
        : { holdUntil: facts.line.paidOn, holdReason: `payable once paid (account closed on ${closedOn}, waiting period over)` };
  } else {
    const until = afterPeriod(facts.line.paidOn, holding);
    hold = { holdUntil: until, holdReason: period ? `${period} after payment` : 'payable once paid' };
  }
  if (finalAtMonthEnd && holding.settleTiersAtMonthEnd === true && hold.holdUntil !== null) {
    // The month's tier depends on the whole month's volume: the rate is final, and the
    // amount can be paid, only once the month is over.
    const monthEnd = firstDayOfNextMonth(facts.line.paidOn);
    if (monthEnd > hold.holdUntil) return { holdUntil: monthEnd, holdReason: "held until the month's volume, and so its tier, is final" };
  }
  return hold;
}

/**
 * Hold of a reversal: released together with the entry it reverses if that is still
 * held, else from its own date — seed 001: chargebacks are "withheld from future
 * payouts", i.e. deducted from the next payout.
 */
export function reversalHold(original: Hold, occurredOn: Ymd): Hold {
  if (original.holdUntil === null) return { holdUntil: null, holdReason: 'released with the commission it reverses' };
  if (original.holdUntil > occurredOn) {
    return { holdUntil: original.holdUntil, holdReason: `released with the commission it reverses (${original.holdUntil})` };
  }
  return { holdUntil: maxYmd(original.holdUntil, occurredOn), holdReason: 'deducted from the next payout' };
}

export function statusAsOf(holdUntil: Ymd | null, today: Ymd): EntryStatus {
  return holdUntil !== null && holdUntil <= today ? 'payable' : 'on_hold';
}
