import type { z } from 'zod';
import type { Sqlite } from '../../db/open';
import type { addContact, removeContact, updateContact } from '../../../src-shared/partners/contract';
import type { PartnerDetail } from '../../../src-shared/partners/schemas';
import { audit, changedFields, inTransaction, newId, notFound, type PartnerOp } from './op';
import { readContacts, readDetail, requireRecord } from './repo';

type Detail = z.input<typeof PartnerDetail>;

interface ContactRow {
  id: string;
  partnerId: string;
  name: string;
  email: string;
  phone: string;
  role: string;
  isPrimary: boolean;
}

function requireContact(sqlite: Sqlite, id: string): ContactRow {
  const row = sqlite
    .prepare('SELECT id, partner_id AS partnerId, name, email, phone, role, is_primary AS isPrimary FROM partner_contacts WHERE id = ?')
    .get(id) as (Omit<ContactRow, 'isPrimary'> & { isPrimary: number }) | undefined;
  if (!row) return notFound('This contact');
  return { ...row, isPrimary: row.isPrimary === 1 };
}

/**
 * Exactly one contact is primary while the partner has any: making one primary demotes the
 * others, and when the primary goes another is promoted. The primary's name and e-mail are
 * mirrored on the partner row, which the list shows and searches.
 */
function settlePrimary(sqlite: Sqlite, partnerId: string, primaryId: string | null): void {
  if (primaryId) sqlite.prepare('UPDATE partner_contacts SET is_primary = (id = ?) WHERE partner_id = ?').run(primaryId, partnerId);
  const contacts = readContacts(sqlite, partnerId);
  let primary = contacts.find((c) => c.isPrimary) ?? null;
  if (!primary && contacts.length > 0) {
    primary = contacts[0]!;
    sqlite.prepare('UPDATE partner_contacts SET is_primary = 1 WHERE id = ?').run(primary.id);
  }
  sqlite.prepare('UPDATE partners SET contact_name = ?, contact_email = ? WHERE id = ?').run(primary?.name ?? '', primary?.email ?? '', partnerId);
}

export function addPartnerContact(op: PartnerOp, input: z.output<typeof addContact.input>): Detail {
  const { sqlite } = op.session.open;
  return inTransaction(op, () => {
    requireRecord(sqlite, input.partnerId);
    const id = newId();
    sqlite
      .prepare('INSERT INTO partner_contacts (id, partner_id, name, email, phone, role, is_primary) VALUES (?, ?, ?, ?, ?, ?, 0)')
      .run(id, input.partnerId, input.name, input.email, input.phone, input.role);
    settlePrimary(sqlite, input.partnerId, input.isPrimary ? id : null);
    const { partnerId: _p, ...fields } = input;
    audit(op, 'partner.contact_add', 'partner', input.partnerId, { contactId: id, contact: fields });
    return readDetail(sqlite, input.partnerId);
  });
}

export function updatePartnerContact(op: PartnerOp, input: z.output<typeof updateContact.input>): Detail {
  const { sqlite } = op.session.open;
  return inTransaction(op, () => {
    const before = requireContact(sqlite, input.id);
    const { id, ...fields } = input;
    const changes = changedFields(before as unknown as Record<string, unknown>, fields);
    if (Object.keys(changes).length === 0) return readDetail(sqlite, before.partnerId);
    sqlite.prepare('UPDATE partner_contacts SET name = ?, email = ?, phone = ?, role = ? WHERE id = ?').run(fields.name, fields.email, fields.phone, fields.role, id);
    if (fields.isPrimary) settlePrimary(sqlite, before.partnerId, id);
    else {
      if (before.isPrimary) sqlite.prepare('UPDATE partner_contacts SET is_primary = 0 WHERE id = ?').run(id);
      // Demoting the only contact (or the primary) promotes the first other one.
      const others = readContacts(sqlite, before.partnerId).filter((c) => c.id !== id);
      settlePrimary(sqlite, before.partnerId, before.isPrimary ? (others[0]?.id ?? id) : null);
    }
    audit(op, 'partner.contact_update', 'partner', before.partnerId, { contactId: id, changes });
    return readDetail(sqlite, before.partnerId);
  });
}

export function removePartnerContact(op: PartnerOp, input: z.output<typeof removeContact.input>): Detail {
  const { sqlite } = op.session.open;
  return inTransaction(op, () => {
    const before = requireContact(sqlite, input.id);
    sqlite.prepare('DELETE FROM partner_contacts WHERE id = ?').run(input.id);
    settlePrimary(sqlite, before.partnerId, null);
    const { partnerId, ...contact } = before;
    audit(op, 'partner.contact_remove', 'partner', partnerId, { contactId: input.id, contact });
    return readDetail(sqlite, partnerId);
  });
}
