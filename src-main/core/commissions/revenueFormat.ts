import { REVENUE_CATEGORIES, type RevenueCategory } from '../../../src-shared/commissions/plan';
import { isCurrencyCode, type CurrencyCode } from '../../../src-shared/money/currency';
import { MoneyParseError, parseDecimalToMinor } from '../../../src-shared/money/parse';

/*
 * Revenue CSV — the file `partnerdesk revenue import` and commissions.importRevenue read.
 *
 * UTF-8 (a byte-order mark is ignored), comma-separated, RFC 4180 quoting, LF or CRLF.
 * Line 1 is the header; columns may come in any order; names are lower case. One data
 * line = one invoice / payment line, one refund or one chargeback.
 *
 *   column         required  meaning
 *   external_ref   yes       the line's unique id in the billing system (e.g. "in_1001-1");
 *                            importing a line again with the same content is skipped, with
 *                            different content it is an error naming the line
 *   customer_ref   yes       the customer's external_ref in Partnerdesk (customers.external_ref);
 *                            the customer must exist (its partner attribution decides who earns)
 *   paid_on        yes       YYYY-MM-DD: when the cash was received (payment) or returned
 *                            (refund, chargeback)
 *   currency       yes       ISO 4217 code, e.g. GBP, USD, EUR
 *   category       yes       subscription | platform_fee | overage | usage | one_off | setup
 *   product        no        product name, free text (shown in explanations and previews)
 *   product_id     no        billing product id (plans can exclude product ids)
 *   price_id       no        billing price id (plans can exclude price ids)
 *   gross          yes       decimal amount excluding tax, dot for decimals, no symbol or
 *                            thousands separator, at most the currency's decimals ("40.00",
 *                            "1500" for JPY); never negative. For a refund or chargeback: the
 *                            amount returned, written as a positive number
 *   discount       no        decimal discount on the line (default 0); gross − discount is the
 *                            commission base; a customer-balance credit is not a discount
 *   kind           yes       payment | refund | chargeback
 *   refers_to      for refund/chargeback: the external_ref of the payment it returns (in this
 *                            file or imported before; same customer and currency)
 *   cash_received  no        true | false (default true): false = invoiced, not yet received
 *                            (seed 001: commission only on cash received)
 *
 * The whole file is checked first; every problem is reported with its line number. Nothing
 * is written unless every line is valid, and then every new line is written in one
 * transaction (all or nothing).
 */

export const REVENUE_COLUMNS = [
  'external_ref', 'customer_ref', 'paid_on', 'currency', 'category', 'product', 'product_id', 'price_id',
  'gross', 'discount', 'kind', 'refers_to', 'cash_received',
] as const;
export type RevenueColumn = (typeof REVENUE_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly RevenueColumn[] = ['external_ref', 'customer_ref', 'paid_on', 'currency', 'category', 'gross', 'kind'];
export const REVENUE_KINDS = ['payment', 'refund', 'chargeback'] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];

/** A data line as text, keyed by column (what a CSV line or a generator hands the importer). */
export type RawRevenueRow = Partial<Record<RevenueColumn, string>>;

export type RevenueRow = {
  line: number;
  externalRef: string;
  customerRef: string;
  paidOn: string;
  currency: CurrencyCode;
  category: RevenueCategory;
  product: string;
  productId: string | null;
  priceId: string | null;
  grossMinor: number;
  discountMinor: number;
  kind: RevenueKind;
  /** external_ref of the payment a refund / chargeback returns. */
  refersTo: string | null;
  cashReceived: boolean;
};

export type FieldProblem = { column: RevenueColumn | null; message: string };

