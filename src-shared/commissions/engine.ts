import { money, type Money } from '../money/money';
import { divideHalfEven, percentOf } from '../money/rounding';
import { assertYmd, compareText, monthKey, type Ymd } from './calendar';
import { createCapTracker } from './caps';
import { clientIncentiveCosts } from './clientIncentive';
import { judgePayments, type PaymentFacts } from './eligibility';
import { describeCategory, describeMoney, describeRate } from './explain';
import { accrualHold, reversalHold, statusAsOf } from './holds';
import { assertCommissionInput, type CommissionInput, type RevenueLine } from './input';
import type { CommissionResult, ExcludedLine, ExclusionReason, LedgerEntry } from './ledger';
import { monthVolumes } from './metrics';
import { planVersionLabel, type CommissionPlan } from './plan';
import { createRater, type RatedSlice } from './rates';

// The commission engine: a pure function of the plan version, the partner, its
// customers, their revenue lines and `today`. No clock, no database. The same input
// always gives the same output, whatever order the input lists things in.

const KIND_ORDER: Record<RevenueLine['kind'], number> = { payment: 0, refund: 1, chargeback: 1 };

/** Event order: by day, payments before the refunds of that day, then by id. */
export function compareEvents(a: RevenueLine, b: RevenueLine): number {
  return compareText(a.paidOn, b.paidOn) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareText(a.id, b.id);
}

type Accrued = { entry: LedgerEntry; capScopes: string[] };
type Earned = { facts: PaymentFacts; accrued: Accrued[]; returnedMinor: number };

function durationNote(plan: CommissionPlan, facts: PaymentFacts): string | null {
  const d = plan.duration;
  if (d.kind === 'months_from_signup') return `month ${facts.customerMonth} of ${d.months}`;
  if (d.kind === 'payments') return `payment ${facts.paymentNumber ?? 1} of ${d.count}`;
  return null;
}

function accrualExplanation(plan: CommissionPlan, facts: PaymentFacts, slice: RatedSlice, split: boolean, capNote: string | null): string {
  const what = describeCategory(facts.line.category);
  // Parts joined with ', ', empty ones left out; written as concatenation because it runs for every entry.
  let text = split
    ? `${describeRate(slice.rateBps)} of ${describeMoney(slice.base)} (slice of the ${describeMoney(facts.base)} ${what})`
    : facts.discount.minor > 0
      ? `${describeRate(slice.rateBps)} of ${describeMoney(facts.base)} ${what} (${describeMoney(facts.gross)} less ${describeMoney(facts.discount)} discount)`
      : `${describeRate(slice.rateBps)} of ${describeMoney(facts.base)} ${what}`;
  const duration = durationNote(plan, facts);
  if (duration) text += `, ${duration}`;
  if (slice.note) text += `, ${slice.note}`;
  if (capNote) text += `, ${capNote}`;
  return text;
}

/** amount × part / whole, rounded once half to even. */
function scaled(amount: Money, part: number, whole: number): number {
  return Number(divideHalfEven(BigInt(amount.minor) * BigInt(part), BigInt(whole)));
}

