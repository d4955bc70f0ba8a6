import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { LeadRow, loseLead, qualifyLead, registerLead, winLead } from '../../../src-shared/referrals/contract';
import { leadDateRefusal, leadTransitionRefusal, type LeadAction } from '../../../src-shared/referrals/leadFlow';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import { insertCustomer, requireCustomer, requirePartner } from './customers';
import { leadById } from './repo';

type In<C extends { input: z.ZodType }> = z.output<C['input']>;

// Seed 001's lead pipeline: registered → qualified → won / lost. Every step is audited.

function requireLead(sqlite: Sqlite, id: string): LeadRow {
  return leadById(sqlite, id) ?? fail('not_found', 'That lead no longer exists. Reload the pipeline.');
}

function checkStep(lead: LeadRow, action: LeadAction, on: string, dateField: string) {
  const refusal = leadTransitionRefusal(lead.status, action);
  if (refusal) fail('conflict', refusal);
  const dateRefusal = leadDateRefusal(lead, action, on);
  if (dateRefusal) fail('validation', dateRefusal, { fieldErrors: { [dateField]: dateRefusal } });
}

export function registerLeadRecord(session: Session, input: In<typeof registerLead>, nowIso: string): LeadRow {
  const { sqlite, db } = session.open;
  const partner = requirePartner(sqlite, input.partnerId);
  if (partner.status === 'terminated') {
    fail('validation', `${partner.company}'s agreement is terminated; a terminated partner cannot refer new leads.`, { fieldErrors: { partnerId: 'This partner is terminated' } });
  }
  return sqlite.transaction(() => {
    const id = randomUUID();
    sqlite
      .prepare(
        `INSERT INTO leads (id, partner_id, company, contact_name, contact_email, source, status, registered_on)
         VALUES (?, ?, ?, ?, ?, ?, 'registered', ?)`,
      )
      .run(id, partner.id, input.company, input.contactName ?? '', input.contactEmail ?? '', input.source, input.registeredOn);
    recordAudit(db, { at: nowIso, userId: session.user.id, action: 'referrals.registerLead', entity: 'lead', entityId: id, detail: { partnerId: partner.id, company: input.company, source: input.source } });
    return requireLead(sqlite, id);
  })();
}

export function qualifyLeadRecord(session: Session, input: In<typeof qualifyLead>, nowIso: string): LeadRow {
  const { sqlite, db } = session.open;
  const lead = requireLead(sqlite, input.leadId);
  checkStep(lead, 'qualify', input.qualifiedOn, 'qualifiedOn');
  return sqlite.transaction(() => {
    sqlite.prepare(`UPDATE leads SET status = 'qualified', qualified_on = ?, qualification_note = ? WHERE id = ?`).run(input.qualifiedOn, input.note, lead.id);
    recordAudit(db, { at: nowIso, userId: session.user.id, action: 'referrals.qualifyLead', entity: 'lead', entityId: lead.id, detail: { qualifiedOn: input.qualifiedOn, note: input.note } });
    return requireLead(sqlite, lead.id);
  })();
}

/** Seed 001 → customer attribution: a warm e-mail intro stays a warm intro; a PartnerStack form or link is the referral link. */
const attributionOf: Record<LeadRow['source'], string> = { warm_intro: 'warm_intro', registration: 'referral_link', referral_link: 'referral_link' };

/**
 * Seed 001, Appendix B: commission needs a "successful close of new business", dated by the
 * close. Winning creates the customer (or links an existing one) with that close date.
 */
export function winLeadRecord(session: Session, input: In<typeof winLead>, nowIso: string): LeadRow {
  const { sqlite, db } = session.open;
  const lead = requireLead(sqlite, input.leadId);
  checkStep(lead, 'win', input.closedOn, 'closedOn');
  let link: { id: string; setPartner: boolean } | null = null;
  if (input.customerId) {
    const c = requireCustomer(sqlite, input.customerId);
    if (c.partnerId && c.partnerId !== lead.partnerId) {
      fail('conflict', `${c.name} is credited to ${c.partnerCompany}. Open an attribution dispute or reattribute the customer first.`, {
        fieldErrors: { customerId: `Credited to ${c.partnerCompany}` },
      });
    }
    if (input.closedOn < c.signUpOn) {
      fail('validation', `${c.name} signed up on ${c.signUpOn}; the close cannot be dated earlier (${input.closedOn}).`, { fieldErrors: { closedOn: `Not before ${c.signUpOn}` } });
    }
    const linked = sqlite.prepare(`SELECT company FROM leads WHERE customer_id = ? AND id <> ?`).get(c.id, lead.id) as { company: string } | undefined;
    if (linked) fail('conflict', `${c.name} is already the customer of the won lead ${linked.company}.`, { fieldErrors: { customerId: 'Already linked to another lead' } });
    link = { id: c.id, setPartner: c.partnerId === null };
  }
  const signUpOn = input.signUpOn ?? input.closedOn;
  if (!link && input.closedOn < signUpOn) {
    fail('validation', `The close date ${input.closedOn} is before the sign-up on ${signUpOn}.`, { fieldErrors: { closedOn: `Not before ${signUpOn}` } });
  }
  return sqlite.transaction(() => {
    let customerId: string;
    if (link) {
      customerId = link.id;
      if (link.setPartner) sqlite.prepare('UPDATE customers SET partner_id = ?, attribution = ? WHERE id = ?').run(lead.partnerId, attributionOf[lead.source], customerId);
      sqlite.prepare('UPDATE customers SET closed_on = ? WHERE id = ?').run(input.closedOn, customerId);
    } else {
      customerId = insertCustomer(sqlite, {
        name: input.customerName || lead.company,
        email: lead.contactEmail,
        externalRef: null,
        partnerId: lead.partnerId,
        attribution: attributionOf[lead.source],
        signUpOn,
        closedOn: input.closedOn,
        cancelledOn: null,
        promoCode: null,
        productLine: '',
      });
    }
    sqlite.prepare(`UPDATE leads SET status = 'won', decided_on = ?, customer_id = ? WHERE id = ?`).run(input.closedOn, customerId, lead.id);
    recordAudit(db, {
      at: nowIso,
      userId: session.user.id,
      action: 'referrals.winLead',
      entity: 'lead',
      entityId: lead.id,
      detail: { closedOn: input.closedOn, customerId, linkedExisting: Boolean(link) },
    });
    return requireLead(sqlite, lead.id);
  })();
}

export function loseLeadRecord(session: Session, input: In<typeof loseLead>, nowIso: string): LeadRow {
  const { sqlite, db } = session.open;
  const lead = requireLead(sqlite, input.leadId);
  checkStep(lead, 'lose', input.decidedOn, 'decidedOn');
  return sqlite.transaction(() => {
    sqlite.prepare(`UPDATE leads SET status = 'lost', decided_on = ?, lost_reason = ? WHERE id = ?`).run(input.decidedOn, input.reason, lead.id);
    recordAudit(db, { at: nowIso, userId: session.user.id, action: 'referrals.loseLead', entity: 'lead', entityId: lead.id, detail: { decidedOn: input.decidedOn, reason: input.reason } });
    return requireLead(sqlite, lead.id);
  })();
}
