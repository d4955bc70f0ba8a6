import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRoutes, onboardingPage } from './accounts';
import { catalogRoutes } from './catalog';
import { chargeRoutes } from './charges';
import { API_VERSION, type Route } from './core';
import { customerRoutes } from './customers';
import {
  StripeFail,
  idempotencyInFlight,
  idempotencyMismatch,
  invalidKey,
  lockTimeout,
  missingKey,
  noAccountAccess,
  rateLimited,
  serverError,
  unknownParam,
  unrecognizedUrl,
} from './errors';
import { eventRoutes } from './events';
import { expand } from './expand';
import { Failures, type FailOptions, type Match, type RequestRecord } from './failures';
import { Params, canonical, parseForm } from './forms';
import { IdempotencyStore, type SavedResponse } from './idempotency';
import { invoiceRoutes } from './invoices';
import { PLATFORM } from './lists';
import { seedDemo, type DemoOptions } from './seedDemo';
import { FakeState } from './state';
import { subscriptionRoutes } from './subscriptions';
import { transferRoutes } from './transfers';

export interface FakeSeed {
  /** The fake's clock at start, epoch seconds (default: the real time). */
  now?: number;
  /** Platform balance to start with, by currency, minor units: `{ usd: 1_000_000 }`. */
  balances?: Record<string, number>;
  /** Demo data for the four seed programmes (see seedDemo.ts). */
  demo?: DemoOptions;
  /** Anything else a test wants in place before the first request. */
  setup?: (state: FakeState) => void;
}

export interface FakeStripeOptions {
  /** Default 0: a random free port. The fake only ever listens on 127.0.0.1. */
  port?: number;
  seed?: FakeSeed;
  /** Which keys the fake accepts: test keys (sk_test_/rk_test_, default) or live keys. */
  mode?: 'test' | 'live';
  /** Only these keys are valid (default: any well-formed key of the mode). */
  apiKeys?: string[];
}

export interface FakeControl {
  now(): number;
  setNow(epochSeconds: number): void;
  advance(seconds: number): void;
  /** The next n matching requests fail with 429 (rate_limit or lock_timeout) or 500. */
  failNext(n: number, opts: FailOptions): void;
  /** The next n matching requests get no response: the socket is destroyed. */
  dropNext(n: number, match?: Match): void;
  /** The next matching request (or `count` of them) waits `ms` before it runs. */
  delayNext(ms: number, match?: Match & { count?: number }): void;
  /** The next n matching requests run and are stored, then the socket is destroyed. */
  dropAfterCommit(n: number, match?: Match): void;
  /** Requests that reached the fake for a path, including failed and dropped ones. */
  requests(path?: string | RegExp, method?: string): number;
  readonly log: readonly RequestRecord[];
  /** Clears pending failure injections. */
  reset(): void;
}

export interface FakeStripe {
  url: string;
  host: string;
  port: number;
  /** A key the fake accepts, to give the SDK or the app. */
  secretKey: string;
  state: FakeState;
  control: FakeControl;
  close(): Promise<void>;
}

const ROUTES: Route[] = [...customerRoutes, ...catalogRoutes, ...subscriptionRoutes, ...invoiceRoutes, ...chargeRoutes, ...accountRoutes, ...transferRoutes, ...eventRoutes];
const KEY_SHAPE = /^(sk|rk)_(test|live)_\w{4,}$/;
export const DEFAULT_TEST_KEY = 'sk_test_partnerdesk_fake_0000000000';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const jsonReply = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({ status, body: JSON.stringify(body), headers });
const failReply = (f: StripeFail): Reply => jsonReply(f.status, f.body, f.headers);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const header = (req: IncomingMessage, name: string): string | null => {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : null;
};

function apiKeyOf(req: IncomingMessage): string | null {
  const auth = header(req, 'authorization');
  if (!auth) return null;
  if (auth.startsWith('Bearer ')) return auth.slice(7).trim();
  if (auth.startsWith('Basic ')) return Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0] ?? null;
  return null;
}

/**
 * Starts a stateful fake of Stripe's v1 API on 127.0.0.1 that the official `stripe` SDK
 * talks to (`new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`).
 */
