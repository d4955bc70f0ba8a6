import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { attribute, createCustomer, CustomerRow, updateCustomer } from '../../../src-shared/referrals/contract';
import { customerDateProblems } from '../../../src-shared/referrals/customerDates';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import { customerById, partnerById, type PartnerFacts } from './repo';

type In<C extends { input: z.ZodType }> = z.output<C['input']>;

export function requireCustomer(sqlite: Sqlite, id: string): CustomerRow {
  return customerById(sqlite, id) ?? fail('not_found', 'That customer no longer exists. Reload the list.');
}

export function requirePartner(sqlite: Sqlite, id: string, field = 'partnerId'): PartnerFacts {
  return partnerById(sqlite, id) ?? fail('validation', 'That partner does not exist.', { fieldErrors: { [field]: 'Choose a partner from the list' } });
}

function checkDates(d: { signUpOn: string; closedOn?: string | null; cancelledOn?: string | null }) {
  const problems = customerDateProblems(d);
  const first = Object.values(problems)[0];
  if (first) fail('validation', first, { fieldErrors: problems });
}

function checkExternalRefFree(sqlite: Sqlite, ref: string | null | undefined, exceptId?: string) {
  if (!ref) return;
  const other = sqlite.prepare('SELECT id, name FROM customers WHERE external_ref = ?').get(ref) as { id: string; name: string } | undefined;
  if (other && other.id !== exceptId) {
    fail('conflict', `The reference ${ref} already belongs to ${other.name}.`, { fieldErrors: { externalRef: `Already used by ${other.name}` } });
  }
}

/** Inserts a customer; the caller runs it in its transaction and writes the audit entry. */
export function insertCustomer(
  sqlite: Sqlite,
  c: { name: string; email: string; externalRef: string | null; partnerId: string | null; attribution: string | null; signUpOn: string;
    closedOn: string | null; cancelledOn: string | null; promoCode: string | null; productLine: string },
): string {
  const id = randomUUID();
  let insert = insertStatements.get(sqlite);
  if (!insert) {
    // Prepared once per database: an import of 100,000 customers runs this in a loop.
    insert = sqlite.prepare(
      `INSERT INTO customers (id, partner_id, external_ref, name, email, attribution, sign_up_on, closed_on, cancelled_on, promo_code, product_line)
       VALUES (@id, @partnerId, @externalRef, @name, @email, @attribution, @signUpOn, @closedOn, @cancelledOn, @promoCode, @productLine)`,
    );
    insertStatements.set(sqlite, insert);
  }
  insert.run({ id, ...c });
  return id;
}
const insertStatements = new WeakMap<Sqlite, ReturnType<Sqlite['prepare']>>();

export function createCustomerRecord(session: Session, input: In<typeof createCustomer>, nowIso: string): CustomerRow {
  const { sqlite, db } = session.open;
  const partnerId = input.partnerId ?? null;
  if (partnerId) requirePartner(sqlite, partnerId);
  if (partnerId && !input.attribution) {
    fail('validation', 'Say how the customer came to the partner.', { fieldErrors: { attribution: 'Choose referral link, promo code, warm introduction, integration or import' } });
  }
  checkDates(input);
  checkExternalRefFree(sqlite, input.externalRef || null);
  return sqlite.transaction(() => {
    const id = insertCustomer(sqlite, {
      name: input.name,
      email: input.email ?? '',
      externalRef: input.externalRef || null,
      partnerId,
      // An unattributed customer has no attribution channel to speak of.
      attribution: partnerId ? (input.attribution ?? null) : null,
      signUpOn: input.signUpOn,
      closedOn: input.closedOn ?? null,
      cancelledOn: input.cancelledOn ?? null,
      promoCode: input.promoCode || null,
      productLine: input.productLine ?? '',
    });
    recordAudit(db, { at: nowIso, userId: session.user.id, action: 'referrals.createCustomer', entity: 'customer', entityId: id, detail: { name: input.name, partnerId } });
    return requireCustomer(sqlite, id);
  })();
}

const EDITABLE = ['name', 'email', 'externalRef', 'signUpOn', 'closedOn', 'cancelledOn', 'promoCode', 'productLine'] as const;
const COLUMN: Record<(typeof EDITABLE)[number], string> = {
  name: 'name', email: 'email', externalRef: 'external_ref', signUpOn: 'sign_up_on', closedOn: 'closed_on',
  cancelledOn: 'cancelled_on', promoCode: 'promo_code', productLine: 'product_line',
};

/** Edits the customer's facts. Dates are checked together with the stored ones they are not replacing. */
export function updateCustomerRecord(session: Session, input: In<typeof updateCustomer>, nowIso: string): CustomerRow {
  const { sqlite, db } = session.open;
  const before = requireCustomer(sqlite, input.id);
  const after = { ...before };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of EDITABLE) {
    if (input[k] === undefined) continue;
    const to = k === 'externalRef' || k === 'promoCode' ? input[k] || null : input[k];
    if (to === before[k]) continue;
    changes[k] = { from: before[k], to };
    (after as Record<string, unknown>)[k] = to;
  }
  checkDates(after);
  if (changes.externalRef) checkExternalRefFree(sqlite, after.externalRef, before.id);
  if (Object.keys(changes).length === 0) return before;
  return sqlite.transaction(() => {
    const sets = Object.keys(changes).map((k) => `${COLUMN[k as keyof typeof COLUMN]} = @${k}`);
    const values = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
    sqlite.prepare(`UPDATE customers SET ${sets.join(', ')} WHERE id = @id`).run({ ...values, id: before.id });
    recordAudit(db, { at: nowIso, userId: session.user.id, action: 'referrals.updateCustomer', entity: 'customer', entityId: before.id, detail: { changes } });
    return requireCustomer(sqlite, before.id);
  })();
}

/** Assigns or reassigns the customer; the audit entry keeps who was credited before. */
export function attributeCustomer(session: Session, input: In<typeof attribute>, nowIso: string): CustomerRow {
  const { sqlite, db } = session.open;
  const before = requireCustomer(sqlite, input.customerId);
  const partner = requirePartner(sqlite, input.partnerId);
  if (before.partnerId === partner.id && before.attribution === input.attribution) {
    fail('conflict', `${before.name} is already attributed to ${partner.company} by ${input.attribution.replace('_', ' ')}.`);
  }
  return sqlite.transaction(() => {
    setCustomerPartner(sqlite, before.id, partner.id, input.attribution);
    recordAudit(db, {
      at: nowIso,
      userId: session.user.id,
      action: before.partnerId ? 'referrals.reattribute' : 'referrals.attribute',
      entity: 'customer',
      entityId: before.id,
      detail: {
        fromPartnerId: before.partnerId,
        fromPartner: before.partnerCompany,
        fromAttribution: before.attribution,
        toPartnerId: partner.id,
        toPartner: partner.company,
        attribution: input.attribution,
        note: input.note ?? '',
      },
    });
    return requireCustomer(sqlite, before.id);
  })();
}

export function setCustomerPartner(sqlite: Sqlite, customerId: string, partnerId: string, attribution: string): void {
  sqlite.prepare('UPDATE customers SET partner_id = ?, attribution = ? WHERE id = ?').run(partnerId, attribution, customerId);
}
