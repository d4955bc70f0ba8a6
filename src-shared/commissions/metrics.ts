import type { CurrencyCode } from '../money/currency';
import { lastDayOfMonth, monthKey, type MonthKey } from './calendar';
import type { PaymentFacts } from './eligibility';
import type { CustomerInput, RevenueLine } from './input';
import type { Tier, TierMetric } from './plan';

// Tier metrics, per partner, per calendar month, per currency. Only commissionable
// payments count (the tiers measure the volume the plan pays on). A refund or
// chargeback dated in the same month as the payment it returns nets out of that
// month's metric, so a refunded-and-recharged payment is not counted twice; a later
// one never re-tiers a past month — it reverses the share of commission at the rate
// the payment earned (paid entries are never edited).

export type MonthVolume = { subscriptionMrrMinor: number; payingClients: number };

export function volumeKey(month: MonthKey, currency: CurrencyCode): string {
  return `${month}|${currency}`;
}

export function monthVolumes(eligible: readonly PaymentFacts[], returns: readonly RevenueLine[]): Map<string, MonthVolume> {
  const netBase = new Map<string, number>();
  const byId = new Map<string, PaymentFacts>();
  for (const facts of eligible) {
    netBase.set(facts.line.id, facts.base.minor);
    byId.set(facts.line.id, facts);
  }
  for (const line of returns) {
    const original = line.originalLineId ? byId.get(line.originalLineId) : undefined;
    if (!original || original.line.currency !== line.currency) continue;
    if (monthKey(line.paidOn) !== monthKey(original.line.paidOn)) continue;
    const remaining = netBase.get(original.line.id) ?? 0;
    netBase.set(original.line.id, Math.max(0, remaining - (line.grossMinor - line.discountMinor)));
  }

  const mrr = new Map<string, number>();
  const perCustomer = new Map<string, Map<string, number>>();
  for (const facts of eligible) {
    const key = volumeKey(monthKey(facts.line.paidOn), facts.line.currency);
    const net = netBase.get(facts.line.id) ?? 0;
    if (facts.line.category === 'subscription') mrr.set(key, (mrr.get(key) ?? 0) + net);
    const customers = perCustomer.get(key) ?? new Map<string, number>();
    customers.set(facts.customer.id, (customers.get(facts.customer.id) ?? 0) + net);
    perCustomer.set(key, customers);
  }
  const volumes = new Map<string, MonthVolume>();
  for (const [key, customers] of perCustomer) {
    const payingClients = [...customers.values()].filter((net) => net > 0).length;
    volumes.set(key, { subscriptionMrrMinor: mrr.get(key) ?? 0, payingClients });
  }
  return volumes;
}

/** Customers signed up on or before the month's last day (seed 003 "onboarded tenants"). */
export function onboardedBy(customers: readonly CustomerInput[], month: MonthKey): number {
  const last = lastDayOfMonth(month);
  return customers.filter((c) => c.signUpOn <= last).length;
}

export function wholeMonthMetric(
  metric: TierMetric,
  volume: MonthVolume | undefined,
  customers: readonly CustomerInput[],
  month: MonthKey,
): number {
  switch (metric) {
    case 'paying_clients_in_month':
      return volume?.payingClients ?? 0;
    case 'referred_subscription_mrr_in_month':
      return volume?.subscriptionMrrMinor ?? 0;
    case 'onboarded_tenants':
      return onboardedBy(customers, month);
  }
}

/** Index of the tier that applies at `value`: the last one whose threshold is reached. */
export function tierIndexFor(tiers: readonly Tier[], value: number): number {
  let index = 0;
  tiers.forEach((tier, i) => {
    if (value >= tier.from) index = i;
  });
  return index;
}
