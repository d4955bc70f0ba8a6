import type { z } from 'zod';
import type { list } from '../../../src-shared/partners/contract';
import type { Session } from '../context';

type ListInput = z.output<typeof list.input>;

/** The partner list with each partner's programme and number of referred customers. */
export function listPartners(session: Session, input: ListInput): z.input<typeof list.output> {
  const where = input.search ? `WHERE p.company LIKE @q ESCAPE '\\' OR p.contact_email LIKE @q ESCAPE '\\'` : '';
  const q = input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const params = q ? { q } : {};
  const { sqlite } = session.open;
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.company, pr.name AS programme, p.format, p.status, p.contact_email AS contactEmail,
              p.country, p.registered_on AS registeredOn,
              (SELECT count(*) FROM customers c WHERE c.partner_id = p.id) AS customers
       FROM partners p JOIN programmes pr ON pr.id = p.programme_id
       ${where} ORDER BY p.company COLLATE NOCASE LIMIT @limit`,
    )
    .all({ ...params, limit: input.limit }) as z.input<typeof list.output>['rows'];
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM partners p ${where}`).get(params) as { n: number }).n;
  return { rows, total };
}
