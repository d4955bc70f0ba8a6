import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { rejectReasonLabels, type ApplicationRow, type ApprovalDefaults, type ApprovalResult, type ApproveInput, type list, type reject, type SubmitInput } from '../../../src-shared/applications/contract';
import {
  approvalDefaults,
  approvalOutcome,
  formatLabels,
  formatsFor,
  nextPromoSlot,
  percentText,
  programmeRates,
  promoSlotsText,
} from '../../../src-shared/applications/rules';
import type { IsoDate } from '../../../src-shared/dates/isoDate';
import { fail } from '../../../src-shared/rpc/errors';
import { recordAudit } from '../audit';
import { insertAgreementVersion } from '../agreements/versions';
import type { CoreContext, Session } from '../context';
import * as repo from './repo';

// The application review of seed 003 ("Super admins review your request. On approval we
// create your reseller record, set your commission …"), used for every programme.

const todayOf = (ctx: CoreContext) => ctx.now().toISOString().slice(0, 10) as IsoDate;

function requireApplication(session: Session, id: string): ApplicationRow {
  return repo.findApplication(session.open.sqlite, id) ?? fail('not_found', 'This application does not exist (any more). Reload the queue.');
}

/** An application is decided once; a second decision says who decided it and how. */
function assertWaiting(a: ApplicationRow): void {
  if (a.status === 'submitted') return;
  const when = a.decidedAt ? ` on ${a.decidedAt.slice(0, 10)}` : '';
  const who = a.decidedByName ? ` by ${a.decidedByName}` : '';
  fail('conflict', `The application from ${a.company} was already ${a.status}${when}${who}. An application is decided once; nothing was changed.`);
}

/**
 * Runs `fn` in a BEGIN IMMEDIATE transaction: the write lock is taken before anything is
 * read, so a second approval on another connection waits (busy_timeout) and then reads
 * the slots the first one committed — it can never compute the same "next free slot".
 */
function immediately<T>(session: Session, fn: () => T): T {
  try {
    return session.open.sqlite.transaction(fn).immediate();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      return fail('conflict', 'The workspace is busy with another change. Nothing was saved; try again in a moment.', { retryable: true });
    }
    throw e;
  }
}

export function submitApplication(ctx: CoreContext, session: Session, input: z.output<typeof SubmitInput>): ApplicationRow {
  const { sqlite, db } = session.open;
  const today = todayOf(ctx);
  const id = randomUUID();
  immediately(session, () => {
    const programme = repo.findProgramme(sqlite, input.programmeId);
    if (!programme) {
      fail('validation', 'The chosen programme does not exist in this workspace.', { fieldErrors: { programmeId: 'Choose one of the workspace’s programmes' } });
    }
    const formats = formatsFor(programme!.code);
    if (!formats.includes(input.format)) {
      const allowed = formats.map((f) => formatLabels[f].toLowerCase()).join(' or ');
      fail('validation', `The ${programme!.name} takes ${allowed} partners, not ${formatLabels[input.format].toLowerCase()}s.`, {
        fieldErrors: { format: `Choose ${allowed}` },
      });
    }
    const submittedOn = input.submittedOn ?? today;
    if (submittedOn > today) {
      fail('validation', `An application cannot arrive in the future (today is ${today}).`, { fieldErrors: { submittedOn: `On or before ${today}` } });
    }
    const duplicate = repo.pendingDuplicate(sqlite, programme!.id, input.company);
    if (duplicate) {
      fail('validation', `${input.company} already has an application waiting in the ${programme!.name} (received ${duplicate.submittedOn}). Decide that one first.`, {
        fieldErrors: { company: 'Already waiting in this programme' },
      });
    }
    repo.insertApplication(sqlite, { id, ...input, submittedOn, programmeId: programme!.id });
    recordAudit(db, {
      at: ctx.now().toISOString(),
      userId: session.user.id,
      action: 'application.submit',
      entity: 'application',
      entityId: id,
      detail: { programme: programme!.code, company: input.company, format: input.format, submittedOn },
    });
  });
  return repo.findApplication(sqlite, id)!;
}

