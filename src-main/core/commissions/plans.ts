import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type * as contract from '../../../src-shared/commissions/contract';
import { SEED_002_MESSAGE_HELP_INTEGRATOR_PLAN } from '../../../src-shared/commissions/integratorPlan';
import { checkPlanBody, isIntegratorPlan, type PlanBody } from '../../../src-shared/commissions/planBody';
import { PRESET_PLANS } from '../../../src-shared/commissions/presets';
import { fail } from '../../../src-shared/rpc/errors';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import type { OpenDb, Sqlite } from '../../db/open';

/** Who changes plans: a signed-in user, or the demo seed (no user). */
export type Actor = { open: OpenDb; userId: string | null };
export const actorOf = (session: Session): Actor => ({ open: session.open, userId: session.user.id });

// Commission plans and their versions. A version is never edited: a change is a new
// version with the day it takes effect, and the version in force on a period's last
// day computes that period.

type Out<C extends { output: z.ZodType }> = z.input<C['output']>;
type In<C extends { input: z.ZodType }> = z.output<C['input']>;

export type StoredVersion = { id: string; planId: string; code: string; version: number; effectiveFrom: string; body: PlanBody };

/** The seed programmes' plans, by the demo programme code they belong to. */
export const PRESETS: { code: string; programmeCode: string; body: PlanBody }[] = [
  { code: 'allset', programmeCode: 'allset', body: PRESET_PLANS[0]! },
  { code: 'aloware', programmeCode: 'aloware', body: PRESET_PLANS[1]! },
  { code: 'messagehelp', programmeCode: 'messagehelp', body: PRESET_PLANS[2]! },
  { code: 'messagehelp-integrator', programmeCode: 'messagehelp', body: SEED_002_MESSAGE_HELP_INTEGRATOR_PLAN },
  { code: 'salespartner', programmeCode: 'salespartner', body: PRESET_PLANS[3]! },
];

export function listPresets(): Out<typeof contract.presets> {
  return {
    presets: PRESETS.map((p) => ({
      code: p.code,
      name: p.body.name,
      kind: isIntegratorPlan(p.body) ? 'integrator' : 'commission',
      programmeCode: p.programmeCode,
      source: p.body.source,
      body: p.body as unknown as Record<string, unknown>,
    })),
  };
}

const kindOf = (bodyJson: string | null): 'commission' | 'integrator' =>
  bodyJson !== null && (JSON.parse(bodyJson) as { kind?: string }).kind === 'integrator' ? 'integrator' : 'commission';

type PlanRow = {
  id: string; code: string; name: string; programmeId: string | null; programmeName: string | null; createdAt: string;
  latestVersion: number; latestEffectiveFrom: string; latestBody: string; versionCount: number; partnerCount: number;
};

const PLAN_SELECT = `
  SELECT p.id, p.code, p.name, p.programme_id AS programmeId, pr.name AS programmeName, p.created_at AS createdAt,
         v.version AS latestVersion, v.effective_from AS latestEffectiveFrom, v.body AS latestBody,
         (SELECT count(*) FROM plan_versions x WHERE x.plan_id = p.id) AS versionCount,
         (SELECT count(*) FROM partners pa WHERE pa.plan_id = p.id) AS partnerCount
  FROM commission_plans p
  LEFT JOIN programmes pr ON pr.id = p.programme_id
  JOIN plan_versions v ON v.plan_id = p.id AND v.version = (SELECT max(version) FROM plan_versions y WHERE y.plan_id = p.id)`;

function summary(r: PlanRow): Out<typeof contract.listPlans>['plans'][number] {
  const { latestBody, ...rest } = r;
  return { ...rest, kind: kindOf(latestBody) };
}

export function listPlans(session: Session): Out<typeof contract.listPlans> {
  const rows = session.open.sqlite.prepare(`${PLAN_SELECT} ORDER BY p.code`).all() as PlanRow[];
  return { plans: rows.map(summary) };
}

