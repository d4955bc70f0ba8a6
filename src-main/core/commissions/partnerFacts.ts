import { commissionStopsOn, type AgreementEvent } from '../../../src-shared/agreements/dates';
import type { AgreementTerms } from '../../../src-shared/agreements/terms';
import type { IsoDate } from '../../../src-shared/dates/isoDate';
import type { CustomerInput, PartnerInput, RevenueLine } from '../../../src-shared/commissions/input';
import type { LineStore } from '../../../src-shared/commissions/periodSlice';
import type { CurrencyCode } from '../../../src-shared/money/currency';
import type { RevenueCategory } from '../../../src-shared/commissions/plan';
import type { Sqlite } from '../../db/open';

// What the engine needs about one partner, read from the workspace with prepared
// statements: its facts (promo slot, commission stop date, breach, suspension), its
// attributed customers and their revenue lines.

export type PartnerRow = {
  id: string;
  company: string;
  status: string;
  format: string;
  planId: string;
  commissionRateBps: number | null;
  registeredOn: string;
};

export type CustomerRow = CustomerInput & { productLine: string | null; name: string };

type LineRow = {
  id: string; customerId: string; paidOn: string; currency: string; category: string; productLine: string; productId: string | null;
  priceId: string | null; grossMinor: number; discountMinor: number; kind: RevenueLine['kind']; refersTo: string | null; cashReceived: number;
};

const LINE_COLUMNS = `l.id, l.customer_id AS customerId, l.paid_on AS paidOn, l.currency, l.category, c.product_line AS productLine,
  l.product_id AS productId, l.price_id AS priceId, l.gross_minor AS grossMinor, l.discount_minor AS discountMinor, l.kind,
  l.refers_to AS refersTo, l.cash_received AS cashReceived`;

const CUSTOMER_COLUMNS = `c.id AS cId, c.name AS cName, c.sign_up_on AS cSignUpOn, c.closed_on AS cClosedOn, c.cancelled_on AS cCancelledOn,
  c.attribution AS cAttribution`;

/**
 * Reads within one calendar month — a period run's — through revenue_month_customer_idx:
 * its entries are grouped by month and hold every column read here, so a run reads one
 * month's slice of that index instead of a page of revenue_lines per customer (and a
 * partner's customers come from customers_partner_run_idx, in id order, without the
 * table). The `substr(paid_on, 1, 7) = ?` only lets SQLite use the index; the BETWEEN after
 * it implies it, as both bounds lie in that month (a string between two strings that share
 * a prefix has that prefix too). Parameters: the month, from, to, then the partner or customer.
 */
export const MONTH_READS = {
  /** A partner's customers in id order, each with its lines; a customer without any comes once, with no line. */
  customersWithLines: `SELECT ${CUSTOMER_COLUMNS}, ${LINE_COLUMNS}
     FROM customers c LEFT JOIN revenue_lines l ON substr(l.paid_on, 1, 7) = ? AND l.customer_id = c.id AND l.paid_on BETWEEN ? AND ?
     WHERE c.partner_id = ? ORDER BY c.id`,
  /** A partner's lines. CROSS JOIN keeps the partner's customers first: left to itself, SQLite walks the whole month of the index. */
  lines: `SELECT ${LINE_COLUMNS} FROM customers c CROSS JOIN revenue_lines l ON substr(l.paid_on, 1, 7) = ? AND l.customer_id = c.id AND l.paid_on BETWEEN ? AND ?
     WHERE c.partner_id = ?`,
  /** A customer's refunds and chargebacks. */
  customerReturns: `SELECT ${LINE_COLUMNS} FROM revenue_lines l JOIN customers c ON c.id = l.customer_id
     WHERE substr(l.paid_on, 1, 7) = ? AND l.customer_id = ? AND l.paid_on BETWEEN ? AND ? AND l.kind <> 'payment'`,
} as const;

/** 'YYYY-MM' when from..to lies within one month ('2026-10-01'..'2026-10-31'), else null. */
const monthOf = (from: string, to: string): string | null => (from.length >= 7 && from.slice(0, 7) === to.slice(0, 7) ? from.slice(0, 7) : null);

/** Product lines compare by name, whatever the case or separators: 'Message.Help CRM' = 'message_help_crm'. */
export const normalizeProductLine = (s: string): string => s.trim().toLowerCase().replace(/[\s.\-]+/g, '_');

