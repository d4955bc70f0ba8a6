// The paged sync. Each call of syncStep pulls ONE page and writes it, with the cursor that
// says where to continue, in ONE transaction — so a crash between pages loses nothing and a
// retried page duplicates nothing, and the core (which serialises calls) stays responsive.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { fail } from '../../../src-shared/rpc/errors';
import { EVENT_RETENTION_DAYS, SYNC_TYPES, type SyncType } from '../../../src-shared/stripe/rules';
import type { SyncProgress } from '../../../src-shared/stripe/contract';
import { call, stripeClient } from './client';
import { audit, inTransaction, pendingOutbox, readSettings, type StripeOp } from './op';
import {
  disputeReversal,
  loadRules,
  refundReversal,
  upsertAccounts,
  upsertCustomers,
  upsertInvoices,
  upsertProducts,
  upsertReversals,
  upsertSubscriptions,
  type InvoiceWithLines,
  type Reversal,
} from './store';

export const PAGE = 100;
/**
 * payment intent → invoice, learnt while listing invoices (their payments name the intent),
 * so refunds and disputes find their invoice without a call each. Only a cache: after a
 * restart the invoice_payments endpoint answers instead.
 */
const invoiceOfIntent = new Map<string, string>();
/** A flag per workspace file, set by stripe.syncCancel and checked between pages. */
const cancelRequested = new Set<string>();

interface RunRow { id: string; kind: 'full' | 'incremental' | 'relist'; status: SyncProgress['status']; counts: string; message: string }
interface CursorRow { object_type: string; list_cursor: string | null; last_event_id: string | null; last_event_created: number | null }

const PHASES = [...SYNC_TYPES, 'events'] as const;

function cursors(op: StripeOp): Map<string, CursorRow> {
  const rows = op.session.open.sqlite.prepare('SELECT object_type, list_cursor, last_event_id, last_event_created FROM stripe_sync_cursors').all() as CursorRow[];
  return new Map(rows.map((r) => [r.object_type, r]));
}

function setCursor(op: StripeOp, type: string, fields: { listCursor?: string | null; listedUpTo?: number; lastEventId?: string | null; lastEventCreated?: number | null }): void {
  const at = op.now.toISOString();
  const sqlite = op.session.open.sqlite;
  sqlite.prepare("INSERT INTO stripe_sync_cursors (object_type, updated_at) VALUES (?, ?) ON CONFLICT(object_type) DO NOTHING").run(type, at);
  if ('listCursor' in fields) sqlite.prepare('UPDATE stripe_sync_cursors SET list_cursor = ?, updated_at = ? WHERE object_type = ?').run(fields.listCursor ?? null, at, type);
  if (fields.listedUpTo !== undefined) sqlite.prepare('UPDATE stripe_sync_cursors SET listed_up_to = ? WHERE object_type = ?').run(fields.listedUpTo, type);
  if ('lastEventId' in fields) sqlite.prepare('UPDATE stripe_sync_cursors SET last_event_id = ?, last_event_created = ?, updated_at = ? WHERE object_type = ?').run(fields.lastEventId ?? null, fields.lastEventCreated ?? null, at, type);
}

const runningRun = (op: StripeOp) => op.session.open.sqlite.prepare("SELECT id, kind, status, counts, message FROM stripe_sync_log WHERE status = 'running' ORDER BY started_at DESC LIMIT 1").get() as RunRow | undefined;

function progress(op: StripeOp, run: RunRow): SyncProgress {
  const cur = cursors(op);
  const pendingType = SYNC_TYPES.find((t) => cur.get(t)?.list_cursor != null) ?? null;
  const phase = run.status !== 'running' ? null : (pendingType ?? 'events');
  const phasesDone = phase === null ? PHASES.length : PHASES.indexOf(phase as (typeof PHASES)[number]);
  return { runId: run.id, kind: run.kind, status: run.status, phase, phasesDone, phasesTotal: PHASES.length, counts: JSON.parse(run.counts) as Record<string, number>, message: run.message };
}

