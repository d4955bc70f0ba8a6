import type Stripe from 'stripe';
import { addDiscount, addCoupon, addPrice } from './catalog';
import { addCharge } from './charges';
import { DAY, EMPTY, shared, type Route, type StripeCore } from './core';
import { emit, snapshotOf } from './events';
import { noSuch } from './errors';
import { LIST_PARAMS, arrayView, createdIn, paginate } from './lists';

const NO_PRORATION = shared({ credited_items: null });
const NO_METADATA = shared({});
const NO_AUTOMATIC_TAX: Stripe.Invoice.AutomaticTax = shared({ disabled_reason: null, enabled: false, liability: null, provider: null, status: null });
const SELF_ISSUER: Stripe.Invoice.Issuer = shared({ type: 'self' });
const PAYMENT_SETTINGS: Stripe.Invoice.PaymentSettings = shared({ default_mandate: null, payment_method_options: null, payment_method_types: null });

/** How many lines an invoice embeds; the rest come from GET /v1/invoices/:id/lines. */
export const EMBEDDED_LINES = 10;

export interface InvoiceLineInput {
  /** Before discounts, in minor units. */
  amount: number;
  currency?: string;
  /** A price id; its product is the line's product. */
  price?: string;
  /** A product id for a line without a price: a one-time price is made for it. */
  product?: string;
  description?: string;
  quantity?: number;
  period?: { start: number; end: number };
  /** Discount on this line, in minor units (shown in `discount_amounts`). */
  discount?: number;
  metadata?: Record<string, string>;
}

export interface InvoiceInput {
  customer: string;
  subscription?: string;
  currency?: string;
  lines: InvoiceLineInput[];
  status?: 'paid' | 'open' | 'void' | 'uncollectible' | 'draft';
  /** The coupon or promotion code (id or code) behind line discounts; else an ad-hoc coupon. */
  promotion_code?: string;
  coupon?: string;
  metadata?: Record<string, string>;
  created?: number;
  /** When a paid invoice was paid (default: an hour after `created`, but not after the fake's now). */
  paid_at?: number;
  billing_reason?: Stripe.Invoice.BillingReason;
}

export interface AddedInvoice {
  invoice: Stripe.Invoice;
  /** The charge that paid it (paid invoices with a total above zero). */
  charge: Stripe.Charge | null;
}

function lineOf(core: StripeCore, invoice: { id: string; currency: string; subscription: Stripe.Subscription | null; created: number }, input: InvoiceLineInput, discountId: string | null): Stripe.InvoiceLineItem {
  let price = input.price ? core.prices.require(input.price, undefined, 'price') : undefined;
  if (!price && input.product) price = addPrice(core, { product: input.product, currency: input.currency ?? invoice.currency, unit_amount: input.amount, created: invoice.created });
  const sub = invoice.subscription;
  const subItem = price && sub ? sub.items.data.find((i) => i.price.id === price!.id) : undefined;
  const period = input.period ?? { start: invoice.created - 30 * DAY, end: invoice.created };
  const discount = input.discount ?? 0;
  const parent: Stripe.InvoiceLineItem.Parent = subItem
    ? {
        invoice_item_details: null,
        subscription_item_details: { invoice_item: null, proration: false, proration_details: NO_PRORATION, subscription: sub!.id, subscription_item: subItem.id },
        type: 'subscription_item_details',
      }
    : {
        invoice_item_details: { invoice_item: core.id('ii'), proration: false, proration_details: NO_PRORATION, subscription: sub?.id ?? null },
        subscription_item_details: null,
        type: 'invoice_item_details',
      };
  return {
    id: core.id('il'),
    object: 'line_item',
    amount: input.amount,
    currency: (input.currency ?? invoice.currency).toLowerCase(),
    description: input.description ?? (price ? `${input.quantity ?? 1} × ${core.products.get(price.product as string)?.name ?? 'item'}` : null),
    discount_amounts: discount && discountId ? [{ amount: discount, discount: discountId }] : EMPTY,
    discountable: true,
    discounts: EMPTY,
    invoice: invoice.id,
    livemode: core.livemode,
    metadata: input.metadata ?? (subItem ? sub!.metadata : NO_METADATA),
    parent,
    period,
    pretax_credit_amounts: discount && discountId ? [{ amount: discount, discount: discountId, type: 'discount' }] : EMPTY,
    pricing: price ? { price_details: { price: price.id, product: price.product as string }, type: 'price_details', unit_amount_decimal: null } : null,
    quantity: input.quantity ?? 1,
    quantity_decimal: null,
    subscription: subItem ? sub!.id : null,
    subtotal: input.amount,
    taxes: EMPTY,
  };
}

/**
 * Adds an invoice with its lines; a paid one also gets its payment intent, charge and
 * invoice payment, and credits the platform balance. Emits invoice.created / finalized /
 * paid / payment_succeeded, invoice_payment.paid and charge.succeeded.
 */