export function getPlan(session: Session, input: In<typeof contract.getPlan>): Out<typeof contract.getPlan> {
  const { sqlite } = session.open;
  const row = sqlite.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(input.planId) as PlanRow | undefined;
  if (!row) return fail('not_found', 'This commission plan does not exist (any more).');
  const versions = sqlite
    .prepare(
      `SELECT v.id, v.version, v.effective_from AS effectiveFrom, v.note, v.created_at AS createdAt, u.display_name AS createdBy, v.body,
              (SELECT count(*) FROM ledger_entries e WHERE e.plan_version_id = v.id) AS entryCount
       FROM plan_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.plan_id = ? ORDER BY v.version DESC`,
    )
    .all(input.planId) as { body: string }[];
  const partners = sqlite.prepare('SELECT id, company, status FROM partners WHERE plan_id = ? ORDER BY company COLLATE NOCASE').all(input.planId) as {
    id: string; company: string; status: string;
  }[];
  return {
    plan: summary(row),
    versions: versions.map((v) => ({ ...(v as object), body: JSON.parse(v.body) as Record<string, unknown> })) as Out<typeof contract.getPlan>['versions'],
    partners,
  };
}

type SaveInput = { code: string; name: string; programmeId?: string | null; effectiveFrom: string; body: Record<string, unknown>; note: string };

