import type Stripe from 'stripe';
import { addDiscount, planOf } from './catalog';
import { DAY, EMPTY, shared, type Route, type StripeCore } from './core';
import { emit, update } from './events';
import { LIST_PARAMS, createdIn, paginate } from './lists';

export interface SubscriptionInput {
  customer: string;
  items: { price: string; quantity?: number }[];
  status?: Stripe.Subscription.Status;
  metadata?: Record<string, string>;
  /** A promotion code (id or code) or coupon applied to the subscription. */
  promotion_code?: string;
  coupon?: string;
  created?: number;
}

const NO_AUTOMATIC_TAX: Stripe.Subscription.AutomaticTax = shared({ disabled_reason: null, enabled: false, liability: null });
const CLASSIC: Stripe.Subscription.BillingMode = shared({ flexible: null, type: 'classic' });
const NOT_CANCELED: Stripe.Subscription.CancellationDetails = shared({ comment: null, feedback: null, feedback_option: null, reason: null });
const INVOICE_SETTINGS: Stripe.Subscription.InvoiceSettings = shared({ account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: 'self' } });
const PAYMENT_SETTINGS: Stripe.Subscription.PaymentSettings = shared({ payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' });
const TRIAL_SETTINGS: Stripe.Subscription.TrialSettings = shared({ end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } });
const NO_METADATA = shared({});

const periodEnd = (start: number, interval: string) => start + (interval === 'year' ? 365 : 30) * DAY;

export function addSubscription(core: StripeCore, input: SubscriptionInput): Stripe.Subscription {
  const customer = core.customers.require(input.customer, undefined, 'customer');
  const created = input.created ?? core.now();
  const id = core.id('sub');
  const prices = input.items.map((i) => core.prices.require(i.price, undefined, 'items[0][price]'));
  const currency = prices[0]?.currency ?? 'usd';
  const items: Stripe.SubscriptionItem[] = input.items.map((item, i) => {
    const price = prices[i]!;
    return {
      id: core.id('si'),
      object: 'subscription_item',
      billing_thresholds: null,
      created,
      current_period_end: periodEnd(created, price.recurring?.interval ?? 'month'),
      current_period_start: created,
      current_trial: null,
      discounts: EMPTY,
      metadata: NO_METADATA,
      plan: planOf(price),
      price,
      quantity: item.quantity ?? 1,
      subscription: id,
      tax_rates: EMPTY,
    };
  });
  const discounts =
    input.promotion_code || input.coupon
      ? [addDiscount(core, { ...(input.promotion_code ? { promotion_code: input.promotion_code } : {}), ...(input.coupon ? { coupon: input.coupon } : {}) }, { customer: customer.id, subscription: id, start: created }).id]
      : [];
  const sub: Stripe.Subscription = {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: NO_AUTOMATIC_TAX,
    billing_cycle_anchor: created,
    billing_cycle_anchor_config: null,
    billing_mode: CLASSIC,
    billing_schedules: EMPTY,
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: NOT_CANCELED,
    collection_method: 'charge_automatically',
    created,
    currency,
    customer: customer.id,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: EMPTY,
    description: null,
    discounts,
    ended_at: null,
    invoice_settings: INVOICE_SETTINGS,
    items: { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: core.livemode,
    managed_payments: null,
    metadata: input.metadata ?? {},
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: PAYMENT_SETTINGS,
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: created,
    status: input.status ?? 'active',
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: TRIAL_SETTINGS,
    trial_start: null,
  };
  core.subscriptions.add(sub, created);
  emit(core, 'customer.subscription.created', sub, { at: created });
  return sub;
}

export function cancelSubscription(core: StripeCore, id: string, at = core.now()): Stripe.Subscription {
  const sub = core.subscriptions.require(id);
  return update(core, sub, 'customer.subscription.deleted', (s) => {
    s.status = 'canceled';
    s.canceled_at = at;
    s.ended_at = at;
    s.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason: 'cancellation_requested' };
  }, { at });
}

export const subscriptionRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/v1\/subscriptions$/,
    params: [...LIST_PARAMS, 'automatic_tax', 'collection_method', 'created', 'current_period_end', 'current_period_start', 'customer', 'customer_account', 'price', 'status', 'test_clock'],
    handle: ({ core, params, account }) => {
      const customer = params.string('customer');
      const price = params.string('price');
      // Stripe lists every subscription that is not canceled unless asked for a status or `all`.
      const status = params.string('status');
      const created = createdIn(params.range('created'));
      return paginate(
        customer ? core.subscriptions.viewBy('customer', customer, account) : core.subscriptions.view(account),
        params,
        '/v1/subscriptions',
        (s) =>
          (!customer || s.customer === customer) &&
          (!price || s.items.data.some((i) => i.price.id === price)) &&
          (status === 'all' ? true : status ? s.status === status : s.status !== 'canceled') &&
          created(s),
        'subscription',
      );
    },
  },
  { method: 'GET', path: /^\/v1\/subscriptions\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.subscriptions.require(match[0]!, account) },
];
