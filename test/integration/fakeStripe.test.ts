import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { parseForm } from '../fake-stripe/forms';
import { demoPartnerRef, demoPromoCode } from '../fake-stripe/seedDemo';
import { startFakeStripe, type FakeStripe, type FakeStripeOptions } from '../fake-stripe/server';

// The fake Stripe as the sync sees it, driven by the official SDK: lists and their
// cursors, invoices with lines, the Events API and its 30-day window, Connect onboarding,
// keys and parameters. Payout behaviour (idempotency, failures) is in fakeStripePayouts.

const DAY = 86_400;
const T0 = Date.UTC(2026, 9, 1) / 1000; // 2026-10-01

let fake: FakeStripe;
afterEach(async () => fake?.close());

async function start(opts: FakeStripeOptions = {}) {
  fake = await startFakeStripe({ ...opts, seed: { now: T0, ...opts.seed } });
  return fake;
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

describe('fake Stripe lists', () => {
  it('pages through 260 customers with the SDK auto-pagination, newest first, each once', async () => {
    const f = await start();
    for (let i = 0; i < 260; i++) f.state.addCustomer({ email: `c${i}@example.test`, created: T0 - DAY + (i % 97) * 60 });
    const seen: Stripe.Customer[] = [];
    for await (const c of sdk(f).customers.list({ limit: 100 })) seen.push(c);
    expect(seen).toHaveLength(260);
    expect(new Set(seen.map((c) => c.id)).size).toBe(260);
    const created = seen.map((c) => c.created);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(f.control.requests('/v1/customers')).toBe(3);
  });

  it('filters by created range, returns has_more and url, and refuses an unknown cursor', async () => {
    const f = await start();
    for (let i = 0; i < 30; i++) f.state.addCustomer({ created: T0 - i * DAY });
    const page = await sdk(f).customers.list({ created: { gte: T0 - 9 * DAY }, limit: 4 });
    expect(page).toMatchObject({ object: 'list', has_more: true, url: '/v1/customers' });
    expect(page.data.map((c) => c.created)).toEqual([T0, T0 - DAY, T0 - 2 * DAY, T0 - 3 * DAY]);
    const all = await sdk(f).customers.list({ created: { gte: T0 - 9 * DAY } }).autoPagingToArray({ limit: 100 });
    expect(all).toHaveLength(10);
    const err = await caught(sdk(f).customers.list({ starting_after: 'cus_missing' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ code: 'resource_missing', param: 'starting_after' });
  });

  it("narrows lists to one customer's invoices, a payment intent's charge and a charge's refunds", async () => {
    const f = await start();
    const [a, b] = [f.state.addCustomer({ created: T0 - 40 * DAY }), f.state.addCustomer({ created: T0 - 40 * DAY })];
    const charges: Stripe.Charge[] = [];
    for (let i = 0; i < 14; i++) {
      const { charge } = f.state.addInvoice({ customer: (i % 2 ? a : b)!.id, currency: 'usd', lines: [{ amount: 1000 + i }], created: T0 - (30 - i) * DAY });
      charges.push(charge!);
    }
    const stripe = sdk(f);
    const aInvoices = await stripe.invoices.list({ customer: a!.id, limit: 3 }).autoPagingToArray({ limit: 100 });
    expect(aInvoices.map((i) => i.total)).toEqual([1013, 1011, 1009, 1007, 1005, 1003, 1001]);
    const target = charges[4]!;
    expect((await stripe.charges.list({ payment_intent: target.payment_intent as string })).data.map((c) => c.id)).toEqual([target.id]);
    const refund = await stripe.refunds.create({ charge: target.id, amount: 400 });
    expect(refund).toMatchObject({ object: 'refund', amount: 400, charge: target.id, status: 'succeeded' });
    expect(await stripe.charges.retrieve(target.id)).toMatchObject({ amount_refunded: 400, refunded: false });
    expect((await stripe.refunds.list({ charge: target.id })).data.map((r) => r.id)).toEqual([refund.id]);
    const tooMuch = await caught(stripe.refunds.create({ charge: target.id, amount: 700 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large' });
  });

  it('lists subscriptions that are not canceled unless asked for status=all', async () => {
    const f = await start();
    const product = f.state.addProduct({ name: 'Team' });
    const price = f.state.addPrice({ product: product.id, currency: 'gbp', unit_amount: 6000, recurring: { interval: 'month' } });
    const customer = f.state.addCustomer({});
    const live = f.state.addSubscription({ customer: customer.id, items: [{ price: price.id }] });
    const gone = f.state.addSubscription({ customer: customer.id, items: [{ price: price.id }] });
    f.state.cancelSubscription(gone.id);
    const stripe = sdk(f);
    expect((await stripe.subscriptions.list()).data.map((s) => s.id)).toEqual([live.id]);
    expect((await stripe.subscriptions.list({ status: 'all' })).data.map((s) => s.id).sort()).toEqual([live.id, gone.id].sort());
    expect((await stripe.subscriptions.retrieve(live.id)).items.data[0]).toMatchObject({ price: { id: price.id, unit_amount: 6000 }, plan: { id: price.id } });
  });
});

describe('fake Stripe invoices', () => {
  it('embeds the first ten lines, pages the rest and expands customer, prices and payments', async () => {
    const f = await start();
    const product = f.state.addProduct({ name: 'Automated SMS', metadata: { revenue_category: 'usage' } });
    const price = f.state.addPrice({ product: product.id, currency: 'usd', unit_amount: 100 });
    const customer = f.state.addCustomer({ email: 'ops@acme.test', metadata: { partner_ref: 'pipelinepartners' } });
    const lines = Array.from({ length: 25 }, (_, i) => ({ amount: 100 * (i + 1), price: price.id, quantity: i + 1, description: `line ${i + 1}` }));
    const { invoice, charge } = f.state.addInvoice({ customer: customer.id, lines, paid_at: T0 });
    expect(charge).toMatchObject({ amount: invoice.total, customer: customer.id, status: 'succeeded' });

    const stripe = sdk(f);
    const got = await stripe.invoices.retrieve(invoice.id, { expand: ['customer', 'lines.data.pricing.price_details.price', 'payments'] });
    expect(got).toMatchObject({ status: 'paid', amount_paid: 32_500, total: 32_500, status_transitions: { paid_at: T0 } });
    expect(got.lines).toMatchObject({ object: 'list', has_more: true, url: `/v1/invoices/${invoice.id}/lines` });
    expect(got.lines.data).toHaveLength(10);
    expect(got.customer).toMatchObject({ id: customer.id, metadata: { partner_ref: 'pipelinepartners' } });
    expect(got.lines.data[0]!.pricing?.price_details?.price).toMatchObject({ id: price.id, product: product.id, unit_amount: 100 });
    expect(got.payments?.data[0]?.payment).toEqual({ type: 'payment_intent', payment_intent: charge!.payment_intent });

    const all = await stripe.invoices.listLineItems(invoice.id, { limit: 7 }).autoPagingToArray({ limit: 100 });
    expect(all.map((l) => l.description)).toEqual(lines.map((l) => l.description));
    // The stored invoice keeps ids: expansion works on a copy.
    expect(f.state.invoices.get(invoice.id)!.customer).toBe(customer.id);
  });

  it('shows line and invoice discounts with the promotion code behind them', async () => {
    const f = await start();
    const coupon = f.state.addCoupon({ id: 'PARTNER5', percent_off: 5 });
    const promo = f.state.addPromotionCode({ coupon: coupon.id, code: 'INBOXHER5' });
    const customer = f.state.addCustomer({ promotion_code: 'INBOXHER5' });
    const product = f.state.addProduct({ name: 'Message.Help Start' });
    const { invoice } = f.state.addInvoice({ customer: customer.id, currency: 'eur', lines: [{ amount: 2000, product: product.id, discount: 100 }] });
    const got = await sdk(f).invoices.retrieve(invoice.id, { expand: ['discounts'] });
    expect(got).toMatchObject({ subtotal: 2000, total: 1900, total_discount_amounts: [{ amount: 100 }] });
    expect(got.discounts[0]).toMatchObject({ object: 'discount', promotion_code: promo.id, source: { coupon: 'PARTNER5' } });
    expect(got.lines.data[0]).toMatchObject({ amount: 2000, discount_amounts: [{ amount: 100 }] });
    const codes = await sdk(f).promotionCodes.list({ code: 'INBOXHER5' });
    expect(codes.data.map((p) => p.id)).toEqual([promo.id]);
  });
});

describe('fake Stripe events', () => {
  it('gives the changes since a cursor, oldest first, with types[] filtering', async () => {
    const f = await start();
    const customer = f.state.addCustomer({ email: 'a@b.test' });
    const stripe = sdk(f);
    const cursor = (await stripe.events.list({ limit: 1 })).data[0]!;
    expect(cursor.type).toBe('customer.created');

    f.control.advance(60);
    const { charge } = f.state.addInvoice({ customer: customer.id, currency: 'usd', lines: [{ amount: 5000, description: 'Pro' }], created: f.state.now(), paid_at: f.state.now() });
    f.control.advance(3600);
    f.state.refund(charge!.id, 2000);
    f.control.advance(60);
    f.state.dispute(charge!.id, 'lost');

    const since: Stripe.Event[] = [];
    for await (const e of stripe.events.list({ ending_before: cursor.id, limit: 3 })) since.push(e);
    const types = since.map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['invoice.created', 'invoice.finalized']);
    expect(types.indexOf('charge.succeeded')).toBeLessThan(types.indexOf('refund.created'));
    expect(types.slice(-3)).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn', 'charge.dispute.closed']);
    const times = since.map((e) => e.created);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const refunded = await stripe.events.list({ types: ['charge.refunded'] });
    expect(refunded.data).toHaveLength(1);
    const e = refunded.data[0]! as Stripe.ChargeRefundedEvent;
    expect(e.data.object).toMatchObject({ id: charge!.id, amount_refunded: 2000, refunded: false });
    expect(e.data.previous_attributes).toMatchObject({ amount_refunded: 0 });
    expect(e.request).toEqual({ id: null, idempotency_key: null });
  });

  it('keeps events for 30 days: older ones are gone and a stale cursor is refused', async () => {
    const f = await start();
    const customer = f.state.addCustomer({});
    const stripe = sdk(f);
    const old = (await stripe.events.list()).data[0]!;
    f.control.advance(29 * DAY);
    expect((await stripe.events.retrieve(old.id)).id).toBe(old.id);
    f.control.advance(2 * DAY);
    f.state.updateCustomer(customer.id, { email: 'new@b.test' });

    const left = await stripe.events.list();
    expect(left.data.map((e) => e.type)).toEqual(['customer.updated']);
    expect(await caught(stripe.events.retrieve(old.id))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const stale = await caught(stripe.events.list({ ending_before: old.id }));
    expect(stale).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(stale).toMatchObject({ code: 'resource_missing', param: 'ending_before' });
    // The objects themselves are still there to re-list.
    expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([customer.id]);
  });

  it('does not keep events for history older than the window', async () => {
    const f = await start();
    const customer = f.state.addCustomer({ created: T0 - 90 * DAY });
    f.state.addInvoice({ customer: customer.id, lines: [{ amount: 100 }], created: T0 - 60 * DAY });
    f.state.addInvoice({ customer: customer.id, lines: [{ amount: 100 }], created: T0 - 2 * DAY });
    const types = (await sdk(f).events.list({ limit: 100 })).data.map((e) => e.type);
    expect(types.filter((t) => t === 'invoice.created')).toHaveLength(1);
    expect(types).not.toContain('customer.created');
  });
});

describe('fake Stripe Connect', () => {
  it('creates an Express account and an onboarding link; completing onboarding activates transfers', async () => {
    const f = await start();
    const stripe = sdk(f);
    const account = await stripe.accounts.create({
      type: 'express',
      country: 'GB',
      email: 'payouts@brightwell.test',
      capabilities: { transfers: { requested: true } },
      metadata: { partner_ref: 'brightwellfieldservices' },
    });
    expect(account).toMatchObject({ object: 'account', type: 'express', capabilities: { transfers: 'inactive' }, payouts_enabled: false, metadata: { partner_ref: 'brightwellfieldservices' } });
    expect(account.requirements?.currently_due).toContain('external_account');

    const link = await stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: 'https://app.test/refresh', return_url: 'https://app.test/done' });
    expect(link).toMatchObject({ object: 'account_link', expires_at: T0 + 300 });
    expect(link.url.startsWith(`${f.url}/connect/onboarding/`)).toBe(true);
    expect((await fetch(link.url)).status).toBe(200);
    const done = await fetch(link.url, { method: 'POST', redirect: 'manual' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('https://app.test/done');

    const after = await stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({ capabilities: { transfers: 'active' }, payouts_enabled: true, details_submitted: true, requirements: { currently_due: [] } });
    // Account events occur on the connected account: listed with its Stripe-Account header.
    const onAccount = await stripe.events.list({}, { stripeAccount: account.id });
    expect(onAccount.data.map((e) => e.type).sort()).toEqual(['account.updated', 'capability.updated']);
    expect(onAccount.data.every((e) => e.account === account.id)).toBe(true);
    expect((await stripe.events.list()).data.filter((e) => e.type === 'account.updated')).toHaveLength(0);
  });

  it('sends an expired link to refresh_url and lists accounts with their capabilities', async () => {
    const f = await start();
    const stripe = sdk(f);
    const a = f.state.addAccount({ capabilities: ['transfers', 'card_payments'], onboarded: true });
    f.state.setAccountCapability(a.id, 'transfers', 'pending');
    const link = await stripe.accountLinks.create({ account: a.id, type: 'account_onboarding', refresh_url: 'https://app.test/refresh', return_url: 'https://app.test/done' });
    f.control.advance(301);
    const expired = await fetch(link.url, { redirect: 'manual' });
    expect(expired.headers.get('location')).toBe('https://app.test/refresh');
    const listed = await stripe.accounts.list();
    expect(listed.data[0]).toMatchObject({ id: a.id, capabilities: { transfers: 'pending', card_payments: 'active' }, charges_enabled: true });
    const caps = await stripe.accounts.listCapabilities(a.id);
    expect(caps.data.find((c) => c.id === 'transfers')).toMatchObject({ status: 'pending', requested: true });
  });

  it('answers an unknown Stripe-Account with a permission error', async () => {
    const f = await start();
    const err = await caught(sdk(f).balance.retrieve({}, { stripeAccount: 'acct_nobody' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripePermissionError);
  });
});

describe('fake Stripe keys and parameters', () => {
  it("rejects a missing or invalid key with Stripe's 401 error envelope", async () => {
    const f = await start();
    const bare = await fetch(`${f.url}/v1/customers`);
    expect(bare.status).toBe(401);
    const body = (await bare.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/did not provide an API key/);

    for (const key of ['pk_test_publishable123', 'sk_live_somelivekey123', 'not-a-key']) {
      const err = await caught(new Stripe(key, { host: f.host, port: f.port, protocol: 'http' }).customers.list());
      expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      expect(err.statusCode).toBe(401);
    }
    expect(f.control.log.every((r) => r.status === 401)).toBe(true);
  });

  it('accepts secret and restricted test keys, records test mode, and honours an allow-list', async () => {
    const f = await start({ apiKeys: ['rk_test_partnerdesk_readonly'] });
    const ok = await new Stripe('rk_test_partnerdesk_readonly', { host: f.host, port: f.port, protocol: 'http' }).customers.list();
    expect(ok.object).toBe('list');
    expect(f.control.log[0]).toMatchObject({ status: 200, livemode: false });
    const err = await caught(new Stripe('sk_test_someotherkey', { host: f.host, port: f.port, protocol: 'http' }).customers.list());
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('refuses a parameter the endpoint does not know', async () => {
    const f = await start();
    const err = await caught(sdk(f).customers.list({ colour: 'blue' } as Stripe.CustomerListParams));
    expect(err).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'colour' });
  });

  it.each([
    ['metadata[partner_ref]=acme&metadata[tier]=gold', { metadata: { partner_ref: 'acme', tier: 'gold' } }],
    ['expand[]=data.customer&expand[]=data.discounts', { expand: ['data.customer', 'data.discounts'] }],
    ['expand[0]=customer&expand[1]=lines', { expand: ['customer', 'lines'] }],
    ['created[gte]=100&created[lt]=200&limit=3', { created: { gte: '100', lt: '200' }, limit: '3' }],
    ['description=A+b%26c&capabilities[transfers][requested]=true', { description: 'A b&c', capabilities: { transfers: { requested: 'true' } } }],
  ])('decodes the form %s', (text, expected) => {
    expect(parseForm(text)).toEqual(expected);
  });
});

describe('fake Stripe demo data', () => {
  it("seeds the four programmes' customers, attributable by metadata or promotion code", async () => {
    const f = await start({ seed: { demo: { invoices: 1200 } } });
    const s = f.state;
    expect(s.invoices.size).toBe(1200);
    expect(s.accounts.size).toBe(24);
    const customers = s.customers.all();
    const refs = new Set(customers.map((c) => c.metadata.partner_ref).filter(Boolean));
    expect(refs).toContain(demoPartnerRef('Brightwell Field Services'));
    expect(refs).toContain(demoPartnerRef('Pipeline Partners LLC'));
    const promoted = customers.filter((c) => c.discount?.promotion_code);
    expect(promoted.length).toBeGreaterThan(0);
    const codes = new Set(promoted.map((c) => s.promotionCodes.get(c.discount!.promotion_code as string)!.code));
    expect(codes).toContain(demoPromoCode('WhatsApp CRM Reviews'));
    const unattributed = customers.filter((c) => !c.metadata.partner_ref && !c.discount);
    expect(unattributed.length).toBeGreaterThan(0);
    const categories = new Set(s.products.all().map((p) => p.metadata.revenue_category));
    expect([...categories].sort()).toEqual(['overage', 'platform_fee', 'subscription', 'usage']);
    // Every paid invoice's charge is findable through its payment intent.
    const inv = s.invoices.all()[500]!;
    const pi = s.paymentsByInvoice.get(inv.id)![0]!.payment.payment_intent;
    expect(s.charges.all().filter((c) => c.payment_intent === pi)).toHaveLength(1);
  });

  it('makes 50,000 invoices for the sync benchmark and serves them page by page', async () => {
    const started = Date.now();
    const f = await start({ seed: { demo: { invoices: 50_000 } } });
    const seededMs = Date.now() - started;
    expect(f.state.invoices.size).toBe(50_000);
    const first = await sdk(f).invoices.list({ limit: 100 });
    const next = await sdk(f).invoices.list({ limit: 100, starting_after: first.data[99]!.id });
    expect(next.data[0]!.created).toBeLessThanOrEqual(first.data[99]!.created);
    expect(new Set([...first.data, ...next.data].map((i) => i.id)).size).toBe(200);
    console.log(`fake Stripe: 50,000 demo invoices seeded in ${seededMs} ms`);
  }, 120_000);
});
