import type Stripe from 'stripe';
import { DAY, shared, type Route, type StripeCore } from './core';
import { emit, update } from './events';
import { invalidParam, refused } from './errors';
import { LIST_PARAMS, PLATFORM, createdIn, paginate } from './lists';

/**
 * Charges (the money an invoice collected), refunds and disputes: what the sync turns into
 * payment, refund and chargeback lines, and the commission ledger into reversals and
 * clawbacks.
 */
export interface ChargeInput {
  customer: string;
  amount: number;
  currency: string;
  payment_intent?: string;
  description?: string;
  metadata?: Record<string, string>;
  created?: number;
}

const APPROVED: Stripe.Charge.Outcome = shared({
  advice_code: null,
  network_advice_code: null,
  network_decline_code: null,
  network_status: 'approved_by_network',
  reason: null,
  risk_level: 'normal',
  risk_score: 20,
  seller_message: 'Payment complete.',
  type: 'authorized',
});
const NO_FRAUD_DETAILS = shared({});

export function addCharge(core: StripeCore, input: ChargeInput): Stripe.Charge {
  const customer = core.customers.require(input.customer, undefined, 'customer');
  const created = input.created ?? core.now();
  const id = core.id('ch');
  const charge: Stripe.Charge = {
    id,
    object: 'charge',
    amount: input.amount,
    amount_captured: input.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: core.id('txn'),
    billing_details: { address: null, email: customer.email, name: customer.name ?? null, phone: null, tax_id: null },
    calculated_statement_descriptor: 'PARTNERDESK DEMO',
    captured: true,
    created,
    currency: input.currency,
    customer: customer.id,
    description: input.description ?? null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: NO_FRAUD_DETAILS,
    livemode: core.livemode,
    metadata: input.metadata ?? {},
    on_behalf_of: null,
    outcome: APPROVED,
    paid: true,
    payment_intent: input.payment_intent ?? null,
    payment_method: core.id('pm'),
    payment_method_details: null,
    receipt_email: customer.email,
    receipt_number: null,
    receipt_url: `${core.baseUrl}/receipts/${id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
  core.charges.add(charge, created);
  core.credit(PLATFORM, charge.currency, charge.amount);
  emit(core, 'charge.succeeded', charge, { at: created });
  return charge;
}

export interface RefundOptions {
  reason?: Stripe.Refund.Reason;
  metadata?: Record<string, string>;
  at?: number;
}

/** Refunds all that is left of a charge, or `amount` of it. */
export function refundCharge(core: StripeCore, chargeId: string, amount?: number, opts: RefundOptions = {}): Stripe.Refund {
  const charge = core.charges.require(chargeId, undefined, 'charge');
  const left = charge.amount - charge.amount_refunded;
  if (left <= 0) throw refused(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded', 'charge');
  const value = amount ?? left;
  if (value <= 0) throw invalidParam('Refund amount must be positive', 'amount', 'parameter_invalid_integer');
  if (value > left) throw refused(`Refund amount (${value}) is greater than unrefunded amount on charge (${left})`, 'amount_too_large', 'amount');
  const at = opts.at ?? core.now();
  const refund: Stripe.Refund = {
    id: core.id('re'),
    object: 'refund',
    amount: value,
    balance_transaction: core.id('txn'),
    charge: charge.id,
    created: at,
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: { card: { reference_status: 'available', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' },
    metadata: opts.metadata ?? {},
    payment_intent: charge.payment_intent,
    payment_method: typeof charge.payment_method === 'string' ? charge.payment_method : null,
    reason: opts.reason ?? 'requested_by_customer',
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  core.refunds.add(refund, at);
  core.credit(PLATFORM, charge.currency, -value);
  emit(core, 'refund.created', refund, { at });
  update(core, charge, 'charge.refunded', (c) => {
    c.amount_refunded += value;
    c.refunded = c.amount_refunded >= c.amount;
  }, { at });
  return refund;
}

export type DisputeStatus = 'needs_response' | 'under_review' | 'won' | 'lost';

export interface DisputeOptions {
  amount?: number;
  reason?: string;
  at?: number;
}

const evidence = (): Stripe.Dispute.Evidence => ({
  access_activity_log: null,
  billing_address: null,
  cancellation_policy: null,
  cancellation_policy_disclosure: null,
  cancellation_rebuttal: null,
  customer_communication: null,
  customer_email_address: null,
  customer_name: null,
  customer_purchase_ip: null,
  customer_signature: null,
  duplicate_charge_documentation: null,
  duplicate_charge_explanation: null,
  duplicate_charge_id: null,
  enhanced_evidence: {},
  product_description: null,
  receipt: null,
  refund_policy: null,
  refund_policy_disclosure: null,
  refund_refusal_explanation: null,
  service_date: null,
  service_documentation: null,
  shipping_address: null,
  shipping_carrier: null,
  shipping_date: null,
  shipping_documentation: null,
  shipping_tracking_number: null,
  uncategorized_file: null,
  uncategorized_text: null,
});

/**
 * Opens a dispute on a charge (funds withdrawn) or moves its existing dispute to `status`;
 * `won` reinstates the funds, `won` and `lost` close it — each with Stripe's events.
 */
export function disputeCharge(core: StripeCore, chargeId: string, status: DisputeStatus, opts: DisputeOptions = {}): Stripe.Dispute {
  const charge = core.charges.require(chargeId, undefined, 'charge');
  const at = opts.at ?? core.now();
  let dispute = core.disputes.viewBy('charge', charge.id).at(0);
  if (!dispute) {
    const opened: Stripe.Dispute = {
      id: core.id('dp'),
      object: 'dispute',
      amount: opts.amount ?? charge.amount - charge.amount_refunded,
      balance_transactions: [],
      charge: charge.id,
      created: at,
      currency: charge.currency,
      enhanced_eligibility_types: [],
      evidence: evidence(),
      evidence_details: { due_by: at + 7 * DAY, enhanced_eligibility: {}, has_evidence: false, past_due: false, submission_count: 0, submission_method: 'not_submitted' },
      intended_submission_method: null,
      is_charge_refundable: false,
      livemode: core.livemode,
      metadata: {},
      payment_intent: charge.payment_intent,
      reason: opts.reason ?? 'fraudulent',
      status: 'needs_response',
    };
    dispute = core.disputes.add(opened, at);
    core.credit(PLATFORM, charge.currency, -opened.amount);
    update(core, charge, 'charge.updated', (c) => (c.disputed = true), { at });
    emit(core, 'charge.dispute.created', opened, { at });
    emit(core, 'charge.dispute.funds_withdrawn', opened, { at });
  }
  if (dispute.status === status) return dispute;
  const closing = status === 'won' || status === 'lost';
  update(core, dispute, closing ? 'charge.dispute.closed' : 'charge.dispute.updated', (d) => (d.status = status), { at });
  if (status === 'won') {
    core.credit(PLATFORM, dispute.currency, dispute.amount);
    emit(core, 'charge.dispute.funds_reinstated', dispute, { at });
  }
  return dispute;
}

export const chargeRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/v1\/charges$/,
    params: [...LIST_PARAMS, 'created', 'customer', 'payment_intent', 'transfer_group'],
    handle: ({ core, params, account }) => {
      const customer = params.string('customer');
      const pi = params.string('payment_intent');
      const group = params.string('transfer_group');
      const created = createdIn(params.range('created'));
      const view = customer ? core.charges.viewBy('customer', customer, account) : pi ? core.charges.viewBy('payment_intent', pi, account) : core.charges.view(account);
      return paginate(
        view,
        params,
        '/v1/charges',
        (c) => (!customer || c.customer === customer) && (!pi || c.payment_intent === pi) && (!group || c.transfer_group === group) && created(c),
        'charge',
      );
    },
  },
  { method: 'GET', path: /^\/v1\/charges\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.charges.require(match[0]!, account) },
  {
    method: 'GET',
    path: /^\/v1\/refunds$/,
    params: [...LIST_PARAMS, 'charge', 'created', 'payment_intent'],
    handle: ({ core, params, account }) => {
      const charge = params.string('charge');
      const pi = params.string('payment_intent');
      const created = createdIn(params.range('created'));
      return paginate(charge ? core.refunds.viewBy('charge', charge, account) : core.refunds.view(account), params, '/v1/refunds', (r) => (!charge || r.charge === charge) && (!pi || r.payment_intent === pi) && created(r), 'refund');
    },
  },
  { method: 'GET', path: /^\/v1\/refunds\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.refunds.require(match[0]!, account) },
  {
    method: 'POST',
    path: /^\/v1\/refunds$/,
    params: ['charge', 'amount', 'reason', 'metadata', 'expand', 'payment_intent'],
    handle: ({ core, params }) => {
      const pi = params.string('payment_intent');
      const chargeId = params.string('charge') ?? (pi ? core.charges.viewBy('payment_intent', pi).at(0)?.id : undefined);
      if (!chargeId) throw invalidParam('One of the following params should be provided for this request: payment_intent or charge.', 'charge', 'parameter_missing');
      const amount = params.integer('amount', { min: 1 });
      const reason = params.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const);
      const metadata = params.metadata();
      return refundCharge(core, chargeId, amount, { ...(reason ? { reason } : {}), ...(metadata ? { metadata } : {}) });
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/disputes$/,
    params: [...LIST_PARAMS, 'charge', 'created', 'payment_intent'],
    handle: ({ core, params, account }) => {
      const charge = params.string('charge');
      const pi = params.string('payment_intent');
      const created = createdIn(params.range('created'));
      return paginate(charge ? core.disputes.viewBy('charge', charge, account) : core.disputes.view(account), params, '/v1/disputes', (d) => (!charge || d.charge === charge) && (!pi || d.payment_intent === pi) && created(d), 'dispute');
    },
  },
  { method: 'GET', path: /^\/v1\/disputes\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.disputes.require(match[0]!, account) },
];
