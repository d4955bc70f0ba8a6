import type { AgreementStateName } from '../../../src-shared/agreements/dates';
import { stateLabels } from '../../../src-shared/agreements/wording';
import type { IsoDate } from '../../../src-shared/dates/isoDate';
import type { OpenDb } from '../../db/open';
import { recordAudit } from '../audit';
import * as repo from './repo';
import { currentState, currentVersion } from './view';

// Keeps partners.status in step with the partner's agreement. The agreement's state is a
// function of its terms, its events and today, so it changes when something is recorded and
// also when a date passes (a notice period runs out, a cure period ends uncured). Every write
// of this domain calls this inside its transaction; the read channels call it too, so a date
// that passed since the last write is reflected as soon as someone looks.

const AUDIT_ACTION = 'partner.status_changed';
const SOURCE = 'agreement';

function targetStatus(state: AgreementStateName): 'terminated' | 'suspended' | null {
  if (state === 'terminated' || state === 'ended') return 'terminated';
  if (state === 'suspended') return 'suspended';
  return null;
}

/** The status this domain set earlier and may undo, when the last status change was its own. */
function ownChange(open: OpenDb, partnerId: string): { from: string; to: string } | null {
  const last = repo.lastStatusChange(open.sqlite, partnerId);
  if (!last || last.action !== AUDIT_ACTION) return null;
  try {
    const d = JSON.parse(last.detail) as { from?: string; to?: string; source?: string };
    return d.source === SOURCE && d.from && d.to ? { from: d.from, to: d.to } : null;
  } catch {
    return null;
  }
}

export interface Actor {
  userId: string | null;
  nowIso: string;
}

/** Brings one partner's status in line with its current agreement. Runs inside the caller's transaction. */
export function syncPartnerStatus(open: OpenDb, partnerId: string, today: IsoDate, actor: Actor): void {
  const { sqlite } = open;
  const partner = repo.partner(sqlite, partnerId);
  const current = currentVersion(repo.versions(sqlite, partnerId), today);
  if (!partner || !current) return;
  const { state } = currentState(current, repo.events(sqlite, current.id), today);
  const target = targetStatus(state);
  const change = (to: string, why: string) => {
    repo.setPartnerStatus(sqlite, partnerId, to, actor.nowIso);
    recordAudit(open.db, {
      at: actor.nowIso,
      userId: actor.userId,
      action: AUDIT_ACTION,
      entity: 'partner',
      entityId: partnerId,
      detail: { from: partner.status, to, source: SOURCE, agreementId: current.id, version: current.version, state, why },
    });
  };
  if (target) {
    // A terminated partner is not "suspended" by a later breach: termination is final.
    if (partner.status !== target && !(target === 'suspended' && partner.status === 'terminated')) {
      change(target, `The agreement is ${stateLabels[state].toLowerCase()} as of ${today}`);
    }
    return;
  }
  // The agreement is in force again (a late cure lifted a suspension, or a new version was
  // signed): undo the status this domain set, never one somebody chose on the partner page.
  const own = ownChange(open, partnerId);
  if (own && own.to === partner.status && (partner.status === 'suspended' || partner.status === 'terminated')) {
    change(own.from === 'suspended' || own.from === 'terminated' ? 'active' : own.from, `The agreement is ${stateLabels[state].toLowerCase()} again as of ${today}`);
  }
}

/** syncPartnerStatus for every partner that has an agreement. */
export function syncAllPartnerStatuses(open: OpenDb, today: IsoDate, actor: Actor): void {
  for (const partnerId of repo.versionsByPartner(open.sqlite).keys()) syncPartnerStatus(open, partnerId, today, actor);
}

/**
 * At sign-in: only partners whose status can have moved with time — those with agreement
 * events, a fixed term, or a status this domain may undo. Cheap with 100,000 partners.
 */
export function syncTimeDependentPartnerStatuses(open: OpenDb, today: IsoDate, actor: Actor): void {
  const ids = open.sqlite
    .prepare(
      `SELECT a.partner_id AS id FROM agreements a
         WHERE a.after_initial_term = 'fixed' OR EXISTS (SELECT 1 FROM agreement_events e WHERE e.agreement_id = a.id)
       UNION SELECT id FROM partners WHERE status IN ('suspended', 'terminated')`,
    )
    .pluck()
    .all() as string[];
  open.sqlite.transaction(() => {
    for (const id of ids) syncPartnerStatus(open, id, today, actor);
  })();
}
