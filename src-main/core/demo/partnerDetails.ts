import { randomUUID } from 'node:crypto';
import type { OpenDb } from '../../db/open';
import { addDays } from '../../../src-shared/dates/isoDate';
import { ONBOARDING_STEPS } from '../../../src-shared/partners/onboarding';
import type { OnboardingStepId } from '../../../src-shared/partners/schemas';
import type { IsoDate } from '../../../src-shared/dates/isoDate';
import type { Random } from './random';

interface DemoPartner {
  id: string;
  company: string;
  code: string;
  status: string;
  contactName: string;
  contactEmail: string;
  registeredOn: string;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
const day = (d: string, n: number) => addDays(d as IsoDate, n);
/** A Stripe-shaped account id derived from the company, so the demo is the same on every machine. */
const stripeId = (company: string) => `acct_1Demo${slug(company).slice(0, 12).padEnd(12, 'x')}`;

const secondContacts = [
  { name: 'Elena Moreau', role: 'Finance' },
  { name: 'Tom Brennan', role: 'Operations' },
  { name: 'Sofia Lindqvist', role: 'Marketing' },
];

/** Days after the agreement (registration + 14) at which each AllSet step was done, for a partner that went live. */
const liveSchedule: Record<OnboardingStepId, number> = {
  contract_signed: 0,
  stripe_connect: 3,
  kickoff_call: 6,
  crm_access: 11,
  integration_built: 32, // seed 000: "typically 2-4 weeks" after CRM access
  live: 38,
};
const owners: Record<OnboardingStepId, string> = {
  contract_signed: 'Partnerships',
  stripe_connect: 'Finance',
  kickoff_call: 'Solutions engineering',
  crm_access: 'Solutions engineering',
  integration_built: 'Integrations team',
  live: 'Partnerships',
};

/**
 * Demo workspace: contacts for every partner, seed 000's onboarding checklists and set-up for
 * the AllSet partners (one still mid-way), UK GDPR confirmations, one Appendix A extra,
 * Stripe Connect accounts, and tax forms (one expiring soon, one expired).
 * Uses no values from `_rnd`, so the other domains' demo rows do not shift when this changes.
 */
export function seedDemoPartnerDetails(open: OpenDb, _rnd: Random, today: string): void {
  const { sqlite } = open;
  const partners = sqlite
    .prepare(
      `SELECT p.id, p.company, pr.code, p.status, p.contact_name AS contactName, p.contact_email AS contactEmail, p.registered_on AS registeredOn
       FROM partners p JOIN programmes pr ON pr.id = p.programme_id ORDER BY pr.code, p.company`,
    )
    .all() as DemoPartner[];

  const insContact = sqlite.prepare('INSERT INTO partner_contacts (id, partner_id, name, email, phone, role, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insStep = sqlite.prepare('INSERT INTO onboarding_steps (id, partner_id, step, due_on, done_on, owner, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const setSetup = sqlite.prepare(
    `UPDATE partners SET integration_type = @integrationType, hosted_signup_url = @hostedSignupUrl, crm_access_scope = @crmAccessScope,
       gdpr_confirmed_on = @gdprConfirmedOn, gdpr_confirmed_by = @gdprConfirmedBy WHERE id = @id`,
  );
  const setStripe = sqlite.prepare('UPDATE partners SET stripe_account_id = ?, stripe_account_state = ? WHERE id = ?');
  const setTax = sqlite.prepare('UPDATE partners SET tax_form_kind = ?, tax_form_received_on = ?, tax_form_expires_on = ? WHERE id = ?');
  const insExtra = sqlite.prepare('INSERT INTO partner_extras (id, partner_id, description, cost_minor, currency, billing, agreed_on) VALUES (?, ?, ?, ?, ?, ?, ?)');

  partners.forEach((p, i) => {
    const domain = p.contactEmail.split('@')[1] ?? `${slug(p.company)}.example`;
    insContact.run(randomUUID(), p.id, p.contactName, p.contactEmail, '', 'Partner manager', 1);
    if (i % 2 === 0) {
      const second = secondContacts[i % secondContacts.length]!;
      insContact.run(randomUUID(), p.id, second.name, `${second.name.split(' ')[0]!.toLowerCase()}@${domain}`, '', second.role, 0);
    }
  });

  // Seed 000: AllSet partners are onboarded through the checklist and paid through Stripe Connect.
  const allset = partners.filter((p) => p.code === 'allset');
  allset.forEach((p, i) => {
    const agreed = day(p.registeredOn, 14);
    const confirmer = `${p.contactName}, data protection lead`;
    if (p.status === 'onboarding') {
      // Mid-way: contract, Stripe and kickoff done; CRM access overdue (waiting on the GDPR confirmation).
      const start = day(today, -20);
      const plan: Record<OnboardingStepId, { due: string; done: string | null }> = {
        contract_signed: { due: start, done: start },
        stripe_connect: { due: day(start, 7), done: day(start, 4) },
        kickoff_call: { due: day(start, 7), done: day(start, 8) },
        crm_access: { due: day(start, 14), done: null },
        integration_built: { due: day(start, 42), done: null },
        live: { due: day(start, 49), done: null },
      };
      for (const step of ONBOARDING_STEPS) {
        const note = step === 'crm_access' ? 'Waiting for the partner’s UK GDPR data-sharing confirmation' : '';
        insStep.run(randomUUID(), p.id, step, plan[step].due, plan[step].done, owners[step], note);
      }
      setSetup.run({ id: p.id, integrationType: 'web_pages', hostedSignupUrl: `https://join.allset.example/${slug(p.company)}`, crmAccessScope: 'none', gdprConfirmedOn: null, gdprConfirmedBy: null });
      setStripe.run(stripeId(p.company), 'pending', p.id);
      return;
    }
    // Live partners; the third one's integration ran a week over its four weeks, noted on the step.
    for (const step of ONBOARDING_STEPS) {
      const late = i === 2 && (step === 'integration_built' || step === 'live') ? 7 : 0;
      const done = day(agreed, liveSchedule[step] + late);
      const note = late && step === 'integration_built' ? 'Legacy CRM: one extra week, see Appendix A' : '';
      insStep.run(randomUUID(), p.id, step, day(agreed, liveSchedule[step]), done, owners[step], note);
    }
    setSetup.run({
      id: p.id,
      integrationType: i % 2 === 0 ? 'webhook' : 'web_pages',
      hostedSignupUrl: `https://join.allset.example/${slug(p.company)}`,
      crmAccessScope: 'read_only',
      gdprConfirmedOn: day(agreed, 9),
      gdprConfirmedBy: confirmer,
    });
    setStripe.run(stripeId(p.company), i === 4 ? 'restricted' : 'enabled', p.id);
    // Seed 000, Appendix A: the one partner that chose a paid extra.
    if (i === 2) insExtra.run(randomUUID(), p.id, 'Complex legacy CRM integration requiring major dev work', 250_000, 'GBP', 'one_off', agreed);
  });

  // US partners file a W-9; partners abroad a W-8BEN-E, which runs out and must be renewed.
  for (const p of partners.filter((x) => x.code === 'aloware' || x.code === 'salespartner').slice(0, 6)) {
    setTax.run('W-9', day(p.registeredOn, 10), null, p.id);
  }
  const abroad = partners.filter((p) => p.code === 'messagehelp');
  abroad.forEach((p, i) => {
    if (i === 0) setTax.run('W-8BEN-E', day(today, -(3 * 365 - 20)), day(today, 20), p.id); // expiring in 20 days
    else if (i === 1) setTax.run('W-8BEN-E', day(today, -(3 * 365 + 40)), day(today, -40), p.id); // expired 40 days ago
    else if (i === 2) setTax.run('W-8BEN-E', day(p.registeredOn, 10), `${Number(today.slice(0, 4)) + 2}-12-31`, p.id);
  });
  for (const p of partners.filter((x) => x.code === 'salespartner' && x.status === 'active').slice(0, 3)) {
    setStripe.run(stripeId(p.company), 'enabled', p.id);
  }
}
