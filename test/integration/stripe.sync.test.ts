import { describe, expect, it } from 'vitest';
import type { FakeStripe } from '../fake-stripe/server';
import { forgetIntents } from '../../src-main/core/stripe/sync';
import { tempCore } from '../support/tempWorkspace';
import { DAY, T0, advance, rig, stepUntilDone } from '../support/stripeSupport';

// The sync against the fake Stripe over HTTP, on a real encrypted demo workspace.

/** A small account: products with a category hint, customers, 230 paid invoices (3 pages). */
function seedSmall(fake: FakeStripe, partnerRef = 'acme') {
  const s = fake.state;
  const plan = s.addProduct({ name: 'Pro plan', metadata: { revenue_category: 'subscription' }, created: T0 - 200 * DAY });
  const usage = s.addProduct({ name: 'SMS usage', metadata: { revenue_category: 'usage' }, created: T0 - 200 * DAY });
  const planPrice = s.addPrice({ product: plan.id, currency: 'usd', unit_amount: 10_000, recurring: { interval: 'month' }, created: T0 - 200 * DAY });
  const usagePrice = s.addPrice({ product: usage.id, currency: 'usd', unit_amount: 10, created: T0 - 200 * DAY });
  const customers = Array.from({ length: 23 }, (_, i) =>
    s.addCustomer({ name: `Customer ${i}`, email: `billing@c${i}.example`, metadata: i % 2 === 0 ? { partner_ref: partnerRef } : {}, created: T0 - 120 * DAY + i * 60 }),
  );
  const charges: string[] = [];
  for (let m = 0; m < 10; m++) {
    for (const c of customers) {
      const { charge } = s.addInvoice({
        customer: c.id,
        lines: [
          { amount: 10_000, price: planPrice.id },
          { amount: 500, price: usagePrice.id, quantity: 50 },
        ],
        created: T0 - (100 - m * 9) * DAY,
      });
      if (charge) charges.push(charge.id);
    }
  }
  return { customers, charges, planPrice, usagePrice };
}

function fakeLineIds(fake: FakeStripe): string[] {
  return fake.state.invoices
    .all()
    .filter((i) => i.status === 'paid')
    .flatMap((i) => i.lines.data.map((l) => l.id))
    .sort();
}

describe('a first full sync', () => {
  it('pulls every customer and every paid invoice line once, with mappings pre-filled from product metadata', async () => {
    const r = await rig((f) => seedSmall(f));
    const done = await r.sync();
    expect(done).toMatchObject({ status: 'done', kind: 'full', phase: null });
    expect(done.counts.invoices).toBe(230);
    const c = await r.t.call('stripe.customers', { limit: 500 });
    expect(c.total).toBe(r.fake.state.customers.all().length);
    expect(c.revenueLines).toBe(460);
    expect(c.rows.map((x: any) => x.externalRef).sort()).toEqual(r.fake.state.customers.all().map((x) => x.id).sort());
    const maps = await r.t.call('stripe.mappings');
    expect(maps.map((m: any) => [m.name, m.category])).toEqual([
      ['Pro plan', 'subscription'],
      ['SMS usage', 'usage'],
    ]);
    const usage = maps.find((m: any) => m.name === 'SMS usage');
    expect(usage.lines).toBe(230);
    // Re-mapping a product re-categorises the lines already pulled.
    expect(await r.t.call('stripe.setMapping', { stripeId: usage.stripeId, category: 'overage' })).toEqual({ linesUpdated: 230 });
    const none = await r.t.core.dispatch('stripe.setMapping', { stripeId: usage.stripeId, category: null });
    expect(none).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { category: 'Choose a category' } } });
    const log = await r.t.call('stripe.syncLog', {});
    expect(log[0]).toMatchObject({ status: 'done', kind: 'full' });
    const status = await r.t.call('stripe.status');
    expect(status).toMatchObject({ configured: true, mode: 'test', online: true, running: false, pendingOutbox: 0 });
    expect(status.lastSyncAt).toBe(new Date(T0 * 1000).toISOString());
  });
});

describe('an incremental sync', () => {
  it('applies only the events since the last sync: a new customer, a new invoice and a refund', async () => {
    const r = await rig((f) => seedSmall(f));
    const first = await seedAndSync(r);
    advance(r, 2 * DAY);
    const s = r.fake.state;
    const cus = s.addCustomer({ name: 'Late Co', email: 'ap@late.example' });
    const price = s.prices.all()[0]!;
    const { invoice, charge } = s.addInvoice({ customer: cus.id, lines: [{ amount: 10_000, price: price.id }] });
    s.refund(charge!.id, 4_000);
    const before = r.fake.control.requests('/v1/invoices');
    const done = await r.sync();
    expect(done).toMatchObject({ status: 'done', kind: 'incremental' });
    // No re-list of invoices (the new one is read by its id from the event).
    expect(r.fake.control.requests('/v1/invoices') - before).toBe(0);
    expect(done.counts.events).toBeGreaterThan(0);
    const c = await r.t.call('stripe.customers', { limit: 500 });
    expect(c.total).toBe(first.customers + 1);
    expect(c.revenueLines).toBe(first.lines + 1 + 1);
    const row = c.rows.find((x: any) => x.externalRef === cus.id);
    expect(row.lines).toBe(2);
    expect(invoice.id).toMatch(/^in_/);
  });

  it('re-lists everything when the last sync is older than the 30 days events are kept', async () => {
    const r = await rig((f) => seedSmall(f));
    await seedAndSync(r);
    advance(r, 31 * DAY);
    r.fake.state.addCustomer({ name: 'After a long trip' });
    const done = await r.sync();
    expect(done).toMatchObject({ status: 'done', kind: 'relist' });
    expect((await r.t.call('stripe.customers', { limit: 1 })).total).toBe(r.fake.state.customers.all().length);
  });
});

