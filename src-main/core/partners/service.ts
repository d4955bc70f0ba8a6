import type { z } from 'zod';
import { fail } from '../../../src-shared/rpc/errors';
import type { create, setSetup, update } from '../../../src-shared/partners/contract';
import { partnerRecordProblems } from '../../../src-shared/partners/record';
import { setupProblems } from '../../../src-shared/partners/setup';
import type { PartnerDetail } from '../../../src-shared/partners/schemas';
import { audit, changedFields, failOnProblems, inTransaction, newId, type PartnerOp } from './op';
import { nextVersion, programmeCode, readDetail, RECORD_COLUMNS, requireRecord, SETUP_COLUMNS, writeColumns, type PartnerRecord } from './repo';

type Detail = z.input<typeof PartnerDetail>;

export const CONFLICT_MESSAGE = 'Someone else changed this partner; reload it to see their changes, then make yours again.';

function checkVersion(record: PartnerRecord, expected: string | null): void {
  if ((record.updatedAt ?? null) !== expected) fail('conflict', CONFLICT_MESSAGE);
}

function requireProgrammeCode(op: PartnerOp, programmeId: string): string {
  return programmeCode(op.session.open.sqlite, programmeId) ?? fail('validation', 'Choose one of the workspace’s programmes.', { fieldErrors: { programmeId: 'Choose one of the workspace’s programmes' } });
}

export function getPartner(op: PartnerOp, id: string): Detail {
  return readDetail(op.session.open.sqlite, id);
}

/** A new partner with its main contact (who becomes the primary contact). */
export function createPartner(op: PartnerOp, input: z.output<typeof create.input>): Detail {
  const { sqlite } = op.session.open;
  const code = requireProgrammeCode(op, input.programmeId);
  const registeredOn = input.registeredOn ?? op.today;
  const fields = { format: input.format, stripeAccountId: null, stripeAccountState: 'none' as const, taxFormKind: null, taxFormReceivedOn: null, taxFormExpiresOn: null, registeredOn };
  failOnProblems(partnerRecordProblems(fields, code, op.today), 'The new partner');
  const id = newId();
  const at = op.now.toISOString();
  inTransaction(op, () => {
    sqlite
      .prepare(
        `INSERT INTO partners (id, programme_id, company, format, status, contact_name, contact_email, country, registered_on, created_at, updated_at)
         VALUES (@id, @programmeId, @company, @format, @status, @contactName, @contactEmail, @country, @registeredOn, @at, @at)`,
      )
      .run({ id, programmeId: input.programmeId, company: input.company, format: input.format, status: input.status, contactName: input.contactName, contactEmail: input.contactEmail, country: input.country, registeredOn, at });
    sqlite
      .prepare(`INSERT INTO partner_contacts (id, partner_id, name, email, phone, role, is_primary) VALUES (?, ?, ?, ?, '', '', 1)`)
      .run(newId(), id, input.contactName, input.contactEmail);
    audit(op, 'partner.create', 'partner', id, {
      company: input.company,
      programmeId: input.programmeId,
      format: input.format,
      status: input.status,
      country: input.country,
      registeredOn,
      contact: { name: input.contactName, email: input.contactEmail },
    });
  });
  return readDetail(sqlite, id);
}

/** Changes record fields; refuses with a conflict when the record changed since the form loaded it. */
export function updatePartner(op: PartnerOp, input: z.output<typeof update.input>): Detail {
  const { sqlite } = op.session.open;
  return inTransaction(op, () => {
    const record = requireRecord(sqlite, input.id);
    checkVersion(record, input.expectedUpdatedAt);
    const { id: _id, expectedUpdatedAt: _v, ...values } = input;
    const merged = { ...record, ...values } as PartnerRecord & typeof values;
    const code = values.programmeId && values.programmeId !== record.programmeId ? requireProgrammeCode(op, values.programmeId) : record.programmeCode;
    failOnProblems(partnerRecordProblems(merged as Parameters<typeof partnerRecordProblems>[0], code, op.today), 'The partner');
    const changes = changedFields(record as Record<string, unknown>, values);
    if (Object.keys(changes).length === 0) return readDetail(sqlite, input.id);
    const changed = Object.fromEntries(Object.keys(changes).map((k) => [k, values[k as keyof typeof values]]));
    writeColumns(sqlite, input.id, changed, RECORD_COLUMNS, nextVersion(record.updatedAt, op.now));
    audit(op, 'partner.update', 'partner', input.id, { changes });
    return readDetail(sqlite, input.id);
  });
}

/** Seed 000's set-up; CRM access is read-only only with the partner's UK GDPR confirmation on file. */
export function setPartnerSetup(op: PartnerOp, input: z.output<typeof setSetup.input>): Detail {
  const { sqlite } = op.session.open;
  return inTransaction(op, () => {
    const record = requireRecord(sqlite, input.id);
    checkVersion(record, input.expectedUpdatedAt);
    const { id: _id, expectedUpdatedAt: _v, ...values } = input;
    const normalised = { ...values, gdprConfirmedBy: values.gdprConfirmedBy?.trim() || null };
    failOnProblems(setupProblems(normalised, op.today), 'The set-up');
    const changes = changedFields(record as Record<string, unknown>, normalised);
    if (Object.keys(changes).length === 0) return readDetail(sqlite, input.id);
    writeColumns(sqlite, input.id, normalised, SETUP_COLUMNS, nextVersion(record.updatedAt, op.now));
    audit(op, 'partner.setup', 'partner', input.id, { changes });
    return readDetail(sqlite, input.id);
  });
}
