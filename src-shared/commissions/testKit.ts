import type { CurrencyCode } from '../money/currency';
import { addMonthsClamped, type Ymd } from './calendar';
import type { CustomerInput, PartnerInput, RevenueLine } from './input';
import type { RevenueCategory } from './plan';

// Small builders for the commission tests, so each test reads like the programme text.

export function partner(overrides: Partial<PartnerInput> = {}): PartnerInput {
  return { id: 'P1', promoSlot: null, commissionStopOn: null, inBreach: false, suspended: false, ...overrides };
}

export function customer(id: string, signUpOn: Ymd, overrides: Partial<CustomerInput> = {}): CustomerInput {
  return { id, signUpOn, ...overrides };
}

type LineOptions = Partial<Omit<RevenueLine, 'id' | 'customerId' | 'paidOn' | 'grossMinor' | 'kind'>>;

export function payment(id: string, customerId: string, paidOn: Ymd, grossMinor: number, options: LineOptions = {}): RevenueLine {
  return {
    id,
    customerId,
    paidOn,
    currency: 'GBP' as CurrencyCode,
    category: 'subscription' as RevenueCategory,
    grossMinor,
    discountMinor: 0,
    kind: 'payment',
    ...options,
  };
}

export function refund(id: string, original: RevenueLine, paidOn: Ymd, grossMinor: number, kind: 'refund' | 'chargeback' = 'refund'): RevenueLine {
  return {
    id,
    customerId: original.customerId,
    paidOn,
    currency: original.currency,
    category: original.category,
    grossMinor,
    discountMinor: 0,
    kind,
    originalLineId: original.id,
  };
}

/** One payment a month on the same day, from `first` through `last` inclusive. */
export function monthlyPayments(prefix: string, customerId: string, first: Ymd, last: Ymd, grossMinor: number, options: LineOptions = {}): RevenueLine[] {
  const lines: RevenueLine[] = [];
  for (let i = 0, day = first; day <= last; i += 1, day = addMonthsClamped(first, i)) {
    lines.push(payment(`${prefix}-${day}`, customerId, day, grossMinor, options));
  }
  return lines;
}
