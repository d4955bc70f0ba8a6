import { randomBytes } from 'node:crypto';

// Time-ordered ids (UUID version 7, RFC 9562) for rows written in bulk: consecutive ids
// sort after each other, so every index keyed by them (revenue_lines.id, the ledger keys
// built from line ids, ledger_holds) grows at its end instead of at random pages. Random
// (v4) ids made a 500,000-line import touch a random index page per line.

let lastMs = 0;
let counter = 0;
let pool = Buffer.alloc(0);
let offset = 0;

function random8(): Buffer {
  if (offset + 8 > pool.length) {
    pool = randomBytes(8 * 4096);
    offset = 0;
  }
  offset += 8;
  return pool.subarray(offset - 8, offset);
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A UUIDv7: 48-bit Unix milliseconds, a 12-bit counter within the millisecond (monotonic), 62 random bits. */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter += 1;
    if (counter > 0xfff) {
      // More than 4,096 ids in a millisecond: borrow the next millisecond, keeping the order.
      lastMs += 1;
      counter = 0;
    }
  }
  const ms = hex(lastMs, 12);
  const r = random8();
  const variant = ((r[0]! & 0x3f) | 0x80).toString(16).padStart(2, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex(counter, 3)}-${variant}${hex(r[1]!, 2)}-${r.subarray(2, 8).toString('hex')}`;
}
