import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type * as contract from '../../../src-shared/commissions/contract';
import { formatMinorPlain } from '../../../src-shared/money/format';
import type { CurrencyCode } from '../../../src-shared/money/currency';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import { withBulkCache } from './bulk';
import { readCsv } from './csv';
import { uuidv7 } from './ids';
import { checkHeader, parseRevenueRow, rowFromFields, type RawRevenueRow, type RevenueRow } from './revenueFormat';

// Revenue import (format: revenueFormat.ts). Every line is checked and written inside one
// transaction; a preview, or any error, rolls the whole transaction back — so a file is
// imported whole or not at all, and the preview sees exactly what a commit would do
// (refunds of payments earlier in the same file, duplicates, conflicts).

export type ImportResult = z.input<typeof contract.importRevenue.output>;
type RowError = ImportResult['errors'][number];

export const MAX_LISTED_ERRORS = 200;
const PREVIEW_ROWS = 50;
/** Customers remembered during an import; bounded so memory does not grow with the file. */
const CUSTOMER_CACHE = 20_000;

export type ImportOptions = { commit: boolean; fileName: string; source: string; nowIso: string };

class Rollback extends Error {
  constructor(readonly result: ImportResult) {
    super('rollback');
  }
}

type CustomerHit = { id: string; name: string; company: string | null } | null;
type Existing = {
  rowid: number; id: string; customerId: string; paidOn: string; currency: string; category: string; product: string;
  productId: string | null; priceId: string | null; grossMinor: number; discountMinor: number; kind: string; refersTo: string | null; cashReceived: number;
};

/** What differs between a stored line and a new one with the same external_ref, in words. */
function differences(e: Existing, r: RevenueRow, customerId: string, refersToId: string | null): string[] {
  const d: string[] = [];
  const amount = (m: number) => formatMinorPlain(m, r.currency);
  if (e.customerId !== customerId) d.push('customer');
  if (e.paidOn !== r.paidOn) d.push(`paid_on ${e.paidOn} → ${r.paidOn}`);
  if (e.currency !== r.currency) d.push(`currency ${e.currency} → ${r.currency}`);
  if (e.category !== r.category) d.push(`category ${e.category} → ${r.category}`);
  if (e.product !== r.product) d.push('product');
  if (e.productId !== r.productId) d.push('product_id');
  if (e.priceId !== r.priceId) d.push('price_id');
  if (e.currency === r.currency && e.grossMinor !== r.grossMinor) d.push(`gross ${amount(e.grossMinor)} → ${amount(r.grossMinor)}`);
  if (e.currency === r.currency && e.discountMinor !== r.discountMinor) d.push(`discount ${amount(e.discountMinor)} → ${amount(r.discountMinor)}`);
  if (e.kind !== r.kind) d.push(`kind ${e.kind} → ${r.kind}`);
  if (e.refersTo !== refersToId) d.push('refers_to');
  if (Boolean(e.cashReceived) !== r.cashReceived) d.push(`cash_received ${Boolean(e.cashReceived)} → ${r.cashReceived}`);
  return d;
}

/**
 * The importer proper: fed lines one by one (from a CSV file or a generator), so the same
 * path serves the screen, the CLI and the benchmark. Memory stays bounded: rows are not
 * kept, only a bounded cache of the customers seen last.
 */
export type IncomingRow = { line: number; raw: RawRevenueRow; problem?: string };