export function toRevenueLine(r: LineRow): RevenueLine {
  return {
    id: r.id,
    customerId: r.customerId,
    paidOn: r.paidOn,
    currency: r.currency as CurrencyCode,
    category: r.category as RevenueCategory,
    // Seed 002's product lines (Altegio's fixed rate) are a property of the client's account.
    productLine: r.productLine ? normalizeProductLine(r.productLine) : null,
    productId: r.productId,
    priceId: r.priceId,
    grossMinor: r.grossMinor,
    discountMinor: r.discountMinor,
    kind: r.kind,
    originalLineId: r.refersTo,
    cashReceived: r.cashReceived !== 0,
  };
}

type AgreementRow = {
  id: string; effectiveOn: string; initialTermMonths: number; afterInitialTerm: 'rolling' | 'fixed'; noticeUnit: 'months' | 'days'; noticeCount: number;
  governingLaw: string; postTermination: 'stops' | 'continues_for_prior_referrals'; curePeriodDays: number | null; nonSolicitMonths: number | null;
  breachOutcome: 'suspend' | 'terminate';
};
type EventRow = { kind: 'notice' | 'breach' | 'terminated'; onDate: string; servedBy: 'partner' | 'company' | null; terminatesOn: string | null; curedOn: string | null; reason: string };

export function termsOf(a: AgreementRow): AgreementTerms {
  return {
    effectiveOn: a.effectiveOn as IsoDate,
    initialTermMonths: a.initialTermMonths,
    afterInitialTerm: a.afterInitialTerm,
    noticePeriod: { unit: a.noticeUnit, count: a.noticeCount },
    governingLaw: a.governingLaw,
    postTermination: a.postTermination,
    curePeriodDays: a.curePeriodDays,
    nonSolicitMonths: a.nonSolicitMonths,
    breachOutcome: a.breachOutcome,
  };
}

export function eventOf(e: EventRow): AgreementEvent | null {
  if (e.kind === 'notice') return e.terminatesOn ? { kind: 'notice', servedOn: e.onDate as IsoDate, servedBy: e.servedBy ?? 'company', terminatesOn: e.terminatesOn as IsoDate } : null;
  if (e.kind === 'breach') return { kind: 'breach', noticedOn: e.onDate as IsoDate, curedOn: (e.curedOn as IsoDate | null) ?? null };
  return { kind: 'terminated', on: e.onDate as IsoDate, reason: e.reason };
}