export function addInvoice(core: StripeCore, input: InvoiceInput): AddedInvoice {
  const customer = core.customers.require(input.customer, undefined, 'customer');
  const sub = input.subscription ? core.subscriptions.require(input.subscription, undefined, 'subscription') : null;
  const created = input.created ?? core.now();
  const status = input.status ?? 'paid';
  const currency = (input.currency ?? input.lines[0]?.currency ?? sub?.currency ?? 'usd').toLowerCase();
  const id = core.id('in');
  const discountTotal = input.lines.reduce((s, l) => s + (l.discount ?? 0), 0);
  // A subscription's (or customer's) standing discount is the one its invoices show.
  const standing = (sub?.discounts[0] as string | undefined) ?? customer.discount?.id ?? null;
  let discountId: string | null = discountTotal > 0 && !input.promotion_code && !input.coupon ? standing : null;
  if (!discountId && (discountTotal > 0 || input.promotion_code || input.coupon)) {
    const source = input.promotion_code ? { promotion_code: input.promotion_code } : { coupon: input.coupon ?? addCoupon(core, { amount_off: discountTotal, currency, duration: 'once', name: 'Discount', created }).id };
    discountId = addDiscount(core, source, { customer: customer.id, invoice: id, ...(sub ? { subscription: sub.id } : {}), start: created }).id;
  }
  const lines = input.lines.map((l) => lineOf(core, { id, currency, subscription: sub, created }, l, discountId));
  core.lines.set(id, lines);
  const subtotal = lines.reduce((s, l) => s + l.amount, 0);
  const total = subtotal - discountTotal;
  const paidAt = status === 'paid' ? (input.paid_at ?? Math.min(created + 3600, Math.max(created, core.now()))) : null;
  const finalizedAt = status === 'draft' ? null : Math.min(created + 60, paidAt ?? Infinity);
  const number = status === 'draft' ? null : `${customer.invoice_prefix}-${String(customer.next_invoice_sequence ?? 1).padStart(4, '0')}`;
  if (number) customer.next_invoice_sequence = (customer.next_invoice_sequence ?? 1) + 1;
  const invoice: Stripe.Invoice = {
    id,
    object: 'invoice',
    account_country: 'GB',
    account_name: 'Partnerdesk demo',
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: status === 'paid' ? total : 0,
    amount_remaining: status === 'paid' || status === 'void' ? 0 : total,
    amount_shipping: 0,
    application: null,
    attempt_count: status === 'draft' ? 0 : 1,
    attempted: status !== 'draft',
    auto_advance: false,
    automatic_tax: NO_AUTOMATIC_TAX,
    automatically_finalizes_at: null,
    billing_reason: input.billing_reason ?? (sub ? 'subscription_cycle' : 'manual'),
    collection_method: 'charge_automatically',
    created,
    currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: EMPTY,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: EMPTY,
    description: null,
    discounts: discountId ? [discountId] : EMPTY,
    due_date: null,
    effective_at: finalizedAt,
    ending_balance: status === 'draft' ? null : 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: status === 'draft' ? null : `${core.baseUrl}/invoices/${id}`,
    invoice_pdf: status === 'draft' ? null : `${core.baseUrl}/invoices/${id}/pdf`,
    issuer: SELF_ISSUER,
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: lines.slice(0, EMBEDDED_LINES), has_more: lines.length > EMBEDDED_LINES, url: `/v1/invoices/${id}/lines` },
    livemode: core.livemode,
    metadata: input.metadata ?? {},
    next_payment_attempt: null,
    number,
    on_behalf_of: null,
    parent: sub ? { quote_details: null, subscription_details: { metadata: sub.metadata, subscription: sub.id }, type: 'subscription_details' } : null,
    payment_settings: PAYMENT_SETTINGS,
    period_end: lines[0]?.period.end ?? created,
    period_start: lines[0]?.period.start ?? created,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status,
    status_transitions: {
      finalized_at: finalizedAt,
      marked_uncollectible_at: status === 'uncollectible' ? created + 7 * DAY : null,
      paid_at: paidAt,
      voided_at: status === 'void' ? created + DAY : null,
    },
    subtotal,
    subtotal_excluding_tax: subtotal,
    test_clock: null,
    total,
    total_discount_amounts: discountId ? [{ amount: discountTotal, discount: discountId }] : EMPTY,
    total_excluding_tax: total,
    total_pretax_credit_amounts: discountId ? [{ amount: discountTotal, discount: discountId, type: 'discount' }] : EMPTY,
    total_taxes: EMPTY,
    webhooks_delivered_at: created,
  };
  core.invoices.add(invoice, created);
  if (sub) sub.latest_invoice = id;
  // The events show the invoice as it ends up (paid), one shared snapshot for all of them.
  const snapshot = snapshotOf(invoice);
  emit(core, 'invoice.created', invoice, { at: created, snapshot });
  if (finalizedAt !== null) emit(core, 'invoice.finalized', invoice, { at: finalizedAt, snapshot });
  let charge: Stripe.Charge | null = null;
  if (status === 'paid' && paidAt !== null) {
    if (total > 0) {
      const paymentIntent = core.id('pi');
      charge = addCharge(core, { customer: customer.id, amount: total, currency, payment_intent: paymentIntent, description: sub ? 'Subscription update' : 'Payment for Invoice', created: paidAt });
      const payment: Stripe.InvoicePayment = {
        id: core.id('inpay'),
        object: 'invoice_payment',
        amount_paid: total,
        amount_requested: total,
        created: paidAt,
        currency,
        invoice: id,
        is_default: true,
        livemode: core.livemode,
        payment: { payment_intent: paymentIntent, type: 'payment_intent' },
        status: 'paid',
        status_transitions: { canceled_at: null, paid_at: paidAt },
      };
      core.invoicePayments.add(payment, paidAt);
      core.paymentsByInvoice.set(id, [payment]);
      emit(core, 'invoice_payment.paid', payment, { at: paidAt });
    }
    emit(core, 'invoice.paid', invoice, { at: paidAt, snapshot });
    emit(core, 'invoice.payment_succeeded', invoice, { at: paidAt, snapshot });
  }
  return { invoice, charge };
}

