import { agreementTemplates } from '../../../src-shared/agreements/templates';
import { noticeOutcome } from '../../../src-shared/agreements/dates';
import { addDays, addMonthsClamped, compareIsoDates, type IsoDate } from '../../../src-shared/dates/isoDate';
import type { OpenDb } from '../../db/open';
import { syncPartnerStatus } from '../agreements/partnerStatus';
import * as repo from '../agreements/repo';
import { insertAgreementVersion } from '../agreements/versions';
import { currentVersion } from '../agreements/view';
import type { Random } from './random';

/**
 * Demo workspace: notices served, breaches noticed and cured, a termination, and a second
 * agreement version still in its initial term — one of each situation the Agreements
 * screens show. Partner names are the demo's (programmes.ts); dates are relative to today.
 */
export function seedDemoAgreementEvents(open: OpenDb, _rnd: Random, today: string): void {
  const { sqlite } = open;
  const day = today as IsoDate;
  const actor = { userId: null, nowIso: `${today}T09:00:00.000Z` };
  const partnerId = (company: string) =>
    (sqlite.prepare('SELECT id FROM partners WHERE company = ?').get(company) as { id: string } | undefined)?.id;
  const current = (id: string) => currentVersion(repo.versions(sqlite, id), day);
  const record = (id: string, e: Omit<Parameters<typeof repo.insertEvent>[1], 'agreementId' | 'recordedAt' | 'recordedBy'>) => {
    const a = current(id);
    if (!a) return;
    repo.insertEvent(sqlite, { ...e, agreementId: a.id, recordedAt: actor.nowIso, recordedBy: null });
    syncPartnerStatus(open, id, day, actor);
  };

  // Seed 000: an AllSet partner past its 12-month initial term serves 3 months' notice.
  const keystone = partnerId('Keystone Trades Hub');
  const keystoneAgreement = keystone ? current(keystone) : null;
  if (keystone && keystoneAgreement) {
    let servedOn = addDays(day, -20);
    let outcome = noticeOutcome(keystoneAgreement.terms, servedOn, 'partner');
    if (!outcome.ok && outcome.reason === 'initial-term' && compareIsoDates(outcome.firstAllowed, day) <= 0) {
      servedOn = outcome.firstAllowed;
      outcome = noticeOutcome(keystoneAgreement.terms, servedOn, 'partner');
    }
    if (outcome.ok) record(keystone, { kind: 'notice', onDate: servedOn, servedBy: 'partner', terminatesOn: outcome.terminatesOn, reason: '' });
  }

  // Seed 000: an AllSet partner that signed a second version last month is inside a new
  // initial term — notice is refused until it runs out.
  const thistle = partnerId('Thistle & Oak Landscaping');
  if (thistle && agreementTemplates.allset) {
    insertAgreementVersion(sqlite, thistle, { ...agreementTemplates.allset, effectiveOn: addMonthsClamped(day, -1) }, actor.nowIso);
  }

  // Seed 001: a breach in its 15-day cure period.
  const hubspring = partnerId('HubSpring Consulting');
  if (hubspring) {
    record(hubspring, {
      kind: 'breach', onDate: addDays(day, -5), servedBy: 'company', terminatesOn: null,
      reason: 'Referred leads were texted by automated SMS without consent (clause 14, TCPA)',
    });
  }

  // Seed 001: a breach cured within the cure period.
  const zohoready = partnerId('Zohoready Solutions');
  if (zohoready) {
    record(zohoready, {
      kind: 'breach', onDate: addDays(day, -75), servedBy: 'company', terminatesOn: null, curedOn: addDays(day, -68),
      reason: 'Blog post misrepresented Aloware pricing (clause 6, reputation)',
    });
  }

  // Seed 001, Appendix B: "repeated Chargebacks from Partner's referred clients may cause
  // cancellation of this agreement" — a terminated partner, its 1-year non-solicit running.
  const advisors = partnerId('Contact Center Advisors');
  if (advisors) {
    record(advisors, {
      kind: 'terminated', onDate: addDays(day, -45), servedBy: 'company', terminatesOn: addDays(day, -45),
      reason: 'Repeated chargebacks from referred clients (Appendix B)',
    });
  }
}