export function computeCommissions(input: CommissionInput, today: Ymd): CommissionResult {
  assertYmd(today, 'today');
  assertCommissionInput(input);
  const { plan, partner } = input;
  const planVersion = planVersionLabel(plan);
  const customers = new Map(input.customers.map((c) => [c.id, c]));
  const sortedCustomers = [...input.customers].sort((a, b) => compareText(a.id, b.id));
  const lines = [...input.lines].sort(compareEvents);
  const linesById = new Map(lines.map((l) => [l.id, l]));

  const payments = lines.filter((l) => l.kind === 'payment');
  const returns = lines.filter((l) => l.kind !== 'payment');
  const verdicts = judgePayments(plan, partner, customers, payments);
  const eligible: PaymentFacts[] = [];
  for (const verdict of verdicts.values()) if (verdict.ok) eligible.push(verdict.facts);
  const rater = createRater(plan, partner, sortedCustomers, monthVolumes(eligible, returns));
  const caps = createCapTracker(plan.caps);

  const entries: LedgerEntry[] = [];
  const excluded: ExcludedLine[] = [];
  const earned = new Map<string, Earned>();
  const exclusionOf = new Map<string, ExcludedLine>();

  const exclude = (line: RevenueLine, reason: ExclusionReason, explanation: string) => {
    const row = { revenueLineId: line.id, customerId: line.customerId, occurredOn: line.paidOn, reason, explanation };
    excluded.push(row);
    exclusionOf.set(line.id, row);
  };

  for (const line of lines) {
    if (line.kind === 'payment') {
      const verdict = verdicts.get(line.id);
      if (!verdict) continue;
      if (!verdict.ok) {
        exclude(line, verdict.reason, verdict.explanation);
        continue;
      }
      const facts = verdict.facts;
      const rated = rater.rate(facts);
      if (!rated.ok) {
        exclude(line, rated.reason, rated.explanation);
        continue;
      }
      const period = monthKey(line.paidOn);
      const split = rated.slices.length > 1;
      const accrued: Accrued[] = [];
      const capNotes: string[] = [];
      rated.slices.forEach((slice, i) => {
        const uncapped = percentOf(slice.base, slice.rateBps);
        const capScopes = caps.scopesOf(facts.customer.id, period, line.currency);
        const { allowed, note } = caps.fit(capScopes, uncapped);
        if (note) capNotes.push(note);
        if (note && allowed.minor === 0) return;
        caps.record(capScopes, allowed);
        const hold = accrualHold(plan, facts, slice.finalAtMonthEnd);
        const entry: LedgerEntry = {
          key: split ? `${line.id}:revenue_share#${i + 1}` : `${line.id}:revenue_share`,
          partnerId: partner.id,
          customerId: facts.customer.id,
          revenueLineId: line.id,
          occurredOn: line.paidOn,
          period,
          currency: line.currency,
          base: slice.base,
          rateBps: slice.rateBps,
          tier: slice.tier,
          planVersion,
          amount: allowed,
          rule: 'revenue_share',
          explanation: accrualExplanation(plan, facts, slice, split, note),
          holdUntil: hold.holdUntil,
          holdReason: hold.holdReason,
          status: statusAsOf(hold.holdUntil, today),
        };
        entries.push(entry);
        accrued.push({ entry, capScopes });
      });
      if (accrued.length === 0) {
        exclude(line, 'cap_reached', `Nothing earned: ${capNotes.join('; ')}`);
        continue;
      }
      earned.set(line.id, { facts, accrued, returnedMinor: 0 });
      continue;
    }

    // Refunds and chargebacks reverse the share of commission the payment earned.
    const returned = money(line.currency, line.grossMinor - line.discountMinor);
    const what = line.kind === 'refund' ? 'Refund' : 'Chargeback';
    const original = line.originalLineId ? linesById.get(line.originalLineId) : undefined;
    if (!original) {
      exclude(line, 'original_not_found', `${what} of ${describeMoney(returned)} names payment line '${line.originalLineId ?? ''}', which is not among this partner's revenue lines`);
      continue;
    }
    if (original.kind !== 'payment') {
      exclude(line, 'original_not_a_payment', `${what} names line '${original.id}', which is a ${original.kind}, not a payment`);
      continue;
    }
    if (original.currency !== line.currency || original.customerId !== line.customerId) {
      exclude(line, 'original_mismatch', `${what} in ${line.currency} for customer '${line.customerId}' names payment '${original.id}' in ${original.currency} for customer '${original.customerId}'`);
      continue;
    }
    if (line.paidOn < original.paidOn) {
      exclude(line, 'before_original', `${what} on ${line.paidOn} is dated before the payment it returns (${original.paidOn})`);
      continue;
    }
    const source = earned.get(original.id);
    if (!source) {
      const why = exclusionOf.get(original.id)?.explanation ?? 'it earned no commission';
      exclude(line, 'original_earned_nothing', `Nothing to reverse: the payment it returns (line '${original.id}') earned no commission — ${why}`);
      continue;
    }
    if (returned.minor <= 0) {
      exclude(line, 'zero_base', `${what} returns ${describeMoney(returned)}: nothing to reverse`);
      continue;
    }
    const whole = source.facts.base.minor;
    const before = source.returnedMinor;
    if (before >= whole) {
      exclude(line, 'already_fully_reversed', `The payment it returns (line '${original.id}') has already been returned in full`);
      continue;
    }
    // Cumulative rounding: the k-th return reverses round(commission × returned so far / base)
    // minus what earlier returns reversed. Each entry is still rounded once, and a payment
    // returned in full in several parts reverses exactly the commission it earned.
    const after = Math.min(whole, before + returned.minor);
    source.returnedMinor = after;
    const rule = line.kind === 'refund' ? 'refund_reversal' : 'chargeback_reversal';
    const split = source.accrued.length > 1;
    source.accrued.forEach(({ entry: e, capScopes }, i) => {
      const amount = money(line.currency, -(scaled(e.amount, after, whole) - scaled(e.amount, before, whole)));
      const base = money(line.currency, -(scaled(e.base, after, whole) - scaled(e.base, before, whole)));
      caps.record(capScopes, amount);
      const hold = reversalHold(e, line.paidOn);
      const paid = `${describeMoney(source.facts.base)} ${describeCategory(original.category)} paid ${original.paidOn} (line ${original.id})`;
      const reversed = describeMoney(money(line.currency, -amount.minor));
      const explanation =
        line.kind === 'refund'
          ? `Refund of ${describeMoney(returned)} of the ${paid}: reverses ${reversed} of the ${describeMoney(e.amount)} commission it earned${split ? ` in tier ${e.tier ?? ''}` : ''}`
          : `Chargeback of ${describeMoney(returned)} on the ${paid}: ${reversed} of the ${describeMoney(e.amount)} commission it earned${split ? ` in tier ${e.tier ?? ''}` : ''} is withheld from future payouts`;
      entries.push({
        key: split ? `${line.id}:${rule}#${i + 1}` : `${line.id}:${rule}`,
        partnerId: partner.id,
        customerId: e.customerId,
        revenueLineId: line.id,
        occurredOn: line.paidOn,
        period: monthKey(line.paidOn),
        currency: line.currency,
        base,
        rateBps: e.rateBps,
        tier: e.tier,
        planVersion,
        amount,
        rule,
        explanation,
        holdUntil: hold.holdUntil,
        holdReason: hold.holdReason,
        status: statusAsOf(hold.holdUntil, today),
        reverses: e.key,
      });
    });
  }

  entries.sort((a, b) => compareText(a.occurredOn, b.occurredOn) || compareText(a.key, b.key));
  excluded.sort((a, b) => compareText(a.occurredOn, b.occurredOn) || compareText(a.revenueLineId, b.revenueLineId));
  return { planVersion, asOf: today, entries, excluded, costs: clientIncentiveCosts(plan, partner, sortedCustomers) };
}
