import type { z } from 'zod';
import type * as contract from '../../../src-shared/agreements/contract';
import type { UpcomingKind, UpcomingRow } from '../../../src-shared/agreements/contract';
import { cureDeadline, type KeyDate, type UpcomingKind as AgreementKind } from '../../../src-shared/agreements/dates';
import { keyDatesAsOf } from '../../../src-shared/agreements/keyDatesAsOf';
import { welcomeBonusWindow } from '../../../src-shared/commissions/integrator';
import { SEED_002_MESSAGE_HELP_INTEGRATOR } from '../../../src-shared/commissions/presets';
import { addDays, compareIsoDates, type IsoDate } from '../../../src-shared/dates/isoDate';
import { formatMoneyPlain } from '../../../src-shared/money';
import { syncAllPartnerStatuses } from './partnerStatus';
import * as repo from './repo';
import { passingTime, type AgreementsCtx } from './service';
import { currentVersion } from './view';

// The calendar across all partners: every current agreement's key dates, plus the partner
// dates that need a reminder (welcome-bonus and tax-form expiries).

type Range = z.output<typeof contract.upcoming.input>;

/**
 * A UID that stays the same from one export to the next, so a calendar that imports the
 * file again updates its event instead of adding a second one. It names what the date
 * belongs to: the recorded event behind a termination or a cure deadline, otherwise the
 * partner (a new agreement version then moves the partner's one "initial term ends" event).
 */
function agreementUid(k: KeyDate<AgreementKind>, partnerId: string, a: repo.AgreementRow, events: readonly repo.EventRow[]): string {
  const breachDeadline = (e: repo.EventRow) => cureDeadline(a.terms, e.onDate);
  let source: string = partnerId;
  if (k.kind === 'cure_deadline') {
    source = events.find((e) => e.kind === 'breach' && breachDeadline(e) === k.date)?.id ?? `${a.id}.${k.date}`;
  } else if (k.kind === 'termination') {
    const byEvent = events.find((e) => (e.kind === 'notice' && e.terminatesOn === k.date) || (e.kind === 'terminated' && e.onDate === k.date));
    const byBreach = events.find((e) => {
      if (e.kind !== 'breach') return false;
      const d = breachDeadline(e);
      return d === null ? e.onDate === k.date : addDays(d, 1) === k.date;
    });
    source = byEvent?.id ?? (byBreach ? `${byBreach.id}.end` : `${partnerId}.fixed-term`);
  }
  return `${k.kind.replaceAll('_', '-')}.${source}@partnerdesk`;
}

export function upcomingRows(c: AgreementsCtx, range: Range): UpcomingRow[] {
  const { sqlite } = c.open;
  c.open.sqlite.transaction(() => syncAllPartnerStatuses(c.open, c.today, passingTime(c)))();
  const kinds = new Set<UpcomingKind>(range.kinds?.length ? range.kinds : []);
  const wanted = (k: UpcomingKind) => kinds.size === 0 || kinds.has(k);
  const inRange = (d: IsoDate) => compareIsoDates(d, range.from) >= 0 && compareIsoDates(d, range.to) <= 0;
  const byPartner = repo.versionsByPartner(sqlite);
  const eventsOf = repo.eventsByAgreement(sqlite);
  const bonus = SEED_002_MESSAGE_HELP_INTEGRATOR.welcomeBonus;
  const rows: UpcomingRow[] = [];

  for (const p of repo.allPartners(sqlite)) {
    const base = { partnerId: p.id, company: p.company, programme: p.programme };
    const a = currentVersion(byPartner.get(p.id) ?? [], c.today);
    if (a) {
      const events = eventsOf.get(a.id) ?? [];
      for (const k of keyDatesAsOf(a.terms, repo.toRuleEvents(events), c.today, range.from, range.to)) {
        if (wanted(k.kind)) rows.push({ ...base, uid: agreementUid(k, p.id, a, events), date: k.date, kind: k.kind, label: k.label, agreementId: a.id });
      }
    }
    // Reminders about a partner whose agreement has ended are noise.
    if (p.status === 'terminated') continue;
    // Seed 002 §1.3: "500 EURO - welcome bonus for a partner, can be used within 60 days from
    // the date of registration of the partner" — integrators only; the last usable day.
    if (bonus && p.format === 'integrator' && wanted('welcome_bonus_expires')) {
      const until = welcomeBonusWindow(p.registeredOn, bonus.usableForDays).usableUntil as IsoDate;
      if (inRange(until)) {
        rows.push({
          ...base, uid: `welcome-bonus-expires.${p.id}@partnerdesk`, date: until, kind: 'welcome_bonus_expires', agreementId: a?.id ?? null,
          label: `Last day to use the ${bonus.amount.currency} ${formatMoneyPlain(bonus.amount)} welcome bonus (registered ${p.registeredOn})`,
        });
      }
    }
    if (p.taxFormExpiresOn && inRange(p.taxFormExpiresOn) && wanted('tax_form_expires')) {
      rows.push({
        ...base, uid: `tax-form-expires.${p.id}@partnerdesk`, date: p.taxFormExpiresOn, kind: 'tax_form_expires', agreementId: a?.id ?? null,
        label: `${p.taxFormKind ?? 'Tax'} form expires: ask for a new one before payouts`,
      });
    }
  }
  return rows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.company.localeCompare(y.company) || x.kind.localeCompare(y.kind)));
}