/** Prepared statements, made once per run and reused for every partner. */
export function partnerReader(sqlite: Sqlite) {
  const slot = sqlite.prepare('SELECT slot_no AS slotNo FROM promo_slots WHERE partner_id = ?').pluck();
  const agreement = sqlite.prepare(
    `SELECT id, effective_on AS effectiveOn, initial_term_months AS initialTermMonths, after_initial_term AS afterInitialTerm,
            notice_unit AS noticeUnit, notice_count AS noticeCount, governing_law AS governingLaw, post_termination AS postTermination,
            cure_period_days AS curePeriodDays, non_solicit_months AS nonSolicitMonths, breach_outcome AS breachOutcome
     FROM agreements WHERE partner_id = ? ORDER BY version DESC LIMIT 1`,
  );
  const events = sqlite.prepare(
    `SELECT e.kind, e.on_date AS onDate, e.served_by AS servedBy, e.terminates_on AS terminatesOn, e.cured_on AS curedOn, e.reason
     FROM agreement_events e JOIN agreements a ON a.id = e.agreement_id WHERE a.partner_id = ? ORDER BY e.on_date, e.id`,
  );
  const customers = sqlite.prepare(
    `SELECT id, name, sign_up_on AS signUpOn, closed_on AS closedOn, cancelled_on AS cancelledOn, attribution, product_line AS productLine
     FROM customers WHERE partner_id = ? ORDER BY id`,
  );
  // A period run's one read per partner: its customers (in id order, as `customers`) each
  // with its lines dated from..to — a customer without any comes once, with no line.
  const customersWithLinesInMonth = sqlite.prepare(MONTH_READS.customersWithLines);
  const customersWithLines = sqlite.prepare(
    `SELECT ${CUSTOMER_COLUMNS}, ${LINE_COLUMNS}
     FROM customers c LEFT JOIN revenue_lines l ON l.customer_id = c.id AND l.paid_on BETWEEN ? AND ?
     WHERE c.partner_id = ? ORDER BY c.id`,
  );
  const betweenInMonth = sqlite.prepare(MONTH_READS.lines);
  const between = sqlite.prepare(
    `SELECT ${LINE_COLUMNS} FROM customers c JOIN revenue_lines l ON l.customer_id = c.id
     WHERE c.partner_id = ? AND l.paid_on BETWEEN ? AND ?`,
  );
  const byId = sqlite.prepare(`SELECT ${LINE_COLUMNS} FROM revenue_lines l JOIN customers c ON c.id = l.customer_id WHERE l.id = ? AND c.partner_id = ?`);
  const customerReturnsInMonth = sqlite.prepare(MONTH_READS.customerReturns);
  const customerReturns = sqlite.prepare(
    `SELECT ${LINE_COLUMNS} FROM revenue_lines l JOIN customers c ON c.id = l.customer_id
     WHERE l.customer_id = ? AND l.paid_on BETWEEN ? AND ? AND l.kind <> 'payment'`,
  );

  const customerOf = (c: CustomerRow & { attribution: string | null }): CustomerRow => ({
    id: c.id,
    name: c.name,
    signUpOn: c.signUpOn,
    closedOn: c.closedOn,
    cancelledOn: c.cancelledOn,
    // Seed 002: the client registered with the partner's promo code and gets €5.
    signedUpWithPromoCode: c.attribution === 'promo_code',
    productLine: c.productLine ? normalizeProductLine(c.productLine) : null,
  });

  return {
    /** Seed 003 promo slot, seed 000/001 commission stop date, seed 001 breach and suspension. */
    partnerInput(p: PartnerRow, asOf: string): PartnerInput {
      const a = agreement.get(p.id) as AgreementRow | undefined;
      const evs = a ? (events.all(p.id) as EventRow[]).map(eventOf).filter((e): e is AgreementEvent => e !== null) : [];
      const stop = a ? commissionStopsOn(termsOf(a), evs) : null;
      const inBreach = evs.some((e) => e.kind === 'breach' && e.noticedOn <= asOf && (!e.curedOn || e.curedOn > asOf));
      return {
        id: p.id,
        promoSlot: (slot.get(p.id) as number | undefined) ?? null,
        commissionStopOn: stop,
        inBreach,
        suspended: p.status === 'suspended',
      };
    },
    customers(partnerId: string): CustomerRow[] {
      return (customers.all(partnerId) as (CustomerRow & { attribution: string | null })[]).map(customerOf);
    },
    /**
     * `customers(partnerId)` and `store(partnerId).between(from, to)` in one query: what a
     * period run reads for every partner. `lines` come in customer order.
     */
    customersWithLines(partnerId: string, from: string, to: string): { customers: CustomerRow[]; lines: RevenueLine[] } {
      type Row = LineRow & { cId: string; cName: string; cSignUpOn: string; cClosedOn: string | null; cCancelledOn: string | null; cAttribution: string | null };
      const out: CustomerRow[] = [];
      const lines: RevenueLine[] = [];
      let last: string | null = null;
      const month = monthOf(from, to);
      const rows = (month ? customersWithLinesInMonth.all(month, from, to, partnerId) : customersWithLines.all(from, to, partnerId)) as Row[];
      for (const r of rows) {
        if (r.cId !== last) {
          last = r.cId;
          out.push(customerOf({ id: r.cId, name: r.cName, signUpOn: r.cSignUpOn, closedOn: r.cClosedOn, cancelledOn: r.cCancelledOn, attribution: r.cAttribution, productLine: r.productLine }));
        }
        if (r.id !== null) lines.push(toRevenueLine(r));
      }
      return { customers: out, lines };
    },
    /** `known`: lines already read for exactly from..to (see customersWithLines), used instead of a query. */
    store(partnerId: string, known?: { from: string; to: string; lines: readonly RevenueLine[] }): LineStore {
      return {
        between: (from, to) => {
          if (known && known.from === from && known.to === to) return [...known.lines];
          const month = monthOf(from, to);
          return ((month ? betweenInMonth.all(month, from, to, partnerId) : between.all(partnerId, from, to)) as LineRow[]).map(toRevenueLine);
        },
        byIds: (ids) => ids.flatMap((id) => (byId.all(id, partnerId) as LineRow[]).map(toRevenueLine)),
        returnsOf: (payments, from, to) => {
          const wanted = new Set(payments.map((p) => p.id));
          const customerIds = [...new Set(payments.map((p) => p.customerId))];
          const month = monthOf(from, to);
          const read = (cid: string) => (month ? customerReturnsInMonth.all(month, cid, from, to) : customerReturns.all(cid, from, to)) as LineRow[];
          return customerIds.flatMap((cid) => read(cid).map(toRevenueLine)).filter((l) => l.originalLineId !== null && l.originalLineId !== undefined && wanted.has(l.originalLineId));
        },
      };
    },
  };
}

export type PartnerReader = ReturnType<typeof partnerReader>;