export function listApplications(session: Session, input: z.output<typeof list.input>): z.input<typeof list.output> {
  const { sqlite } = session.open;
  return {
    rows: repo.listApplications(sqlite, input),
    programmes: repo.allProgrammeSlots(sqlite),
    counts: repo.countByStatus(sqlite),
  };
}

export function getApplication(session: Session, id: string): ApplicationRow {
  return requireApplication(session, id);
}

export function defaultsFor(ctx: CoreContext, session: Session, id: string): ApprovalDefaults {
  const { sqlite } = session.open;
  const application = requireApplication(session, id);
  assertWaiting(application);
  const programme = repo.findProgramme(sqlite, application.programmeId)!;
  const taken = repo.takenSlots(sqlite, programme.id);
  const d = approvalDefaults({
    programmeCode: programme.code,
    promoSlotCapacity: programme.promoSlotCapacity,
    slotsTaken: taken,
    format: application.format,
    today: todayOf(ctx),
  });
  return { application, programme: repo.programmeSlots(sqlite, programme), nextSlotNo: nextPromoSlot(taken, programme.promoSlotCapacity), ...d };
}

/**
 * Approval, all or nothing in one IMMEDIATE transaction: the partner (onboarding,
 * registered today, with its rate), its agreement version 1, the next promotion slot if
 * one is asked for and still free, the application marked approved, and the audit trail.
 */