/** Header problems (line 1), or the column order. */
export function checkHeader(fields: readonly string[]): { columns: (RevenueColumn | null)[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const names = fields.map((f) => f.trim().toLowerCase());
  const columns = names.map((name) => ((REVENUE_COLUMNS as readonly string[]).includes(name) ? (name as RevenueColumn) : null));
  names.forEach((name, i) => {
    if (columns[i] === null) problems.push({ column: null, message: `Unknown column '${fields[i]}'; the columns are ${REVENUE_COLUMNS.join(', ')}` });
    else if (names.indexOf(name) !== i) problems.push({ column: columns[i]!, message: `Column '${name}' appears twice` });
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) problems.push({ column: null, message: `Missing column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}` });
  return { columns, problems };
}

export function rowFromFields(columns: readonly (RevenueColumn | null)[], fields: readonly string[]): RawRevenueRow {
  const raw: RawRevenueRow = {};
  columns.forEach((c, i) => {
    if (c) raw[c] = fields[i];
  });
  return raw;
}

const TEXT_LIMIT = 500;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'YYYY-MM-DD' and a real calendar day (integer arithmetic: this runs once per imported line). */
export function isCalendarDay(v: string): boolean {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1000 || m < 1 || m > 12 || d < 1) return false;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

const CATEGORY_SET: ReadonlySet<string> = new Set(REVENUE_CATEGORIES);
const KIND_SET: ReadonlySet<string> = new Set(REVENUE_KINDS);

function requiredText(raw: RawRevenueRow, c: RevenueColumn, problems: FieldProblem[]): string {
  const v = (raw[c] ?? '').trim();
  if (!v) problems.push({ column: c, message: `${c} is empty` });
  else if (v.length > TEXT_LIMIT) problems.push({ column: c, message: `${c} is longer than ${TEXT_LIMIT} characters` });
  return v;
}

function optionalText(raw: RawRevenueRow, c: RevenueColumn, problems: FieldProblem[]): string {
  const v = (raw[c] ?? '').trim();
  if (v.length > TEXT_LIMIT) problems.push({ column: c, message: `${c} is longer than ${TEXT_LIMIT} characters` });
  return v;
}

function amountOf(raw: RawRevenueRow, c: 'gross' | 'discount', currency: CurrencyCode | null, optional: boolean, problems: FieldProblem[]): number {
  const v = (raw[c] ?? '').trim();
  if ((!v && optional) || !currency) return 0;
  try {
    const minor = parseDecimalToMinor(v, currency);
    if (minor < 0) problems.push({ column: c, message: `${c} is negative ('${v}'); write refunds and chargebacks as positive amounts with kind refund or chargeback` });
    return minor;
  } catch (e) {
    problems.push({ column: c, message: e instanceof MoneyParseError ? e.message : String(e) });
    return 0;
  }
}

/** Checks one line on its own (no database); returns the row or its problems. */
export function parseRevenueRow(line: number, raw: RawRevenueRow): { ok: true; row: RevenueRow } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const externalRef = requiredText(raw, 'external_ref', problems);
  const customerRef = requiredText(raw, 'customer_ref', problems);
  const paidOn = requiredText(raw, 'paid_on', problems);
  if (paidOn && !isCalendarDay(paidOn)) problems.push({ column: 'paid_on', message: `'${paidOn}' is not a date written YYYY-MM-DD` });
  const currencyText = requiredText(raw, 'currency', problems).toUpperCase();
  const currency = isCurrencyCode(currencyText) ? currencyText : null;
  if (currencyText && !currency) problems.push({ column: 'currency', message: `'${currencyText}' is not a supported currency code (e.g. GBP, USD, EUR)` });
  const category = requiredText(raw, 'category', problems);
  if (category && !CATEGORY_SET.has(category)) problems.push({ column: 'category', message: `'${category}' is not a category; use one of ${REVENUE_CATEGORIES.join(', ')}` });
  const kind = requiredText(raw, 'kind', problems);
  if (kind && !KIND_SET.has(kind)) problems.push({ column: 'kind', message: `'${kind}' is not a kind; use payment, refund or chargeback` });
  const grossMinor = amountOf(raw, 'gross', currency, false, problems);
  const discountMinor = amountOf(raw, 'discount', currency, true, problems);
  if (discountMinor > grossMinor && problems.length === 0) problems.push({ column: 'discount', message: `The discount (${(raw.discount ?? '').trim()}) is larger than the gross amount (${(raw.gross ?? '').trim()})` });
  const refersTo = (raw.refers_to ?? '').trim() || null;
  if ((kind === 'refund' || kind === 'chargeback') && !refersTo) problems.push({ column: 'refers_to', message: `A ${kind} must name the external_ref of the payment it returns in refers_to` });
  if (kind === 'payment' && refersTo) problems.push({ column: 'refers_to', message: 'A payment refers to nothing; leave refers_to empty (or set kind to refund or chargeback)' });
  const cashText = (raw.cash_received ?? '').trim().toLowerCase();
  if (cashText && cashText !== 'true' && cashText !== 'false') problems.push({ column: 'cash_received', message: `'${(raw.cash_received ?? '').trim()}' is not true or false` });
  const product = optionalText(raw, 'product', problems);
  const productId = optionalText(raw, 'product_id', problems) || null;
  const priceId = optionalText(raw, 'price_id', problems) || null;
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    row: {
      line,
      externalRef,
      customerRef,
      paidOn,
      currency: currency!,
      category: category as RevenueCategory,
      product,
      productId,
      priceId,
      grossMinor,
      discountMinor,
      kind: kind as RevenueKind,
      refersTo,
      cashReceived: cashText !== 'false',
    },
  };
}
