// Connect onboarding. Creating a partner's account is outbound work that must happen exactly
// once: it is written to the outbox with the key account:<partnerId> in the same transaction
// as the decision, then sent with that key as Stripe's idempotency key — a retry after a
// dropped connection is answered with the account already created, never a second one.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { fail } from '../../../src-shared/rpc/errors';
import type { ConnectView } from '../../../src-shared/stripe/contract';
import { call, isOffline, stripeClient, stripeFailure } from './client';
import { audit, inTransaction, pendingOutbox, readSettings, type StripeOp } from './op';
import { accountState } from './store';

interface PartnerRow { id: string; company: string; contact_email: string; country: string; stripe_account_id: string | null; stripe_account_state: ConnectView['state'] }
interface OutboxRow { id: string; kind: string; idempotency_key: string; payload: string; status: string; attempts: number; last_error: string }

/** Capabilities and requirements from the last look at each account (kept in memory: offline shows the state only). */
const lastSeen = new Map<string, { capabilities: Record<string, string>; requirements: string[] }>();

const accountKey = (partnerId: string) => `account:${partnerId}`;

function partner(op: StripeOp, id: string): PartnerRow {
  const p = op.session.open.sqlite.prepare('SELECT id, company, contact_email, country, stripe_account_id, stripe_account_state FROM partners WHERE id = ?').get(id) as PartnerRow | undefined;
  return p ?? fail('not_found', 'This partner no longer exists. Go back to the list and reload.');
}

export function connectView(op: StripeOp, partnerId: string): ConnectView {
  const p = partner(op, partnerId);
  const box = op.session.open.sqlite.prepare('SELECT status, last_error FROM outbox WHERE idempotency_key = ?').get(accountKey(partnerId)) as { status: string; last_error: string } | undefined;
  const seen = p.stripe_account_id ? lastSeen.get(p.stripe_account_id) : undefined;
  return {
    partnerId,
    accountId: p.stripe_account_id,
    state: p.stripe_account_state,
    mode: readSettings(op).mode,
    pending: !!box && box.status !== 'sent',
    lastError: box && box.status !== 'sent' ? box.last_error : '',
    capabilities: seen?.capabilities ?? {},
    requirements: seen?.requirements ?? [],
  };
}

function remember(a: Stripe.Account): void {
  lastSeen.set(a.id, { capabilities: { ...(a.capabilities ?? {}) } as Record<string, string>, requirements: [...(a.requirements?.currently_due ?? [])] });
}

export async function connectCreate(op: StripeOp, partnerId: string): Promise<ConnectView> {
  const p = partner(op, partnerId);
  if (p.stripe_account_id) return connectView(op, partnerId);
  if (!/^[A-Z]{2}$/.test(p.country)) fail('validation', `${p.company} has no country yet; Stripe needs it to open a connected account. Set it on the Overview tab.`, { fieldErrors: { country: 'Set the country first' } });
  const sqlite = op.session.open.sqlite;
  inTransaction(op, () => {
    const payload = {
      type: 'express',
      country: p.country,
      ...(p.contact_email ? { email: p.contact_email } : {}),
      business_type: 'company',
      business_profile: { name: p.company },
      capabilities: { transfers: { requested: true } },
      metadata: { partner_id: p.id },
    };
    const n = sqlite
      .prepare("INSERT INTO outbox (id, kind, idempotency_key, payload, status, created_at) VALUES (?, 'account.create', ?, ?, 'pending', ?) ON CONFLICT(idempotency_key) DO NOTHING")
      .run(randomUUID(), accountKey(p.id), JSON.stringify(payload), op.now.toISOString()).changes;
    if (n) {
      sqlite.prepare("UPDATE partners SET stripe_account_state = 'pending' WHERE id = ?").run(p.id);
      audit(op, 'stripe.connect.queue', 'partners', p.id, { idempotencyKey: accountKey(p.id) });
    }
  });
  try {
    await flushOutbox(op);
  } catch (e) {
    if (!(e instanceof Error && 'error' in e)) throw e;
    // Offline: the account waits in the outbox; the view says so.
  }
  return connectView(op, partnerId);
}

