import type { z } from 'zod';
import type * as contract from '../../../src-shared/agreements/contract';
import { agreementEnd, cureDeadline, monthOfAgreement, noticeOutcome } from '../../../src-shared/agreements/dates';
import { dayText, noticeRefusal, stateLabels } from '../../../src-shared/agreements/wording';
import { compareIsoDates, type IsoDate } from '../../../src-shared/dates/isoDate';
import { fail } from '../../../src-shared/rpc/errors';
import type { OpenDb } from '../../db/open';
import { recordAudit } from '../audit';
import { syncAllPartnerStatuses, syncPartnerStatus, type Actor } from './partnerStatus';
import * as repo from './repo';
import { insertAgreementVersion } from './versions';
import { agreementView, currentState, currentVersion } from './view';

// Rules and transactions of the agreements domain. The date rules themselves are pure and
// live in src-shared/agreements/dates.ts; this file decides what may be recorded and keeps
// the partner's status in step, in one transaction per change, with an audit entry.

type In<C extends { input: z.ZodType }> = z.output<C['input']>;
type View = z.input<typeof contract.forPartner.output>;

export interface AgreementsCtx extends Actor {
  open: OpenDb;
  today: IsoDate;
}

const dateError = (field: string, message: string): never => fail('validation', message, { fieldErrors: { [field]: message } });

function noFutureDate(field: string, on: IsoDate, today: IsoDate, what: string): void {
  if (compareIsoDates(on, today) > 0) dateError(field, `${what} is recorded once it has happened: the date cannot be after today (${dayText(today)}).`);
}

function viewOf(c: AgreementsCtx, partnerId: string): View {
  return agreementView(c.open.sqlite, partnerId, c.today) ?? fail('not_found', 'This partner no longer exists.');
}

/** The agreement an event is recorded on: it must exist and be the partner's current version. */
function currentAgreement(c: AgreementsCtx, agreementId: string) {
  const a = repo.agreement(c.open.sqlite, agreementId) ?? fail('not_found', 'This agreement no longer exists.');
  const current = currentVersion(repo.versions(c.open.sqlite, a.partnerId), c.today);
  if (current && current.id !== a.id) {
    fail('conflict', `This is version ${a.version} of the agreement; version ${current.version} is the current one. Record it on version ${current.version}.`);
  }
  return { a, events: repo.events(c.open.sqlite, a.id) };
}

/** Refuses an event dated on or after the day the agreement already ended. */
function stillInForce(a: repo.AgreementRow, events: readonly repo.EventRow[], on: IsoDate, field: string): void {
  const end = agreementEnd(a.terms, repo.toRuleEvents(events), on);
  if (end && compareIsoDates(end.on, on) <= 0) {
    dateError(field, `The agreement had already ended on ${dayText(end.on)}; nothing can be recorded on it from that day.`);
  }
}

function write<T>(c: AgreementsCtx, partnerId: string, body: () => T): T {
  return c.open.sqlite.transaction(() => {
    const out = body();
    syncPartnerStatus(c.open, partnerId, c.today, c);
    return out;
  })();
}

function audit(c: AgreementsCtx, action: string, agreementId: string, detail: Record<string, unknown>): void {
  recordAudit(c.open.db, { at: c.nowIso, userId: c.userId, action, entity: 'agreement', entityId: agreementId, detail });
}

// ---- Reads ------------------------------------------------------------------------------

/** On a read, a status change comes from a date having passed, not from the person looking:
 * the audit entry names no user. */
export const passingTime = (c: AgreementsCtx): Actor => ({ userId: null, nowIso: c.nowIso });

export function forPartner(c: AgreementsCtx, input: In<typeof contract.forPartner>): View {
  if (!repo.partner(c.open.sqlite, input.partnerId)) fail('not_found', 'This partner no longer exists.');
  c.open.sqlite.transaction(() => syncPartnerStatus(c.open, input.partnerId, c.today, passingTime(c)))();
  return viewOf(c, input.partnerId);
}

export function listAgreements(c: AgreementsCtx): z.input<typeof contract.list.output> {
  const { sqlite } = c.open;
  sqlite.transaction(() => syncAllPartnerStatuses(c.open, c.today, passingTime(c)))();
  const byPartner = repo.versionsByPartner(sqlite);
  const eventsOf = repo.eventsByAgreement(sqlite);
  const rows = repo.allPartners(sqlite).map((p) => {
    const a = currentVersion(byPartner.get(p.id) ?? [], c.today);
    const status = a ? currentState(a, eventsOf.get(a.id) ?? [], c.today) : null;
    return {
      partnerId: p.id,
      company: p.company,
      programme: p.programme,
      partnerStatus: p.status,
      agreementId: a?.id ?? null,
      version: a?.version ?? null,
      state: status?.state ?? null,
      stateLabel: status ? stateLabels[status.state] : 'No agreement',
      // The month count stops meaning anything once the agreement is over.
      monthNumber: a && status && !['draft', 'terminated', 'ended'].includes(status.state) ? monthOfAgreement(a.terms, c.today) : null,
      next: status?.next ?? null,
    };
  });
  return { today: c.today, rows };
}

// ---- Writes -----------------------------------------------------------------------------