export async function startFakeStripe(opts: FakeStripeOptions = {}): Promise<FakeStripe> {
  const mode = opts.mode ?? 'test';
  const state = new FakeState({ livemode: mode === 'live', ...(opts.seed?.now !== undefined ? { now: opts.seed.now } : {}) });
  const failures = new Failures();
  const idempotency = new IdempotencyStore();
  let requestSeq = 0;

  const acceptsKey = (key: string) => {
    const m = KEY_SHAPE.exec(key);
    if (!m || m[2] !== mode) return false;
    return !opts.apiKeys || opts.apiKeys.includes(key);
  };

  async function serveApi(req: IncomingMessage, method: string, path: string, raw: string, record: RequestRecord, requestId: string): Promise<Reply> {
    const key = apiKeyOf(req);
    if (!key) return failReply(missingKey());
    if (!acceptsKey(key)) return failReply(invalidKey(key));
    record.livemode = key.includes('_live_');

    const injected = failures.takeFail(method, path);
    if (injected) {
      if (injected.status === 500) return failReply(serverError());
      return failReply(injected.code === 'lock_timeout' ? lockTimeout() : rateLimited());
    }

    const found = ROUTES.map((r) => ({ r, m: r.method === method ? r.path.exec(path) : null })).find((x) => x.m);
    if (!found) return failReply(unrecognizedUrl(method, path));
    const { r: route, m } = found;

    const account = header(req, 'stripe-account') ?? PLATFORM;
    if (account !== PLATFORM && !state.accounts.get(account)) return failReply(noAccountAccess(key, account));

    let params: Params;
    try {
      params = new Params(parseForm(raw));
      for (const k of params.keys()) if (!route.params.includes(k)) throw unknownParam(k);
    } catch (e) {
      if (e instanceof StripeFail) return failReply(e);
      throw e;
    }
    const expandPaths = params.stringList('expand') ?? [];

    const idemKey = method === 'POST' ? header(req, 'idempotency-key') : null;
    const scope = account || 'platform';
    if (idemKey) {
      const seen = idempotency.begin(scope, idemKey, `${method} ${path} ${canonical(params.form)}`, state.now());
      if (seen.kind === 'mismatch') return failReply(idempotencyMismatch(idemKey));
      if (seen.kind === 'in_flight') return failReply(idempotencyInFlight());
      if (seen.kind === 'replay') {
        record.replayed = true;
        return { ...seen.response, headers: { ...seen.response.headers, 'Idempotent-Replayed': 'true' } };
      }
    }

    // A slow endpoint: the key is already reserved, so a retry meanwhile gets a 409.
    const delay = failures.takeDelay(method, path);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));

    let reply: Reply;
    let saved = true;
    state.currentRequest = { id: requestId, idempotencyKey: idemKey };
    try {
      const body = route.handle({ core: state, params, match: m!.slice(1), account, method });
      // expand() answers with a copy whenever there is something to expand or include.
      const out = expand(state, body, expandPaths);
      if (route.include && expandPaths.length) route.include(out, expandPaths, state);
      reply = jsonReply(200, out);
    } catch (e) {
      if (e instanceof StripeFail) {
        reply = failReply(e);
        saved = e.saved;
      } else {
        console.error('[fake-stripe] handler failed', method, path, e);
        reply = failReply(serverError());
      }
    } finally {
      state.currentRequest = null;
    }
    if (idemKey) {
      if (saved) idempotency.save(scope, idemKey, { ...reply, headers: { ...reply.headers, 'Original-Request': requestId } } satisfies SavedResponse);
      else idempotency.release(scope, idemKey);
    }
    return reply;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const body = method === 'POST' ? await readBody(req) : '';

    const onboarding = /^\/connect\/onboarding\/([^/]+)$/.exec(path);
    if (onboarding) {
      const page = onboardingPage(state, method, onboarding[1]!);
      res.writeHead(page.status, page.headers).end(page.body);
      return;
    }

    const raw = method === 'POST' ? body : url.search.slice(1);
    const idemKey = header(req, 'idempotency-key');
    const record: RequestRecord = { method, path, body: raw, account: header(req, 'stripe-account'), idempotencyKey: idemKey, livemode: null, status: 0, replayed: false, at: state.now() };
    failures.log.push(record);
    const requestId = `req_${(++requestSeq).toString(36).padStart(6, '0')}${state.id('r').slice(2, 10)}`;

    if (failures.takeDrop(method, path)) {
      record.status = 'dropped';
      req.socket.destroy();
      return;
    }
    const reply = await serveApi(req, method, path, raw, record, requestId);
    if (failures.takeDropAfterCommit(method, path)) {
      record.status = 'dropped';
      req.socket.destroy();
      return;
    }
    record.status = reply.status;
    if (res.destroyed) return; // the client gave up (its timeout); the work is done all the same
    res.writeHead(reply.status, {
      'Content-Type': 'application/json',
      'Request-Id': requestId,
      'Stripe-Version': header(req, 'stripe-version') ?? API_VERSION,
      ...(idemKey ? { 'Idempotency-Key': idemKey } : {}),
      ...(record.account ? { 'Stripe-Account': record.account } : {}),
      ...reply.headers,
    });
    res.end(reply.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('[fake-stripe]', e);
      if (!res.headersSent && !res.destroyed) res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify(serverError().body));
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  state.baseUrl = url;

  const seed = opts.seed ?? {};
  for (const [currency, amount] of Object.entries(seed.balances ?? {})) state.addFunds(currency, amount);
  if (seed.demo) seedDemo(state, seed.demo);
  seed.setup?.(state);

  const control: FakeControl = {
    now: () => state.now(),
    setNow: (s) => state.setNow(s),
    advance: (s) => state.advance(s),
    failNext: (n, o) => failures.failNext(n, o),
    dropNext: (n, m) => failures.dropNext(n, m),
    delayNext: (ms, m) => failures.delayNext(ms, m),
    dropAfterCommit: (n, m) => failures.dropAfterCommit(n, m),
    requests: (p, m) => failures.requests(p, m),
    log: failures.log,
    reset: () => failures.reset(),
  };

  return {
    url,
    host: '127.0.0.1',
    port,
    secretKey: opts.apiKeys?.[0] ?? (mode === 'live' ? DEFAULT_TEST_KEY.replace('_test_', '_live_') : DEFAULT_TEST_KEY),
    state,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
