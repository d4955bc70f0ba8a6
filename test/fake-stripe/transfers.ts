import type Stripe from 'stripe';
import type { Route, StripeCore } from './core';
import { emit, update } from './events';
import { noSuch, refused } from './errors';
import { mergeMetadata } from './forms';
import { LIST_PARAMS, PLATFORM, arrayView, createdIn, paginate } from './lists';

/**
 * Connect transfers — how payouts reach partners. A transfer moves money from the
 * platform's available balance to a connected account that has the `transfers`
 * capability; refusals (no capability, not enough funds) happen while the endpoint runs,
 * so Stripe saves and replays them for the same idempotency key.
 */
export interface TransferInput {
  amount: number;
  currency: string;
  destination: string;
  transfer_group?: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
}

export function createTransfer(core: StripeCore, input: TransferInput): Stripe.Transfer {
  const destination = core.accounts.get(input.destination);
  if (!destination) throw noSuch('destination', input.destination, 'destination', 400);
  const currency = input.currency.toLowerCase();
  if ((destination.capabilities as Record<string, string> | undefined)?.transfers !== 'active') {
    throw refused(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      'insufficient_capabilities_for_transfer',
      'destination',
    );
  }
  if (core.available(PLATFORM, currency) < input.amount) {
    throw refused(
      'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card.',
      'balance_insufficient',
    );
  }
  const created = core.now();
  const id = core.id('tr');
  const transfer: Stripe.Transfer = {
    id,
    object: 'transfer',
    amount: input.amount,
    amount_reversed: 0,
    balance_transaction: core.id('txn'),
    created,
    currency,
    description: input.description ?? null,
    destination: destination.id,
    destination_payment: core.id('py'),
    livemode: core.livemode,
    metadata: input.metadata ?? {},
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: null,
    source_type: 'card',
    transfer_group: input.transfer_group ?? null,
  };
  core.transfers.add(transfer, created);
  core.credit(PLATFORM, currency, -input.amount);
  core.credit(destination.id, currency, input.amount);
  emit(core, 'transfer.created', transfer);
  return transfer;
}

export function reverseTransfer(core: StripeCore, transferId: string, amount?: number, opts: { description?: string; metadata?: Record<string, string> } = {}): Stripe.TransferReversal {
  const transfer = core.transfers.require(transferId);
  const left = transfer.amount - transfer.amount_reversed;
  const value = amount ?? left;
  if (left <= 0) throw refused(`Transfer ${transfer.id} has already been reversed.`, 'transfer_already_reversed');
  if (value > left) throw refused(`You have attempted to reverse more than the transferable amount (${left}).`, 'amount_too_large', 'amount');
  const created = core.now();
  const reversal: Stripe.TransferReversal = {
    id: core.id('trr'),
    object: 'transfer_reversal',
    amount: value,
    balance_transaction: core.id('txn'),
    created,
    currency: transfer.currency,
    destination_payment_refund: core.id('pyr'),
    metadata: opts.metadata ?? {},
    source_refund: null,
    transfer: transfer.id,
  };
  core.reversals.add(reversal, created);
  core.credit(PLATFORM, transfer.currency, value);
  core.credit(transfer.destination as string, transfer.currency, -value);
  update(core, transfer, 'transfer.reversed', (t) => {
    t.amount_reversed += value;
    t.reversed = t.amount_reversed >= t.amount;
    const all = [reversal, ...t.reversals.data];
    t.reversals = { object: 'list', data: all.slice(0, 10), has_more: all.length > 10, url: t.reversals.url };
  });
  return reversal;
}

function balance(core: StripeCore, owner: string): Stripe.Balance {
  const entries = [...core.balanceOf(owner).entries()];
  if (!entries.length) entries.push(['usd', 0]);
  return {
    object: 'balance',
    available: entries.map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } })),
    ...(owner === PLATFORM ? { connect_reserved: entries.map(([currency]) => ({ amount: 0, currency })) } : {}),
    livemode: core.livemode,
    pending: entries.map(([currency]) => ({ amount: 0, currency, source_types: { card: 0 } })),
  };
}

export const transferRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/v1\/transfers$/,
    params: ['amount', 'currency', 'destination', 'transfer_group', 'metadata', 'description', 'source_transaction', 'source_type', 'expand'],
    handle: ({ core, params }) => {
      const amount = params.requiredInteger('amount', { min: 1 });
      const currency = params.requiredString('currency');
      const destination = params.requiredString('destination');
      return createTransfer(core, {
        amount,
        currency,
        destination,
        transfer_group: params.string('transfer_group') ?? null,
        description: params.string('description') ?? null,
        metadata: params.metadata() ?? {},
      });
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/transfers$/,
    params: [...LIST_PARAMS, 'created', 'destination', 'transfer_group'],
    handle: ({ core, params, account }) => {
      const destination = params.string('destination');
      const group = params.string('transfer_group');
      const created = createdIn(params.range('created'));
      const view = group ? core.transfers.viewBy('transfer_group', group, account) : destination ? core.transfers.viewBy('destination', destination, account) : core.transfers.view(account);
      return paginate(view, params, '/v1/transfers', (t) => (!destination || t.destination === destination) && (!group || t.transfer_group === group) && created(t), 'transfer');
    },
  },
  { method: 'GET', path: /^\/v1\/transfers\/([^/]+)$/, params: ['expand'], handle: ({ core, match, account }) => core.transfers.require(match[0]!, account) },
  {
    method: 'POST',
    path: /^\/v1\/transfers\/([^/]+)$/,
    params: ['description', 'metadata', 'expand'],
    handle: ({ core, params, match, account }) => {
      const transfer = core.transfers.require(match[0]!, account);
      const description = params.string('description');
      const metadata = params.metadata();
      return update(core, transfer, 'transfer.updated', (t) => {
        if (description !== undefined) t.description = description || null;
        if (metadata !== undefined) t.metadata = mergeMetadata(t.metadata, metadata);
      });
    },
  },
  {
    method: 'POST',
    path: /^\/v1\/transfers\/([^/]+)\/reversals$/,
    params: ['amount', 'description', 'metadata', 'refund_application_fee', 'expand'],
    handle: ({ core, params, match, account }) => {
      core.transfers.require(match[0]!, account);
      const description = params.string('description');
      const metadata = params.metadata();
      return reverseTransfer(core, match[0]!, params.integer('amount', { min: 1 }), { ...(description ? { description } : {}), ...(metadata ? { metadata } : {}) });
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/transfers\/([^/]+)\/reversals$/,
    params: LIST_PARAMS,
    handle: ({ core, params, match, account }) => {
      const transfer = core.transfers.require(match[0]!, account);
      const all = core.reversals.all().filter((r) => r.transfer === transfer.id).reverse();
      return paginate(arrayView(all), params, `/v1/transfers/${transfer.id}/reversals`, undefined, 'transfer reversal');
    },
  },
  { method: 'GET', path: /^\/v1\/balance$/, params: ['expand'], handle: ({ core, account }) => balance(core, account) },
];