function bump(counts: Record<string, number>, add: Record<string, number>): Record<string, number> {
  const out = { ...counts };
  for (const [k, v] of Object.entries(add)) out[k] = (out[k] ?? 0) + v;
  return out;
}

async function newestEvent(stripe: Stripe, op: StripeOp): Promise<Stripe.Event | null> {
  const page = await call('reading the newest event', () => stripe.events.list({ limit: 1 }), pendingOutbox(op));
  return page.data[0] ?? null;
}

/** Marks every object type to be listed from the top, and remembers the newest event first. */
async function planRelist(stripe: Stripe, op: StripeOp): Promise<Stripe.Event | null> {
  return newestEvent(stripe, op);
}

function writeRelist(op: StripeOp, newest: Stripe.Event | null): void {
  for (const t of SYNC_TYPES) setCursor(op, t, { listCursor: '' });
  setCursor(op, 'events', { lastEventId: newest?.id ?? null, lastEventCreated: newest?.created ?? null });
}

function previousKind(op: StripeOp): RunRow['kind'] | null {
  const r = op.session.open.sqlite.prepare('SELECT kind FROM stripe_sync_log ORDER BY started_at DESC, rowid DESC LIMIT 1').get() as { kind: RunRow['kind'] } | undefined;
  return r?.kind ?? null;
}

function lastDoneAt(op: StripeOp): string | null {
  const r = op.session.open.sqlite.prepare("SELECT max(finished_at) AS at FROM stripe_sync_log WHERE status = 'done'").get() as { at: string | null };
  return r.at;
}

/**
 * Starts a sync or resumes the one under way. A first sync (or `full`) lists everything; a
 * sync whose last success is older than the 30 days Stripe keeps events re-lists; otherwise
 * only events since the last one applied, plus the Connect accounts (their events live on
 * the connected accounts, so they are re-listed).
 */
export async function syncStart(op: StripeOp, input: { full: boolean }): Promise<SyncProgress> {
  const running = runningRun(op);
  if (running) return progress(op, running);
  const stripe = stripeClient(readSettings(op));
  const cur = cursors(op);
  const unfinishedList = SYNC_TYPES.some((t) => cur.get(t)?.list_cursor != null);
  const last = lastDoneAt(op);
  const tooOld = last !== null && op.now.getTime() - Date.parse(last) > EVENT_RETENTION_DAYS * 86_400_000;
  let kind: RunRow['kind'];
  let newest: Stripe.Event | null | undefined;
  if (unfinishedList) kind = previousKind(op) ?? 'full'; // resume where the stopped run was
  else if (input.full || last === null || !cur.get('events')?.last_event_id) kind = 'full';
  else if (tooOld) kind = 'relist';
  else kind = 'incremental';
  if (!unfinishedList && kind !== 'incremental') newest = await planRelist(stripe, op);
  const run: RunRow = { id: randomUUID(), kind, status: 'running', counts: '{}', message: unfinishedList ? 'Resuming the interrupted sync' : '' };
  inTransaction(op, () => {
    if (newest !== undefined) writeRelist(op, newest);
    if (kind === 'incremental') setCursor(op, 'accounts', { listCursor: '' });
    op.session.open.sqlite
      .prepare("INSERT INTO stripe_sync_log (id, started_at, status, kind, counts, message, started_by) VALUES (?, ?, 'running', ?, '{}', ?, ?)")
      .run(run.id, op.now.toISOString(), kind, run.message, op.session.user.id);
    audit(op, 'stripe.sync.start', 'stripe_sync_log', run.id, { kind });
  });
  cancelRequested.delete(op.session.file);
  return progress(op, run);
}

export function syncCancel(op: StripeOp): { cancelled: boolean } {
  const run = runningRun(op);
  if (!run) return { cancelled: false };
  cancelRequested.add(op.session.file);
  return { cancelled: true };
}

