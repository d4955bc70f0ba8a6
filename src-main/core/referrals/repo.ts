import type { CustomerRow, DisputeRow, LeadRow, PartnerOption } from '../../../src-shared/referrals/contract';
import type { Sqlite } from '../../db/open';

// Queries of the referrals domain, as prepared statements (the bulk paths of this app are
// measured faster that way). Rules live in the services beside this file.

const CUSTOMER_SELECT = `
  SELECT c.id, c.name, c.email, c.external_ref AS externalRef, c.partner_id AS partnerId, p.company AS partnerCompany,
         pr.id AS programmeId, pr.name AS programmeName, c.attribution, c.sign_up_on AS signUpOn, c.closed_on AS closedOn,
         c.cancelled_on AS cancelledOn, c.promo_code AS promoCode, c.product_line AS productLine,
         (SELECT count(*) FROM attribution_disputes d WHERE d.customer_id = c.id AND d.status = 'open') AS openDisputes
  FROM customers c LEFT JOIN partners p ON p.id = c.partner_id LEFT JOIN programmes pr ON pr.id = p.programme_id`;

export interface CustomerFilter {
  partnerId?: string | undefined;
  programmeId?: string | undefined;
  attribution?: string | undefined;
  unattributed?: boolean | undefined;
  search?: string | undefined;
  limit: number;
}

