import type { ApplicationRow, ApplicationStatus, ProgrammeSlots } from '../../../src-shared/applications/contract';
import { formatsFor, programmeRates, promoSlotsLeft, type PartnerFormat } from '../../../src-shared/applications/rules';
import type { Sqlite } from '../../db/open';

// Queries of the applications domain: prepared statements on the session's connection, so
// they run inside whichever transaction the service has open.

const ROW_SELECT = `
  SELECT a.id, a.programme_id AS programmeId, pr.code AS programmeCode, pr.name AS programmeName, a.format, a.company,
         a.contact_name AS contactName, a.contact_email AS contactEmail, a.country, a.website, a.focus_market AS focusMarket,
         a.expected_tenants_per_year AS expectedTenantsPerYear, a.pipeline_note AS pipelineNote, a.submitted_on AS submittedOn,
         a.status, a.decided_at AS decidedAt, u.display_name AS decidedByName, a.reject_reason AS rejectReason,
         a.decision_note AS decisionNote, a.partner_id AS partnerId, a.approved_rate_bps AS approvedRateBps, a.plan_id AS planId,
         ps.slot_no AS promoSlotNo
  FROM applications a
  JOIN programmes pr ON pr.id = a.programme_id
  LEFT JOIN users u ON u.id = a.decided_by
  LEFT JOIN promo_slots ps ON ps.partner_id = a.partner_id`;

export function findApplication(sqlite: Sqlite, id: string): ApplicationRow | undefined {
  return sqlite.prepare(`${ROW_SELECT} WHERE a.id = ?`).get(id) as ApplicationRow | undefined;
}

export function listApplications(sqlite: Sqlite, filter: { status: ApplicationStatus | 'all'; programmeId?: string | undefined }): ApplicationRow[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filter.status !== 'all') {
    where.push('a.status = @status');
    params.status = filter.status;
  }
  if (filter.programmeId) {
    where.push('a.programme_id = @programmeId');
    params.programmeId = filter.programmeId;
  }
  // The queue: waiting applications first, oldest first (arrival order breaks ties); then
  // the decided ones, the latest decision first.
  return sqlite
    .prepare(
      `${ROW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.status <> 'submitted', CASE WHEN a.status = 'submitted' THEN a.submitted_on END ASC,
                a.decided_at DESC, a.rowid ASC`,
    )
    .all(params) as ApplicationRow[];
}

export function countByStatus(sqlite: Sqlite): Record<ApplicationStatus, number> {
  const counts = { submitted: 0, approved: 0, rejected: 0 };
  for (const r of sqlite.prepare('SELECT status, count(*) AS n FROM applications GROUP BY status').all() as Array<{ status: ApplicationStatus; n: number }>) {
    counts[r.status] = r.n;
  }
  return counts;
}

export type ProgrammeRecord = { id: string; code: string; name: string; promoSlotCapacity: number };

export function findProgramme(sqlite: Sqlite, id: string): ProgrammeRecord | undefined {
  return sqlite.prepare('SELECT id, code, name, promo_slot_capacity AS promoSlotCapacity FROM programmes WHERE id = ?').get(id) as ProgrammeRecord | undefined;
}

export function takenSlots(sqlite: Sqlite, programmeId: string): number[] {
  return (sqlite.prepare('SELECT slot_no AS n FROM promo_slots WHERE programme_id = ? ORDER BY slot_no').all(programmeId) as Array<{ n: number }>).map((r) => r.n);
}

export function programmeSlots(sqlite: Sqlite, p: ProgrammeRecord): ProgrammeSlots {
  const taken = takenSlots(sqlite, p.id);
  const rates = programmeRates(p.code, p.promoSlotCapacity);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    formats: [...formatsFor(p.code)],
    promoSlotCapacity: p.promoSlotCapacity,
    slotsTaken: taken.length,
    slotsLeft: promoSlotsLeft(taken, p.promoSlotCapacity),
    standardRateBps: rates.standardRateBps,
    promoRateBps: rates.promoRateBps,
  };
}

