import Stripe from 'stripe';
import { seededRandom } from '../../src-main/core/demo/random';
import { Collection, PLATFORM } from './lists';
import type { Params } from './forms';

export const API_VERSION: string = Stripe.API_VERSION;
export const DAY = 86_400;

/** What the server knows about the request being executed, for events' `request` field. */
export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
}

export interface Ctx {
  core: StripeCore;
  params: Params;
  /** The path's capture groups (`/v1/invoices/(in_…)` → match[0]). */
  match: string[];
  /** `Stripe-Account` header, or PLATFORM. */
  account: string;
  method: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: RegExp;
  /** Top-level parameters the endpoint accepts; anything else is `parameter_unknown`. */
  params: readonly string[];
  handle(ctx: Ctx): unknown;
  /** Objects the endpoint may add beyond plain id expansion (an invoice's `payments`). */
  include?: (body: unknown, expand: string[], core: StripeCore) => void;
}

export interface LinkRecord {
  account: string;
  refreshUrl: string;
  returnUrl: string;
  expiresAt: number;
  type: string;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The fake account's data and clock: one collection per object kind, balances per owner and
 * currency, and the log of events. Resource files (customers.ts, invoices.ts, …) read and
 * change it; state.ts wraps them as helpers for tests.
 */
export class StripeCore {
  readonly livemode: boolean;
  private clock: number;
  private readonly rnd: ReturnType<typeof seededRandom>;
  private idSeq = 0;
  /** Set by the server when it listens: account links point at it. */
  baseUrl = 'http://127.0.0.1';
  /** Set by the server around an API call, so events carry `request.id` / `idempotency_key`. */
  currentRequest: RequestInfo | null = null;

  readonly customers = new Collection<Stripe.Customer>('customer');
  readonly products = new Collection<Stripe.Product>('product');
  readonly prices = new Collection<Stripe.Price>('price');
  readonly coupons = new Collection<Stripe.Coupon>('coupon');
  readonly promotionCodes = new Collection<Stripe.PromotionCode>('promotion code');
  readonly discounts = new Collection<Stripe.Discount>('discount');
  readonly subscriptions = new Collection<Stripe.Subscription>('subscription');
  readonly invoices = new Collection<Stripe.Invoice>('invoice');
  readonly invoicePayments = new Collection<Stripe.InvoicePayment>('invoice payment');
  readonly charges = new Collection<Stripe.Charge>('charge');
  readonly refunds = new Collection<Stripe.Refund>('refund');
  readonly disputes = new Collection<Stripe.Dispute>('dispute');
  readonly accounts = new Collection<Stripe.Account>('account');
  readonly transfers = new Collection<Stripe.Transfer>('transfer');
  readonly reversals = new Collection<Stripe.TransferReversal>('transfer reversal');
  readonly events = new Collection<Stripe.Event>('event');
  /** Every line of an invoice, in order (the invoice embeds the first ten). */
  readonly lines = new Map<string, Stripe.InvoiceLineItem[]>();
  /** invoice id → its payments (the `payments` an invoice includes on request). */
  readonly paymentsByInvoice = new Map<string, Stripe.InvoicePayment[]>();
  readonly accountLinks = new Map<string, LinkRecord>();
  /** owner → currency → available amount (minor units). */
  private readonly balances = new Map<string, Map<string, number>>();

  constructor(opts: { livemode?: boolean; now?: number; randomSeed?: number } = {}) {
    this.livemode = opts.livemode ?? false;
    this.clock = opts.now ?? Math.floor(Date.now() / 1000);
    this.rnd = seededRandom(opts.randomSeed ?? 0x5eed);
  }

  now(): number {
    return this.clock;
  }

  setNow(epochSeconds: number): void {
    this.clock = Math.floor(epochSeconds);
  }

  advance(seconds: number): void {
    this.clock += Math.floor(seconds);
  }

  /** A Stripe-looking id, unique within this fake (`cus_4Fq…`). */
  id(prefix: string): string {
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) codes.push(BASE62.charCodeAt(Math.floor(this.rnd.next() * 62)));
    for (let n = ++this.idSeq; n > 0; n = Math.floor(n / 62)) codes.push(BASE62.charCodeAt(n % 62));
    return `${prefix}_${String.fromCharCode(...codes)}`;
  }

  random(): number {
    return this.rnd.next();
  }

  credit(owner: string, currency: string, amount: number): void {
    let byCurrency = this.balances.get(owner);
    if (!byCurrency) this.balances.set(owner, (byCurrency = new Map()));
    byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + amount);
  }

  available(owner: string, currency: string): number {
    return this.balances.get(owner)?.get(currency) ?? 0;
  }

  balanceOf(owner: string): Map<string, number> {
    return this.balances.get(owner) ?? new Map();
  }

  platform = PLATFORM;
}

/** A deep copy of a plain JSON object (what a response or an event snapshot needs). */
export const clone = <T>(obj: T): T => JSON.parse(JSON.stringify(obj)) as T;

/**
 * A value many stored objects share (an empty list, a default setting): frozen, so a stray
 * in-place change fails loudly instead of changing every object. Saves memory when the
 * demo holds 50,000 invoices.
 */
export const shared = <T>(value: T): T => Object.freeze(value) as T;

/** The empty list stored objects share. */
export const EMPTY: never[] = shared([]);
