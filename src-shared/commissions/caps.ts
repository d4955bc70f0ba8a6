import { money, type Money } from '../money/money';
import type { MonthKey } from './calendar';
import { describeMoney } from './explain';
import type { Cap } from './plan';

// Caps on what a partner can earn, per customer, per calendar month or in total, each
// in its own currency. Usage is the net of entries in the cap's scope, in event order,
// so a reversal gives the headroom back.

export type CapTracker = {
  scopesOf(customerId: string, period: MonthKey, currency: string): string[];
  /** How much of `amount` fits under every applicable cap, and the words if it was cut. */
  fit(scopes: readonly string[], amount: Money): { allowed: Money; note: string | null };
  record(scopes: readonly string[], amount: Money): void;
};

function scopeKey(cap: Cap, customerId: string, period: MonthKey): string {
  switch (cap.scope) {
    case 'customer':
      return `customer|${customerId}|${cap.amount.currency}`;
    case 'partner_month':
      return `month|${period}|${cap.amount.currency}`;
    case 'partner_total':
      return `total|${cap.amount.currency}`;
  }
}

const SCOPE_WORDS: Record<Cap['scope'], string> = {
  customer: 'per customer',
  partner_month: 'per month',
  partner_total: 'in total',
};

export function createCapTracker(caps: readonly Cap[]): CapTracker {
  const used = new Map<string, number>();
  const limits = new Map<string, Cap>();
  return {
    scopesOf(customerId, period, currency) {
      const keys: string[] = [];
      for (const cap of caps) {
        if (cap.amount.currency !== currency) continue;
        const key = scopeKey(cap, customerId, period);
        const known = limits.get(key);
        if (!known || cap.amount.minor < known.amount.minor) limits.set(key, cap);
        keys.push(key);
      }
      return keys;
    },
    fit(scopes, amount) {
      let allowed: number = amount.minor;
      let binding: Cap | null = null;
      for (const key of scopes) {
        const cap = limits.get(key);
        if (!cap) continue;
        const room = Math.max(0, cap.amount.minor - (used.get(key) ?? 0));
        if (room < allowed) {
          allowed = room;
          binding = cap;
        }
      }
      if (!binding || amount.minor <= 0) return { allowed: amount, note: null };
      return {
        allowed: money(amount.currency, allowed),
        note: `capped at ${describeMoney(binding.amount)} ${SCOPE_WORDS[binding.scope]} (uncapped ${describeMoney(amount)})`,
      };
    },
    record(scopes, amount) {
      for (const key of scopes) used.set(key, (used.get(key) ?? 0) + amount.minor);
    },
  };
}