export function allProgrammeSlots(sqlite: Sqlite): ProgrammeSlots[] {
  const programmes = sqlite
    .prepare('SELECT id, code, name, promo_slot_capacity AS promoSlotCapacity FROM programmes ORDER BY name COLLATE NOCASE')
    .all() as ProgrammeRecord[];
  return programmes.map((p) => programmeSlots(sqlite, p));
}

export function pendingDuplicate(sqlite: Sqlite, programmeId: string, company: string): { submittedOn: string } | undefined {
  return sqlite
    .prepare(`SELECT submitted_on AS submittedOn FROM applications WHERE programme_id = ? AND status = 'submitted' AND lower(trim(company)) = lower(trim(?))`)
    .get(programmeId, company) as { submittedOn: string } | undefined;
}

export type NewApplication = {
  id: string;
  programmeId: string;
  format: PartnerFormat;
  company: string;
  contactName: string;
  contactEmail: string;
  country: string;
  website: string;
  focusMarket: string;
  expectedTenantsPerYear: number;
  pipelineNote: string;
  submittedOn: string;
};

export function insertApplication(sqlite: Sqlite, a: NewApplication): void {
  sqlite
    .prepare(
      `INSERT INTO applications (id, programme_id, format, company, contact_name, contact_email, country, website, focus_market,
         expected_tenants_per_year, pipeline_note, submitted_on, status)
       VALUES (@id, @programmeId, @format, @company, @contactName, @contactEmail, @country, @website, @focusMarket,
         @expectedTenantsPerYear, @pipelineNote, @submittedOn, 'submitted')`,
    )
    .run(a);
}

export type NewPartner = {
  id: string;
  /** The applicant becomes the partner's primary contact. */
  contactId: string;
  programmeId: string;
  company: string;
  format: PartnerFormat;
  contactName: string;
  contactEmail: string;
  country: string;
  website: string;
  focusMarket: string;
  notes: string;
  registeredOn: string;
  createdAt: string;
  planId: string | null;
  commissionRateBps: number | null;
};

export function insertPartner(sqlite: Sqlite, p: NewPartner): void {
  sqlite
    .prepare(
      `INSERT INTO partners (id, programme_id, company, format, status, contact_name, contact_email, country, website, focus_market, notes,
         registered_on, created_at, plan_id, commission_rate_bps)
       VALUES (@id, @programmeId, @company, @format, 'onboarding', @contactName, @contactEmail, @country, @website, @focusMarket, @notes,
         @registeredOn, @createdAt, @planId, @commissionRateBps)`,
    )
    .run(p);
  sqlite
    .prepare(`INSERT INTO partner_contacts (id, partner_id, name, email, role, is_primary) VALUES (?, ?, ?, ?, 'Applicant', 1)`)
    .run(p.contactId, p.id, p.contactName, p.contactEmail);
}

export function insertPromoSlot(sqlite: Sqlite, programmeId: string, slotNo: number, partnerId: string, assignedAt: string): void {
  sqlite.prepare('INSERT INTO promo_slots (programme_id, slot_no, partner_id, assigned_at) VALUES (?, ?, ?, ?)').run(programmeId, slotNo, partnerId, assignedAt);
}

/** Marks a waiting application decided; returns false when it was no longer waiting. */
export function markDecided(
  sqlite: Sqlite,
  d: {
    id: string;
    status: 'approved' | 'rejected';
    decidedAt: string;
    decidedBy: string;
    rejectReason: string | null;
    decisionNote: string;
    partnerId: string | null;
    approvedRateBps: number | null;
    planId: string | null;
  },
): boolean {
  const r = sqlite
    .prepare(
      `UPDATE applications SET status = @status, decided_at = @decidedAt, decided_by = @decidedBy, reject_reason = @rejectReason,
         decision_note = @decisionNote, partner_id = @partnerId, approved_rate_bps = @approvedRateBps, plan_id = @planId
       WHERE id = @id AND status = 'submitted'`,
    )
    .run(d);
  return r.changes === 1;
}