export function createVersion(c: AgreementsCtx, input: In<typeof contract.createVersion>): View {
  const { sqlite } = c.open;
  if (!repo.partner(sqlite, input.partnerId)) fail('not_found', 'This partner no longer exists.');
  const latest = repo.versions(sqlite, input.partnerId).at(-1);
  if (latest && compareIsoDates(input.terms.effectiveOn, latest.terms.effectiveOn) < 0) {
    dateError('terms.effectiveOn', `A new version must take effect on or after version ${latest.version} (effective ${dayText(latest.terms.effectiveOn)}).`);
  }
  return write(c, input.partnerId, () => {
    const { id, version } = insertAgreementVersion(sqlite, input.partnerId, input.terms, c.nowIso);
    audit(c, 'agreement.version_created', id, { partnerId: input.partnerId, version, terms: input.terms });
    return viewOf(c, input.partnerId);
  });
}

export function serveNotice(c: AgreementsCtx, input: In<typeof contract.serveNotice>): View {
  const { a, events } = currentAgreement(c, input.agreementId);
  noFutureDate('servedOn', input.servedOn, c.today, 'Notice');
  stillInForce(a, events, input.servedOn, 'servedOn');
  const earlier = events.find((e) => e.kind === 'notice');
  if (earlier) {
    fail('conflict', `Notice was already served on ${dayText(earlier.onDate)} by the ${earlier.servedBy}; the agreement ends on ${dayText(earlier.terminatesOn ?? earlier.onDate)}.`);
  }
  const outcome = noticeOutcome(a.terms, input.servedOn, input.servedBy);
  const refusal = noticeRefusal(outcome);
  if (!outcome.ok) return dateError('servedOn', refusal ?? 'Notice cannot be served on this day.');
  return write(c, a.partnerId, () => {
    const id = repo.insertEvent(c.open.sqlite, {
      agreementId: a.id, kind: 'notice', onDate: input.servedOn, servedBy: input.servedBy, terminatesOn: outcome.terminatesOn,
      reason: '', recordedAt: c.nowIso, recordedBy: c.userId,
    });
    audit(c, 'agreement.notice_served', a.id, { eventId: id, servedBy: input.servedBy, servedOn: input.servedOn, terminatesOn: outcome.terminatesOn });
    return viewOf(c, a.partnerId);
  });
}

export function recordBreach(c: AgreementsCtx, input: In<typeof contract.recordBreach>): View {
  const { a, events } = currentAgreement(c, input.agreementId);
  noFutureDate('noticedOn', input.noticedOn, c.today, 'Notice of a breach');
  if (compareIsoDates(input.noticedOn, a.terms.effectiveOn) < 0) {
    dateError('noticedOn', `The agreement takes effect on ${dayText(a.terms.effectiveOn)}; a breach cannot be noticed before that.`);
  }
  stillInForce(a, events, input.noticedOn, 'noticedOn');
  return write(c, a.partnerId, () => {
    const id = repo.insertEvent(c.open.sqlite, {
      agreementId: a.id, kind: 'breach', onDate: input.noticedOn, servedBy: 'company', terminatesOn: null,
      reason: input.description, recordedAt: c.nowIso, recordedBy: c.userId,
    });
    audit(c, 'agreement.breach_recorded', a.id, { eventId: id, noticedOn: input.noticedOn, cureDeadline: cureDeadline(a.terms, input.noticedOn), description: input.description });
    return viewOf(c, a.partnerId);
  });
}

export function recordCure(c: AgreementsCtx, input: In<typeof contract.recordCure>): View {
  const breach = repo.event(c.open.sqlite, input.breachId);
  if (!breach || breach.kind !== 'breach') return fail('not_found', 'This breach is no longer on record.');
  const { a } = currentAgreement(c, breach.agreementId);
  if (breach.curedOn) fail('conflict', `This breach was already marked cured on ${dayText(breach.curedOn)}.`);
  noFutureDate('curedOn', input.curedOn, c.today, 'A cure');
  if (compareIsoDates(input.curedOn, breach.onDate) < 0) {
    dateError('curedOn', `The breach was noticed on ${dayText(breach.onDate)}; it cannot be cured before that.`);
  }
  return write(c, a.partnerId, () => {
    repo.setCuredOn(c.open.sqlite, breach.id, input.curedOn);
    const deadline = cureDeadline(a.terms, breach.onDate);
    audit(c, 'agreement.breach_cured', a.id, { eventId: breach.id, curedOn: input.curedOn, cureDeadline: deadline, inTime: deadline !== null && input.curedOn <= deadline });
    return viewOf(c, a.partnerId);
  });
}

export function terminate(c: AgreementsCtx, input: In<typeof contract.terminate>): View {
  const { a, events } = currentAgreement(c, input.agreementId);
  if (compareIsoDates(input.on, a.terms.effectiveOn) < 0) {
    dateError('on', `The agreement takes effect on ${dayText(a.terms.effectiveOn)}; it cannot end before that.`);
  }
  // An end already fixed for an earlier day (notice, an earlier termination) stands.
  const end = agreementEnd(a.terms, repo.toRuleEvents(events), c.today);
  const planned = agreementEnd(a.terms, repo.toRuleEvents(events));
  for (const e of [end, planned]) {
    if (e && compareIsoDates(e.on, input.on) <= 0) dateError('on', `The agreement already ends on ${dayText(e.on)}, on or before this date.`);
  }
  return write(c, a.partnerId, () => {
    const id = repo.insertEvent(c.open.sqlite, {
      agreementId: a.id, kind: 'terminated', onDate: input.on, servedBy: 'company', terminatesOn: input.on,
      reason: input.reason, recordedAt: c.nowIso, recordedBy: c.userId,
    });
    audit(c, 'agreement.terminated', a.id, { eventId: id, on: input.on, reason: input.reason });
    return viewOf(c, a.partnerId);
  });
}