/** Sends pending outbox rows with their idempotency keys; stops at the first network failure. */
export async function flushOutbox(op: StripeOp): Promise<{ sent: number; pending: number }> {
  const sqlite = op.session.open.sqlite;
  const rows = sqlite.prepare("SELECT id, kind, idempotency_key, payload, status, attempts, last_error FROM outbox WHERE status IN ('pending','sending','failed') AND kind = 'account.create' ORDER BY created_at").all() as OutboxRow[];
  if (rows.length === 0) return { sent: 0, pending: pendingOutbox(op) };
  const stripe = stripeClient(readSettings(op));
  let sent = 0;
  for (const row of rows) {
    const at = op.now.toISOString();
    sqlite.prepare("UPDATE outbox SET status = 'sending', attempts = attempts + 1, first_sent_at = coalesce(first_sent_at, ?) WHERE id = ?").run(at, row.id);
    let account: Stripe.Account;
    try {
      account = await call('creating the connected account', () => stripe.accounts.create(JSON.parse(row.payload) as Stripe.AccountCreateParams, { idempotencyKey: row.idempotency_key }), rows.length - sent);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      sqlite.prepare('UPDATE outbox SET status = ?, last_error = ? WHERE id = ?').run(isOfflineMessage(e) ? 'pending' : 'failed', message, row.id);
      throw e;
    }
    inTransaction(op, () => {
      const partnerId = (JSON.parse(row.payload) as { metadata: { partner_id: string } }).metadata.partner_id;
      sqlite.prepare("UPDATE outbox SET status = 'sent', sent_at = ?, result = ?, last_error = '' WHERE id = ?").run(at, account.id, row.id);
      sqlite.prepare('UPDATE partners SET stripe_account_id = ?, stripe_account_state = ? WHERE id = ?').run(account.id, accountState(account), partnerId);
      audit(op, 'stripe.connect.create', 'partners', partnerId, { accountId: account.id, idempotencyKey: row.idempotency_key });
    });
    remember(account);
    sent++;
  }
  return { sent, pending: pendingOutbox(op) };
}

const isOfflineMessage = (e: unknown) => isOffline(e) || (e instanceof Error && /cannot be reached|busy/.test(e.message));

export async function connectRefresh(op: StripeOp, partnerId: string): Promise<ConnectView> {
  const p = partner(op, partnerId);
  if (!p.stripe_account_id) {
    if (pendingOutbox(op) > 0) await flushOutbox(op);
    return connectView(op, partnerId);
  }
  const stripe = stripeClient(readSettings(op));
  const account = await call('reading the connected account', () => stripe.accounts.retrieve(p.stripe_account_id!), pendingOutbox(op));
  remember(account);
  inTransaction(op, () => {
    op.session.open.sqlite.prepare('UPDATE partners SET stripe_account_state = ? WHERE id = ?').run(accountState(account), partnerId);
  });
  return connectView(op, partnerId);
}

/** An onboarding link to send to the partner (Stripe's links expire after minutes: make it when sending). */
export async function connectLink(op: StripeOp, partnerId: string): Promise<{ url: string; expiresAt: string }> {
  const p = partner(op, partnerId);
  if (!p.stripe_account_id) fail('conflict', `${p.company} has no connected account yet. Create it first.`);
  const s = readSettings(op);
  const stripe = stripeClient(s);
  const back = s.api_base ? `${s.api_base}/connect` : 'https://connect.stripe.com';
  try {
    const link = await stripe.accountLinks.create({ account: p.stripe_account_id!, type: 'account_onboarding', refresh_url: `${back}/refresh`, return_url: `${back}/return` });
    audit(op, 'stripe.connect.link', 'partners', partnerId, { accountId: p.stripe_account_id });
    return { url: link.url, expiresAt: new Date(link.expires_at * 1000).toISOString() };
  } catch (e) {
    return stripeFailure('making the onboarding link', e, pendingOutbox(op));
  }
}
