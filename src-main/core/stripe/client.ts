import Stripe from 'stripe';
import { fail } from '../../../src-shared/rpc/errors';

/** Whether the last call to Stripe worked, per process (null: no call yet). Shown in the sidebar. */
export const connectivity = { online: null as boolean | null };

export interface StripeSettingsRow {
  restricted_key: string | null;
  mode: 'test' | 'live' | null;
  api_base: string | null;
}

/** The official SDK, pointed at api.stripe.com or at `api_base` (the fake, a proxy). */
export function stripeClient(s: StripeSettingsRow): Stripe {
  if (!s.restricted_key) fail('validation', 'Stripe is not connected yet. Paste a restricted key in Stripe → Settings.');
  const opts: Stripe.StripeConfig = { maxNetworkRetries: 0, timeout: 30_000 };
  if (s.api_base) {
    const u = new URL(s.api_base);
    opts.host = u.hostname;
    opts.port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
    opts.protocol = u.protocol === 'https:' ? 'https' : 'http';
  }
  return new Stripe(s.restricted_key!, opts);
}

/** Bounded backoff; tests shorten it. */
export const backoff = { baseMs: 250, attempts: 5 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryable(e: unknown): boolean {
  if (!(e instanceof Stripe.errors.StripeError)) return false;
  if (e instanceof Stripe.errors.StripeRateLimitError || e instanceof Stripe.errors.StripeConnectionError) return true;
  return (e.statusCode ?? 0) >= 500;
}

export const isOffline = (e: unknown) => e instanceof Stripe.errors.StripeConnectionError;

/**
 * Runs one Stripe call, backing off on 429 (stripe-node does not retry a plain rate_limit)
 * and on dropped connections / 5xx, at most `attempts` times; then turns the failure into an
 * error value written for the person at the screen.
 */
export async function call<T>(what: string, fn: () => Promise<T>, pendingOutbox = 0): Promise<T> {
  try {
    return await withBackoff(fn, retryable);
  } catch (e) {
    return stripeFailure(what, e, pendingOutbox);
  }
}

/** Runs `fn`, retrying with exponential backoff while `transient(error)` says so, at most `backoff.attempts` times; rethrows the last error. */
export async function withBackoff<T>(fn: () => Promise<T>, transient: (e: unknown) => boolean): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < backoff.attempts; attempt++) {
    try {
      const r = await fn();
      connectivity.online = true;
      return r;
    } catch (e) {
      last = e;
      if (!transient(e)) break;
      if (attempt < backoff.attempts - 1) await sleep(backoff.baseMs * 2 ** attempt);
    }
  }
  throw last;
}

export function stripeFailure(what: string, e: unknown, pendingOutbox = 0): never {
  if (e instanceof Stripe.errors.StripeConnectionError) {
    connectivity.online = false;
    return fail('stripe', `Stripe cannot be reached — working offline; ${pendingOutbox} ${pendingOutbox === 1 ? 'change waits' : 'changes wait'} to be sent.`, { retryable: true });
  }
  if (e instanceof Stripe.errors.StripeRateLimitError) {
    connectivity.online = true;
    return fail('stripe', `Stripe is busy (too many requests) while ${what}. Try again in a minute; the sync resumes where it stopped.`, { retryable: true });
  }
  if (e instanceof Stripe.errors.StripeAuthenticationError) {
    connectivity.online = true;
    return fail('stripe', 'Stripe refused the key. Check it in Stripe → Settings (a restricted key needs read access to the objects synced).');
  }
  if (e instanceof Stripe.errors.StripeError) {
    connectivity.online = (e.statusCode ?? 0) < 500;
    return fail('stripe', `Stripe answered an error while ${what}: ${e.message}`, { retryable: (e.statusCode ?? 0) >= 500 });
  }
  throw e;
}
