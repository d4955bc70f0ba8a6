import type Stripe from 'stripe';
import { addDiscount } from './catalog';
import { EMPTY, shared, type Route, type StripeCore } from './core';
import { emit, update } from './events';
import { mergeMetadata } from './forms';
import { LIST_PARAMS, createdIn, paginate } from './lists';

export interface CustomerInput {
  id?: string;
  email?: string | null;
  name?: string | null;
  description?: string | null;
  phone?: string | null;
  metadata?: Record<string, string>;
  /** A promotion code (id or code) the customer signed up with: becomes `customer.discount`. */
  promotion_code?: string;
  created?: number;
  /** Set on a customer of a connected account; default the platform. */
  account?: string;
}

const INVOICE_SETTINGS: Stripe.Customer.InvoiceSettings = shared({ custom_fields: null, default_payment_method: null, footer: null, rendering_options: null });

export function addCustomer(core: StripeCore, input: CustomerInput = {}): Stripe.Customer {
  const created = input.created ?? core.now();
  const id = input.id ?? core.id('cus');
  const customer: Stripe.Customer = {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: input.description ?? null,
    discount: null,
    email: input.email ?? null,
    invoice_prefix: id.slice(4, 12).toUpperCase(),
    invoice_settings: INVOICE_SETTINGS,
    livemode: core.livemode,
    metadata: input.metadata ?? {},
    name: input.name ?? null,
    next_invoice_sequence: 1,
    phone: input.phone ?? null,
    preferred_locales: EMPTY,
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  if (input.promotion_code) customer.discount = addDiscount(core, { promotion_code: input.promotion_code }, { customer: id, start: created });
  core.customers.add(customer, created, input.account);
  emit(core, 'customer.created', customer, { at: created, ...(input.account ? { account: input.account } : {}) });
  return customer;
}

export function updateCustomer(core: StripeCore, id: string, changes: Partial<Pick<Stripe.Customer, 'email' | 'name' | 'description' | 'phone'>> & { metadata?: Record<string, string> | null }): Stripe.Customer {
  const customer = core.customers.require(id);
  return update(core, customer, 'customer.updated', (c) => {
    const { metadata, ...rest } = changes;
    Object.assign(c, rest);
    if (metadata !== undefined) c.metadata = mergeMetadata(c.metadata, metadata);
  });
}

const WRITABLE = ['email', 'name', 'description', 'phone', 'metadata', 'expand'] as const;

export const customerRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/v1\/customers$/,
    params: [...LIST_PARAMS, 'created', 'email', 'test_clock'],
    handle: ({ core, params, account }) => {
      const email = params.string('email');
      const created = createdIn(params.range('created'));
      return paginate(core.customers.view(account), params, '/v1/customers', (c) => (!email || c.email === email) && created(c), 'customer');
    },
  },
  { method: 'GET', path: /^\/v1\/customers\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.customers.require(match[0]!, account) },
  {
    method: 'POST',
    path: /^\/v1\/customers$/,
    params: WRITABLE,
    handle: ({ core, params, account }) =>
      addCustomer(core, {
        email: params.string('email') ?? null,
        name: params.string('name') ?? null,
        description: params.string('description') ?? null,
        phone: params.string('phone') ?? null,
        metadata: params.metadata() ?? {},
        ...(account ? { account } : {}),
      }),
  },
  {
    method: 'POST',
    path: /^\/v1\/customers\/([^/]+)$/,
    params: WRITABLE,
    handle: ({ core, params, match, account }) => {
      core.customers.require(match[0]!, account);
      const changes: Parameters<typeof updateCustomer>[2] = {};
      for (const k of ['email', 'name', 'description', 'phone'] as const) if (params.has(k)) changes[k] = params.string(k) || null;
      const metadata = params.metadata();
      if (metadata !== undefined) changes.metadata = metadata;
      return updateCustomer(core, match[0]!, changes);
    },
  },
];
