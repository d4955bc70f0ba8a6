import { DAY } from './core';

/** Stripe prunes idempotency keys once they are at least 24 hours old. */
export const IDEMPOTENCY_WINDOW_SECONDS = DAY;

export interface SavedResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

interface KeyRecord {
  fingerprint: string;
  createdAt: number;
  /** Null while the first request with the key is still executing. */
  response: SavedResponse | null;
}

export type Lookup =
  | { kind: 'new' }
  | { kind: 'replay'; response: SavedResponse }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

/**
 * Stripe's v1 idempotency layer: the first response for a key (success or an error raised
 * while the endpoint ran) is saved and replayed for 24 hours to a request with the same
 * method, path and parameters; other parameters with the same key are an
 * `idempotency_error`. Keys are scoped to the account the request acts on.
 */
export class IdempotencyStore {
  private readonly keys = new Map<string, KeyRecord>();

  private prune(now: number): void {
    for (const [k, r] of this.keys) if (r.response && r.createdAt <= now - IDEMPOTENCY_WINDOW_SECONDS) this.keys.delete(k);
  }

  /** Looks the key up and, when it is new, reserves it for this request. */
  begin(scope: string, key: string, fingerprint: string, now: number): Lookup {
    this.prune(now);
    const id = `${scope}\u0000${key}`;
    const r = this.keys.get(id);
    if (!r) {
      this.keys.set(id, { fingerprint, createdAt: now, response: null });
      return { kind: 'new' };
    }
    if (r.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (!r.response) return { kind: 'in_flight' };
    return { kind: 'replay', response: r.response };
  }

  save(scope: string, key: string, response: SavedResponse): void {
    const r = this.keys.get(`${scope}\u0000${key}`);
    if (r) r.response = response;
  }

  /** The request ended before the endpoint ran (validation): nothing is remembered. */
  release(scope: string, key: string): void {
    const id = `${scope}\u0000${key}`;
    if (this.keys.get(id)?.response === null) this.keys.delete(id);
  }

  get size(): number {
    return this.keys.size;
  }
}
