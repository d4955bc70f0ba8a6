import { randomUUID } from 'node:crypto';
import type { AgreementEvent } from '../../../src-shared/agreements/dates';
import type { AgreementTerms } from '../../../src-shared/agreements/terms';
import type { IsoDate } from '../../../src-shared/dates/isoDate';
import type { Sqlite } from '../../db/open';

// Queries of the agreements domain: prepared statements over agreements, agreement_events
// and the partner columns this domain reads or keeps in step (status).

export interface AgreementRow {
  id: string;
  partnerId: string;
  version: number;
  terms: AgreementTerms;
  createdAt: string;
}

export interface EventRow {
  id: string;
  agreementId: string;
  kind: 'notice' | 'breach' | 'terminated';
  onDate: IsoDate;
  servedBy: 'partner' | 'company' | null;
  terminatesOn: IsoDate | null;
  curedOn: IsoDate | null;
  reason: string;
  note: string;
  recordedAt: string;
  recordedBy: string | null;
}

export interface PartnerRow {
  id: string;
  company: string;
  programme: string;
  programmeCode: string;
  format: string;
  status: string;
  registeredOn: IsoDate;
  taxFormKind: string | null;
  taxFormExpiresOn: IsoDate | null;
}

interface RawAgreement {
  id: string;
  partner_id: string;
  version: number;
  effective_on: string;
  initial_term_months: number;
  after_initial_term: 'rolling' | 'fixed';
  notice_unit: 'months' | 'days';
  notice_count: number;
  governing_law: string;
  post_termination: 'stops' | 'continues_for_prior_referrals';
  cure_period_days: number | null;
  non_solicit_months: number | null;
  breach_outcome: 'suspend' | 'terminate';
  created_at: string;
}

const toAgreement = (r: RawAgreement): AgreementRow => ({
  id: r.id,
  partnerId: r.partner_id,
  version: r.version,
  createdAt: r.created_at,
  terms: {
    effectiveOn: r.effective_on as IsoDate,
    initialTermMonths: r.initial_term_months,
    afterInitialTerm: r.after_initial_term,
    noticePeriod: { unit: r.notice_unit, count: r.notice_count },
    governingLaw: r.governing_law,
    postTermination: r.post_termination,
    curePeriodDays: r.cure_period_days,
    nonSolicitMonths: r.non_solicit_months,
    breachOutcome: r.breach_outcome,
  },
});

const EVENT_COLUMNS = `e.id, e.agreement_id AS agreementId, e.kind, e.on_date AS onDate, e.served_by AS servedBy,
  e.terminates_on AS terminatesOn, e.cured_on AS curedOn, e.reason, e.note, e.recorded_at AS recordedAt,
  coalesce(u.display_name, e.recorded_by) AS recordedBy`;

const PARTNER_COLUMNS = `p.id, p.company, pr.name AS programme, pr.code AS programmeCode, p.format, p.status,
  p.registered_on AS registeredOn, p.tax_form_kind AS taxFormKind, p.tax_form_expires_on AS taxFormExpiresOn`;

export function partner(sqlite: Sqlite, partnerId: string): PartnerRow | undefined {
  return sqlite
    .prepare(`SELECT ${PARTNER_COLUMNS} FROM partners p JOIN programmes pr ON pr.id = p.programme_id WHERE p.id = ?`)
    .get(partnerId) as PartnerRow | undefined;
}

export function allPartners(sqlite: Sqlite): PartnerRow[] {
  return sqlite
    .prepare(`SELECT ${PARTNER_COLUMNS} FROM partners p JOIN programmes pr ON pr.id = p.programme_id ORDER BY p.company COLLATE NOCASE`)
    .all() as PartnerRow[];
}

export function agreement(sqlite: Sqlite, agreementId: string): AgreementRow | undefined {
  const r = sqlite.prepare('SELECT * FROM agreements WHERE id = ?').get(agreementId) as RawAgreement | undefined;
  return r && toAgreement(r);
}

/** Every version of one partner's agreement, oldest first. */
export function versions(sqlite: Sqlite, partnerId: string): AgreementRow[] {
  return (sqlite.prepare('SELECT * FROM agreements WHERE partner_id = ? ORDER BY version').all(partnerId) as RawAgreement[]).map(toAgreement);
}