async function seedAndSync(r: Awaited<ReturnType<typeof rig>>) {
  await r.sync();
  const c = await r.t.call('stripe.customers', { limit: 1 });
  return { customers: c.total, lines: c.revenueLines };
}

describe('a sync that stops half-way', () => {
  it('resumes after the app is closed mid-sync, with nothing duplicated and nothing lost', async () => {
    const r = await rig((f) => seedSmall(f));
    await r.t.call('stripe.syncStart', { full: false });
    for (let i = 0; i < 4; i++) await r.t.call('stripe.syncStep'); // products, customers, subscriptions, invoices page 1
    // The crash: the core goes away between pages; a new one opens the same workspace.
    r.t.core.close();
    forgetIntents(); // a new process: refunds find their invoice through invoice_payments
    const again = tempCore({ dir: r.t.dir, now: () => new Date(r.clock.now * 1000) });
    try {
      await again.call('workspace.unlock', { username: 'demo', passphrase: 'partnerdesk-demo' });
      const resumed = await again.call('stripe.syncStart', { full: false });
      expect(resumed).toMatchObject({ status: 'running', phase: 'invoices' });
      const done = await stepUntilDone(again);
      expect(done.status).toBe('done');
      const c = await again.call('stripe.customers', { limit: 500 });
      expect(c.revenueLines).toBe(fakeLineIds(r.fake).length);
      const mine = await again.call('stripe.customers', { limit: 500 });
      expect(new Set(mine.rows.map((x: any) => x.externalRef)).size).toBe(r.fake.state.customers.all().length);
    } finally {
      again.core.close();
    }
  });

  it('keeps going after dropped connections between pages: the failed step is an error value, the next one continues', async () => {
    const r = await rig((f) => seedSmall(f));
    await r.t.call('stripe.syncStart', { full: false });
    for (let i = 0; i < 4; i++) await r.t.call('stripe.syncStep');
    r.fake.control.dropNext(50, { path: '/v1/invoices' });
    const failed = await r.t.core.dispatch('stripe.syncStep', {});
    expect(failed).toMatchObject({ ok: false, error: { kind: 'stripe' } });
    if (!failed.ok) expect(failed.error.message).toMatch(/Stripe cannot be reached — working offline; 0 changes wait to be sent/);
    expect((await r.t.call('stripe.status')).online).toBe(false);
    r.fake.control.reset();
    const done = await stepUntilDone(r.t);
    expect(done.status).toBe('done');
    expect((await r.t.call('stripe.customers', { limit: 1 })).revenueLines).toBe(fakeLineIds(r.fake).length);
  });

  it('is cancelled between pages and the next sync resumes from the cursor', async () => {
    const r = await rig((f) => seedSmall(f));
    await r.t.call('stripe.syncStart', { full: false });
    for (let i = 0; i < 4; i++) await r.t.call('stripe.syncStep');
    expect(await r.t.call('stripe.syncCancel')).toEqual({ cancelled: true });
    expect((await r.t.call('stripe.syncStep')).status).toBe('cancelled');
    const before = r.fake.control.requests('/v1/customers');
    const resumed = await r.t.call('stripe.syncStart', { full: false });
    expect(resumed.phase).toBe('invoices');
    expect((await stepUntilDone(r.t)).status).toBe('done');
    expect(r.fake.control.requests('/v1/customers')).toBe(before);
    expect((await r.t.call('stripe.customers', { limit: 1 })).revenueLines).toBe(fakeLineIds(r.fake).length);
  });
});

describe('rate limits', () => {
  it('backs off on 429 rate_limit (which the SDK does not retry) and finishes the page', async () => {
    const r = await rig((f) => seedSmall(f));
    r.fake.control.failNext(3, { status: 429, path: '/v1/customers' });
    const done = await r.sync();
    expect(done.status).toBe('done');
    expect(r.fake.control.requests('/v1/customers')).toBe(4 + 0);
    expect((await r.t.call('stripe.customers', { limit: 1 })).total).toBe(23);
  });

  it('gives up after a bounded number of attempts with a message, and the run stays resumable', async () => {
    const r = await rig((f) => seedSmall(f));
    await r.t.call('stripe.syncStart', {});
    r.fake.control.failNext(20, { status: 429, path: '/v1/products' });
    const failed = await r.t.core.dispatch('stripe.syncStep', {});
    expect(failed).toMatchObject({ ok: false, error: { kind: 'stripe', retryable: true } });
    if (!failed.ok) expect(failed.error.message).toMatch(/busy/);
    expect(r.fake.control.requests('/v1/products')).toBe(5);
    r.fake.control.reset();
    expect((await stepUntilDone(r.t)).status).toBe('done');
  });
});
