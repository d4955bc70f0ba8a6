import { describe, expect, it } from 'vitest';
import { forgetIntents } from '../../src-main/core/stripe/sync';
import { DAY, T0, advance, rig } from '../support/stripeSupport';

// Refunds and disputes reach the commission ledger through revenue lines that refer to the
// payment line they reverse; attribution rules decide whose customer it is.

const sqliteOf = (r: any) => r.t.core.context.session.open.sqlite;

async function paidCustomer(partnerRef: string, opts: { refund?: number; dispute?: 'lost' | 'won' } = {}) {
  const r = await rig();
  const s = r.fake.state;
  const product = s.addProduct({ name: 'Platform Growth', metadata: { revenue_category: 'platform_fee' }, created: T0 - 90 * DAY });
  const price = s.addPrice({ product: product.id, currency: 'usd', unit_amount: 20_000, recurring: { interval: 'month' }, created: T0 - 90 * DAY });
  const cus = s.addCustomer({ name: 'Refunded Co', email: 'ap@refunded.example', metadata: { partner_ref: partnerRef }, created: T0 - 60 * DAY });
  const { invoice, charge } = s.addInvoice({ customer: cus.id, lines: [{ amount: 20_000, price: price.id }, { amount: 10_000, price: price.id }], created: T0 - 50 * DAY });
  if (opts.refund) s.refund(charge!.id, opts.refund, { at: T0 - 40 * DAY });
  if (opts.dispute) s.dispute(charge!.id, opts.dispute, { at: T0 - 30 * DAY });
  return { r, cus, invoice, charge: charge! };
}

describe('refunds and disputes', () => {
  it('turn a refund into refund lines (the cash returned) that refer to the payment lines, split in proportion', async () => {
    const { r, invoice } = await paidCustomer('x', { refund: 9_000 });
    await r.sync();
    const lookups = r.fake.control.requests('/v1/invoice_payments');
    expect(lookups).toBe(0); // the invoice was learnt from its payments while listing invoices
    const rows = sqliteOf(r).prepare("SELECT id, kind, gross_minor AS gross, refers_to AS refersTo, currency FROM revenue_lines WHERE source = 'stripe' ORDER BY kind, id").all();
    const payments = rows.filter((x: any) => x.kind === 'payment');
    const refunds = rows.filter((x: any) => x.kind === 'refund');
    expect(payments).toHaveLength(2);
    expect(payments.every((p: any) => p.id.startsWith(`stripe:${invoice.id}:`))).toBe(true);
    expect(refunds.map((x: any) => x.gross).sort((x: number, y: number) => x - y)).toEqual([3_000, 6_000]);
    expect(new Set(refunds.map((x: any) => x.refersTo))).toEqual(new Set(payments.map((p: any) => p.id)));
    expect(refunds[0].currency).toBe('USD');
  });

  it('turn a lost dispute into chargeback lines, and a won dispute into nothing', async () => {
    const lost = await paidCustomer('x', { dispute: 'lost' });
    forgetIntents();
    await lost.r.t.call('stripe.syncStart', {});
    for (let i = 0; i < 4; i++) await lost.r.t.call('stripe.syncStep'); // up to the invoices
    forgetIntents(); // as after a restart: the dispute's invoice comes from invoice_payments
    while ((await lost.r.t.call('stripe.syncStep')).status === 'running');
    expect(lost.r.fake.control.requests('/v1/invoice_payments')).toBe(1);
    const cb = sqliteOf(lost.r).prepare("SELECT sum(gross_minor) AS total, count(*) AS n FROM revenue_lines WHERE kind = 'chargeback' AND refers_to LIKE 'stripe:in_%'").get();
    expect(cb).toEqual({ total: 30_000, n: 2 });
    const won = await paidCustomer('x', { dispute: 'won' });
    await won.r.sync();
    expect(sqliteOf(won.r).prepare("SELECT count(*) FROM revenue_lines WHERE kind = 'chargeback'").pluck().get()).toBe(0);
  });

  it('reaches the commission ledger as a negative entry when the commission run reads the refund', async () => {
    const { r, cus } = await paidCustomer('sp-partner', { refund: 30_000 });
    const partner = r.partners.find((p) => p.programmeCode === 'salespartner')!;
    await r.t.call('stripe.addRule', { kind: 'metadata', pattern: 'partner_ref=sp-partner', partnerId: partner.id });
    await r.sync();
    const customerId = `stripe:${cus.id}`;
    expect(sqliteOf(r).prepare('SELECT partner_id FROM customers WHERE id = ?').pluck().get(customerId)).toBe(partner.id);
    const paidPeriod = new Date((T0 - 50 * DAY) * 1000).toISOString().slice(0, 7);
    const refundPeriod = new Date((T0 - 40 * DAY) * 1000).toISOString().slice(0, 7);
    const run1 = await r.t.call('commissions.run', { period: paidPeriod });
    expect(run1.notes.join(' ')).not.toMatch(/not computed/);
    if (refundPeriod !== paidPeriod) await r.t.call('commissions.run', { period: refundPeriod });
    const ledger = await r.t.call('commissions.ledger', { partnerId: partner.id, limit: 5000 });
    const mine = ledger.rows.filter((e: any) => e.customerId === customerId);
    expect(mine.some((e: any) => e.rule === 'revenue_share' && e.amountMinor > 0)).toBe(true);
    expect(mine.some((e: any) => e.rule === 'refund_reversal' && e.amountMinor < 0)).toBe(true);
  });
});

