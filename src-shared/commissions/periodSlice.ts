import { lastDayOfMonth, monthKey, type MonthKey, type Ymd } from './calendar';
import type { RevenueLine } from './input';
import type { CommissionPlan } from './plan';

// The revenue lines a period's entries depend on, so a period run reads one month of
// revenue instead of a partner's whole history. The engine's rules are month-local
// except where stated below; `linesForPeriod` over any store gives the same entries for
// the period as the partner's full history up to the period's end (property-tested in
// periodSlice.property.test.ts):
// - a payment in the period depends on its own line, its customer and the period's
//   month volume (tiers, graduated slices, per-month caps): the period's lines;
// - a refund or chargeback in the period reverses what its payment earned in the payment's
//   month, at that month's rate: the whole of that month, plus the earlier returns of the
//   same payment (cumulative reversal);
// - a `payments` duration ("first N payments") and per-customer or all-time caps depend on
//   the whole history: then everything up to the period's end is read.

export type LineStore = {
  /** The partner's lines dated from..to inclusive. */
  between(from: Ymd, to: Ymd): RevenueLine[];
  /** The partner's lines with these ids (any date). */
  byIds(ids: readonly string[]): RevenueLine[];
  /** Refunds and chargebacks of these payments dated from..to inclusive. */
  returnsOf(payments: readonly RevenueLine[], from: Ymd, to: Ymd): RevenueLine[];
};

export const EARLIEST_DAY: Ymd = '0001-01-01';

export function needsFullHistory(plan: CommissionPlan): boolean {
  return plan.duration.kind === 'payments' || plan.caps.some((c) => c.scope !== 'partner_month');
}

const dayBefore = (month: MonthKey): Ymd => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return lastDayOfMonth(prev);
};

export function linesForPeriod(plan: CommissionPlan, period: MonthKey, store: LineStore): RevenueLine[] {
  const start = `${period}-01`;
  const end = lastDayOfMonth(period);
  if (needsFullHistory(plan)) return store.between(EARLIEST_DAY, end);
  const lines = store.between(start, end);
  const inPeriod = new Set(lines.map((l) => l.id));
  const wanted = new Set<string>();
  for (const l of lines) if (l.kind !== 'payment' && l.originalLineId && !inPeriod.has(l.originalLineId)) wanted.add(l.originalLineId);
  if (wanted.size === 0) return lines;
  // Originals after the period's end are not in the history the period sees.
  const originals = store.byIds([...wanted]).filter((l) => l.paidOn < start);
  if (originals.length === 0) return lines;
  const byId = new Map(lines.map((l) => [l.id, l]));
  const months = [...new Set(originals.map((o) => monthKey(o.paidOn)))].sort();
  for (const month of months) for (const l of store.between(`${month}-01`, lastDayOfMonth(month))) byId.set(l.id, l);
  const first = `${months[0]}-01`;
  for (const l of store.returnsOf(originals, first, dayBefore(period))) byId.set(l.id, l);
  return [...byId.values()];
}
