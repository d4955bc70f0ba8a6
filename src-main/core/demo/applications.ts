import { randomUUID } from 'node:crypto';
import { SALES_PARTNER_PROMO_RATE_BPS, SALES_PARTNER_PROMO_SLOTS, SEED_003_SALES_PARTNER } from '../../../src-shared/commissions/presets';
import { addDays, type IsoDate } from '../../../src-shared/dates/isoDate';
import type { OpenDb } from '../../db/open';
import type { Random } from './random';

type DemoApplication = {
  programme: string;
  format: string;
  company: string;
  contactName: string;
  contactEmail: string;
  country: string;
  website: string;
  focusMarket: string;
  expectedTenantsPerYear: number;
  pipelineNote: string;
  daysAgo: number;
  rejected?: { reason: string; note: string; daysAgo: number };
};

// Fixed rows rather than random draws: the demo's random stream is shared with the domains
// seeded after this one, and their demo data should not shift when this list changes.
const demoApplications: DemoApplication[] = [
  {
    programme: 'salespartner', format: 'reseller', company: 'Cobalt Channel Partners', contactName: 'Renata Alves', contactEmail: 'renata@cobaltchannel.example',
    country: 'US', website: 'https://cobaltchannel.example', focusMarket: 'Property managers in the US Midwest', expectedTenantsPerYear: 14,
    pipelineNote: 'Six property groups have asked for a pilot; two sign in the first quarter.', daysAgo: 9,
  },
  {
    programme: 'salespartner', format: 'reseller', company: 'Meridian Tenant Solutions', contactName: 'Jonas Weber', contactEmail: 'jonas@meridiantenant.example',
    country: 'CA', website: 'https://meridiantenant.example', focusMarket: 'Student housing operators in Canada', expectedTenantsPerYear: 8,
    pipelineNote: 'Existing IT services clients; resells to 3 universities today.', daysAgo: 3,
  },
  {
    programme: 'allset', format: 'affiliate', company: 'Lakeside Trade Software', contactName: 'Fiona Clarke', contactEmail: 'fiona@lakesidetrade.example',
    country: 'GB', website: 'https://lakesidetrade.example', focusMarket: 'Plumbers and electricians in the North West', expectedTenantsPerYear: 20,
    pipelineNote: 'Newsletter of 4,000 tradespeople; wants a hosted sign-up page.', daysAgo: 6,
  },
  {
    programme: 'aloware', format: 'lead_referral', company: 'Callpath Advisors', contactName: 'Marcus Reid', contactEmail: 'marcus@callpath.example',
    country: 'US', website: 'https://callpath.example', focusMarket: 'Inside-sales teams on HubSpot', expectedTenantsPerYear: 6,
    pipelineNote: 'Warm e-mail introductions from a HubSpot consultancy practice.', daysAgo: 12,
  },
  {
    programme: 'messagehelp', format: 'integrator', company: 'Baltic Chat Integrations OÜ', contactName: 'Kadri Tamm', contactEmail: 'kadri@balticchat.example',
    country: 'EE', website: 'https://balticchat.example', focusMarket: 'Kommo users in the Baltics', expectedTenantsPerYear: 12,
    pipelineNote: 'Would pay for its clients from a prepaid balance.', daysAgo: 1,
  },
  {
    programme: 'messagehelp', format: 'referral', company: 'QuickLeads Bulk SMS', contactName: 'Dan Porter', contactEmail: 'dan@quickleads.example',
    country: 'DE', website: 'https://quickleads.example', focusMarket: 'Bought contact lists', expectedTenantsPerYear: 40,
    pipelineNote: 'Sends offers to purchased phone lists.', daysAgo: 20,
    rejected: { reason: 'compliance', note: 'Unsolicited messages to purchased lists break the acceptable-use policy.', daysAgo: 15 },
  },
];

/**
 * Demo workspace: seed 003's promotion (3 slots, of which the two most recently
 * registered sales partners hold slots 1 and 2, so one is left), their approved
 * applications, and a few applications waiting across the programmes plus one rejected.
 */
