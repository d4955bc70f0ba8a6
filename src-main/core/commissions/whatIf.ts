import type { z } from 'zod';
import type * as contract from '../../../src-shared/commissions/contract';
import { lastDayOfMonth } from '../../../src-shared/commissions/calendar';
import { computeCommissions } from '../../../src-shared/commissions/engine';
import type { CommissionPlan } from '../../../src-shared/commissions/plan';
import { EARLIEST_DAY } from '../../../src-shared/commissions/periodSlice';
import { checkPlanBody, isIntegratorPlan } from '../../../src-shared/commissions/planBody';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { partnerReader, type PartnerRow } from './partnerFacts';
import { versionInForce, type StoredVersion } from './plans';
import { effectivePlan } from './run';

// What-if: a draft plan over the partners' past revenue beside the plan versions in force
// for those months. Reads only; the ledger is not touched.

type In = z.output<typeof contract.whatIf.input>;
type Out = z.input<typeof contract.whatIf.output>;

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let key = from; key <= to; ) {
    out.push(key);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
    key = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

export function whatIf(sqlite: Sqlite, input: In, today: string): Out {
  if (input.fromPeriod > input.toPeriod) fail('validation', 'The first month comes after the last month.', { fieldErrors: { toPeriod: `On or after ${input.fromPeriod}` } });
  const months = monthsBetween(input.fromPeriod, input.toPeriod);
  if (months.length > 120) fail('validation', 'Compare at most 120 months at a time.', { fieldErrors: { fromPeriod: 'At most 120 months before the last month' } });
  const checked = checkPlanBody(input.planBody, 'draft', 1, 'planBody');
  if (!checked.ok) {
    const fields = Object.keys(checked.fieldErrors);
    return fail('validation', `The draft plan has ${fields.length === 1 ? 'a problem' : `${fields.length} problems`}: ${fields.map((f) => `${f} — ${checked.fieldErrors[f]}`).join('; ')}`, {
      fieldErrors: checked.fieldErrors,
    });
  }
  if (isIntegratorPlan(checked.body)) fail('validation', 'What-if compares commission plans; an integrator plan earns no commission.', { fieldErrors: { 'planBody.kind': 'Use a commission plan' } });
  const draft = checked.body as CommissionPlan;

  const cols = `id, company, status, format, plan_id AS planId, commission_rate_bps AS commissionRateBps, registered_on AS registeredOn`;
  const partners = (
    input.partnerIds
      ? sqlite.prepare(`SELECT ${cols} FROM partners WHERE id IN (SELECT value FROM json_each(?)) ORDER BY company COLLATE NOCASE`).all(JSON.stringify(input.partnerIds))
      : input.planId
        ? sqlite.prepare(`SELECT ${cols} FROM partners WHERE plan_id = ? ORDER BY company COLLATE NOCASE`).all(input.planId)
        : sqlite.prepare(`SELECT ${cols} FROM partners WHERE plan_id IS NOT NULL ORDER BY company COLLATE NOCASE`).all()
  ) as (Omit<PartnerRow, 'planId'> & { planId: string | null })[];

  const reader = partnerReader(sqlite);
  const to = lastDayOfMonth(input.toPeriod);
  const notes: string[] = [];
  const rows: Out['rows'] = [];
  const inRange = (period: string) => period >= input.fromPeriod && period <= input.toPeriod;
  const versionCache = new Map<string, StoredVersion | null>();
  const versionFor = (planId: string, month: string) => {
    const k = `${planId}|${month}`;
    if (!versionCache.has(k)) versionCache.set(k, versionInForce(sqlite, planId, lastDayOfMonth(month)));
    return versionCache.get(k) ?? null;
  };
  let computedPartners = 0;

  for (const p of partners) {
    if (p.format === 'integrator') {
      notes.push(`${p.company} is an integrator: it earns no commission, so it is left out`);
      continue;
    }
    computedPartners += 1;
    const customers = reader.customers(p.id);
    const lines = reader.store(p.id).between(EARLIEST_DAY, to);
    const partnerInput = reader.partnerInput({ ...p, planId: p.planId ?? '' }, today);
    const current = new Map<string, number>();
    const draftNet = new Map<string, number>();
    // Current: each month under the version in force on its last day.
    if (p.planId) {
      const byVersion = new Map<string, { version: StoredVersion; months: Set<string> }>();
      for (const month of months) {
        const v = versionFor(p.planId, month);
        if (!v || isIntegratorPlan(v.body)) continue;
        const entry = byVersion.get(v.id) ?? { version: v, months: new Set<string>() };
        entry.months.add(month);
        byVersion.set(v.id, entry);
      }
      for (const { version, months: ms } of byVersion.values()) {
        const plan = effectivePlan(version, p)!;
        for (const e of computeCommissions({ plan, partner: partnerInput, customers, lines }, today).entries) {
          if (ms.has(e.period)) current.set(e.currency, (current.get(e.currency) ?? 0) + e.amount.minor);
        }
      }
    }
    const draftPlan = p.commissionRateBps !== null && draft.rate.kind === 'flat' ? { ...draft, rate: { kind: 'flat' as const, rateBps: p.commissionRateBps } } : draft;
    for (const e of computeCommissions({ plan: draftPlan, partner: partnerInput, customers, lines }, today).entries) {
      if (inRange(e.period)) draftNet.set(e.currency, (draftNet.get(e.currency) ?? 0) + e.amount.minor);
    }
    for (const currency of [...new Set([...current.keys(), ...draftNet.keys()])].sort()) {
      const c = current.get(currency) ?? 0;
      const d = draftNet.get(currency) ?? 0;
      rows.push({ partnerId: p.id, partnerCompany: p.company, currency, currentNetMinor: c, draftNetMinor: d, differenceMinor: d - c });
    }
  }
  if (p0(partners)) notes.push('No partner to compare: choose partners, or a plan with partners assigned');
  const totals = new Map<string, { currency: string; currentNetMinor: number; draftNetMinor: number; differenceMinor: number }>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? { currency: r.currency, currentNetMinor: 0, draftNetMinor: 0, differenceMinor: 0 };
    t.currentNetMinor += r.currentNetMinor;
    t.draftNetMinor += r.draftNetMinor;
    t.differenceMinor += r.differenceMinor;
    totals.set(r.currency, t);
  }
  return { rows, totals: [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)), partners: computedPartners, notes };
}

const p0 = (xs: readonly unknown[]) => xs.length === 0;
