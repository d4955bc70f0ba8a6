import type { AgreementView, CurrentAgreement, TimelineEntry } from '../../../src-shared/agreements/contract';
import {
  agreementEnd, agreementState, breachOutcome, commissionStopsOn, cureDeadline, firstNoticeDate, initialTermEndsOn,
  monthOfAgreement, nonSolicitEndsOn,
} from '../../../src-shared/agreements/dates';
import { keyDatesAsOf } from '../../../src-shared/agreements/keyDatesAsOf';
import { agreementTemplates, defaultTemplate } from '../../../src-shared/agreements/templates';
import { stateLabels } from '../../../src-shared/agreements/wording';
import { compareIsoDates, type IsoDate } from '../../../src-shared/dates/isoDate';
import type { Sqlite } from '../../db/open';
import * as repo from './repo';
import type { AgreementRow, EventRow } from './repo';

// Read side: which version is current, where it stands today, and its timeline. Labels carry
// ISO days, like the labels of dates.ts; the renderer writes them for people.

/** The version in force on `today` (the latest one already effective); before any takes
 * effect, the first pending one. A new version supersedes the old from its effective date. */
export function currentVersion(versions: readonly AgreementRow[], today: IsoDate): AgreementRow | null {
  const inForce = versions.filter((v) => compareIsoDates(v.terms.effectiveOn, today) <= 0);
  return inForce.at(-1) ?? versions[0] ?? null;
}

function standing(v: AgreementRow, current: AgreementRow | null, today: IsoDate): 'in_force' | 'superseded' | 'pending' {
  if (current && v.id === current.id) return compareIsoDates(v.terms.effectiveOn, today) <= 0 ? 'in_force' : 'pending';
  return current && v.version < current.version ? 'superseded' : 'pending';
}

export function currentState(a: AgreementRow, rows: readonly EventRow[], today: IsoDate) {
  return agreementState(a.terms, repo.toRuleEvents(rows), today);
}

function eventEntries(a: AgreementRow, rows: readonly EventRow[]): Omit<TimelineEntry, 'past'>[] {
  const out: Omit<TimelineEntry, 'past'>[] = [];
  for (const e of rows) {
    if (e.kind === 'notice') {
      out.push({ date: e.onDate, kind: 'notice_served', source: 'event', label: `Notice served by the ${e.servedBy ?? 'company'}; the agreement ends on ${e.terminatesOn ?? e.onDate}` });
    } else if (e.kind === 'terminated') {
      out.push({ date: e.onDate, kind: 'terminated', source: 'event', label: `Agreement terminated: ${e.reason}` });
    } else {
      const deadline = cureDeadline(a.terms, e.onDate);
      const cure = deadline ? `cure period until ${deadline}` : 'the agreement gives no cure period';
      out.push({ date: e.onDate, kind: 'breach_noticed', source: 'event', label: `Breach noticed: ${e.reason} (${cure})` });
      if (e.curedOn) {
        const late = deadline && compareIsoDates(e.curedOn, deadline) > 0 ? ', after the cure deadline' : '';
        out.push({ date: e.curedOn, kind: 'breach_cured', source: 'event', label: `Breach noticed on ${e.onDate} cured${late}` });
      }
    }
  }
  return out;
}

function timeline(versions: readonly AgreementRow[], a: AgreementRow, rows: readonly EventRow[], today: IsoDate): TimelineEntry[] {
  const recorded = [
    ...versions.map((v) => ({ date: v.terms.effectiveOn as string, kind: 'version_effective' as const, source: 'event' as const, label: `Version ${v.version} takes effect` })),
    ...eventEntries(a, rows),
  ];
  const terminatedOn = new Set(rows.filter((e) => e.kind === 'terminated').map((e) => e.onDate as string));
  const computed = keyDatesAsOf(a.terms, repo.toRuleEvents(rows), today)
    // A recorded termination already says so; the computed one would repeat it.
    .filter((k) => !(k.kind === 'termination' && terminatedOn.has(k.date)))
    .map((k) => ({ date: k.date as string, kind: k.kind, source: 'key_date' as const, label: k.label }));
  const rank = (e: { source: string }) => (e.source === 'event' ? 0 : 1);
  return [...recorded, ...computed]
    .map((e) => ({ ...e, past: e.date <= today }))
    .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : rank(y) - rank(x)));
}

export function buildCurrent(versions: readonly AgreementRow[], a: AgreementRow, rows: readonly EventRow[], today: IsoDate): CurrentAgreement {
  const events = repo.toRuleEvents(rows);
  const status = agreementState(a.terms, events, today);
  const end = agreementEnd(a.terms, events, today);
  const breaches = rows.filter((e) => e.kind === 'breach' && compareIsoDates(e.onDate, today) <= 0);
  const open = breaches.filter((e) => !e.curedOn).at(-1);
  return {
    agreementId: a.id,
    version: a.version,
    terms: a.terms,
    state: status.state,
    stateLabel: stateLabels[status.state],
    next: status.next,
    monthNumber: monthOfAgreement(a.terms, today),
    initialTermEndsOn: initialTermEndsOn(a.terms),
    firstNoticeOn: firstNoticeDate(a.terms),
    end,
    commissionStopsOn: commissionStopsOn(a.terms, events),
    nonSolicitEndsOn: end ? nonSolicitEndsOn(a.terms, end.on) : null,
    openBreach: open ? { eventId: open.id, noticedOn: open.onDate, cureDeadline: cureDeadline(a.terms, open.onDate) } : null,
    events: rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      on: e.onDate,
      servedBy: e.servedBy,
      terminatesOn: e.terminatesOn,
      curedOn: e.curedOn,
      reason: e.reason,
      cureDeadline: e.kind === 'breach' ? cureDeadline(a.terms, e.onDate) : null,
      breachStatus: e.kind === 'breach' ? breachOutcome(a.terms, { noticedOn: e.onDate, curedOn: e.curedOn }, today).status : null,
      recordedAt: e.recordedAt,
      recordedBy: e.recordedBy,
    })),
    timeline: timeline(versions, a, rows, today),
  };
}

/** Everything the partner's agreement tab shows. */
export function agreementView(sqlite: Sqlite, partnerId: string, today: IsoDate): AgreementView | null {
  const p = repo.partner(sqlite, partnerId);
  if (!p) return null;
  const versions = repo.versions(sqlite, partnerId);
  const current = currentVersion(versions, today);
  const template = current ? { ...current.terms } : { ...(agreementTemplates[p.programmeCode] ?? defaultTemplate), effectiveOn: today };
  return {
    today,
    partner: { id: p.id, company: p.company, programme: p.programme, programmeCode: p.programmeCode, format: p.format, status: p.status },
    current: current ? buildCurrent(versions, current, repo.events(sqlite, current.id), today) : null,
    versions: [...versions].reverse().map((v) => ({ agreementId: v.id, version: v.version, terms: v.terms, createdAt: v.createdAt, standing: standing(v, current, today) })),
    newVersionDefaults: { ...template, effectiveOn: today },
  };
}