export function seedDemoApplications(open: OpenDb, _rnd: Random, today: string): void {
  const { sqlite } = open;
  const day = today as IsoDate;
  const programmes = new Map(
    (sqlite.prepare('SELECT id, code FROM programmes').all() as Array<{ id: string; code: string }>).map((p) => [p.code, p.id]),
  );
  const reviewer = (sqlite.prepare(`SELECT id FROM users ORDER BY created_at LIMIT 1`).get() as { id: string } | undefined)?.id ?? null;
  const insApplication = sqlite.prepare(
    `INSERT INTO applications (id, programme_id, format, company, contact_name, contact_email, country, website, focus_market,
       expected_tenants_per_year, pipeline_note, submitted_on, status, decided_at, decided_by, reject_reason, decision_note,
       partner_id, approved_rate_bps, plan_id)
     VALUES (@id, @programmeId, @format, @company, @contactName, @contactEmail, @country, @website, @focusMarket,
       @expectedTenantsPerYear, @pipelineNote, @submittedOn, @status, @decidedAt, @decidedBy, @rejectReason, @decisionNote,
       @partnerId, @approvedRateBps, @planId)`,
  );

  const salesPartner = programmes.get('salespartner');
  if (salesPartner) {
    // Seed 003: "The first 3 approved resellers lock in the 50% launch rate."
    sqlite.prepare('UPDATE programmes SET promo_slot_capacity = ? WHERE id = ?').run(SALES_PARTNER_PROMO_SLOTS, salesPartner);
    const holders = (
      sqlite
        .prepare(
          `SELECT id, company, format, contact_name AS contactName, contact_email AS contactEmail, country, registered_on AS registeredOn
           FROM partners WHERE programme_id = ? ORDER BY registered_on DESC, company LIMIT 2`,
        )
        .all(salesPartner) as Array<{ id: string; company: string; format: string; contactName: string; contactEmail: string; country: string; registeredOn: string }>
    ).reverse();
    holders.forEach((p, i) => {
      const approvedAt = `${p.registeredOn}T10:00:00.000Z`;
      sqlite.prepare('INSERT INTO promo_slots (programme_id, slot_no, partner_id, assigned_at) VALUES (?, ?, ?, ?)').run(salesPartner, i + 1, p.id, approvedAt);
      sqlite.prepare('UPDATE partners SET commission_rate_bps = ?, plan_id = ? WHERE id = ?').run(SALES_PARTNER_PROMO_RATE_BPS, SEED_003_SALES_PARTNER.id, p.id);
      insApplication.run({
        id: randomUUID(), programmeId: salesPartner, format: p.format, company: p.company, contactName: p.contactName, contactEmail: p.contactEmail,
        country: p.country, website: '', focusMarket: '', expectedTenantsPerYear: 10, pipelineNote: '',
        submittedOn: addDays(p.registeredOn as IsoDate, -7), status: 'approved', decidedAt: approvedAt, decidedBy: reviewer, rejectReason: null,
        decisionNote: `Launch promotion, slot ${i + 1}.`, partnerId: p.id, approvedRateBps: SALES_PARTNER_PROMO_RATE_BPS, planId: SEED_003_SALES_PARTNER.id,
      });
    });
  }

  for (const a of demoApplications) {
    const programmeId = programmes.get(a.programme);
    if (!programmeId) continue;
    const { programme: _p, daysAgo, rejected, ...fields } = a;
    insApplication.run({
      id: randomUUID(), programmeId, ...fields, submittedOn: addDays(day, -daysAgo),
      status: rejected ? 'rejected' : 'submitted',
      decidedAt: rejected ? `${addDays(day, -rejected.daysAgo)}T14:30:00.000Z` : null,
      decidedBy: rejected ? reviewer : null,
      rejectReason: rejected?.reason ?? null,
      decisionNote: rejected?.note ?? '',
      partnerId: null, approvedRateBps: null, planId: null,
    });
  }
}