/** Appends a version (creating the plan for a new code). Runs in its own transaction. */
export function savePlanVersion(actor: Actor, input: SaveInput, nowIso: string): Out<typeof contract.savePlanVersion> {
  const { sqlite, db } = actor.open;
  return sqlite.transaction(() => {
    const existing = sqlite.prepare('SELECT id, name, programme_id AS programmeId FROM commission_plans WHERE code = ?').get(input.code) as
      | { id: string; name: string; programmeId: string | null }
      | undefined;
    if (input.programmeId) {
      const found = sqlite.prepare('SELECT 1 FROM programmes WHERE id = ?').get(input.programmeId);
      if (!found) fail('validation', 'This programme does not exist.', { fieldErrors: { programmeId: 'Choose one of the programmes' } });
    }
    const latest = existing
      ? (sqlite.prepare('SELECT version, effective_from AS effectiveFrom, body FROM plan_versions WHERE plan_id = ? ORDER BY version DESC LIMIT 1').get(existing.id) as {
          version: number; effectiveFrom: string; body: string;
        })
      : null;
    if (latest && input.effectiveFrom < latest.effectiveFrom) {
      fail('validation', `Version ${latest.version + 1} cannot take effect before version ${latest.version}, which is in force from ${latest.effectiveFrom}.`, {
        fieldErrors: { effectiveFrom: `On or after ${latest.effectiveFrom}, when version ${latest.version} took effect` },
      });
    }
    const version = (latest?.version ?? 0) + 1;
    const checked = checkPlanBody(input.body, input.code, version);
    if (!checked.ok) {
      const fields = Object.keys(checked.fieldErrors);
      fail('validation', `The plan has ${fields.length === 1 ? 'a problem' : `${fields.length} problems`}: ${fields.map((f) => `${f} — ${checked.fieldErrors[f]}`).join('; ')}`, {
        fieldErrors: checked.fieldErrors,
      });
    }
    const body = (checked as { ok: true; body: PlanBody }).body;
    if (latest && kindOf(latest.body) !== (isIntegratorPlan(body) ? 'integrator' : 'commission')) {
      fail('validation', 'A plan keeps its kind: an integrator plan cannot become a commission plan or the other way round. Save it under a new code.', {
        fieldErrors: { 'body.kind': 'Keep the kind of the earlier versions' },
      });
    }
    const planId = existing?.id ?? randomUUID();
    if (!existing) {
      sqlite.prepare('INSERT INTO commission_plans (id, code, name, programme_id, created_at) VALUES (?, ?, ?, ?, ?)').run(planId, input.code, input.name, input.programmeId ?? null, nowIso);
    } else if (existing.name !== input.name || (input.programmeId !== undefined && input.programmeId !== existing.programmeId)) {
      sqlite.prepare('UPDATE commission_plans SET name = ?, programme_id = ? WHERE id = ?').run(input.name, input.programmeId === undefined ? existing.programmeId : input.programmeId, planId);
    }
    const planVersionId = randomUUID();
    sqlite
      .prepare('INSERT INTO plan_versions (id, plan_id, version, effective_from, body, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(planVersionId, planId, version, input.effectiveFrom, JSON.stringify(body), input.note, nowIso, actor.userId);
    recordAudit(db, {
      at: nowIso,
      userId: actor.userId,
      action: existing ? 'commissions.plan_version' : 'commissions.plan_create',
      entity: 'commission_plan',
      entityId: planId,
      detail: { code: input.code, version, effectiveFrom: input.effectiveFrom, note: input.note },
    });
    return { planId, code: input.code, version, planVersionId, effectiveFrom: input.effectiveFrom, created: !existing };
  })();
}

/** The export envelope; importPlan also accepts a bare plan body. */
export type PlanFile = { format: 'partnerdesk.plan'; formatVersion: 1; code: string; name: string; programmeCode: string | null; effectiveFrom: string; note: string; body: PlanBody };

export function exportPlan(session: Session, input: In<typeof contract.exportPlan>): Out<typeof contract.exportPlan> {
  const { sqlite } = session.open;
  const plan = sqlite
    .prepare('SELECT p.id, p.code, p.name, pr.code AS programmeCode FROM commission_plans p LEFT JOIN programmes pr ON pr.id = p.programme_id WHERE p.id = ?')
    .get(input.planId) as { id: string; code: string; name: string; programmeCode: string | null } | undefined;
  if (!plan) return fail('not_found', 'This commission plan does not exist (any more).');
  const v = (
    input.version
      ? sqlite.prepare('SELECT version, effective_from AS effectiveFrom, note, body FROM plan_versions WHERE plan_id = ? AND version = ?').get(plan.id, input.version)
      : sqlite.prepare('SELECT version, effective_from AS effectiveFrom, note, body FROM plan_versions WHERE plan_id = ? ORDER BY version DESC LIMIT 1').get(plan.id)
  ) as { version: number; effectiveFrom: string; note: string; body: string } | undefined;
  if (!v) return fail('not_found', `Plan ${plan.code} has no version ${input.version ?? ''}.`.replace(' .', '.'));
  const file: PlanFile = {
    format: 'partnerdesk.plan',
    formatVersion: 1,
    code: plan.code,
    name: plan.name,
    programmeCode: plan.programmeCode,
    effectiveFrom: v.effectiveFrom,
    note: v.note,
    body: JSON.parse(v.body) as PlanBody,
  };
  return { fileName: `${plan.code}-v${v.version}.plan.json`, mimeType: 'application/json', content: `${JSON.stringify(file, null, 2)}\n` };
}

const slugCode = (s: string) => s.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

export function importPlan(session: Session, input: In<typeof contract.importPlan>, today: string, nowIso: string): Out<typeof contract.importPlan> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.json);
  } catch (e) {
    return fail('validation', `The plan file is not valid JSON: ${(e as Error).message}`, { fieldErrors: { json: 'Not valid JSON' } });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail('validation', 'The plan file must hold one JSON object: a Partnerdesk plan export or a plan body.', { fieldErrors: { json: 'Expected a JSON object' } });
  }
  const o = parsed as Record<string, unknown>;
  const isEnvelope = o.format === 'partnerdesk.plan';
  const body = (isEnvelope ? o.body : o) as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('validation', 'The plan file has no plan body.', { fieldErrors: { body: 'Expected a JSON object' } });
  }
  const code = isEnvelope && typeof o.code === 'string' ? o.code : slugCode(String(body.id ?? ''));
  const name = isEnvelope && typeof o.name === 'string' ? o.name : String(body.name ?? '');
  if (!code) return fail('validation', 'The plan file names no plan code (set "code", or "id" in a bare plan body).', { fieldErrors: { code: 'Missing' } });
  if (!name) return fail('validation', 'The plan file names no plan name (set "name").', { fieldErrors: { name: 'Missing' } });
  let programmeId: string | null | undefined;
  if (isEnvelope && typeof o.programmeCode === 'string') {
    const row = session.open.sqlite.prepare('SELECT id FROM programmes WHERE code = ?').get(o.programmeCode) as { id: string } | undefined;
    programmeId = row?.id ?? null;
  }
  const effectiveFrom = input.effectiveFrom ?? (isEnvelope && typeof o.effectiveFrom === 'string' ? o.effectiveFrom : today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) {
    return fail('validation', `The plan file's effectiveFrom '${effectiveFrom}' is not a date written YYYY-MM-DD.`, { fieldErrors: { effectiveFrom: 'Expected YYYY-MM-DD' } });
  }
  const note = isEnvelope && typeof o.note === 'string' ? o.note : 'imported from a file';
  return savePlanVersion(actorOf(session), { code, name, programmeId, effectiveFrom, body, note }, nowIso);
}

