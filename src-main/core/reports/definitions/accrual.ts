import type { z } from 'zod';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { ReportRow } from '../../../../src-shared/reports/columns';
import type { AccrualFilters } from '../../../../src-shared/reports/filters';
import type { Sqlite } from '../../../db/open';
import { filterWords } from '../describe';
import { addInto, rowidRanges, stepSource, type ReportEnv, type ReportSource } from '../source';
import { LEDGER_FROM, PAYOUT, STATUS } from './ledger';

// Accrual per partner and currency, straight from the ledger and the payout tables:
// earned (positive entries) + withheld (refunds, chargebacks: negative entries) = net, and
// net = on hold + payable + in payout + paid, each entry counted in exactly one of the four.
// An entry claimed by a payout line is in payout until that line is paid; unclaimed entries
// are payable or on hold by their hold date.

const sumIf = (cond: string) => `coalesce(sum(CASE WHEN ${cond} THEN e.amount_minor END), 0)`;
const SUMS = ['entries', 'earnedMinor', 'withheldMinor', 'netMinor', 'onHoldMinor', 'payableMinor', 'inPayoutMinor', 'paidMinor'] as const;
type Sums = { partnerId: string; currency: string } & Record<(typeof SUMS)[number], number>;

export type PartnerFacts = { id: string; company: string; programme: string; programmeCurrency: string; format: string; status: string; country: string; taxFormKind: string | null; taxFormReceivedOn: string | null; taxFormExpiresOn: string | null };

/** Partners in the reports' order (company, then id), with what the per-partner reports show of them. */
export function partnersInOrder(db: Sqlite, programmeId?: string): PartnerFacts[] {
  return db
    .prepare(
      `SELECT p.id, p.company, pr.name AS programme, pr.currency AS programmeCurrency, p.format, p.status, p.country, p.tax_form_kind AS taxFormKind,
              p.tax_form_received_on AS taxFormReceivedOn, p.tax_form_expires_on AS taxFormExpiresOn
       FROM partners p JOIN programmes pr ON pr.id = p.programme_id ${programmeId ? 'WHERE p.programme_id = @programmeId' : ''}
       ORDER BY p.company COLLATE NOCASE, p.id`,
    )
    .all(programmeId ? { programmeId } : {}) as PartnerFacts[];
}

/** Rows kept per "partner|currency", in the partners' order, then by currency. */
export function inPartnerOrder<T extends { currency: string }>(partners: readonly PartnerFacts[], byKey: Map<string, T>, row: (p: PartnerFacts, t: T) => ReportRow): ReportRow[] {
  const byPartner = new Map<string, T[]>();
  for (const [key, t] of byKey) {
    const id = key.slice(0, key.lastIndexOf('|'));
    byPartner.set(id, [...(byPartner.get(id) ?? []), t]);
  }
  return partners.flatMap((p) => (byPartner.get(p.id) ?? []).sort((a, b) => (a.currency < b.currency ? -1 : 1)).map((t) => row(p, t)));
}

export function accrualReport(db: Sqlite, f: z.output<typeof AccrualFilters>, env: ReportEnv): ReportSource {
  const where: string[] = ['e.id BETWEEN @lo AND @hi'];
  const params: Record<string, unknown> = { today: env.today };
  if (f.partnerId) (where.push('e.partner_id = @partnerId'), (params.partnerId = f.partnerId));
  if (f.currency) (where.push('e.currency = @currency'), (params.currency = f.currency));
  if (f.fromPeriod) (where.push('e.period >= @fromPeriod'), (params.fromPeriod = f.fromPeriod));
  if (f.toPeriod) (where.push('e.period <= @toPeriod'), (params.toPeriod = f.toPeriod));
  return stepSource({
    lines: [filterWords(db, reports.accrual.filters, f), `Hold and payout states as of ${env.today}`],
    plan: (conn) => {
      const sums = new Map<string, Sums>();
      const range = conn.prepare(
        `SELECT e.partner_id AS partnerId, e.currency, count(*) AS entries,
                ${sumIf('e.amount_minor > 0')} AS earnedMinor, ${sumIf('e.amount_minor < 0')} AS withheldMinor, sum(e.amount_minor) AS netMinor,
                ${sumIf(`${PAYOUT} = 'unclaimed' AND ${STATUS} = 'on_hold'`)} AS onHoldMinor,
                ${sumIf(`${PAYOUT} = 'unclaimed' AND ${STATUS} = 'payable'`)} AS payableMinor,
                ${sumIf(`${PAYOUT} = 'in_payout'`)} AS inPayoutMinor,
                ${sumIf(`${PAYOUT} = 'paid'`)} AS paidMinor
         FROM ${LEDGER_FROM} WHERE ${where.join(' AND ')} GROUP BY e.partner_id, e.currency`,
      );
      return {
        steps: rowidRanges(conn, 'ledger_entries').map(({ lo, hi }) => () => {
          for (const r of range.all({ ...params, lo, hi }) as Sums[]) addInto(sums, `${r.partnerId}|${r.currency}`, r, SUMS);
        }),
        rows: () => inPartnerOrder(partnersInOrder(conn), sums, (p, { partnerId: _id, ...t }) => ({ partnerId: p.id, partnerCompany: p.company, programme: p.programme, ...t })),
      };
    },
  });
}
