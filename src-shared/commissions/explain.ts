import { minorUnitExponent, type CurrencyCode } from '../money/currency';
import { formatMinorPlain } from '../money/format';
import { money, type Money } from '../money/money';
import type { RevenueCategory, TierMetric } from './plan';

// Words for ledger explanations. Explanations are stored with each entry, so they are
// written once here in a fixed, locale-independent form ("15% of £40.00 subscription");
// screens format amounts for people with Intl instead.

const SYMBOLS: Partial<Record<CurrencyCode, string>> = { GBP: '£', USD: '$', EUR: '€', JPY: '¥' };

/** '1234567' → '1,234,567' (digits only; written out because it runs for every entry). */
export function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (; head < digits.length; head += 3) out += `,${digits.slice(head, head + 3)}`;
  return out;
}

/** '£40.00', '$5,000.00', '-€5.00', 'CHF 12.50'. */
export function describeMoney(amount: Money): string {
  const { minor, currency } = amount;
  const exponent = minorUnitExponent(currency) as number | undefined;
  if (!Number.isSafeInteger(minor) || exponent === undefined) return describeThroughPlainFormat(amount);
  // The digits of formatMinorPlain, grouped, built directly: this runs several times per ledger entry.
  const digits = String(minor < 0 ? -minor : minor);
  let number: string;
  if (exponent === 0) number = groupThousands(digits);
  else if (digits.length > exponent) number = `${groupThousands(digits.slice(0, digits.length - exponent))}.${digits.slice(digits.length - exponent)}`;
  else number = `0.${digits.padStart(exponent, '0')}`;
  const sign = minor < 0 ? '-' : '';
  const symbol = SYMBOLS[currency];
  return symbol ? `${sign}${symbol}${number}` : `${sign}${currency} ${number}`;
}

/** Through formatMinorPlain, which also refuses an amount that is not a whole number of minor units. */
function describeThroughPlainFormat(amount: Money): string {
  const plain = formatMinorPlain(Math.abs(amount.minor), amount.currency);
  const dot = plain.indexOf('.');
  const number = dot < 0 ? groupThousands(plain) : groupThousands(plain.slice(0, dot)) + plain.slice(dot);
  const sign = amount.minor < 0 ? '-' : '';
  const symbol = SYMBOLS[amount.currency];
  return symbol ? `${sign}${symbol}${number}` : `${sign}${amount.currency} ${number}`;
}

/** 1500 → '15%', 1250 → '12.5%', 5 → '0.05%'. */
export function describeRate(rateBps: number): string {
  const whole = Math.trunc(rateBps / 100);
  const rest = rateBps % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

const CATEGORY_WORDS: Record<RevenueCategory, string> = {
  subscription: 'subscription',
  platform_fee: 'platform fee',
  overage: 'overage',
  usage: 'usage',
  one_off: 'one-off charge',
  setup: 'setup fee',
};

export function describeCategory(category: RevenueCategory): string {
  return CATEGORY_WORDS[category];
}

export function describeMetric(metric: TierMetric, value: number, month: string, currency: CurrencyCode | null): string {
  switch (metric) {
    case 'paying_clients_in_month':
      return `${value} paying client${value === 1 ? '' : 's'} in ${month}`;
    case 'referred_subscription_mrr_in_month':
      return `referred subscription MRR in ${month}: ${currency ? describeMoney(money(currency, value)) : String(value)}`;
    case 'onboarded_tenants':
      return `${value} onboarded tenant${value === 1 ? '' : 's'} by the end of ${month}`;
  }
}
