import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../fake-stripe/server';

// The fake Stripe as payouts see it, driven by the official SDK: Connect transfers with
// idempotency keys kept 24 hours, and the failures a payout must survive without paying
// twice — 429s, 500s, dropped connections, timeouts, and a transfer made before the
// connection dropped.

const DAY = 86_400;
const T0 = Date.UTC(2026, 11, 1) / 1000; // 2026-12-01, a payout run

let fake: FakeStripe;
afterEach(async () => fake?.close());

/** A fake with $10,000.00 available and one onboarded partner account. */
async function start() {
  fake = await startFakeStripe({ seed: { now: T0, balances: { usd: 1_000_000 } } });
  const partner = fake.state.addAccount({ capabilities: ['transfers'], onboarded: true, metadata: { partner_ref: 'pipelinepartners' } });
  return { f: fake, partner };
}

const sdk = (f: FakeStripe, config: Stripe.StripeConfig = {}) =>
  new Stripe(f.secretKey, { host: f.host, port: f.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false, ...config });

async function caught(p: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await p;
  } catch (e) {
    return e as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}

const line = (destination: string) => ({ amount: 195_000, currency: 'usd', destination, transfer_group: 'run_2026-12-01', metadata: { payout_line: 'line-1' }, description: 'Partnerdesk payout December 2026' });

describe('fake Stripe transfers with idempotency keys', () => {
  it('replays the stored response for the same key: two calls, one transfer', async () => {
    const { f, partner } = await start();
    const stripe = sdk(f);
    const first = await stripe.transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' });
    const second = await stripe.transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' });
    expect(second.id).toBe(first.id);
    expect(second).toEqual(first);
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(f.state.transferList()).toHaveLength(1);
    expect(first).toMatchObject({ amount: 195_000, destination: partner.id, transfer_group: 'run_2026-12-01', metadata: { payout_line: 'line-1' } });
    expect(f.state.available('', 'usd')).toBe(1_000_000 - 195_000);
    expect((await stripe.balance.retrieve({}, { stripeAccount: partner.id })).available).toEqual([{ amount: 195_000, currency: 'usd', source_types: { card: 195_000 } }]);
    const events = await stripe.events.list({ types: ['transfer.created'] });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]!.request).toEqual({ id: expect.stringMatching(/^req_/), idempotency_key: 'payout-line-1' });
  });

  it('refuses the same key with different parameters as an idempotency error', async () => {
    const { f, partner } = await start();
    const stripe = sdk(f);
    await stripe.transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' });
    const err = await caught(stripe.transfers.create({ ...line(partner.id), amount: 195_001 }, { idempotencyKey: 'payout-line-1' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.statusCode).toBe(400);
    expect(f.state.transferList()).toHaveLength(1);
  });

  it('forgets a key after 24 hours: the same call then makes a second transfer', async () => {
    const { f, partner } = await start();
    const stripe = sdk(f);
    const first = await stripe.transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' });
    f.control.advance(DAY - 1);
    expect((await stripe.transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' })).id).toBe(first.id);
    f.control.advance(2);
    const again = await stripe.transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' });
    expect(again.id).not.toBe(first.id);
    expect(f.state.transferList()).toHaveLength(2);
    // What a client must do past the window instead: look the transfer up first.
    const group = await stripe.transfers.list({ transfer_group: 'run_2026-12-01' });
    expect(group.data.map((t) => t.id)).toEqual([again.id, first.id]);
  });

  it('saves a refusal made while the endpoint ran and replays it for the same key', async () => {
    const { f } = await start();
    const stripe = sdk(f);
    const pending = f.state.addAccount({ capabilities: ['transfers'] });
    const err = await caught(stripe.transfers.create(line(pending.id), { idempotencyKey: 'payout-line-9' }));
    expect(err).toMatchObject({ statusCode: 400, code: 'insufficient_capabilities_for_transfer', param: 'destination' });
    f.state.completeOnboarding(pending.id);
    const replayed = await caught(stripe.transfers.create(line(pending.id), { idempotencyKey: 'payout-line-9' }));
    expect(replayed).toMatchObject({ code: 'insufficient_capabilities_for_transfer' });
    expect(replayed.headers?.['idempotent-replayed']).toBe('true');
    // A new key (a new attempt of the payout line) goes through.
    expect((await stripe.transfers.create(line(pending.id), { idempotencyKey: 'payout-line-9-attempt-2' })).destination).toBe(pending.id);
  });

  it('does not save a parameter error: the key can be used once the request is right', async () => {
    const { f, partner } = await start();
    const stripe = sdk(f);
    const err = await caught(stripe.transfers.create({ currency: 'usd', destination: partner.id } as Stripe.TransferCreateParams, { idempotencyKey: 'k' }));
    expect(err).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'amount' });
    expect((await stripe.transfers.create(line(partner.id), { idempotencyKey: 'k' })).amount).toBe(195_000);
  });

  it('refuses a transfer above the available balance, and reverses one', async () => {
    const { f, partner } = await start();
    const stripe = sdk(f);
    const err = await caught(stripe.transfers.create({ ...line(partner.id), amount: 2_000_000 }));
    expect(err).toMatchObject({ code: 'balance_insufficient' });
    const t = await stripe.transfers.create(line(partner.id));
    const reversal = await stripe.transfers.createReversal(t.id, { amount: 30_000 });
    expect(reversal).toMatchObject({ object: 'transfer_reversal', amount: 30_000, transfer: t.id });
    expect(await stripe.transfers.retrieve(t.id)).toMatchObject({ amount_reversed: 30_000, reversed: false, reversals: { data: [{ id: reversal.id }] } });
    expect(f.state.available(partner.id, 'usd')).toBe(165_000);
  });
});