function finish(op: StripeOp, run: RunRow, status: 'done' | 'cancelled' | 'failed', counts: Record<string, number>, message: string): RunRow {
  op.session.open.sqlite.prepare('UPDATE stripe_sync_log SET status = ?, finished_at = ?, counts = ?, message = ? WHERE id = ?').run(status, op.now.toISOString(), JSON.stringify(counts), message, run.id);
  audit(op, `stripe.sync.${status}`, 'stripe_sync_log', run.id, counts);
  return { ...run, status, counts: JSON.stringify(counts), message };
}

/** One page: pulled, then written with its cursor in one transaction. */
export async function syncStep(op: StripeOp): Promise<SyncProgress> {
  let run = runningRun(op) ?? fail('conflict', 'No sync is under way. Start one first.');
  if (cancelRequested.has(op.session.file)) {
    cancelRequested.delete(op.session.file);
    run = inTransaction(op, () => finish(op, run, 'cancelled', JSON.parse(run.counts), 'Cancelled; the next sync resumes where this one stopped.'));
    return progress(op, run);
  }
  const stripe = stripeClient(readSettings(op));
  const cur = cursors(op);
  const type = SYNC_TYPES.find((t) => cur.get(t)?.list_cursor != null);
  const counts = JSON.parse(run.counts) as Record<string, number>;
  try {
    if (type) {
      const after = cur.get(type)!.list_cursor || undefined;
      const page = await fetchPage(stripe, op, type, after);
      const next = page.hasMore && page.lastId ? { listCursor: page.lastId } : { listCursor: null, listedUpTo: Math.floor(op.now.getTime() / 1000) };
      run = inTransaction(op, () => {
        const added = page.write();
        setCursor(op, type, next);
        const c = bump(counts, { ...added, pages: 1 });
        op.session.open.sqlite.prepare('UPDATE stripe_sync_log SET counts = ? WHERE id = ?').run(JSON.stringify(c), run.id);
        return { ...run, counts: JSON.stringify(c) };
      });
      return progress(op, run);
    }
    return await eventsStep(stripe, op, run, cur.get('events') ?? null, counts);
  } catch (e) {
    // An offline / rate-limited step leaves the run 'running': the next step retries the same page.
    const message = e instanceof Error ? e.message : String(e);
    op.session.open.sqlite.prepare('UPDATE stripe_sync_log SET message = ? WHERE id = ?').run(message, run.id);
    throw e;
  }
}

interface Page { hasMore: boolean; lastId: string | null; write: () => Record<string, number> }

async function fetchPage(stripe: Stripe, op: StripeOp, type: SyncType, after: string | undefined): Promise<Page> {
  const sqlite = op.session.open.sqlite;
  const base = { limit: PAGE, ...(after ? { starting_after: after } : {}) };
  const wait = pendingOutbox(op);
  const at = op.now.toISOString();
  const paged = <T extends { id: string }>(p: Stripe.ApiList<T>, write: (d: T[]) => Record<string, number>): Page => ({ hasMore: p.has_more, lastId: p.data.at(-1)?.id ?? null, write: () => write(p.data) });
  switch (type) {
    case 'products':
      return paged(await call('listing products', () => stripe.products.list(base), wait), (d) => upsertProducts(sqlite, d, at));
    case 'customers': {
      const p = await call('listing customers', () => stripe.customers.list({ ...base, expand: ['data.discount.promotion_code'] }), wait);
      return paged(p, (d) => upsertCustomers(sqlite, d, loadRules(sqlite)));
    }
    case 'subscriptions':
      return paged(await call('listing subscriptions', () => stripe.subscriptions.list({ ...base, status: 'all' }), wait), (d) => upsertSubscriptions(sqlite, d));
    case 'invoices': {
      const p = await call('listing invoices', () => stripe.invoices.list({ ...base, expand: ['data.payments'] }), wait);
      const withLines = await linesOf(stripe, p.data, wait);
      rememberIntents(p.data);
      return { hasMore: p.has_more, lastId: p.data.at(-1)?.id ?? null, write: () => upsertInvoices(sqlite, withLines) };
    }
    case 'refunds': {
      const p = await call('listing refunds', () => stripe.refunds.list(base), wait);
      const rev = await Promise.all(p.data.map(async (r) => refundReversal(r, await invoiceOfPayment(stripe, idOf(r.payment_intent), wait))));
      return { hasMore: p.has_more, lastId: p.data.at(-1)?.id ?? null, write: () => upsertReversals(sqlite, rev) };
    }
    case 'disputes': {
      const p = await call('listing disputes', () => stripe.disputes.list(base), wait);
      const rev = await Promise.all(p.data.map(async (d) => disputeReversal(d, await invoiceOfPayment(stripe, idOf(d.payment_intent), wait))));
      return { hasMore: p.has_more, lastId: p.data.at(-1)?.id ?? null, write: () => upsertReversals(sqlite, rev) };
    }
    case 'accounts':
      return paged(await call('listing Connect accounts', () => stripe.accounts.list(base), wait), (d) => upsertAccounts(sqlite, d));
  }
}

