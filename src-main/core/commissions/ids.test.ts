import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

describe('time-ordered ids', () => {
  it('are UUIDv7 strings, strictly increasing even within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7(1_767_225_600_000));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
