import { randomUUID } from 'node:crypto';
import { DEFAULT_ACTIVITY_SETTINGS, resellerActivity } from '../../../src-shared/commissions/resellerStatus';
import { addDays, type IsoDate } from '../../../src-shared/dates/isoDate';
import type { OpenDb } from '../../db/open';
import type { Random } from './random';

// Fixed rows rather than random draws, like the other demo files: the demo's random stream
// is shared, and the demo should not shift when this list changes.

const prospects = [
  'Summit Roofing Co', 'BrightSmile Dental Group', 'Metro Realty Partners', 'Coastal HVAC Services', 'Evergreen Insurance Agency',
  'Prime Auto Finance', 'Harborview Property Mgmt', 'Atlas Solar Installers', 'Keystone Mortgage Team', 'Redwood Legal Intake',
  'Bluebird Home Care', 'Vertex Staffing', 'Lakeshore Med Spa', 'Granite State Movers', 'Pioneer Pest Control',
];
const notes = [
  '18 agents on HubSpot; outbound team wants power dialer; demo booked',
  '40 seats, moving off RingCentral at renewal; budget approved',
  '12 agents on Pipedrive; needs SMS compliance; decision maker on the call',
  '25 agents, Zoho CRM; pilot with 5 seats first',
];
const lostReasons = ['Chose a cheaper dialer', 'Only 3 agents — below Aloware’s 5 to 100 sweet spot', 'Project postponed to next year', 'Went quiet after the demo'];
const sources = ['warm_intro', 'registration', 'referral_link'] as const;

