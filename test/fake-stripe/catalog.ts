import type Stripe from 'stripe';
import type { Route, StripeCore } from './core';
import { emit } from './events';
import { invalidParam, noSuch } from './errors';
import { LIST_PARAMS, createdIn, paginate } from './lists';

/**
 * Products and prices (the sync maps them to revenue categories), coupons and promotion
 * codes (attribution: a partner's code on a customer's discount), and the discounts that
 * apply them to customers, subscriptions and invoices.
 */
export interface ProductInput {
  id?: string;
  name: string;
  description?: string;
  metadata?: Record<string, string>;
  created?: number;
}

export function addProduct(core: StripeCore, input: ProductInput): Stripe.Product {
  const created = input.created ?? core.now();
  const product: Stripe.Product = {
    id: input.id ?? core.id('prod'),
    object: 'product',
    active: true,
    created,
    default_price: null,
    description: input.description ?? null,
    images: [],
    livemode: core.livemode,
    marketing_features: [],
    metadata: input.metadata ?? {},
    name: input.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: null,
    updated: created,
    url: null,
  };
  core.products.add(product, created);
  emit(core, 'product.created', product, { at: created });
  return product;
}

export interface PriceInput {
  id?: string;
  product: string;
  currency: string;
  unit_amount: number;
  /** Omitted for a one-time price (usage billed as invoice items). */
  recurring?: { interval: 'month' | 'year'; usage_type?: 'licensed' | 'metered' };
  nickname?: string;
  lookup_key?: string;
  metadata?: Record<string, string>;
  created?: number;
}

export function addPrice(core: StripeCore, input: PriceInput): Stripe.Price {
  core.products.require(input.product, undefined, 'product');
  const created = input.created ?? core.now();
  const price: Stripe.Price = {
    id: input.id ?? core.id('price'),
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created,
    currency: input.currency.toLowerCase(),
    custom_unit_amount: null,
    livemode: core.livemode,
    lookup_key: input.lookup_key ?? null,
    metadata: input.metadata ?? {},
    nickname: input.nickname ?? null,
    product: input.product,
    recurring: input.recurring
      ? { interval: input.recurring.interval, interval_count: 1, meter: null, trial_period_days: null, usage_type: input.recurring.usage_type ?? 'licensed' }
      : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: input.recurring ? 'recurring' : 'one_time',
    unit_amount: input.unit_amount,
    unit_amount_decimal: null,
  };
  core.prices.add(price, created);
  const product = core.products.get(input.product)!;
  if (!product.default_price) product.default_price = price.id;
  emit(core, 'price.created', price, { at: created });
  return price;
}

const plans = new WeakMap<Stripe.Price, Stripe.Plan>();

/** The legacy Plan view of a recurring price, which subscription items still carry. */
export function planOf(price: Stripe.Price): Stripe.Plan {
  let plan = plans.get(price);
  if (!plan) plans.set(price, (plan = planFrom(price)));
  return plan;
}

function planFrom(price: Stripe.Price): Stripe.Plan {
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: null,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? 'month',
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: price.livemode,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === 'string' ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: price.recurring?.usage_type ?? 'licensed',
  };
}

export interface CouponInput {
  id?: string;
  name?: string;
  percent_off?: number;
  amount_off?: number;
  currency?: string;
  duration?: 'once' | 'repeating' | 'forever';
  duration_in_months?: number;
  metadata?: Record<string, string>;
  created?: number;
}

export function addCoupon(core: StripeCore, input: CouponInput): Stripe.Coupon {
  if ((input.percent_off === undefined) === (input.amount_off === undefined)) throw invalidParam('A coupon needs exactly one of percent_off or amount_off', 'percent_off');
  const created = input.created ?? core.now();
  const coupon: Stripe.Coupon = {
    id: input.id ?? core.id('co').slice(3, 11),
    object: 'coupon',
    amount_off: input.amount_off ?? null,
    created,
    currency: input.amount_off !== undefined ? (input.currency ?? 'usd').toLowerCase() : null,
    duration: input.duration ?? 'forever',
    duration_in_months: input.duration === 'repeating' ? (input.duration_in_months ?? 3) : null,
    livemode: core.livemode,
    max_redemptions: null,
    metadata: input.metadata ?? {},
    name: input.name ?? null,
    percent_off: input.percent_off ?? null,
    redeem_by: null,
    times_redeemed: 0,
    valid: true,
  };
  core.coupons.add(coupon, created);
  emit(core, 'coupon.created', coupon, { at: created });
  return coupon;
}

export interface PromotionCodeInput {
  id?: string;
  coupon: string;
  code: string;
  customer?: string;
  metadata?: Record<string, string>;
  created?: number;
}

