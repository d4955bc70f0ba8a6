import type Stripe from 'stripe';
import { invalidParam, noSuch } from './errors';
import { inRange, type Params, type Range } from './forms';

/** The connected account an object lives on; the platform's own objects have none. */
export const PLATFORM = '';

interface Entry<T> {
  obj: T;
  created: number;
  seq: number;
  owner: string;
}

/**
 * One kind of object, listed in Stripe's order: newest first by `created`, ties broken by
 * creation order. Stored oldest-first so the usual append is O(1).
 */
export class Collection<T extends { id: string }> {
  private entries: Entry<T>[] = [];
  private byId = new Map<string, Entry<T>>();
  private positions: Map<string, number> | null = new Map();
  private sorted = true;
  /** field → value → entries, oldest first; built on first use, dropped on any change. */
  private indexes = new Map<string, Map<unknown, Entry<T>[]>>();
  private static seq = 0;

  constructor(readonly kind: string) {}

  get size(): number {
    return this.entries.length;
  }

  add(obj: T, created: number, owner = PLATFORM): T {
    const e: Entry<T> = { obj, created, seq: ++Collection.seq, owner };
    const last = this.entries[this.entries.length - 1];
    // Out-of-order adds (seed data, a test's history) are sorted once, on the next read.
    if (last && last.created > created) this.sorted = false;
    this.entries.push(e);
    if (this.sorted) this.positions?.set(obj.id, this.entries.length - 1);
    else this.positions = null;
    this.byId.set(obj.id, e);
    this.indexes.clear();
    return obj;
  }

  private ordered(): Entry<T>[] {
    if (!this.sorted) {
      this.entries.sort((a, b) => a.created - b.created || a.seq - b.seq);
      this.sorted = true;
      this.positions = null;
    }
    return this.entries;
  }

  get(id: string, owner?: string): T | undefined {
    const e = this.byId.get(id);
    if (!e || (owner !== undefined && e.owner !== owner)) return undefined;
    return e.obj;
  }

  /** The object or Stripe's 404 `No such <kind>: '<id>'`. */
  require(id: string, owner?: string, param = 'id'): T {
    const obj = this.get(id, owner);
    if (!obj) throw noSuch(this.kind, id, param);
    return obj;
  }

  ownerOf(id: string): string | undefined {
    return this.byId.get(id)?.owner;
  }

  all(owner?: string): T[] {
    return this.ordered().filter((e) => owner === undefined || e.owner === owner).map((e) => e.obj);
  }

  /** Drops every object the predicate selects (the event window uses it). */
  removeWhere(pred: (obj: T, created: number) => boolean): number {
    const keep = this.entries.filter((e) => !pred(e.obj, e.created));
    const removed = this.entries.length - keep.length;
    if (removed) {
      for (const e of this.entries) if (pred(e.obj, e.created)) this.byId.delete(e.obj.id);
      this.entries = keep;
      this.positions = null;
      this.indexes.clear();
    }
    return removed;
  }

  /** Newest-first view for pagination. */
  view(owner = PLATFORM): ListView<T> {
    const entries = this.ordered();
    const n = entries.length;
    return {
      length: n,
      at: (i) => {
        const e = entries[n - 1 - i]!;
        return e.owner === owner ? e.obj : undefined;
      },
      indexOf: (id) => {
        const e = this.byId.get(id);
        if (!e || e.owner !== owner) return -1;
        return n - 1 - this.position(id);
      },
    };
  }

  /**
   * Newest-first view of the objects whose `field` equals `value` (a customer's invoices, a
   * transfer group), so a filtered list does not walk 50,000 objects per page.
   */
  viewBy(field: keyof T & string, value: unknown, owner = PLATFORM): ListView<T> {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const e of this.ordered()) {
        const key = (e.obj as Record<string, unknown>)[field];
        const list = index.get(key);
        if (list) list.push(e);
        else index.set(key, [e]);
      }
      this.indexes.set(field, index);
    }
    const list = index.get(value) ?? [];
    const n = list.length;
    return {
      length: n,
      at: (i) => {
        const e = list[n - 1 - i];
        return e && e.owner === owner ? e.obj : undefined;
      },
      indexOf: (id) => {
        const k = list.findIndex((e) => e.obj.id === id);
        return k < 0 ? -1 : n - 1 - k;
      },
    };
  }

  private position(id: string): number {
    if (!this.positions) {
      this.positions = new Map();
      this.ordered().forEach((e, i) => this.positions!.set(e.obj.id, i));
    }
    return this.positions.get(id) ?? -1;
  }
}

/** Items in presentation order; `at` may return undefined for an item the caller may not see. */
export interface ListView<T> {
  length: number;
  at(i: number): T | undefined;
  indexOf(id: string): number;
}

export function arrayView<T extends { id: string }>(items: readonly T[]): ListView<T> {
  return { length: items.length, at: (i) => items[i], indexOf: (id) => items.findIndex((x) => x.id === id) };
}

export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'expand'] as const;

/**
 * Stripe's cursor pagination: `limit` (1–100, default 10), `starting_after` (older than the
 * cursor) or `ending_before` (newer than the cursor, still returned newest first — the SDK's
 * auto-pagination walks such pages backwards), `has_more` and the list's `url`.
 */
export function paginate<T extends { id: string }>(
  view: ListView<T>,
  params: Params,
  url: string,
  filter: (item: T) => boolean = () => true,
  kind = 'object',
): Stripe.ApiList<T> {
  const limit = params.integer('limit', { min: 1, max: 100 }) ?? 10;
  const after = params.string('starting_after');
  const before = params.string('ending_before');
  if (after && before) throw invalidParam('You may only specify one of these parameters: ending_before, starting_after.', 'ending_before');
  const matches = (i: number) => {
    const item = view.at(i);
    return item !== undefined && filter(item) ? item : undefined;
  };
  const found: T[] = [];
  if (before) {
    const at = view.indexOf(before);
    if (at < 0) throw noSuch(kind, before, 'ending_before', 400);
    for (let i = at - 1; i >= 0 && found.length <= limit; i--) {
      const item = matches(i);
      if (item) found.push(item);
    }
    const hasMore = found.length > limit;
    return { object: 'list', data: found.slice(0, limit).reverse(), has_more: hasMore, url };
  }
  let start = 0;
  if (after) {
    const at = view.indexOf(after);
    if (at < 0) throw noSuch(kind, after, 'starting_after', 400);
    start = at + 1;
  }
  for (let i = start; i < view.length && found.length <= limit; i++) {
    const item = matches(i);
    if (item) found.push(item);
  }
  return { object: 'list', data: found.slice(0, limit), has_more: found.length > limit, url };
}

/** The `created` filter every list accepts. */
export const createdIn = (range: Range | undefined) => (o: { created?: number }) => inRange(o.created ?? 0, range);