export function findCustomers(sqlite: Sqlite, f: CustomerFilter): { rows: CustomerRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.partnerId) {
    where.push('c.partner_id = @partnerId');
    params.partnerId = f.partnerId;
  }
  if (f.programmeId) {
    where.push('p.programme_id = @programmeId');
    params.programmeId = f.programmeId;
  }
  if (f.attribution) {
    where.push('c.attribution = @attribution');
    params.attribution = f.attribution;
  }
  if (f.unattributed) where.push('c.partner_id IS NULL');
  if (f.search) {
    where.push(`(c.name LIKE @q ESCAPE '\\' OR c.email LIKE @q ESCAPE '\\' OR c.external_ref LIKE @q ESCAPE '\\')`);
    params.q = `%${f.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = sqlite
    .prepare(`${CUSTOMER_SELECT} ${clause} ORDER BY c.sign_up_on DESC, c.name COLLATE NOCASE LIMIT @limit`)
    .all({ ...params, limit: f.limit }) as CustomerRow[];
  const total = (
    sqlite.prepare(`SELECT count(*) AS n FROM customers c LEFT JOIN partners p ON p.id = c.partner_id ${clause}`).get(params) as { n: number }
  ).n;
  return { rows, total };
}

export function customerById(sqlite: Sqlite, id: string): CustomerRow | undefined {
  return sqlite.prepare(`${CUSTOMER_SELECT} WHERE c.id = ?`).get(id) as CustomerRow | undefined;
}

export interface PartnerFacts {
  id: string;
  company: string;
  format: string;
  status: string;
  programmeId: string;
  programmeName: string;
}

export function partnerById(sqlite: Sqlite, id: string): PartnerFacts | undefined {
  return sqlite
    .prepare(
      `SELECT p.id, p.company, p.format, p.status, p.programme_id AS programmeId, pr.name AS programmeName
       FROM partners p JOIN programmes pr ON pr.id = p.programme_id WHERE p.id = ?`,
    )
    .get(id) as PartnerFacts | undefined;
}

export function partnerOptions(sqlite: Sqlite): { programmes: Array<{ id: string; code: string; name: string }>; partners: PartnerOption[] } {
  const programmes = sqlite.prepare('SELECT id, code, name FROM programmes ORDER BY name COLLATE NOCASE').all() as Array<{ id: string; code: string; name: string }>;
  const partners = sqlite
    .prepare(
      `SELECT p.id, p.company, p.programme_id AS programmeId, pr.name AS programmeName, p.format, p.status
       FROM partners p JOIN programmes pr ON pr.id = p.programme_id ORDER BY p.company COLLATE NOCASE`,
    )
    .all() as PartnerOption[];
  return { programmes, partners };
}

const LEAD_SELECT = `
  SELECT l.id, l.partner_id AS partnerId, p.company AS partnerCompany, pr.name AS programmeName, l.company,
         l.contact_name AS contactName, l.contact_email AS contactEmail, l.source, l.status, l.registered_on AS registeredOn,
         l.qualified_on AS qualifiedOn, l.qualification_note AS qualificationNote, l.decided_on AS decidedOn,
         l.lost_reason AS lostReason, l.customer_id AS customerId, c.name AS customerName
  FROM leads l JOIN partners p ON p.id = l.partner_id JOIN programmes pr ON pr.id = p.programme_id
  LEFT JOIN customers c ON c.id = l.customer_id`;

export function findLeads(sqlite: Sqlite, f: { partnerId?: string | undefined; status?: string | undefined }): LeadRow[] {
  const where: string[] = [];
  if (f.partnerId) where.push('l.partner_id = @partnerId');
  if (f.status) where.push('l.status = @status');
  return sqlite
    .prepare(`${LEAD_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.registered_on DESC, l.company COLLATE NOCASE`)
    .all({ ...(f.partnerId ? { partnerId: f.partnerId } : {}), ...(f.status ? { status: f.status } : {}) }) as LeadRow[];
}

export function leadById(sqlite: Sqlite, id: string): LeadRow | undefined {
  return sqlite.prepare(`${LEAD_SELECT} WHERE l.id = ?`).get(id) as LeadRow | undefined;
}

const DISPUTE_SELECT = `
  SELECT d.id, d.customer_id AS customerId, c.name AS customerName, d.claimant_partner_id AS claimantPartnerId,
         cp.company AS claimantCompany, d.current_partner_id AS currentPartnerId, op.company AS currentCompany,
         d.opened_on AS openedOn, d.evidence, d.status, d.decided_on AS decidedOn, u.display_name AS decidedBy,
         d.decision_note AS decisionNote
  FROM attribution_disputes d JOIN customers c ON c.id = d.customer_id
  JOIN partners cp ON cp.id = d.claimant_partner_id LEFT JOIN partners op ON op.id = d.current_partner_id
  LEFT JOIN users u ON u.id = d.decided_by`;

export function findDisputes(sqlite: Sqlite, f: { status?: string | undefined; partnerId?: string | undefined; customerId?: string | undefined }): DisputeRow[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (f.status === 'decided') where.push(`d.status <> 'open'`);
  else if (f.status) {
    where.push('d.status = @status');
    params.status = f.status;
  }
  if (f.partnerId) {
    where.push('(d.claimant_partner_id = @partnerId OR d.current_partner_id = @partnerId)');
    params.partnerId = f.partnerId;
  }
  if (f.customerId) {
    where.push('d.customer_id = @customerId');
    params.customerId = f.customerId;
  }
  return sqlite
    .prepare(`${DISPUTE_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.status = 'open' DESC, d.opened_on DESC`)
    .all(params) as DisputeRow[];
}

export function disputeById(sqlite: Sqlite, id: string): DisputeRow | undefined {
  return sqlite.prepare(`${DISPUTE_SELECT} WHERE d.id = ?`).get(id) as DisputeRow | undefined;
}

export function readMeta(sqlite: Sqlite, key: string): string | undefined {
  return (sqlite.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function writeMeta(sqlite: Sqlite, key: string, value: string): void {
  sqlite.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Every reseller partner (seed 003) with its tenants' sign-up dates, the tenants' onboarding days. */
export function resellerTenants(sqlite: Sqlite, partnerId?: string): Array<PartnerFacts & { signUps: string[] }> {
  const partners = sqlite
    .prepare(
      `SELECT p.id, p.company, p.format, p.status, p.programme_id AS programmeId, pr.name AS programmeName
       FROM partners p JOIN programmes pr ON pr.id = p.programme_id
       WHERE p.format = 'reseller' ${partnerId ? 'AND p.id = @partnerId' : ''} ORDER BY p.company COLLATE NOCASE`,
    )
    .all(partnerId ? { partnerId } : {}) as PartnerFacts[];
  const signUps = sqlite.prepare('SELECT sign_up_on AS d FROM customers WHERE partner_id = ?').pluck();
  return partners.map((p) => ({ ...p, signUps: signUps.all(p.id) as string[] }));
}