describe('attribution of Stripe customers to partners', () => {
  it('attributes by metadata, promotion code and e-mail domain rules, and by hand from the unattributed list', async () => {
    const r = await rig();
    const [a, b, c, d] = r.partners;
    const s = r.fake.state;
    const coupon = s.addCoupon({ id: 'PARTNER5', percent_off: 5, duration: 'forever' });
    s.addPromotionCode({ coupon: coupon.id, code: 'BRAVO5' });
    const byMeta = s.addCustomer({ name: 'Meta', email: 'x@meta.example', metadata: { partner_ref: 'alpha' } });
    const byPromo = s.addCustomer({ name: 'Promo', email: 'x@promo.example', promotion_code: 'BRAVO5' });
    const byDomain = s.addCustomer({ name: 'Domain', email: 'ap@charlie-clients.example' });
    const byHand = s.addCustomer({ name: 'Nobody', email: 'x@nobody.example' });
    await r.t.call('stripe.addRule', { kind: 'metadata', pattern: 'partner_ref=alpha', partnerId: a!.id });
    await r.t.call('stripe.addRule', { kind: 'promotion_code', pattern: 'BRAVO5', partnerId: b!.id });
    await r.sync();
    const who = (cus: { id: string }) => sqliteOf(r).prepare('SELECT partner_id, attribution FROM customers WHERE external_ref = ?').get(cus.id);
    expect(who(byMeta)).toEqual({ partner_id: a!.id, attribution: 'referral_link' });
    expect(who(byPromo)).toEqual({ partner_id: b!.id, attribution: 'promo_code' });
    expect(who(byDomain).partner_id).toBeNull();
    // A domain rule added after the sync applies at once to the customers already pulled.
    const added = await r.t.call('stripe.addRule', { kind: 'email_domain', pattern: '@Charlie-Clients.example', partnerId: c!.id });
    expect(added).toMatchObject({ attributed: 1, rule: { pattern: 'charlie-clients.example' } });
    expect(who(byDomain).partner_id).toBe(c!.id);
    const open = await r.t.call('stripe.unattributed', {});
    expect(open.rows.map((x: any) => x.externalRef)).toEqual([byHand.id]);
    await r.t.call('stripe.attribute', { customerId: open.rows[0].id, partnerId: d!.id });
    expect(who(byHand).partner_id).toBe(d!.id);
    expect((await r.t.call('stripe.unattributed', {})).total).toBe(0);
    const bad = await r.t.core.dispatch('stripe.addRule', { kind: 'metadata', pattern: 'no equals sign', partnerId: a!.id });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { pattern: expect.stringMatching(/key=value/) } } });
  });
});

