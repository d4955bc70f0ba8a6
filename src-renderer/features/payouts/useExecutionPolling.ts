import { useEffect, useRef, useState } from 'react';
import type { RunDetail } from '../../../src-shared/payouts/contract';
import { api } from '../../api/client';

/** Polls give up after this many answers in a row with nothing changed (e.g. Stripe not configured, or lines waiting to be marked paid by hand). */
const STILL_LIMIT = 30;

const signature = (run: RunDetail) => `${run.status}|${run.lines.map((l) => `${l.id}:${l.state}:${l.attempt}:${l.failureReason}`).join(',')}`;

/** Whether the outbox may still be working on this run: it is executing and a line waits to be sent. */
export const isInFlight = (run: RunDetail) => run.status === 'executing' && run.lines.some((l) => l.state === 'queued');

/**
 * While a run is executing, asks the core for it every second until no line is queued, so
 * the per-line states and the progress bar follow the outbox. Stops by itself when nothing
 * has moved for half a minute; `watch()` starts it again (after Execute / Resume / Retry).
 */
export function useExecutionPolling(run: RunDetail | null, onRun: (run: RunDetail) => void) {
  const [stalled, setStalled] = useState(false);
  const [generation, setGeneration] = useState(0);
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;
  const runId = run?.id ?? null;
  const inFlight = run ? isInFlight(run) : false;

  useEffect(() => {
    if (!runId || !inFlight) return;
    let live = true;
    let still = 0;
    let last = '';
    setStalled(false);
    let timer: ReturnType<typeof setTimeout>;
    // One call at a time: the next ask is scheduled when the answer is in.
    const ask = async () => {
      const r = await api.payoutsGet({ runId });
      if (!live) return;
      if (r.ok) {
        const sig = signature(r.value);
        still = sig === last ? still + 1 : 0;
        last = sig;
        onRunRef.current(r.value);
        if (still >= STILL_LIMIT) {
          setStalled(true);
          return;
        }
      }
      timer = setTimeout(ask, 1000);
    };
    timer = setTimeout(ask, 1000);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runId, inFlight, generation]);

  return { stalled: stalled && inFlight, watch: () => setGeneration((g) => g + 1) };
}
