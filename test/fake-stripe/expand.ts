import { clone, type StripeCore } from './core';
import type { Collection } from './lists';

/** Which collection an id belongs to, by Stripe's prefixes. */
function collectionFor(core: StripeCore, id: string): Collection<{ id: string }> | undefined {
  const prefix = id.slice(0, id.indexOf('_'));
  const byPrefix: Record<string, Collection<{ id: string }>> = {
    cus: core.customers,
    prod: core.products,
    price: core.prices,
    promo: core.promotionCodes,
    di: core.discounts,
    sub: core.subscriptions,
    in: core.invoices,
    inpay: core.invoicePayments,
    ch: core.charges,
    re: core.refunds,
    dp: core.disputes,
    acct: core.accounts,
    tr: core.transfers,
    trr: core.reversals,
    evt: core.events,
  };
  if (byPrefix[prefix]) return byPrefix[prefix];
  // Coupons keep the id they were created with (`PARTNER10`).
  return core.coupons.get(id) ? core.coupons : undefined;
}

function expandValue(core: StripeCore, value: unknown): unknown {
  if (typeof value === 'string') {
    const obj = collectionFor(core, value)?.get(value);
    return obj ? clone(obj) : value;
  }
  if (Array.isArray(value)) return value.map((v) => expandValue(core, v));
  return value;
}

function expandPath(core: StripeCore, node: unknown, segs: string[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((n) => expandPath(core, n, segs));
    return;
  }
  const [head, ...rest] = segs;
  const record = node as Record<string, unknown>;
  if (head === undefined || !(head in record)) return;
  record[head] = expandValue(core, record[head]);
  if (rest.length) expandPath(core, record[head], rest);
}

/**
 * Stripe's `expand[]`: each dotted path replaces an id with its object (`customer`,
 * `data.customer` on a list, `lines.data.pricing.price_details.price`); expanding a nested
 * path expands the ids on its way. Works on a copy — stored objects keep their ids.
 */
export function expand<T>(core: StripeCore, body: T, paths: string[]): T {
  if (!paths.length || !body || typeof body !== 'object') return body;
  const copy = clone(body);
  for (const p of paths) expandPath(core, copy, p.split('.'));
  return copy;
}