export function addPromotionCode(core: StripeCore, input: PromotionCodeInput): Stripe.PromotionCode {
  core.coupons.require(input.coupon, undefined, 'coupon');
  const created = input.created ?? core.now();
  const promo: Stripe.PromotionCode = {
    id: input.id ?? core.id('promo'),
    object: 'promotion_code',
    active: true,
    code: input.code,
    created,
    customer: input.customer ?? null,
    customer_account: null,
    expires_at: null,
    livemode: core.livemode,
    max_redemptions: null,
    metadata: input.metadata ?? {},
    promotion: { coupon: input.coupon, type: 'coupon' },
    restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
    times_redeemed: 0,
  };
  core.promotionCodes.add(promo, created);
  emit(core, 'promotion_code.created', promo, { at: created });
  return promo;
}

/** A promotion code by id or by its customer-facing code. */
export function findPromotionCode(core: StripeCore, idOrCode: string): Stripe.PromotionCode | undefined {
  return core.promotionCodes.get(idOrCode) ?? core.promotionCodes.all().find((p) => p.code === idOrCode);
}

/**
 * The discount object that applies a coupon (and the promotion code it came from) to a
 * customer, subscription or invoice — what attribution by promotion code reads.
 */
export function addDiscount(
  core: StripeCore,
  source: { coupon?: string; promotion_code?: string },
  on: { customer: string; subscription?: string; invoice?: string; start?: number },
): Stripe.Discount {
  const promo = source.promotion_code ? findPromotionCode(core, source.promotion_code) : undefined;
  if (source.promotion_code && !promo) throw noSuch('promotion code', source.promotion_code, 'promotion_code');
  const couponId = promo ? (promo.promotion.coupon as string) : source.coupon;
  if (!couponId) throw invalidParam('A discount needs a coupon or a promotion code', 'coupon');
  const coupon = core.coupons.require(couponId, undefined, 'coupon');
  const start = on.start ?? core.now();
  const discount: Stripe.Discount = {
    id: core.id('di'),
    object: 'discount',
    checkout_session: null,
    customer: on.customer,
    customer_account: null,
    end: null,
    invoice: on.invoice ?? null,
    invoice_item: null,
    promotion_code: promo?.id ?? null,
    source: { coupon: coupon.id, type: 'coupon' },
    start,
    subscription: on.subscription ?? null,
    subscription_item: null,
  };
  coupon.times_redeemed++;
  if (promo) promo.times_redeemed++;
  core.discounts.add(discount, start);
  return discount;
}

export const catalogRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/v1\/products$/,
    params: [...LIST_PARAMS, 'active', 'created', 'ids', 'shippable', 'url'],
    handle: ({ core, params, account }) => {
      const active = params.boolean('active');
      const ids = params.stringList('ids');
      const created = createdIn(params.range('created'));
      return paginate(core.products.view(account), params, '/v1/products', (p) => (active === undefined || p.active === active) && (!ids || ids.includes(p.id)) && created(p), 'product');
    },
  },
  { method: 'GET', path: /^\/v1\/products\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.products.require(match[0]!, account) },
  {
    method: 'GET',
    path: /^\/v1\/prices$/,
    params: [...LIST_PARAMS, 'active', 'created', 'currency', 'lookup_keys', 'product', 'recurring', 'type'],
    handle: ({ core, params, account }) => {
      const active = params.boolean('active');
      const currency = params.string('currency')?.toLowerCase();
      const product = params.string('product');
      const type = params.oneOf('type', ['one_time', 'recurring'] as const);
      const lookupKeys = params.stringList('lookup_keys');
      const created = createdIn(params.range('created'));
      return paginate(
        core.prices.view(account),
        params,
        '/v1/prices',
        (p) =>
          (active === undefined || p.active === active) &&
          (!currency || p.currency === currency) &&
          (!product || p.product === product) &&
          (!type || p.type === type) &&
          (!lookupKeys || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key))) &&
          created(p),
        'price',
      );
    },
  },
  { method: 'GET', path: /^\/v1\/prices\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.prices.require(match[0]!, account) },
  {
    method: 'GET',
    path: /^\/v1\/coupons$/,
    params: [...LIST_PARAMS, 'created'],
    handle: ({ core, params, account }) => paginate(core.coupons.view(account), params, '/v1/coupons', createdIn(params.range('created')), 'coupon'),
  },
  { method: 'GET', path: /^\/v1\/coupons\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.coupons.require(decodeURIComponent(match[0]!), account) },
  {
    method: 'GET',
    path: /^\/v1\/promotion_codes$/,
    params: [...LIST_PARAMS, 'active', 'code', 'coupon', 'created', 'customer', 'customer_account'],
    handle: ({ core, params, account }) => {
      const active = params.boolean('active');
      const code = params.string('code');
      const coupon = params.string('coupon');
      const customer = params.string('customer');
      const created = createdIn(params.range('created'));
      return paginate(
        core.promotionCodes.view(account),
        params,
        '/v1/promotion_codes',
        (p) =>
          (active === undefined || p.active === active) &&
          (!code || p.code.toLowerCase() === code.toLowerCase()) &&
          (!coupon || p.promotion.coupon === coupon) &&
          (!customer || p.customer === customer) &&
          created(p),
        'promotion code',
      );
    },
  },
  { method: 'GET', path: /^\/v1\/promotion_codes\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.promotionCodes.require(match[0]!, account) },
];