/** `expand[]=payments` (or `data.payments` on a list) includes the invoice's payments. */
function includePayments(body: unknown, expand: string[], core: StripeCore): void {
  const attach = (inv: Stripe.Invoice) => {
    inv.payments = { object: 'list', data: core.paymentsByInvoice.get(inv.id) ?? [], has_more: false, url: `/v1/invoice_payments?invoice=${inv.id}` };
  };
  const b = body as Stripe.Invoice | Stripe.ApiList<Stripe.Invoice>;
  if (b.object === 'invoice' && expand.includes('payments')) attach(b);
  if (b.object === 'list' && expand.includes('data.payments')) b.data.forEach(attach);
}

export const invoiceRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/v1\/invoices$/,
    params: [...LIST_PARAMS, 'collection_method', 'created', 'customer', 'customer_account', 'due_date', 'status', 'subscription'],
    handle: ({ core, params, account }) => {
      const customer = params.string('customer');
      const status = params.oneOf('status', ['draft', 'open', 'paid', 'uncollectible', 'void'] as const);
      const subscription = params.string('subscription');
      const collection = params.string('collection_method');
      const created = createdIn(params.range('created'));
      return paginate(
        customer ? core.invoices.viewBy('customer', customer, account) : core.invoices.view(account),
        params,
        '/v1/invoices',
        (i) =>
          (!customer || i.customer === customer) &&
          (!status || i.status === status) &&
          (!subscription || i.parent?.subscription_details?.subscription === subscription) &&
          (!collection || i.collection_method === collection) &&
          created(i),
        'invoice',
      );
    },
    include: includePayments,
  },
  {
    method: 'GET',
    path: /^\/v1\/invoices\/([^/]+)$/,
    params: ['expand'],
    handle: ({ core, match, account }) => core.invoices.require(match[0]!, account),
    include: includePayments,
  },
  {
    method: 'GET',
    path: /^\/v1\/invoices\/([^/]+)\/lines$/,
    params: LIST_PARAMS,
    handle: ({ core, match, params, account }) => {
      const invoice = core.invoices.require(match[0]!, account);
      return paginate(arrayView(core.lines.get(invoice.id) ?? []), params, `/v1/invoices/${invoice.id}/lines`, undefined, 'invoice line item');
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/invoice_payments$/,
    params: [...LIST_PARAMS, 'created', 'invoice', 'payment', 'status'],
    handle: ({ core, params, account }) => {
      const invoice = params.string('invoice');
      const payment = params.object('payment');
      const pi = payment?.string('payment_intent');
      const status = params.string('status');
      const created = createdIn(params.range('created'));
      const filter = (p: Stripe.InvoicePayment) => (!pi || p.payment.payment_intent === pi) && (!status || p.status === status) && created(p);
      if (invoice) {
        // Newest first, like every list; an invoice has few payments.
        const own = [...(core.paymentsByInvoice.get(invoice) ?? [])].reverse();
        return paginate(arrayView(own), params, '/v1/invoice_payments', filter, 'invoice payment');
      }
      return paginate(core.invoicePayments.view(account), params, '/v1/invoice_payments', filter, 'invoice payment');
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/invoice_payments\/([^/]+)$/,
    params: ['expand'],
    handle: ({ core, match, account }) => {
      const p = core.invoicePayments.get(match[0]!, account);
      if (!p) throw noSuch('invoice payment', match[0]!);
      return p;
    },
  },
];