/** Demo workspace: Aloware leads at every stage, Message.Help disputes, unattributed customers, reseller activity. */
export function seedDemoReferrals(open: OpenDb, _rnd: Random, today: string): void {
  const { sqlite } = open;
  const day = (offset: number) => addDays(today as IsoDate, offset);
  const programmePartners = (code: string, extra = '') =>
    sqlite
      .prepare(
        `SELECT p.id, p.company, p.format, p.contact_email AS email FROM partners p JOIN programmes pr ON pr.id = p.programme_id
         WHERE pr.code = ? AND p.status = 'active' ${extra} ORDER BY p.registered_on, p.company`,
      )
      .all(code) as Array<{ id: string; company: string; format: string; email: string }>;
  const insCustomer = sqlite.prepare(
    `INSERT INTO customers (id, partner_id, external_ref, name, email, attribution, sign_up_on) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

  // Seed 001: each active Aloware partner has leads in the pipeline; together every stage shows.
  const insLead = sqlite.prepare(
    `INSERT INTO leads (id, partner_id, company, contact_name, contact_email, source, status, registered_on, qualified_on, qualification_note,
       decided_on, lost_reason, customer_id)
     VALUES (@id, @partnerId, @company, @contactName, @contactEmail, @source, @status, @registeredOn, @qualifiedOn, @note, @decidedOn, @lostReason, @customerId)`,
  );
  const wonCustomer = sqlite.prepare(
    `SELECT id, name, email, sign_up_on AS signUpOn, closed_on AS closedOn FROM customers WHERE partner_id = ? AND closed_on IS NOT NULL ORDER BY closed_on DESC LIMIT 1`,
  );
  let p = 0;
  programmePartners('aloware').forEach((partner, i) => {
    const lead = (status: 'registered' | 'qualified' | 'won' | 'lost', registeredAgo: number) => {
      const company = prospects[p++ % prospects.length]!;
      const won = status === 'won' ? (wonCustomer.get(partner.id) as { id: string; name: string; email: string; signUpOn: string; closedOn: string } | undefined) : undefined;
      if (status === 'won' && !won) return;
      const registeredOn = won ? addDays(won.signUpOn as IsoDate, -21) : day(-registeredAgo);
      const qualifiedOn = status === 'registered' ? null : won ? addDays(won.signUpOn as IsoDate, -10) : addDays(registeredOn, 4);
      insLead.run({
        id: randomUUID(),
        partnerId: partner.id,
        company: won ? won.name : company,
        contactName: 'Jordan Reyes',
        contactEmail: won ? won.email : `jordan@${slug(company)}.example`,
        source: sources[(i + p) % sources.length],
        status,
        registeredOn,
        qualifiedOn,
        note: qualifiedOn ? notes[(i + p) % notes.length] : '',
        decidedOn: won ? won.closedOn : status === 'lost' ? addDays(qualifiedOn!, 9) : null,
        lostReason: status === 'lost' ? lostReasons[(i + p) % lostReasons.length] : '',
        customerId: won?.id ?? null,
      });
    };
    lead('registered', 3 + i);
    if (i % 2 === 0) lead('qualified', 12 + i);
    if (i % 3 === 0) lead('lost', 40 + i);
    if (i < 4) lead('won', 0);
  });

  // Seed 002 §1.4: integrators claim clients registered with a referral partner's promo code.
  const mh = programmePartners('messagehelp');
  const integrators = mh.filter((x) => x.format === 'integrator');
  const referrers = mh.filter((x) => x.format === 'referral');
  const clientsOf = sqlite.prepare('SELECT id, name, sign_up_on AS signUpOn FROM customers WHERE partner_id = ? ORDER BY sign_up_on LIMIT 2');
  const adminId = (sqlite.prepare('SELECT id FROM users ORDER BY created_at LIMIT 1').get() as { id: string } | undefined)?.id ?? null;
  const insDispute = sqlite.prepare(
    `INSERT INTO attribution_disputes (id, customer_id, claimant_partner_id, current_partner_id, opened_on, evidence, status, decided_on, decided_by, decision_note)
     VALUES (@id, @customerId, @claimant, @current, @openedOn, @evidence, @status, @decidedOn, @decidedBy, @note)`,
  );
  const referrer = referrers[0];
  const clients = referrer ? (clientsOf.all(referrer.id) as Array<{ id: string; name: string; signUpOn: string }>) : [];
  if (referrer && integrators.length > 0 && clients.length === 2) {
    const [first, second] = clients as [(typeof clients)[number], (typeof clients)[number]];
    const claimant = integrators[0]!;
    insDispute.run({
      id: randomUUID(), customerId: first.id, claimant: claimant.id, current: referrer.id, openedOn: day(-5),
      evidence: `${claimant.company} installed the WhatsApp channel for ${first.name}, trained its staff and answers its support tickets (tickets #2291, #2304; setup call recorded).`,
      status: 'open', decidedOn: null, decidedBy: null, note: '',
    });
    const other = integrators[1] ?? claimant;
    insDispute.run({
      id: randomUUID(), customerId: second.id, claimant: other.id, current: referrer.id, openedOn: day(-30),
      evidence: `${other.company} says it configured the CRM bridge for ${second.name}.`,
      status: 'rejected', decidedOn: day(-22), decidedBy: adminId,
      note: 'The client confirms it set everything up itself after reading the review; no integration support shown.',
    });
  }

  // Customers no partner is credited with yet: the "unattributed" filter has something to show.
  [['Orbit Logistics 901', -12], ['Maple Cafe 902', -26], ['Delta Legal 903', -47]].forEach(([name, offset], i) => {
    insCustomer.run(randomUUID(), null, `demo-unattributed-${i + 1}`, name, `billing@${slug(String(name))}.example`, null, day(Number(offset)));
  });

  // Seed 003: one reseller shown "active", the others as they come (the demo draws fewer
  // tenants than the 10-a-year target, so they read "at risk"). Tenants only, no revenue.
  const resellers = programmePartners('salespartner', `AND p.format = 'reseller'`);
  const signUps = sqlite.prepare('SELECT sign_up_on FROM customers WHERE partner_id = ?').pluck();
  const activityOf = (id: string) => resellerActivity(signUps.all(id) as string[], today, DEFAULT_ACTIVITY_SETTINGS);
  const busiest = resellers[0];
  if (busiest && resellers.every((r) => activityOf(r.id).status !== 'active')) {
    const needed = (DEFAULT_ACTIVITY_SETTINGS.targetNewTenantsPerYear * DEFAULT_ACTIVITY_SETTINGS.windowMonths) / 12 + 2 - activityOf(busiest.id).newTenantsInWindow;
    for (let n = 0; n < needed; n++) {
      const name = `Tenant ${slug(busiest.company).slice(0, 8)} ${n + 1}`;
      // Spread over the last 22 months, inside the default 24-month window.
      insCustomer.run(randomUUID(), busiest.id, `demo-tenant-${n + 1}`, name, `admin@${slug(name)}.example`, 'referral_link', day(-Math.round(((n + 1) * 660) / needed)));
    }
  }
}