const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === 'string' ? v : v.id);

/** Invoices embed their first lines; the rest come from the lines endpoint. */
async function linesOf(stripe: Stripe, invoices: Stripe.Invoice[], wait: number): Promise<InvoiceWithLines[]> {
  return Promise.all(
    invoices.map(async (invoice) => {
      const lines = [...invoice.lines.data];
      let more = invoice.lines.has_more;
      while (more) {
        const p = await call('listing invoice lines', () => stripe.invoices.listLineItems(invoice.id!, { limit: PAGE, starting_after: lines.at(-1)!.id }), wait);
        lines.push(...p.data);
        more = p.has_more;
      }
      return { invoice, lines };
    }),
  );
}

function rememberIntents(invoices: Stripe.Invoice[]): void {
  for (const inv of invoices) {
    for (const p of inv.payments?.data ?? []) {
      const pi = idOf(p.payment?.payment_intent as string | { id: string } | undefined);
      if (pi && inv.id) invoiceOfIntent.set(pi, inv.id);
    }
  }
}

/** Charges carry no invoice in this API version: the invoice payment names the payment intent. */
async function invoiceOfPayment(stripe: Stripe, paymentIntent: string | null, wait: number): Promise<string | null> {
  if (!paymentIntent) return null;
  const known = invoiceOfIntent.get(paymentIntent);
  if (known) return known;
  const p = await call('finding the invoice of a payment', () => stripe.invoicePayments.list({ payment: { type: 'payment_intent', payment_intent: paymentIntent }, limit: 1 }), wait);
  return idOf(p.data[0]?.invoice as string | { id: string } | undefined);
}

/** Events newer than the last one applied, one page at a time, applied oldest first. */
async function eventsStep(stripe: Stripe, op: StripeOp, run: RunRow, cursor: CursorRow | null, counts: Record<string, number>): Promise<SyncProgress> {
  const sqlite = op.session.open.sqlite;
  const wait = pendingOutbox(op);
  if (!cursor?.last_event_id) {
    // No event existed when the lists began: start the event cursor at the newest one now.
    const newest = await newestEvent(stripe, op);
    run = inTransaction(op, () => {
      setCursor(op, 'events', { lastEventId: newest?.id ?? null, lastEventCreated: newest?.created ?? null });
      return finish(op, run, 'done', counts, 'Up to date');
    });
    return progress(op, run);
  }
  let page: Stripe.ApiList<Stripe.Event>;
  try {
    page = await stripe.events.list({ limit: PAGE, ending_before: cursor.last_event_id });
  } catch (e) {
    if (e instanceof Stripe.errors.StripeInvalidRequestError && e.code === 'resource_missing') {
      // Stripe has dropped the event we stopped at (older than 30 days): re-list everything.
      const newest = await newestEvent(stripe, op);
      run = inTransaction(op, () => {
        writeRelist(op, newest);
        sqlite.prepare("UPDATE stripe_sync_log SET kind = 'relist', message = ? WHERE id = ?").run('Events older than 30 days are gone; listing everything again', run.id);
        return { ...run, kind: 'relist' as const, message: 'Events older than 30 days are gone; listing everything again' };
      });
      return progress(op, run);
    }
    page = await call('reading events', () => stripe.events.list({ limit: PAGE, ending_before: cursor.last_event_id! }), wait);
  }
  const events = [...page.data].reverse(); // oldest first
  const apply = await resolveEvents(stripe, events, wait);
  run = inTransaction(op, () => {
    const added = apply(sqlite, op.now.toISOString());
    const newest = page.data[0];
    if (newest) setCursor(op, 'events', { lastEventId: newest.id, lastEventCreated: newest.created });
    const c = bump(counts, { ...added, events: events.length, pages: 1 });
    if (!page.has_more) return finish(op, run, 'done', c, 'Up to date');
    sqlite.prepare('UPDATE stripe_sync_log SET counts = ? WHERE id = ?').run(JSON.stringify(c), run.id);
    return { ...run, counts: JSON.stringify(c) };
  });
  return progress(op, run);
}

