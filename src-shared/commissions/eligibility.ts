import { money, sub, type Money } from '../money/money';
import { addDays, addMonthsClamped, monthNumberSince, type Ymd } from './calendar';
import { describeCategory, describeMoney } from './explain';
import type { CustomerInput, PartnerInput, RevenueLine } from './input';
import type { ExclusionReason } from './ledger';
import type { CommissionPlan } from './plan';

// Which payments earn at all, before any rate is chosen. Each refusal carries the rule
// that refused it, in words, because finance must be able to explain a missing amount
// as well as a present one.

export type PaymentFacts = {
  line: RevenueLine;
  customer: CustomerInput;
  gross: Money;
  discount: Money;
  /** gross − discount: amounts are commissioned net of discounts. */
  base: Money;
  /** Month of the customer relationship, 1-based from sign-up (month N starts on sign-up + N−1 months). */
  customerMonth: number;
  /** For a `payments` duration: this payment's number for the customer (payments on one day count once). */
  paymentNumber: number | null;
};

export type PaymentVerdict =
  | { ok: true; facts: PaymentFacts }
  | { ok: false; reason: ExclusionReason; explanation: string };

function refuse(reason: ExclusionReason, explanation: string): PaymentVerdict {
  return { ok: false, reason, explanation };
}

/** Filters that define what counts as revenue for the plan, independent of time limits. */
function countedRevenueProblem(plan: CommissionPlan, line: RevenueLine, base: Money): PaymentVerdict | null {
  if (!plan.base.categories.includes(line.category)) {
    const counted = plan.base.categories.map(describeCategory).join(', ');
    return refuse('category_not_counted', `${describeMoney(base)} ${describeCategory(line.category)} is not commissionable under ${plan.name}: only ${counted} counts`);
  }
  if (line.productId && plan.base.excludedProductIds.includes(line.productId)) {
    return refuse('product_excluded', `Product '${line.productId}' is excluded from the commission base of ${plan.name}`);
  }
  if (line.priceId && plan.base.excludedPriceIds.includes(line.priceId)) {
    return refuse('price_excluded', `Price '${line.priceId}' is excluded from the commission base of ${plan.name}`);
  }
  return null;
}

/**
 * Judges every payment line. `payments` must be in event order so payment numbers are
 * stable; the verdicts map is keyed by line id.
 */
export function judgePayments(
  plan: CommissionPlan,
  partner: PartnerInput,
  customers: ReadonlyMap<string, CustomerInput>,
  payments: readonly RevenueLine[],
): Map<string, PaymentVerdict> {
  const verdicts = new Map<string, PaymentVerdict>();
  const paymentDays = new Map<string, Ymd[]>();
  const pending: { line: RevenueLine; customer: CustomerInput; gross: Money; discount: Money; base: Money }[] = [];

  for (const line of payments) {
    const gross = money(line.currency, line.grossMinor);
    const discount = money(line.currency, line.discountMinor);
    const base = sub(gross, discount);
    const customer = customers.get(line.customerId);
    if (!customer) {
      verdicts.set(line.id, refuse('customer_not_attributed', `Customer '${line.customerId}' is not attributed to partner '${partner.id}'`));
      continue;
    }
    const problem = countedRevenueProblem(plan, line, base);
    if (problem) {
      verdicts.set(line.id, problem);
      continue;
    }
    if (base.minor <= 0) {
      verdicts.set(line.id, refuse('zero_base', `Nothing to commission: ${describeMoney(gross)} less ${describeMoney(discount)} discount is ${describeMoney(base)}`));
      continue;
    }
    if (line.paidOn < customer.signUpOn) {
      verdicts.set(line.id, refuse('before_sign_up', `Paid ${line.paidOn}, before the customer signed up on ${customer.signUpOn}`));
      continue;
    }
    const days = paymentDays.get(customer.id) ?? [];
    if (days[days.length - 1] !== line.paidOn) days.push(line.paidOn);
    paymentDays.set(customer.id, days);
    pending.push({ line, customer, gross, discount, base });
  }

  for (const { line, customer, gross, discount, base } of pending) {
    const stopOn = partner.commissionStopOn;
    if (plan.stopOnAgreementTermination && stopOn && line.paidOn >= stopOn) {
      verdicts.set(line.id, refuse('agreement_terminated', `Paid ${line.paidOn}, on or after the agreement ended on ${stopOn}: commission stops on termination`));
      continue;
    }
    const cancelledOn = customer.cancelledOn;
    if (plan.stopOnCustomerCancellation && cancelledOn && line.paidOn >= cancelledOn) {
      verdicts.set(line.id, refuse('customer_cancelled', `Paid ${line.paidOn}, on or after the account was cancelled on ${cancelledOn}: cancelled accounts stop earning`));
      continue;
    }
    const customerMonth = monthNumberSince(customer.signUpOn, line.paidOn);
    let paymentNumber: number | null = null;
    const duration = plan.duration;
    if (duration.kind === 'months_from_signup') {
      const end = addMonthsClamped(customer.signUpOn, duration.months);
      // Seed 000: "commission lasts X months per customer from their sign-up date" —
      // a payment on or after sign-up + X months earns nothing.
      if (line.paidOn >= end) {
        verdicts.set(line.id, refuse('duration_ended', `Paid ${line.paidOn}, in month ${customerMonth} since sign-up on ${customer.signUpOn}: commission lasts ${duration.months} months per customer (through ${addDays(end, -1)})`));
        continue;
      }
    } else if (duration.kind === 'payments') {
      paymentNumber = (paymentDays.get(customer.id) ?? []).indexOf(line.paidOn) + 1;
      if (paymentNumber > duration.count) {
        verdicts.set(line.id, refuse('duration_ended', `Payment ${paymentNumber} of this customer: commission covers the first ${duration.count} payments`));
        continue;
      }
    }
    verdicts.set(line.id, { ok: true, facts: { line, customer, gross, discount, base, customerMonth, paymentNumber } });
  }
  return verdicts;
}