/** Every agreement version of every partner, grouped by partner id, oldest version first. */
export function versionsByPartner(sqlite: Sqlite): Map<string, AgreementRow[]> {
  const out = new Map<string, AgreementRow[]>();
  for (const r of sqlite.prepare('SELECT * FROM agreements ORDER BY partner_id, version').all() as RawAgreement[]) {
    const a = toAgreement(r);
    const list = out.get(a.partnerId) ?? [];
    list.push(a);
    out.set(a.partnerId, list);
  }
  return out;
}

export function events(sqlite: Sqlite, agreementId: string): EventRow[] {
  return sqlite
    .prepare(`SELECT ${EVENT_COLUMNS} FROM agreement_events e LEFT JOIN users u ON u.id = e.recorded_by
              WHERE e.agreement_id = ? ORDER BY e.on_date, e.recorded_at`)
    .all(agreementId) as EventRow[];
}

export function event(sqlite: Sqlite, eventId: string): EventRow | undefined {
  return sqlite
    .prepare(`SELECT ${EVENT_COLUMNS} FROM agreement_events e LEFT JOIN users u ON u.id = e.recorded_by WHERE e.id = ?`)
    .get(eventId) as EventRow | undefined;
}

/** Events of every agreement, grouped by agreement id. */
export function eventsByAgreement(sqlite: Sqlite): Map<string, EventRow[]> {
  const out = new Map<string, EventRow[]>();
  const rows = sqlite
    .prepare(`SELECT ${EVENT_COLUMNS} FROM agreement_events e LEFT JOIN users u ON u.id = e.recorded_by ORDER BY e.on_date, e.recorded_at`)
    .all() as EventRow[];
  for (const e of rows) {
    const list = out.get(e.agreementId) ?? [];
    list.push(e);
    out.set(e.agreementId, list);
  }
  return out;
}

export function insertEvent(
  sqlite: Sqlite,
  e: Omit<EventRow, 'id' | 'note' | 'curedOn'> & { note?: string; curedOn?: IsoDate | null },
): string {
  const id = randomUUID();
  sqlite
    .prepare(
      `INSERT INTO agreement_events (id, agreement_id, kind, on_date, served_by, terminates_on, cured_on, reason, note, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, e.agreementId, e.kind, e.onDate, e.servedBy, e.terminatesOn, e.curedOn ?? null, e.reason, e.note ?? '', e.recordedAt, e.recordedBy);
  return id;
}

export function setCuredOn(sqlite: Sqlite, eventId: string, curedOn: IsoDate): void {
  sqlite.prepare('UPDATE agreement_events SET cured_on = ? WHERE id = ?').run(curedOn, eventId);
}

export function setPartnerStatus(sqlite: Sqlite, partnerId: string, status: string, nowIso: string): void {
  sqlite.prepare('UPDATE partners SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso, partnerId);
}

/** The latest audit entry that changed this partner's status, whoever wrote it. */
export function lastStatusChange(sqlite: Sqlite, partnerId: string): { action: string; detail: string } | undefined {
  return sqlite
    .prepare(
      `SELECT action, detail FROM audit_log
       WHERE entity = 'partner' AND entity_id = ? AND (action LIKE '%status%' OR CASE WHEN json_valid(detail) THEN json_extract(detail, '$.to') END IS NOT NULL)
       ORDER BY id DESC LIMIT 1`,
    )
    .get(partnerId) as { action: string; detail: string } | undefined;
}

/** Converts stored events to the shape the pure rules read. */
export function toRuleEvents(rows: readonly EventRow[]): AgreementEvent[] {
  return rows.map((e): AgreementEvent => {
    if (e.kind === 'notice') return { kind: 'notice', servedOn: e.onDate, servedBy: e.servedBy ?? 'company', terminatesOn: e.terminatesOn ?? e.onDate };
    if (e.kind === 'breach') return { kind: 'breach', noticedOn: e.onDate, curedOn: e.curedOn };
    return { kind: 'terminated', on: e.onDate, reason: e.reason };
  });
}