describe('fake Stripe failures', () => {
  it('a 429 lock timeout is retried by the SDK within maxNetworkRetries and then succeeds', async () => {
    const { f, partner } = await start();
    f.control.failNext(2, { status: 429, code: 'lock_timeout', path: '/v1/transfers', method: 'POST' });
    const t = await sdk(f, { maxNetworkRetries: 2 }).transfers.create(line(partner.id));
    expect(t.object).toBe('transfer');
    expect(f.control.requests('/v1/transfers', 'POST')).toBe(3);
    expect(f.state.transferList()).toHaveLength(1);
  });

  it('a 429 rate limit is not retried by the SDK: the caller sees StripeRateLimitError and backs off', async () => {
    const { f } = await start();
    f.control.failNext(1, { status: 429, path: '/v1/invoices' });
    const stripe = sdk(f, { maxNetworkRetries: 3 });
    const err = await caught(stripe.invoices.list());
    expect(err).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(err).toMatchObject({ statusCode: 429, code: 'rate_limit' });
    expect(f.control.requests('/v1/invoices')).toBe(1);
    expect((await stripe.invoices.list()).object).toBe('list');
  });

  it('a 500 is retried by the SDK', async () => {
    const { f } = await start();
    f.control.failNext(1, { status: 500, path: '/v1/customers' });
    expect((await sdk(f, { maxNetworkRetries: 1 }).customers.list()).object).toBe('list');
    expect(f.control.requests('/v1/customers')).toBe(2);
  });

  it('a dropped connection surfaces as StripeConnectionError once the SDK has retried', async () => {
    const { f } = await start();
    // stripe-node retries a closed connection once even with maxNetworkRetries: 0.
    f.control.dropNext(2, { path: '/v1/events' });
    const err = await caught(sdk(f).events.list());
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(f.control.requests('/v1/events')).toBe(2);
    f.control.dropNext(1, { path: '/v1/events' });
    expect((await sdk(f).events.list()).object).toBe('list');
  });

  it('a transfer committed before the connection dropped exists once, and a list by transfer group finds it', async () => {
    const { f, partner } = await start();
    const stripe = sdk(f);
    f.control.dropAfterCommit(2, { path: '/v1/transfers', method: 'POST' });
    const err = await caught(stripe.transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    // The SDK's own retry carried the same key: Stripe replayed, the connection dropped again.
    expect(f.control.log.filter((r) => r.path === '/v1/transfers').map((r) => [r.status, r.replayed])).toEqual([
      ['dropped', false],
      ['dropped', true],
    ]);
    const found = await stripe.transfers.list({ transfer_group: 'run_2026-12-01' });
    expect(found.data).toHaveLength(1);
    expect(found.data[0]).toMatchObject({ amount: 195_000, destination: partner.id, metadata: { payout_line: 'line-1' } });
    const retried = await stripe.transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' });
    expect(retried.id).toBe(found.data[0]!.id);
    expect(f.state.transferList()).toHaveLength(1);
  });

  it('a client timeout leaves the work done; the same key meanwhile gets a 409, then the replay', async () => {
    const { f, partner } = await start();
    f.control.delayNext(2000, { path: '/v1/transfers', method: 'POST' });
    const err = await caught(sdk(f, { timeout: 200 }).transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(err.message).toMatch(/timeout/i);
    // The first request is still running on the server: the key is in use.
    const busy = await caught(sdk(f).transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' }));
    expect(busy).toMatchObject({ statusCode: 409, rawType: 'idempotency_error', code: 'idempotency_key_in_use' });
    for (let waited = 0; f.state.transferList().length === 0 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(f.state.transferList()).toHaveLength(1);
    const replay = await sdk(f).transfers.create(line(partner.id), { idempotencyKey: 'payout-line-1' });
    expect(replay.id).toBe(f.state.transferList()[0]!.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
  });
});
