// Pure Stripe rules shared by the core and the renderer (no node:*, no SDK).

export const REVENUE_CATEGORIES = ['subscription', 'platform_fee', 'overage', 'usage', 'one_off', 'setup'] as const;
export type RevenueCategory = (typeof REVENUE_CATEGORIES)[number];

export const RULE_KINDS = ['metadata', 'promotion_code', 'coupon', 'email_domain'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** The order a full sync lists object types in: customers before what refers to them. */
export const SYNC_TYPES = ['products', 'customers', 'subscriptions', 'invoices', 'refunds', 'disputes', 'accounts'] as const;
export type SyncType = (typeof SYNC_TYPES)[number];

/** Stripe keeps events for 30 days; a sync older than that re-lists everything. */
export const EVENT_RETENTION_DAYS = 30;

/** "rk_test_…a1b2": enough to recognise the key, never enough to use it. */
export function maskKey(key: string): string {
  const m = /^((?:rk|sk)_(?:test|live)_)/.exec(key);
  return `${m ? m[1] : ''}…${key.slice(-4)}`;
}

export const modeOfKey = (key: string): 'test' | 'live' => (/_live_/.test(key) ? 'live' : 'test');

export const isRevenueCategory = (s: unknown): s is RevenueCategory => typeof s === 'string' && (REVENUE_CATEGORIES as readonly string[]).includes(s);

/**
 * Splits a refund or chargeback over the invoice's lines in proportion to what each line
 * brought in (largest remainder), so each reversal refers to the payment line it reverses.
 */
export function allocate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (weights.length === 0) return [];
  if (total <= 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const raw = weights.map((w) => (amount * Math.max(0, w)) / total);
  const out = raw.map(Math.floor);
  let rest = amount - out.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]![1]]! += 1;
  return out;
}

export interface AttributionRule {
  kind: RuleKind;
  pattern: string;
  partnerId: string;
}

export interface CustomerFacts {
  email: string;
  metadata: Record<string, string>;
  promotionCode: string | null;
  coupon: string | null;
}

/** The first rule that matches the customer: metadata "key=value", code, coupon, or e-mail domain. */
export function matchRule(rules: AttributionRule[], c: CustomerFacts): AttributionRule | null {
  const domain = c.email.includes('@') ? c.email.split('@').pop()!.toLowerCase() : '';
  for (const r of rules) {
    const p = r.pattern.trim();
    if (r.kind === 'metadata') {
      const at = p.indexOf('=');
      if (at > 0 && c.metadata[p.slice(0, at).trim()] === p.slice(at + 1).trim()) return r;
    } else if (r.kind === 'promotion_code') {
      if (c.promotionCode && c.promotionCode.toLowerCase() === p.toLowerCase()) return r;
    } else if (r.kind === 'coupon') {
      if (c.coupon && c.coupon.toLowerCase() === p.toLowerCase()) return r;
    } else if (domain && domain === p.toLowerCase().replace(/^@/, '')) return r;
  }
  return null;
}
