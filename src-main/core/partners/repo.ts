import type { z } from 'zod';
import type { Sqlite } from '../../db/open';
import { onboardingChecklist } from '../../../src-shared/partners/onboarding';
import type { AttachmentMeta, Contact, Extra, OnboardingStep, PartnerDetail } from '../../../src-shared/partners/schemas';
import { notFound } from './op';

// Reads of one partner and its parts, as prepared statements (the list has its own file).

/** The columns of `partners` that the record form edits, camel-cased. */
export const RECORD_COLUMNS = {
  company: 'company',
  programmeId: 'programme_id',
  format: 'format',
  status: 'status',
  country: 'country',
  website: 'website',
  focusMarket: 'focus_market',
  promoCode: 'promo_code',
  planId: 'plan_id',
  commissionRateBps: 'commission_rate_bps',
  stripeAccountId: 'stripe_account_id',
  stripeAccountState: 'stripe_account_state',
  payoutMethod: 'payout_method',
  taxFormKind: 'tax_form_kind',
  taxFormReceivedOn: 'tax_form_received_on',
  taxFormExpiresOn: 'tax_form_expires_on',
  notes: 'notes',
  registeredOn: 'registered_on',
} as const;
export type RecordField = keyof typeof RECORD_COLUMNS;

export const SETUP_COLUMNS = {
  integrationType: 'integration_type',
  hostedSignupUrl: 'hosted_signup_url',
  crmAccessScope: 'crm_access_scope',
  gdprConfirmedOn: 'gdpr_confirmed_on',
  gdprConfirmedBy: 'gdpr_confirmed_by',
} as const;
export type SetupField = keyof typeof SETUP_COLUMNS;

const select = (cols: Record<string, string>) =>
  Object.entries(cols)
    .map(([alias, col]) => `p.${col} AS ${alias}`)
    .join(', ');

export type PartnerRecord = Record<RecordField | SetupField, unknown> & {
  id: string;
  contactName: string;
  contactEmail: string;
  createdAt: string;
  updatedAt: string | null;
  programmeCode: string;
  programmeName: string;
  programmeCurrency: string;
};

/** The partner's own row (record + set-up fields), or null. */
export function readRecord(sqlite: Sqlite, id: string): PartnerRecord | null {
  const row = sqlite
    .prepare(
      `SELECT p.id, ${select(RECORD_COLUMNS)}, ${select(SETUP_COLUMNS)},
              p.contact_name AS contactName, p.contact_email AS contactEmail, p.created_at AS createdAt, p.updated_at AS updatedAt,
              pr.code AS programmeCode, pr.name AS programmeName, pr.currency AS programmeCurrency
       FROM partners p JOIN programmes pr ON pr.id = p.programme_id WHERE p.id = ?`,
    )
    .get(id) as PartnerRecord | undefined;
  return row ?? null;
}

export function requireRecord(sqlite: Sqlite, id: string): PartnerRecord {
  return readRecord(sqlite, id) ?? notFound();
}

export function readContacts(sqlite: Sqlite, partnerId: string): Contact[] {
  const rows = sqlite
    .prepare(
      `SELECT id, name, email, phone, role, is_primary AS isPrimary FROM partner_contacts
       WHERE partner_id = ? ORDER BY is_primary DESC, name COLLATE NOCASE, id`,
    )
    .all(partnerId) as Array<Omit<Contact, 'isPrimary'> & { isPrimary: number }>;
  return rows.map((r) => ({ ...r, isPrimary: r.isPrimary === 1 }));
}

export function readOnboarding(sqlite: Sqlite, partnerId: string): OnboardingStep[] {
  const rows = sqlite
    .prepare('SELECT step, due_on AS dueOn, done_on AS doneOn, owner, note FROM onboarding_steps WHERE partner_id = ?')
    .all(partnerId) as OnboardingStep[];
  return onboardingChecklist(rows);
}

