import type { z } from 'zod';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { TaxYearFilters } from '../../../../src-shared/reports/filters';
import { decimalText, exponentOf } from '../../../../src-shared/reports/money';
import { fail } from '../../../../src-shared/rpc/errors';
import type { Sqlite } from '../../../db/open';
import { filterWords } from '../describe';
import { addInto, rowidRanges, stepSource, type ReportEnv, type ReportSource } from '../source';
import { inPartnerOrder, partnersInOrder } from './accrual';

type Sums = { partnerId: string; currency: string; earnedMinor: number; paidMinor: number };

// Yearly earnings per partner and currency for tax reporting. Paid: payout lines paid in the
// calendar year (by the day they were paid — what a US 1099-NEC reports); earned: ledger
// entries dated in the year. A row is at or over the threshold only in the threshold's
// currency (amounts in other currencies are never converted).

/** '600' or '600.5' in major units → minor units, by the currency's exponent, in integers. */
export function thresholdMinor(text: string, currency: string): number {
  const e = exponentOf(currency);
  const [whole, frac = ''] = text.split('.');
  if (frac.length > e) throw new RangeError(`${currency} has ${e} decimals; the threshold ${text} has more.`);
  return Number(whole) * 10 ** e + Number(frac.padEnd(e, '0') || '0');
}

export function taxYearReport(db: Sqlite, f: z.output<typeof TaxYearFilters>, _env: ReportEnv): ReportSource {
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  const decimals = f.threshold.split('.')[1]?.length ?? 0;
  if (decimals > exponentOf(f.thresholdCurrency)) {
    const message = `${f.thresholdCurrency} amounts have ${exponentOf(f.thresholdCurrency)} decimals; write the threshold with at most that many.`;
    fail('validation', message, { fieldErrors: { 'query.filters.threshold': message } });
  }
  const limit = thresholdMinor(f.threshold, f.thresholdCurrency);
  return stepSource({
    lines: [
      filterWords(db, reports['tax-year'].filters, { ...f, basis: undefined, threshold: undefined, thresholdCurrency: undefined }),
      `Threshold: ${f.thresholdCurrency} ${decimalText(limit, f.thresholdCurrency)} ${f.basis} in ${f.year}; other currencies are listed, never converted`,
    ],
    plan: (conn) => {
      const sums = new Map<string, Sums>();
      const params = { from, to };
      const earned = conn.prepare(
        `SELECT partner_id AS partnerId, currency, sum(amount_minor) AS earnedMinor, 0 AS paidMinor FROM ledger_entries
         WHERE id BETWEEN @lo AND @hi AND occurred_on BETWEEN @from AND @to GROUP BY partner_id, currency`,
      );
      const add = (rows: Sums[]) => rows.forEach((r) => addInto(sums, `${r.partnerId}|${r.currency}`, r, ['earnedMinor', 'paidMinor']));
      return {
        steps: [
          ...rowidRanges(conn, 'ledger_entries').map(({ lo, hi }) => () => add(earned.all({ ...params, lo, hi }) as Sums[])),
          // Payout lines are few (one per partner and currency a run): one step.
          () =>
            add(
              conn
                .prepare(
                  `SELECT partner_id AS partnerId, currency, 0 AS earnedMinor, sum(amount_minor) AS paidMinor FROM payout_lines
                   WHERE state = 'paid' AND paid_at IS NOT NULL AND substr(paid_at, 1, 10) BETWEEN @from AND @to GROUP BY partner_id, currency`,
                )
                .all(params) as Sums[],
            ),
        ],
        rows: () =>
          inPartnerOrder(partnersInOrder(conn), sums, (p, t) => {
            const basis = f.basis === 'paid' ? t.paidMinor : t.earnedMinor;
            const onFile = p.taxFormReceivedOn !== null && p.taxFormReceivedOn <= to && (p.taxFormExpiresOn === null || p.taxFormExpiresOn >= to);
            return {
              partnerId: p.id,
              partnerCompany: p.company,
              country: p.country,
              taxFormKind: p.taxFormKind,
              taxFormOnFile: onFile,
              currency: t.currency,
              earnedMinor: t.earnedMinor,
              paidMinor: t.paidMinor,
              reportable: t.currency === f.thresholdCurrency && basis >= limit,
            };
          }).filter((r) => (!f.currency || r.currency === f.currency) && (!f.overThresholdOnly || r.reportable)),
      };
    },
  });
}
