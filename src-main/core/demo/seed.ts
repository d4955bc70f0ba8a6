import { randomUUID } from 'node:crypto';
import type { OpenDb } from '../../db/open';
import { demoProgrammes } from './programmes';
import { seededRandom, type Random } from './random';
import { seedDemoAgreementEvents } from './agreementEvents';
import { seedDemoApplications } from './applications';
import { seedDemoCommissions } from './commissions';
import { seedDemoDrafts } from './drafts';
import { seedDemoPartnerDetails } from './partnerDetails';
import { seedDemoPayouts } from './payouts';
import { seedDemoReferrals } from './referrals';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (d: Date, n: number) => {
  const r = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
  r.setUTCDate(Math.min(d.getUTCDate(), last));
  return r;
};
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

const firstNames = ['Amelia', 'Oliver', 'Priya', 'Mateo', 'Sofia', 'Liam', 'Chloe', 'Noah', 'Hannah', 'Yusuf', 'Elena', 'Tom'];
const lastNames = ['Hughes', 'Patel', 'Kowalski', 'García', 'Okafor', 'Lindqvist', 'Moreau', 'Brennan', 'Tanaka', 'Silva'];
const customerWords = ['Apex', 'Blue', 'Cedar', 'Delta', 'Ember', 'Fern', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kite', 'Lark', 'Maple', 'Nova', 'Orbit', 'Pine'];
const customerKinds = ['Dental', 'Plumbing', 'Realty', 'Fitness', 'Legal', 'Clinic', 'Logistics', 'Studio', 'Motors', 'Cafe'];

/**
 * Fills a new demo workspace with the four seed programmes: partners, their agreements,
 * referred customers, and twelve months of revenue up to `now`. Deterministic for a given
 * month, so screenshots and tests see the same workspace.
 */
export function seedDemo(open: OpenDb, now: Date): void {
  const rnd = seededRandom(20260101);
  const { sqlite } = open;
  const created = now.toISOString();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const firstMonth = addMonths(monthStart, -12);

  const insProgramme = sqlite.prepare('INSERT INTO programmes (id, code, name, currency, description) VALUES (?, ?, ?, ?, ?)');
  const insPartner = sqlite.prepare(
    `INSERT INTO partners (id, programme_id, company, format, status, contact_name, contact_email, country, promo_code, registered_on, created_at)
     VALUES (@id, @programmeId, @company, @format, @status, @contactName, @contactEmail, @country, @promoCode, @registeredOn, @createdAt)`,
  );
  const insAgreement = sqlite.prepare(
    `INSERT INTO agreements (id, partner_id, version, effective_on, initial_term_months, after_initial_term, notice_unit, notice_count,
       governing_law, post_termination, cure_period_days, non_solicit_months, breach_outcome, created_at)
     VALUES (@id, @partnerId, 1, @effectiveOn, @initialTermMonths, @afterInitialTerm, @noticeUnit, @noticeCount,
       @governingLaw, @postTermination, @curePeriodDays, @nonSolicitMonths, @breachOutcome, @createdAt)`,
  );
  const insCustomer = sqlite.prepare(
    `INSERT INTO customers (id, partner_id, external_ref, name, email, attribution, sign_up_on, closed_on, cancelled_on)
     VALUES (@id, @partnerId, @externalRef, @name, @email, @attribution, @signUpOn, @closedOn, @cancelledOn)`,
  );
  const insLine = sqlite.prepare(
    `INSERT INTO revenue_lines (id, customer_id, external_ref, paid_on, currency, category, product, gross_minor, discount_minor, kind, refers_to)
     VALUES (@id, @customerId, @externalRef, @paidOn, @currency, @category, @product, @grossMinor, @discountMinor, @kind, @refersTo)`,
  );

  let customerSeq = 0;
  let lineSeq = 0;
  for (const p of demoProgrammes) {
    const programmeId = randomUUID();
    insProgramme.run(programmeId, p.code, p.name, p.currency, p.description);
    p.companies.forEach((company, i) => {
      const partnerId = randomUUID();
      const registered = addDays(firstMonth, -rnd.int(30, 420));
      const contact = `${rnd.pick(firstNames)} ${rnd.pick(lastNames)}`;
      const format = p.code === 'messagehelp' && /Integrators|Bridge|Altegio/.test(company) ? 'integrator' : p.format;
      insPartner.run({
        id: partnerId,
        programmeId,
        company,
        format,
        status: i === p.companies.length - 1 ? 'onboarding' : 'active',
        contactName: contact,
        contactEmail: `${contact.split(' ')[0]!.toLowerCase()}@${slug(company)}.example`,
        country: p.currency === 'GBP' ? 'GB' : p.currency === 'EUR' ? rnd.pick(['EE', 'DE', 'PL', 'ES']) : 'US',
        promoCode: p.code === 'messagehelp' ? `${slug(company).slice(0, 8).toUpperCase()}5` : null,
        registeredOn: iso(registered),
        createdAt: created,
      });
      insAgreement.run({ id: randomUUID(), partnerId, effectiveOn: iso(addDays(registered, 14)), createdAt: created, ...p.agreement });
      if (i === p.companies.length - 1) return; // still onboarding: no customers yet
      seedCustomers(rnd, p, partnerId, firstMonth, monthStart, () => ++customerSeq, () => ++lineSeq, insCustomer, insLine);
    });
  }
  // Each domain adds its own demo records, reading what is already there.
  const today = iso(now);
  seedDemoPartnerDetails(open, rnd, today);
  seedDemoApplications(open, rnd, today);
  seedDemoAgreementEvents(open, rnd, today);
  seedDemoReferrals(open, rnd, today);
  seedDemoCommissions(open, rnd, today);
  seedDemoDrafts(open, rnd, today);
  seedDemoPayouts(open, rnd, today);
}

function seedCustomers(
  rnd: Random,
  p: (typeof demoProgrammes)[number],
  partnerId: string,
  firstMonth: Date,
  monthStart: Date,
  nextCustomer: () => number,
  nextLine: () => number,
  insCustomer: { run(v: object): unknown },
  insLine: { run(v: object): unknown },
): void {
  const count = rnd.int(6, 16);
  for (let c = 0; c < count; c++) {
    const customerId = randomUUID();
    const n = nextCustomer();
    const signUp = addDays(firstMonth, rnd.int(-60, 300));
    const closed = p.code === 'aloware' ? addDays(signUp, rnd.int(3, 20)) : null;
    const cancelled = rnd.chance(0.12) ? addDays(signUp, rnd.int(90, 300)) : null;
    const name = `${rnd.pick(customerWords)} ${rnd.pick(customerKinds)} ${n}`;
    insCustomer.run({
      id: customerId,
      partnerId,
      externalRef: `demo-cus-${n}`,
      name,
      email: `billing@${slug(name)}.example`,
      attribution: p.code === 'messagehelp' ? 'promo_code' : p.code === 'aloware' ? 'warm_intro' : p.code === 'allset' ? 'integration' : 'referral_link',
      signUpOn: iso(signUp),
      closedOn: closed ? iso(closed) : null,
      cancelledOn: cancelled && cancelled < monthStart ? iso(cancelled) : null,
    });
    const tariff: { category: string; product: string; minor: number } = rnd.pick<{ category: string; product: string; minor: number }>(p.tariffs);
    const startsOn = closed ?? signUp;
    for (let m = 0; m < 14; m++) {
      const paidOn = addMonths(startsOn, m);
      if (paidOn < firstMonth || paidOn >= monthStart) continue;
      if (cancelled && paidOn >= cancelled) break;
      const line = (category: string, product: string, grossMinor: number, discountMinor = 0) =>
        insLine.run({
          id: randomUUID(),
          customerId,
          externalRef: `demo-in-${nextLine()}`,
          paidOn: iso(paidOn),
          currency: p.currency,
          category,
          product,
          grossMinor,
          discountMinor,
          kind: 'payment',
          refersTo: null,
        });
      const discount = p.code === 'salespartner' && rnd.chance(0.3) ? 1900 : 0;
      line(tariff.category, tariff.product, tariff.minor, discount);
      // Seed 001: usage fees are billed beside the subscription and earn nothing.
      if (p.code === 'aloware') line('usage', rnd.pick(['Toll-free minutes', 'Automated SMS', 'Number rental', 'Local presence']), rnd.int(40, 400) * 100);
      // Seed 003: message overage counts towards the reseller's revenue.
      if (p.code === 'salespartner' && rnd.chance(0.5)) line('overage', 'Message overage', rnd.int(5, 60) * 50);
    }
  }
}