describe('settings', () => {
  it('keeps the key in the workspace and shows only its masked form; refuses a key of the wrong shape', async () => {
    const r = await rig();
    const view = await r.t.call('stripe.getSettings');
    expect(view).toMatchObject({ configured: true, mode: 'test', maskedKey: 'sk_test_…0000' });
    expect(JSON.stringify(view)).not.toContain(r.fake.secretKey);
    const checked = await r.t.call('stripe.checkConnection');
    expect(checked).toMatchObject({ accountId: 'acct_1PartnerdeskDemo', accountName: 'Partnerdesk demo' });
    const bad = await r.t.core.dispatch('stripe.saveSettings', { key: 'pk_test_abcdefghij', apiBase: '' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { key: expect.stringMatching(/rk_test_/) } } });
  });
});

describe('Connect onboarding', () => {
  it('creates the connected account exactly once across a dropped connection and a retry', async () => {
    const r = await rig();
    const partner = r.partners[0]!;
    sqliteOf(r).prepare("UPDATE partners SET stripe_account_id = NULL, stripe_account_state = 'none', country = 'US' WHERE id = ?").run(partner.id);
    const before = r.fake.state.accounts.all().length;
    // The request runs and is stored, then the connection drops (twice: stripe-node retries a closed socket once).
    r.fake.control.dropAfterCommit(20, { path: '/v1/accounts', method: 'POST' });
    const offline = await r.t.call('stripe.connectCreate', { partnerId: partner.id });
    expect(offline).toMatchObject({ accountId: null, state: 'pending', pending: true });
    expect(offline.lastError).toMatch(/working offline; 1 change waits to be sent/);
    expect((await r.t.call('stripe.status')).pendingOutbox).toBe(1);
    expect(r.fake.state.accounts.all().length).toBe(before + 1);
    r.fake.control.reset();
    expect(await r.t.call('stripe.flushOutbox')).toEqual({ sent: 1, pending: 0 });
    const view = await r.t.call('stripe.connectGet', { partnerId: partner.id });
    expect(view.accountId).toMatch(/^acct_/);
    expect(r.fake.state.accounts.all().length).toBe(before + 1);
    expect(r.fake.control.log.filter((x: any) => x.replayed).length).toBeGreaterThanOrEqual(1);
    // A second create is a no-op: the partner has its account.
    await r.t.call('stripe.connectCreate', { partnerId: partner.id });
    expect(r.fake.state.accounts.all().length).toBe(before + 1);
    const link = await r.t.call('stripe.connectLink', { partnerId: partner.id });
    expect(link.url).toContain('/connect/onboarding/');
    const refreshed = await r.t.call('stripe.connectRefresh', { partnerId: partner.id });
    expect(refreshed.capabilities).toHaveProperty('transfers');
    expect(refreshed.requirements.length).toBeGreaterThan(0);
    r.fake.state.completeOnboarding(view.accountId);
    expect((await r.t.call('stripe.connectRefresh', { partnerId: partner.id })).state).toBe('enabled');
  });

  it('works offline: the screen answers from the workspace and says what waits', async () => {
    const r = await rig();
    const partner = r.partners[1]!;
    sqliteOf(r).prepare("UPDATE partners SET stripe_account_id = NULL, stripe_account_state = 'none', country = 'GB' WHERE id = ?").run(partner.id);
    await r.fake.close();
    const view = await r.t.call('stripe.connectCreate', { partnerId: partner.id });
    expect(view).toMatchObject({ pending: true, state: 'pending' });
    const status = await r.t.call('stripe.status');
    expect(status).toMatchObject({ online: false, pendingOutbox: 1, mode: 'test' });
    const sync = await r.t.core.dispatch('stripe.syncStart', {});
    expect(sync).toMatchObject({ ok: false, error: { message: 'Stripe cannot be reached — working offline; 1 change waits to be sent.' } });
    expect((await r.t.call('stripe.rules')).length).toBe(0);
    advance(r, 0);
  });
});
