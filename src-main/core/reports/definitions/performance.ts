import type { z } from 'zod';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { PerformanceFilters } from '../../../../src-shared/reports/filters';
import type { ReportRow } from '../../../../src-shared/reports/columns';
import type { Sqlite } from '../../../db/open';
import { filterWords } from '../describe';
import { addInto, rowidRanges, stepSource, type ReportEnv, type ReportSource } from '../source';
import { partnersInOrder } from './accrual';
import { SIGNED_NET } from './revenue';

// Per partner and currency over a range of months: customers referred (to the range's
// end) and new in the range, referred revenue — payments less refunds and chargebacks, net
// of discounts, by the day paid — and commission, by ledger period. A partner with no money
// in the range still has a row, in its programme's currency, so the idle ones show.

type Money = { partnerId: string; currency: string; minor: number; lastPaid?: string | null };
type Customers = { partnerId: string; total: number; fresh: number };

export function performanceReport(db: Sqlite, f: z.output<typeof PerformanceFilters>, _env: ReportEnv): ReportSource {
  const params = {
    fromDay: f.fromPeriod ? `${f.fromPeriod}-01` : '0000-01-01',
    // Days compare as text: 'YYYY-MM-31' is on or after every day of that month.
    toDay: f.toPeriod ? `${f.toPeriod}-31` : '9999-12-31',
    fromPeriod: f.fromPeriod ?? '0000-01',
    toPeriod: f.toPeriod ?? '9999-12',
  };
  return stepSource({
    lines: [filterWords(db, reports.performance.filters, f)],
    plan: (conn) => {
      const revenue = new Map<string, Money>();
      const commission = new Map<string, Money>();
      const customers = new Map<string, Customers>();
      const rev = conn.prepare(
        `SELECT c.partner_id AS partnerId, l.currency, sum(${SIGNED_NET}) AS minor, max(CASE WHEN l.kind = 'payment' THEN l.paid_on END) AS lastPaid
         FROM revenue_lines l JOIN customers c ON c.id = l.customer_id
         WHERE l.rowid BETWEEN @lo AND @hi AND c.partner_id IS NOT NULL AND l.paid_on BETWEEN @fromDay AND @toDay GROUP BY c.partner_id, l.currency`,
      );
      const com = conn.prepare(
        `SELECT partner_id AS partnerId, currency, sum(amount_minor) AS minor FROM ledger_entries
         WHERE id BETWEEN @lo AND @hi AND period BETWEEN @fromPeriod AND @toPeriod GROUP BY partner_id, currency`,
      );
      const cust = conn.prepare(
        `SELECT partner_id AS partnerId, count(*) AS total, sum(sign_up_on >= @fromDay) AS fresh FROM customers
         WHERE rowid BETWEEN @lo AND @hi AND partner_id IS NOT NULL AND sign_up_on <= @toDay GROUP BY partner_id`,
      );
      const stepsOver = (table: string, run: (lo: number, hi: number) => void) => rowidRanges(conn, table).map(({ lo, hi }) => () => run(lo, hi));
      return {
        steps: [
          ...stepsOver('revenue_lines', (lo, hi) => {
            for (const r of rev.all({ ...params, lo, hi }) as Money[]) {
              const key = `${r.partnerId}|${r.currency}`;
              const had = revenue.get(key)?.lastPaid ?? null;
              addInto(revenue, key, r, ['minor']);
              const last = r.lastPaid ?? null;
              revenue.get(key)!.lastPaid = had === null || (last !== null && last > had) ? last : had;
            }
          }),
          ...stepsOver('ledger_entries', (lo, hi) => {
            for (const r of com.all({ ...params, lo, hi }) as Money[]) addInto(commission, `${r.partnerId}|${r.currency}`, r, ['minor']);
          }),
          ...stepsOver('customers', (lo, hi) => {
            for (const r of cust.all({ ...params, lo, hi }) as Customers[]) addInto(customers, r.partnerId, r, ['total', 'fresh']);
          }),
        ],
        rows: () => {
          const currencies = new Map<string, Set<string>>();
          for (const key of [...revenue.keys(), ...commission.keys()]) {
            const [id, currency] = [key.slice(0, key.lastIndexOf('|')), key.slice(key.lastIndexOf('|') + 1)];
            currencies.set(id, (currencies.get(id) ?? new Set()).add(currency));
          }
          const out: ReportRow[] = [];
          for (const p of partnersInOrder(conn, f.programmeId)) {
            for (const currency of [...(currencies.get(p.id) ?? [p.programmeCurrency])].sort()) {
              if (f.currency && currency !== f.currency) continue;
              const r = revenue.get(`${p.id}|${currency}`);
              const revenueMinor = r?.minor ?? 0;
              const commissionMinor = commission.get(`${p.id}|${currency}`)?.minor ?? 0;
              const c = customers.get(p.id);
              out.push({
                partnerId: p.id,
                partnerCompany: p.company,
                programme: p.programme,
                format: p.format,
                partnerStatus: p.status,
                currency,
                customers: c?.total ?? 0,
                newCustomers: c?.fresh ?? 0,
                revenueMinor,
                commissionMinor,
                // A share of two integers, for reading only: no money is computed from it.
                effectiveRateBps: revenueMinor > 0 ? Math.round((commissionMinor * 10_000) / revenueMinor) : null,
                lastPaidOn: r?.lastPaid ?? null,
              });
            }
          }
          return out;
        },
      };
    },
  });
}
