import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { AppError } from '../../../src-shared/rpc/errors';
import type { PartnerListQuery, PartnerRow } from '../../../src-shared/partners/contract';

/** Rows fetched per request: the visible rows plus a screenful or more either side. */
export const WINDOW_ROWS = 300;
const STEP = 100;

export interface PartnerWindow {
  key: string;
  offset: number;
  rows: PartnerRow[];
  total: number;
}

/**
 * The slice of the (server-side sorted and filtered) list around what is on screen. The
 * table asks for a range of row indexes; when that range is not loaded, the window moves.
 * Only the newest request's answer is kept, so fast scrolling or typing never shows stale rows.
 */
export function usePartnerWindow(query: Omit<PartnerListQuery, 'offset' | 'limit'>) {
  const key = JSON.stringify(query);
  const [win, setWin] = useState<PartnerWindow | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const latest = useRef(0);
  const wanted = useRef<string>('');

  const load = useCallback(
    (offset: number) => {
      const request = `${key}@${offset}`;
      if (wanted.current === request) return;
      wanted.current = request;
      const ticket = ++latest.current;
      void api.partnersList({ ...(JSON.parse(key) as typeof query), offset, limit: WINDOW_ROWS }).then((r) => {
        if (ticket !== latest.current) return;
        if (r.ok) {
          setWin({ key, offset: r.value.offset, rows: r.value.rows, total: r.value.total });
          setError(null);
        } else {
          wanted.current = '';
          setError(r.error);
        }
      });
    },
    [key],
  );

  useEffect(() => load(0), [load]);

  const current = win?.key === key ? win : null;
  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (!current || current.total === 0) return;
      const end = Math.min(last, current.total - 1);
      if (first >= current.offset && end < current.offset + current.rows.length) return;
      load(Math.max(0, Math.floor(first / STEP) * STEP - STEP));
    },
    [current, load],
  );

  /** Reload the window in place (after a change elsewhere). */
  const refresh = useCallback(() => {
    wanted.current = '';
    load(current?.offset ?? 0);
  }, [current, load]);

  // While a new query loads, keep showing the last answer rather than an empty table.
  return { win: current ?? win, loading: current === null, error, ensureRange, refresh };
}