/** Fetches what the events need (current invoices, the invoice of a refund) before the write. */
async function resolveEvents(stripe: Stripe, events: Stripe.Event[], wait: number): Promise<(sqlite: StripeOp['session']['open']['sqlite'], at: string) => Record<string, number>> {
  const customers = new Map<string, Stripe.Customer>();
  const subs = new Map<string, Stripe.Subscription>();
  const products = new Map<string, Stripe.Product>();
  const invoiceIds = new Set<string>();
  const refunds = new Map<string, Stripe.Refund>();
  const disputes = new Map<string, Stripe.Dispute>();
  for (const e of events) {
    const o = e.data.object as { id: string; object: string };
    if (e.type.startsWith('customer.subscription.')) subs.set(o.id, o as Stripe.Subscription);
    else if (e.type.startsWith('customer.') && o.object === 'customer') customers.set(o.id, o as Stripe.Customer);
    else if (e.type.startsWith('product.')) products.set(o.id, o as Stripe.Product);
    else if (e.type.startsWith('invoice.') && o.object === 'invoice') invoiceIds.add(o.id);
    else if (e.type.startsWith('refund.')) refunds.set(o.id, o as Stripe.Refund);
    else if (e.type.startsWith('charge.dispute.')) disputes.set(o.id, o as Stripe.Dispute);
  }
  // An event's snapshot of an invoice may be stale and lacks lines past the first ten: read it now.
  const invoices = await Promise.all([...invoiceIds].map((id) => call('reading an invoice', () => stripe.invoices.retrieve(id, { expand: ['payments'] }), wait)));
  const withLines = await linesOf(stripe, invoices, wait);
  rememberIntents(invoices);
  const reversals: Reversal[] = [
    ...(await Promise.all([...refunds.values()].map(async (r) => refundReversal(r, await invoiceOfPayment(stripe, idOf(r.payment_intent), wait))))),
    ...(await Promise.all([...disputes.values()].map(async (d) => disputeReversal(d, await invoiceOfPayment(stripe, idOf(d.payment_intent), wait))))),
  ];
  return (sqlite, at) => {
    const c: Record<string, number> = {};
    const add = (r: Record<string, number>) => Object.entries(r).forEach(([k, v]) => (c[k] = (c[k] ?? 0) + v));
    add(upsertProducts(sqlite, [...products.values()], at));
    add(upsertCustomers(sqlite, [...customers.values()], loadRules(sqlite)));
    add(upsertSubscriptions(sqlite, [...subs.values()]));
    add(upsertInvoices(sqlite, withLines));
    add(upsertReversals(sqlite, reversals));
    return c;
  };
}

/** What a restart does to the cache (tests use it to take the invoice_payments path). */
export const forgetIntents = () => invoiceOfIntent.clear();