export function assignPlan(actor: Actor, input: In<typeof contract.assignPlan>, nowIso: string): Out<typeof contract.assignPlan> {
  const { sqlite, db } = actor.open;
  return sqlite.transaction(() => {
    const partner = sqlite.prepare('SELECT id, company, format, plan_id AS planId FROM partners WHERE id = ?').get(input.partnerId) as
      | { id: string; company: string; format: string; planId: string | null }
      | undefined;
    if (!partner) return fail('not_found', 'This partner does not exist (any more).', { fieldErrors: { partnerId: 'Unknown partner' } });
    const plan = sqlite
      .prepare(`${PLAN_SELECT} WHERE p.id = ?`)
      .get(input.planId) as PlanRow | undefined;
    if (!plan) return fail('not_found', 'This commission plan does not exist (any more).', { fieldErrors: { planId: 'Unknown plan' } });
    const kind = kindOf(plan.latestBody);
    // Seed 002: integrators pay for their clients (minus a discount); everyone else earns commission.
    if (kind === 'integrator' && partner.format !== 'integrator') {
      fail('validation', `${plan.name} is an integrator plan; ${partner.company} is a ${partner.format.replace('_', ' ')} partner.`, { fieldErrors: { planId: 'Choose a commission plan' } });
    }
    if (kind === 'commission' && partner.format === 'integrator') {
      fail('validation', `${partner.company} is an integrator: it pays for its clients and earns no commission. Choose an integrator plan.`, { fieldErrors: { planId: 'Choose an integrator plan' } });
    }
    if (partner.planId !== input.planId) {
      sqlite.prepare('UPDATE partners SET plan_id = ?, updated_at = ? WHERE id = ?').run(input.planId, nowIso, partner.id);
      recordAudit(db, {
        at: nowIso,
        userId: actor.userId,
        action: 'commissions.plan_assign',
        entity: 'partner',
        entityId: partner.id,
        detail: { planId: input.planId, code: plan.code, previousPlanId: partner.planId },
      });
    }
    return { partnerId: partner.id, planId: input.planId, previousPlanId: partner.planId };
  })();
}

/** The version of `planId` in force on `day` (latest effective_from ≤ day, then highest version). */
export function versionInForce(sqlite: Sqlite, planId: string, day: string): StoredVersion | null {
  const row = sqlite
    .prepare(
      `SELECT v.id, v.plan_id AS planId, p.code, v.version, v.effective_from AS effectiveFrom, v.body
       FROM plan_versions v JOIN commission_plans p ON p.id = v.plan_id
       WHERE v.plan_id = ? AND v.effective_from <= ? ORDER BY v.effective_from DESC, v.version DESC LIMIT 1`,
    )
    .get(planId, day) as { id: string; planId: string; code: string; version: number; effectiveFrom: string; body: string } | undefined;
  return row ? { ...row, body: JSON.parse(row.body) as PlanBody } : null;
}

export function partnersWithPlans(sqlite: Sqlite, input: In<typeof contract.partners>): Out<typeof contract.partners> {
  const q = input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.company, pr.name AS programme, pr.code AS programmeCode, p.format, p.status, p.plan_id AS planId, cp.code AS planCode,
              p.commission_rate_bps AS commissionRateBps
       FROM partners p JOIN programmes pr ON pr.id = p.programme_id LEFT JOIN commission_plans cp ON cp.id = p.plan_id
       ${q ? `WHERE p.id = @exact OR p.company LIKE @q ESCAPE '\\'` : ''}
       ORDER BY (p.id = @exact) DESC, (lower(p.company) = lower(@exact)) DESC, p.company COLLATE NOCASE LIMIT @limit`,
    )
    .all({ exact: input.search ?? '', limit: input.limit, ...(q ? { q } : {}) }) as Out<typeof contract.partners>['rows'];
  return { rows };
}
