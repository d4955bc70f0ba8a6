import type { ImportLine } from '../../../src-shared/imports/formats';
import { customerDateProblems } from '../../../src-shared/referrals/customerDates';
import type { Sqlite } from '../../db/open';
import { insertCustomer } from '../referrals/customers';
import { diff, duplicateGuard, fold, indexBy, statementCache, type PlannedLine } from './plan';

interface StoredCustomer extends Record<string, unknown> {
  id: string;
  externalRef: string | null;
  name: string;
  email: string;
  partnerId: string | null;
  attribution: string | null;
  signUpOn: string;
  closedOn: string | null;
  cancelledOn: string | null;
  promoCode: string | null;
  productLine: string;
}

const COLUMN_OF: Partial<Record<keyof StoredCustomer, string>> = {
  externalRef: 'external_ref', name: 'name', email: 'email', partnerId: 'partner', attribution: 'attribution', signUpOn: 'sign_up_on',
  closedOn: 'closed_on', cancelledOn: 'cancelled_on', promoCode: 'promo_code', productLine: 'product_line',
};
const DB_COLUMN: Record<string, string> = {
  externalRef: 'external_ref', name: 'name', email: 'email', partnerId: 'partner_id', attribution: 'attribution', signUpOn: 'sign_up_on',
  closedOn: 'closed_on', cancelledOn: 'cancelled_on', promoCode: 'promo_code', productLine: 'product_line',
};
const dateField = { signUpOn: 'sign_up_on', closedOn: 'closed_on', cancelledOn: 'cancelled_on' } as const;

/**
 * Referred customers: matched by external_ref, else by e-mail (a stored customer without a
 * reference is also found by e-mail when the line brings one); see src-shared/imports/formats.ts.
 */
export function planCustomers(sqlite: Sqlite, lines: ImportLine[]): PlannedLine[] {
  const partners = sqlite.prepare('SELECT id, company FROM partners').all() as Array<{ id: string; company: string }>;
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const partnersByCompany = indexBy(partners, (p) => fold(p.company));
  const stored = sqlite
    .prepare(
      `SELECT id, external_ref AS externalRef, name, email, partner_id AS partnerId, attribution, sign_up_on AS signUpOn,
              closed_on AS closedOn, cancelled_on AS cancelledOn, promo_code AS promoCode, product_line AS productLine
       FROM customers`,
    )
    .all() as StoredCustomer[];
  const byRef = new Map(stored.filter((c) => c.externalRef).map((c) => [c.externalRef!, c]));
  const byEmail = indexBy(stored, (c) => (c.email ? fold(c.email) : null));
  const seen = duplicateGuard();
  const prepared = statementCache(sqlite);

  return lines.map((l): PlannedLine => {
    const v = l.values;
    const problems = l.problems;
    const out = (action: PlannedLine['action'], changes: string[] = [], write?: () => void): PlannedLine => ({
      line: l.line, values: v, action: problems.length ? 'error' : action, changes, problems, ...(problems.length || !write ? {} : { write }),
    });

    let partnerId: string | undefined;
    if (v.partner) {
      const named = partnerById.has(v.partner) ? [partnerById.get(v.partner)!] : (partnersByCompany.get(fold(v.partner)) ?? []);
      if (named.length === 0) problems.push({ column: 'partner', message: `No partner has the id or company name "${v.partner}".` });
      else if (named.length > 1) problems.push({ column: 'partner', message: `${named.length} partners are named "${v.partner}"; use the partner's id instead.` });
      else partnerId = named[0]!.id;
    }

    let existing: StoredCustomer | undefined;
    if (v.external_ref) existing = byRef.get(v.external_ref);
    if (!existing && v.email) {
      const sameEmail = (byEmail.get(fold(v.email)) ?? []).filter((c) => !v.external_ref || c.externalRef === null);
      if (sameEmail.length > 1 && !v.external_ref) {
        problems.push({ column: 'email', message: `${sameEmail.length} customers have the e-mail ${v.email}; add an external_ref to say which one this line is.` });
      } else if (sameEmail.length === 1) existing = sameEmail[0];
    }
    const key = existing ? `id:${existing.id}` : v.external_ref ? `ref:${v.external_ref}` : v.email ? `email:${fold(v.email)}` : null;
    const earlier = key ? seen(key, l.line) : null;
    if (earlier !== null) problems.push({ column: v.external_ref ? 'external_ref' : 'email', message: `Line ${earlier} already imports this customer; each customer may appear once per file.` });

    const wanted: Partial<StoredCustomer> = {
      externalRef: v.external_ref,
      name: v.name,
      email: v.email,
      signUpOn: v.sign_up_on,
      closedOn: v.closed_on,
      cancelledOn: v.cancelled_on,
      promoCode: v.promo_code,
      productLine: v.product_line,
    };
    const finalPartner = partnerId ?? existing?.partnerId ?? null;
    if (v.attribution && !finalPartner) {
      problems.push({ column: 'attribution', message: 'An attribution needs a partner: fill in the partner column, or leave attribution empty for an unattributed customer.' });
    }
    if (partnerId && partnerId !== existing?.partnerId) {
      wanted.partnerId = partnerId;
      wanted.attribution = v.attribution ?? 'import';
    } else if (v.attribution) wanted.attribution = v.attribution;

    if (existing) {
      // The dates the customer will have once the line is applied must still be in order.
      const merged = {
        signUpOn: wanted.signUpOn ?? existing.signUpOn,
        closedOn: wanted.closedOn ?? existing.closedOn,
        cancelledOn: wanted.cancelledOn ?? existing.cancelledOn,
      };
      for (const [field, message] of Object.entries(customerDateProblems(merged))) {
        const column = dateField[field as keyof typeof dateField];
        if (!problems.some((p) => p.column === column)) problems.push({ column, message });
      }
      const { changed, columns } = diff(existing, wanted, COLUMN_OF);
      if (columns.length === 0) return out('unchanged');
      const id = existing.id;
      return out('updated', columns, () => {
        const sets = Object.keys(changed).map((k) => `${DB_COLUMN[k]} = @${k}`);
        prepared(`UPDATE customers SET ${sets.join(', ')} WHERE id = @id`).run({ ...changed, id });
      });
    }

    return out('new', [], () => {
      insertCustomer(sqlite, {
        name: v.name!,
        email: v.email ?? '',
        externalRef: v.external_ref ?? null,
        partnerId: partnerId ?? null,
        attribution: partnerId ? (v.attribution ?? 'import') : null,
        signUpOn: v.sign_up_on!,
        closedOn: v.closed_on ?? null,
        cancelledOn: v.cancelled_on ?? null,
        promoCode: v.promo_code ?? null,
        productLine: v.product_line ?? '',
      });
    });
  });
}