export function importRevenueRows(session: Session, rows: Iterable<IncomingRow>, opts: ImportOptions): ImportResult {
  const { sqlite, db } = session.open;
  const findCustomer = sqlite.prepare(
    'SELECT c.id, c.name, p.company FROM customers c LEFT JOIN partners p ON p.id = c.partner_id WHERE c.external_ref = ?',
  );
  const findLine = sqlite.prepare(
    `SELECT rowid, id, customer_id AS customerId, paid_on AS paidOn, currency, category, product, product_id AS productId, price_id AS priceId,
            gross_minor AS grossMinor, discount_minor AS discountMinor, kind, refers_to AS refersTo, cash_received AS cashReceived
     FROM revenue_lines WHERE external_ref = ?`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO revenue_lines (id, customer_id, external_ref, paid_on, currency, category, product, gross_minor, discount_minor, kind, refers_to,
                                product_id, price_id, cash_received, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (external_ref) DO NOTHING`,
  );

  const customers = new Map<string, CustomerHit>();
  const errors: RowError[] = [];
  let errorCount = 0;
  const addError = (line: number, column: string | null, message: string) => {
    errorCount += 1;
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ line, column, message });
  };
  const totals = new Map<string, { currency: string; kind: string; lines: number; netMinor: number }>();
  const preview: ImportResult['preview'] = [];
  let count = 0;
  let newLines = 0;
  let unchanged = 0;

  const work = () => {
    const before = (sqlite.prepare('SELECT coalesce(max(rowid), 0) AS m FROM revenue_lines').get() as { m: number }).m;
    for (const { line, raw, problem: unreadable } of rows) {
      count += 1;
      if (unreadable) {
        addError(line, null, unreadable);
        continue;
      }
      const parsed = parseRevenueRow(line, raw);
      if (!parsed.ok) {
        for (const p of parsed.problems) addError(line, p.column, p.message);
        continue;
      }
      const r = parsed.row;
      let customer = customers.get(r.customerRef);
      if (customer === undefined) {
        customer = (findCustomer.get(r.customerRef) as CustomerHit | undefined) ?? null;
        if (customers.size >= CUSTOMER_CACHE) customers.delete(customers.keys().next().value!);
        customers.set(r.customerRef, customer);
      }
      if (!customer) {
        addError(line, 'customer_ref', `No customer has the external_ref '${r.customerRef}'; add the customer first`);
        continue;
      }
      let refersToId: string | null = null;
      if (r.refersTo) {
        const original = findLine.get(r.refersTo) as Existing | undefined;
        if (!original) {
          addError(line, 'refers_to', `No payment has the external_ref '${r.refersTo}' (it must be imported before, or come earlier in this file)`);
          continue;
        }
        const problem =
          original.kind !== 'payment'
            ? `'${r.refersTo}' is a ${original.kind}, not a payment`
            : original.customerId !== customer.id
              ? `payment '${r.refersTo}' belongs to another customer`
              : original.currency !== r.currency
                ? `payment '${r.refersTo}' is in ${original.currency}, this ${r.kind} in ${r.currency}`
                : r.paidOn < original.paidOn
                  ? `the ${r.kind} on ${r.paidOn} is dated before payment '${r.refersTo}' (${original.paidOn})`
                  : null;
        if (problem) {
          addError(line, 'refers_to', problem);
          continue;
        }
        refersToId = original.id;
      }
      const info = insert.run(
        uuidv7(), customer.id, r.externalRef, r.paidOn, r.currency, r.category, r.product, r.grossMinor, r.discountMinor, r.kind,
        refersToId, r.productId, r.priceId, r.cashReceived ? 1 : 0, opts.source,
      );
      if (info.changes === 0) {
        const existing = findLine.get(r.externalRef) as Existing;
        const diff = differences(existing, r, customer.id, refersToId);
        if (existing.rowid > before) {
          addError(line, 'external_ref', `external_ref '${r.externalRef}' appears twice in this file`);
        } else if (diff.length) {
          addError(line, 'external_ref', `external_ref '${r.externalRef}' was imported before with different content (${diff.join(', ')}); a correction is a refund or a new line, never an edit`);
        } else {
          unchanged += 1;
        }
        continue;
      }
      newLines += 1;
      const key = `${r.currency}|${r.kind}`;
      const t = totals.get(key) ?? { currency: r.currency, kind: r.kind, lines: 0, netMinor: 0 };
      t.lines += 1;
      t.netMinor += r.grossMinor - r.discountMinor;
      totals.set(key, t);
      if (preview.length < PREVIEW_ROWS) {
        preview.push({
          line, externalRef: r.externalRef, customerRef: r.customerRef, customerName: customer.name, partnerCompany: customer.company,
          paidOn: r.paidOn, currency: r.currency, category: r.category, kind: r.kind, grossMinor: r.grossMinor, discountMinor: r.discountMinor,
        });
      }
    }
    if (count === 0) addError(1, null, 'The file has no data lines');
    const result: ImportResult = {
      fileName: opts.fileName,
      committed: false,
      rows: count,
      newLines,
      unchanged,
      errors,
      moreErrors: errorCount - errors.length,
      totals: [...totals.values()].sort((a, b) => (a.currency + a.kind < b.currency + b.kind ? -1 : 1)),
      preview,
    };
    if (errorCount > 0 || !opts.commit) throw new Rollback(result);
    if (newLines > 0) {
      recordAudit(db, {
        at: opts.nowIso,
        userId: session.user.id,
        action: 'commissions.revenue_import',
        entity: 'revenue_lines',
        entityId: null,
        detail: { fileName: opts.fileName, source: opts.source, rows: count, newLines, unchanged, totals: result.totals },
      });
    }
    return { ...result, committed: true };
  };

  try {
    return withBulkCache(sqlite, () => sqlite.transaction(work)());
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}

/** Reads a revenue CSV (header on line 1) and imports it; see revenueFormat.ts. */
export function importRevenueCsv(session: Session, csv: string, opts: Omit<ImportOptions, 'source'>): ImportResult {
  const source = `import:${createHash('sha256').update(csv).digest('hex').slice(0, 16)}`;
  const records = readCsv(csv);
  const first = records.next();
  const empty = (message: string, line = 1): ImportResult => ({
    fileName: opts.fileName, committed: false, rows: 0, newLines: 0, unchanged: 0,
    errors: [{ line, column: null, message }], moreErrors: 0, totals: [], preview: [],
  });
  if (first.done) return empty('The file is empty; the first line must name the columns (external_ref, customer_ref, paid_on, …)');
  const header = checkHeader(first.value.fields);
  if (header.problems.length) {
    return { ...empty(''), errors: header.problems.map((p) => ({ line: first.value.line, column: p.column, message: p.message })) };
  }
  const width = header.columns.length;
  function* rows(): Generator<IncomingRow> {
    for (const rec of { [Symbol.iterator]: () => records }) {
      if (rec.fields.length !== width) {
        yield { line: rec.line, raw: {}, problem: `This line has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}; the header has ${width}` };
        continue;
      }
      yield { line: rec.line, raw: rowFromFields(header.columns, rec.fields) };
    }
  }
  return importRevenueRows(session, rows(), { ...opts, source });
}

export type { CurrencyCode };