export function approveApplication(ctx: CoreContext, session: Session, input: z.output<typeof ApproveInput>): ApprovalResult {
  const { sqlite, db } = session.open;
  const nowIso = ctx.now().toISOString();
  const today = todayOf(ctx);
  return immediately(session, () => {
    const application = requireApplication(session, input.id);
    assertWaiting(application);
    const programme = repo.findProgramme(sqlite, application.programmeId)!;
    const capacity = programme.promoSlotCapacity;
    if (input.claimPromoSlot && capacity === 0) {
      fail('validation', `The ${programme.name} has no promotion slots.`, { fieldErrors: { claimPromoSlot: 'This programme has no promotion' } });
    }
    const defaults = approvalDefaults({ programmeCode: programme.code, promoSlotCapacity: capacity, slotsTaken: [], format: application.format, today });
    const agreement = input.agreement ?? defaults.agreement;
    if (agreement.effectiveOn < application.submittedOn) {
      fail('validation', `The agreement cannot take effect before the application arrived (${application.submittedOn}).`, {
        fieldErrors: { 'agreement.effectiveOn': `On or after ${application.submittedOn}` },
      });
    }

    // Seed 003: "the first 3 approved resellers" — the next slot is read under the write
    // lock, so approvals get slots in the order they commit.
    const claim = input.claimPromoSlot ?? capacity > 0;
    const nextSlot = claim ? nextPromoSlot(repo.takenSlots(sqlite, programme.id), capacity) : null;
    const rates = programmeRates(programme.code, capacity);
    const outcome = approvalOutcome({ claimPromoSlot: claim, nextSlot, rateBps: input.rateBps, rates });
    const planId = input.planId === undefined ? defaults.planId : input.planId || null;

    const partnerId = randomUUID();
    const pipeline = `Expected pipeline: ${application.expectedTenantsPerYear} new tenants a year.${application.pipelineNote ? ` ${application.pipelineNote}` : ''}`;
    repo.insertPartner(sqlite, {
      id: partnerId,
      contactId: randomUUID(),
      programmeId: programme.id,
      company: application.company,
      format: application.format,
      contactName: application.contactName,
      contactEmail: application.contactEmail,
      country: application.country,
      website: application.website,
      focusMarket: application.focusMarket,
      notes: pipeline,
      registeredOn: today,
      createdAt: nowIso,
      planId,
      commissionRateBps: outcome.rateBps,
    });
    const version = insertAgreementVersion(sqlite, partnerId, agreement, nowIso);
    if (outcome.slotNo !== null) {
      try {
        repo.insertPromoSlot(sqlite, programme.id, outcome.slotNo, partnerId, nowIso);
      } catch (e) {
        // The primary key is the last guard: should a slot be taken despite the lock,
        // this approval is undone whole rather than sharing the slot.
        if ((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
          fail('conflict', `Promotion slot ${outcome.slotNo} was taken by another approval at the same moment. Nothing was saved; approve again.`, { retryable: true });
        }
        throw e;
      }
    }
    const decided = repo.markDecided(sqlite, {
      id: application.id,
      status: 'approved',
      decidedAt: nowIso,
      decidedBy: session.user.id,
      rejectReason: null,
      decisionNote: input.note,
      partnerId,
      approvedRateBps: outcome.rateBps,
      planId,
    });
    if (!decided) fail('conflict', `The application from ${application.company} was decided by someone else just now. Nothing was changed.`);

    const audit = (action: string, entity: string, entityId: string, detail: Record<string, unknown>) =>
      recordAudit(db, { at: nowIso, userId: session.user.id, action, entity, entityId, detail });
    audit('application.approve', 'application', application.id, { partnerId, rateBps: outcome.rateBps, promoSlotNo: outcome.slotNo, promoMissed: outcome.promoMissed, planId, note: input.note });
    audit('partner.create', 'partner', partnerId, { from: 'application', applicationId: application.id, company: application.company, status: 'onboarding', registeredOn: today });
    audit('agreement.create', 'agreement', version.id, { partnerId, version: version.version, ...agreement });
    if (outcome.slotNo !== null) audit('promo_slot.assign', 'programme', programme.id, { slotNo: outcome.slotNo, partnerId, capacity });

    const rateText = outcome.rateBps === null ? 'the plan’s rate' : percentText(outcome.rateBps);
    const slotsLeft = capacity - repo.takenSlots(sqlite, programme.id).length;
    const message = outcome.slotNo !== null
      ? `${application.company} approved with promotion slot ${outcome.slotNo} of ${capacity} at ${rateText}; ${promoSlotsText(Math.max(0, slotsLeft), capacity)}.`
      : outcome.promoMissed
        ? `${application.company} approved at the standard ${rateText}: all ${capacity} promotion slots were taken before this approval was saved.`
        : `${application.company} approved at ${rateText}.`;
    return {
      application: requireApplication(session, application.id),
      partnerId,
      agreementId: version.id,
      agreementVersion: version.version,
      promoSlotNo: outcome.slotNo,
      rateBps: outcome.rateBps,
      promoMissed: outcome.promoMissed,
      message: `${message} Partner record created (onboarding) with agreement version ${version.version} effective ${agreement.effectiveOn}.`,
    };
  });
}

export function rejectApplication(ctx: CoreContext, session: Session, input: z.output<typeof reject.input>): ApplicationRow {
  const { sqlite, db } = session.open;
  const nowIso = ctx.now().toISOString();
  return immediately(session, () => {
    const application = requireApplication(session, input.id);
    assertWaiting(application);
    const decided = repo.markDecided(sqlite, {
      id: application.id,
      status: 'rejected',
      decidedAt: nowIso,
      decidedBy: session.user.id,
      rejectReason: input.reason,
      decisionNote: input.note,
      partnerId: null,
      approvedRateBps: null,
      planId: null,
    });
    if (!decided) fail('conflict', `The application from ${application.company} was decided by someone else just now. Nothing was changed.`);
    recordAudit(db, {
      at: nowIso,
      userId: session.user.id,
      action: 'application.reject',
      entity: 'application',
      entityId: application.id,
      detail: { reason: input.reason, reasonLabel: rejectReasonLabels[input.reason], note: input.note },
    });
    return requireApplication(session, application.id);
  });
}
