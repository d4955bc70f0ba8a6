import type { z } from 'zod';
import type { Sqlite } from '../../db/open';
import type { filterOptions, list } from '../../../src-shared/partners/contract';
import type { PartnerSortColumn } from '../../../src-shared/partners/listQuery';
import { PartnerFormat, PartnerStatus } from '../../../src-shared/partners/schemas';

type ListInput = z.output<typeof list.input>;
type ListOutput = z.input<typeof list.output>;

/** Column → SQL ordering expression. Names come from this map only, never from input. */
const orderBy: Record<PartnerSortColumn, string> = {
  company: 'p.company COLLATE NOCASE',
  programme: '(SELECT pr.name FROM programmes pr WHERE pr.id = p.programme_id) COLLATE NOCASE',
  format: 'p.format',
  status: 'p.status',
  contactEmail: 'p.contact_email COLLATE NOCASE',
  country: 'p.country',
  registeredOn: 'p.registered_on',
  customers: '(SELECT count(*) FROM customers c WHERE c.partner_id = p.id)',
  stripeAccountState: 'p.stripe_account_state',
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE clause and parameters for the filters and the global search. */
function whereOf(input: ListInput): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const inList = (column: string, key: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    const names = values.map((v, i) => {
      params[`${key}${i}`] = v;
      return `@${key}${i}`;
    });
    clauses.push(`${column} IN (${names.join(', ')})`);
  };
  inList('p.status', 'status', input.filters.status);
  inList('p.programme_id', 'programme', input.filters.programmeId);
  inList('p.format', 'format', input.filters.format);
  const q = input.globalSearch;
  if (q) {
    // Company and e-mail by substring; country by its code. The primary contact's e-mail is
    // on the partner row; other contacts' e-mails are found once through the contacts table.
    params.q = `%${escapeLike(q)}%`;
    params.country = q.toUpperCase();
    clauses.push(
      `(p.company LIKE @q ESCAPE '\\' OR p.contact_email LIKE @q ESCAPE '\\' OR p.country = @country
        OR p.id IN (SELECT pc.partner_id FROM partner_contacts pc WHERE pc.is_primary = 0 AND pc.email LIKE @q ESCAPE '\\'))`,
    );
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

const ROW_COLUMNS = `p.id, p.company, p.programme_id AS programmeId, p.format, p.status, p.contact_name AS contactName,
  p.contact_email AS contactEmail, p.country, p.registered_on AS registeredOn, p.stripe_account_state AS stripeAccountState`;

type WindowRow = Omit<ListOutput['rows'][number], 'programme' | 'customers'>;

/**
 * One window of the partner list, sorted, filtered and searched by SQLite.
 *
 * - The window is found as ids only, so the sorter carries (sort key, id) rather than whole
 *   rows; the window's rows are then read by primary key.
 * - The id breaks ties, in the direction of the last sort term, so windows never overlap or
 *   skip a row and an index on (column, id) can serve the whole ORDER BY.
 * - A window past the middle is read in the reverse order from the other end: SQLite's
 *   top-N sort then keeps `total - offset` rows instead of `offset + limit`.
 * - A search scans the table whatever happens, so its first window and its total come from
 *   that one pass (count(*) OVER ()); plain filters count through their index instead.
 * - Customers are counted for the window's rows only.
 */
export function listPartners(sqlite: Sqlite, input: ListInput): ListOutput {
  const { sql: where, params } = whereOf(input);
  const sort = input.sort.length > 0 ? input.sort : [{ id: 'company' as const, desc: false }];
  const orderBySql = (reverse: boolean) => {
    const dir = (desc: boolean) => (desc !== reverse ? 'DESC' : 'ASC');
    return [...sort.map((s) => `${orderBy[s.id]} ${dir(s.desc)}`), `p.id ${dir(sort.at(-1)!.desc)}`].join(', ');
  };
  let total: number;
  let ids: string[];
  if (input.globalSearch && input.offset === 0) {
    const found = sqlite
      .prepare(`SELECT p.id, count(*) OVER () AS total FROM partners p ${where} ORDER BY ${orderBySql(false)} LIMIT @limit`)
      .all({ ...params, limit: input.limit }) as Array<{ id: string; total: number }>;
    total = found[0]?.total ?? 0;
    ids = found.map((r) => r.id);
  } else {
    total = sqlite.prepare(`SELECT count(*) FROM partners p ${where}`).pluck().get(params) as number;
    const reverse = input.offset + input.limit / 2 > total / 2;
    const limit = reverse ? Math.min(input.limit, total - input.offset) : input.limit;
    const offset = reverse ? Math.max(0, total - input.offset - input.limit) : input.offset;
    ids =
      limit <= 0
        ? []
        : (sqlite
            .prepare(`SELECT p.id FROM partners p ${where} ORDER BY ${orderBySql(reverse)} LIMIT @limit OFFSET @offset`)
            .pluck()
            .all({ ...params, limit, offset }) as string[]);
    if (reverse) ids.reverse();
  }
  const byId = new Map<string, WindowRow>();
  if (ids.length > 0) {
    const marks = ids.map(() => '?').join(', ');
    for (const r of sqlite.prepare(`SELECT ${ROW_COLUMNS} FROM partners p WHERE p.id IN (${marks})`).all(...ids) as WindowRow[]) byId.set(r.id, r);
  }
  const programmes = new Map(
    (sqlite.prepare('SELECT id, name FROM programmes').all() as Array<{ id: string; name: string }>).map((p) => [p.id, p.name]),
  );
  const countCustomers = sqlite.prepare('SELECT count(*) FROM customers WHERE partner_id = ?').pluck();
  const rows = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, programme: programmes.get(r.programmeId) ?? '', customers: countCustomers.get(id) as number }] : [];
  });
  return { rows, total, offset: input.offset };
}

export function listFilterOptions(sqlite: Sqlite): z.input<typeof filterOptions.output> {
  const programmes = sqlite.prepare('SELECT id, code, name, currency FROM programmes ORDER BY name COLLATE NOCASE').all() as Array<{
    id: string;
    code: string;
    name: string;
    currency: string;
  }>;
  return { programmes, statuses: [...PartnerStatus.options], formats: [...PartnerFormat.options] };
}
