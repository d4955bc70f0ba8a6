import type Stripe from 'stripe';
import { API_VERSION, DAY, clone, type Route, type StripeCore } from './core';
import { noSuch } from './errors';
import { inRange } from './forms';
import { LIST_PARAMS, PLATFORM, paginate } from './lists';

/** Stripe keeps events for 30 days; a client offline longer must re-list the objects. */
export const EVENT_RETENTION_SECONDS = 30 * DAY;

export interface EmitOptions {
  /** When it happened (default and latest: the fake's now). Events older than 30 days are not kept. */
  at?: number;
  /** The connected account the event occurred on (`event.account`), else the platform. */
  account?: string;
  previous?: Record<string, unknown>;
  /** A snapshot already taken for another event of the same moment (saves a copy). */
  snapshot?: () => object;
}

/** One lazily taken snapshot, shared by the events of one change. */
export function snapshotOf(object: object): () => object {
  let snap: object | undefined;
  return () => (snap ??= clone(object));
}

/**
 * Records `type` with a snapshot of `object` as it is now, as Stripe's Events API shows it:
 * the object at the time of the event, `request` for API-caused events, `account` for
 * events on a connected account.
 */
export function emit(core: StripeCore, type: Stripe.Event.Type, object: object, opts: EmitOptions = {}): void {
  // Nothing happens in the fake's future: a change dated later is recorded as of now.
  const at = Math.min(opts.at ?? core.now(), core.now());
  if (at < core.now() - EVENT_RETENTION_SECONDS) return; // already outside the window
  const req = core.currentRequest;
  const event = {
    id: core.id('evt'),
    object: 'event' as const,
    api_version: API_VERSION,
    created: at,
    data: { object: opts.snapshot ? opts.snapshot() : clone(object), ...(opts.previous ? { previous_attributes: opts.previous } : {}) },
    livemode: core.livemode,
    pending_webhooks: 0,
    request: req ? { id: req.id, idempotency_key: req.idempotencyKey } : { id: null, idempotency_key: null },
    type,
    ...(opts.account ? { account: opts.account } : {}),
  } as Stripe.Event;
  core.events.add(event, at, opts.account ?? PLATFORM);
}

/**
 * Applies `mutate` to a stored object and records `type` with `previous_attributes` — the
 * top-level fields as they were before the change.
 */
export function update<T extends object>(core: StripeCore, obj: T, type: Stripe.Event.Type | null, mutate: (o: T) => void, opts: Omit<EmitOptions, 'previous'> = {}): T {
  if (!type || (opts.at ?? core.now()) < core.now() - EVENT_RETENTION_SECONDS) {
    mutate(obj); // no event to record: skip the snapshots
    return obj;
  }
  const before = clone(obj) as Record<string, unknown>;
  mutate(obj);
  const after = obj as Record<string, unknown>;
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key] ?? null;
  }
  emit(core, type, obj, { ...opts, previous });
  return obj;
}

/** Forgets events older than the retention window (called before every read). */
export function pruneEvents(core: StripeCore): number {
  const cutoff = core.now() - EVENT_RETENTION_SECONDS;
  return core.events.removeWhere((_e, created) => created < cutoff);
}

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/v1\/events$/,
    params: [...LIST_PARAMS, 'type', 'types', 'created', 'delivery_success'],
    handle: ({ core, params, account }) => {
      pruneEvents(core);
      const type = params.string('type');
      const types = params.stringList('types');
      const created = params.range('created');
      // `type` accepts a trailing wildcard: `invoice.*`.
      const typeMatches = (t: string) =>
        (!type || (type.endsWith('*') ? t.startsWith(type.slice(0, -1)) : t === type)) && (!types || types.includes(t));
      return paginate(core.events.view(account), params, '/v1/events', (e) => typeMatches(e.type) && inRange(e.created, created), 'event');
    },
  },
  {
    method: 'GET',
    path: /^\/v1\/events\/([^/]+)$/,
    params: ['expand'],
    handle: ({ core, match, account }) => {
      pruneEvents(core);
      const e = core.events.get(match[0]!, account);
      if (!e) throw noSuch('event', match[0]!);
      return e;
    },
  },
];
