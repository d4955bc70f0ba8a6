/**
 * Failure injection for the fake: the next n requests matching a path (and method) fail,
 * are dropped, are delayed, or are executed and then dropped. Also counts every request
 * by path so tests can assert how often the client called.
 */
export interface Match {
  /** Exact path (`/v1/transfers`) or a pattern; omitted = any request. */
  path?: string | RegExp;
  method?: 'GET' | 'POST' | 'DELETE';
}

export interface FailOptions extends Match {
  status: 429 | 500;
  /**
   * For 429: `rate_limit` (default; the SDK never retries it) or `lock_timeout` (sent with
   * `Stripe-Should-Retry: true`, which the SDK retries within maxNetworkRetries).
   */
  code?: 'rate_limit' | 'lock_timeout';
}

export interface RequestRecord {
  method: string;
  path: string;
  /** Query or body parameters as received (raw text). */
  body: string;
  account: string | null;
  idempotencyKey: string | null;
  livemode: boolean | null;
  status: number | 'dropped';
  replayed: boolean;
  at: number;
}

interface Rule<T> {
  remaining: number;
  match: Match;
  value: T;
}

function matches(m: Match, method: string, path: string): boolean {
  if (m.method && m.method !== method) return false;
  if (m.path === undefined) return true;
  return typeof m.path === 'string' ? m.path === path : m.path.test(path);
}

function take<T>(rules: Rule<T>[], method: string, path: string): T | undefined {
  const rule = rules.find((r) => r.remaining > 0 && matches(r.match, method, path));
  if (!rule) return undefined;
  rule.remaining--;
  if (rule.remaining === 0) rules.splice(rules.indexOf(rule), 1);
  return rule.value;
}

export class Failures {
  private fails: Rule<FailOptions>[] = [];
  private drops: Rule<true>[] = [];
  private delays: Rule<number>[] = [];
  private dropsAfterCommit: Rule<true>[] = [];
  readonly log: RequestRecord[] = [];

  failNext(n: number, opts: FailOptions): void {
    this.fails.push({ remaining: n, match: opts, value: opts });
  }

  dropNext(n: number, match: Match = {}): void {
    this.drops.push({ remaining: n, match, value: true });
  }

  delayNext(ms: number, match: Match & { count?: number } = {}): void {
    this.delays.push({ remaining: match.count ?? 1, match, value: ms });
  }

  dropAfterCommit(n: number, match: Match = {}): void {
    this.dropsAfterCommit.push({ remaining: n, match, value: true });
  }

  takeFail(method: string, path: string): FailOptions | undefined {
    return take(this.fails, method, path);
  }

  takeDrop(method: string, path: string): boolean {
    return take(this.drops, method, path) === true;
  }

  takeDelay(method: string, path: string): number {
    return take(this.delays, method, path) ?? 0;
  }

  takeDropAfterCommit(method: string, path: string): boolean {
    return take(this.dropsAfterCommit, method, path) === true;
  }

  /** How many requests reached the fake for a path (any method unless given), including failed ones. */
  requests(path?: string | RegExp, method?: string): number {
    return this.log.filter((r) => matches({ ...(path !== undefined ? { path } : {}) }, r.method, r.path) && (!method || r.method === method)).length;
  }

  /** Clears pending injections (not the request log). */
  reset(): void {
    this.fails = [];
    this.drops = [];
    this.delays = [];
    this.dropsAfterCommit = [];
  }
}
