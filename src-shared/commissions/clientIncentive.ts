import { monthKey } from './calendar';
import { describeMoney } from './explain';
import type { CustomerInput, PartnerInput } from './input';
import type { ProgrammeCost } from './ledger';
import type { CommissionPlan } from './plan';

/**
 * Seed 002 referral: "by registering using your promotional code, a new client receives
 * a bonus of 5 euros". The bonus is a cost of the programme attributed to the partner
 * (so finance sees what each partner costs); the seed does not charge it to the
 * partner, so it never reduces a payout.
 */
export function clientIncentiveCosts(plan: CommissionPlan, partner: PartnerInput, customers: readonly CustomerInput[]): ProgrammeCost[] {
  const incentive = plan.clientIncentive;
  if (!incentive) return [];
  return customers
    .filter((c) => c.signedUpWithPromoCode === true)
    .map((c) => ({
      key: `${c.id}:client_incentive`,
      partnerId: partner.id,
      customerId: c.id,
      occurredOn: c.signUpOn,
      period: monthKey(c.signUpOn),
      amount: incentive.amount,
      rule: 'client_incentive' as const,
      explanation: `${describeMoney(incentive.amount)} ${incentive.label} for a client who signed up on ${c.signUpOn} with the partner's promo code — a programme cost, not deducted from commission`,
    }))
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