export function readExtras(sqlite: Sqlite, partnerId: string): Extra[] {
  return sqlite
    .prepare(
      `SELECT id, description, cost_minor AS costMinor, currency, billing, agreed_on AS agreedOn FROM partner_extras
       WHERE partner_id = ? ORDER BY agreed_on, description, id`,
    )
    .all(partnerId) as Extra[];
}

export function readAttachments(sqlite: Sqlite, partnerId: string): AttachmentMeta[] {
  return sqlite
    .prepare(
      `SELECT a.id, a.file_name AS fileName, a.mime_type AS mimeType, a.size, a.sha256, a.uploaded_at AS uploadedAt,
              u.display_name AS uploadedBy
       FROM partner_attachments a LEFT JOIN users u ON u.id = a.uploaded_by
       WHERE a.partner_id = ? ORDER BY a.uploaded_at DESC, a.file_name`,
    )
    .all(partnerId) as AttachmentMeta[];
}

/** Everything the partner page shows. */
export function readDetail(sqlite: Sqlite, id: string): z.input<typeof PartnerDetail> {
  const r = requireRecord(sqlite, id);
  return {
    id: r.id,
    programme: { id: r.programmeId as string, code: r.programmeCode, name: r.programmeName, currency: r.programmeCurrency },
    company: r.company as string,
    format: r.format as PartnerDetail['format'],
    status: r.status as PartnerDetail['status'],
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    country: r.country as string,
    website: r.website as string,
    focusMarket: r.focusMarket as string,
    promoCode: r.promoCode as string | null,
    planId: r.planId as string | null,
    commissionRateBps: r.commissionRateBps as number | null,
    stripeAccountId: r.stripeAccountId as string | null,
    stripeAccountState: r.stripeAccountState as PartnerDetail['stripeAccountState'],
    payoutMethod: r.payoutMethod as PartnerDetail['payoutMethod'],
    taxFormKind: r.taxFormKind as PartnerDetail['taxFormKind'],
    taxFormReceivedOn: r.taxFormReceivedOn as string | null,
    taxFormExpiresOn: r.taxFormExpiresOn as string | null,
    notes: r.notes as string,
    registeredOn: r.registeredOn as string,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    setup: {
      integrationType: r.integrationType as PartnerDetail['setup']['integrationType'],
      hostedSignupUrl: r.hostedSignupUrl as string | null,
      crmAccessScope: r.crmAccessScope as PartnerDetail['setup']['crmAccessScope'],
      gdprConfirmedOn: r.gdprConfirmedOn as string | null,
      gdprConfirmedBy: r.gdprConfirmedBy as string | null,
    },
    contacts: readContacts(sqlite, id),
    onboarding: readOnboarding(sqlite, id),
    extras: readExtras(sqlite, id),
    attachments: readAttachments(sqlite, id),
  };
}

export function programmeCode(sqlite: Sqlite, programmeId: string): string | null {
  const row = sqlite.prepare('SELECT code FROM programmes WHERE id = ?').get(programmeId) as { code: string } | undefined;
  return row?.code ?? null;
}

/** A version stamp strictly after the previous one, even when the clock reads the same millisecond. */
export function nextVersion(previous: string | null, now: Date): string {
  const stamp = now.toISOString();
  if (!previous || stamp > previous) return stamp;
  return new Date(Date.parse(previous) + 1).toISOString();
}

/** Writes the given columns of one partner (names are from RECORD_COLUMNS/SETUP_COLUMNS, never from input). */
export function writeColumns(sqlite: Sqlite, id: string, values: Record<string, unknown>, columns: Record<string, string>, updatedAt: string): void {
  const keys = Object.keys(values).filter((k) => k in columns);
  const sets = keys.map((k) => `${columns[k]} = @${k}`);
  sets.push('updated_at = @updatedAt');
  sqlite.prepare(`UPDATE partners SET ${sets.join(', ')} WHERE id = @id`).run({ ...Object.fromEntries(keys.map((k) => [k, values[k]])), id, updatedAt });
}
