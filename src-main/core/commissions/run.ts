import { randomUUID } from 'node:crypto';
import { lastDayOfMonth } from '../../../src-shared/commissions/calendar';
import type { RunSummary } from '../../../src-shared/commissions/contract';
import { computeCommissions } from '../../../src-shared/commissions/engine';
import { CommissionInputError } from '../../../src-shared/commissions/input';
import { describeMoney } from '../../../src-shared/commissions/explain';
import type { CommissionPlan } from '../../../src-shared/commissions/plan';
import type { LedgerEntry } from '../../../src-shared/commissions/ledger';
import { linesForPeriod } from '../../../src-shared/commissions/periodSlice';
import { isIntegratorPlan } from '../../../src-shared/commissions/planBody';
import { money } from '../../../src-shared/money/money';
import type { CurrencyCode } from '../../../src-shared/money/currency';
import { recordAudit } from '../audit';
import type { OpenDb, Sqlite } from '../../db/open';
import { batchInsert } from './batchInsert';
import { withBulkCache, withoutForeignKeyChecks } from './bulk';
import { computeIntegrator, movementsToWrite } from './integrator';
import { normalizeProductLine, partnerReader, type PartnerRow } from './partnerFacts';
import { versionInForce, type StoredVersion } from './plans';

// The period run: every partner with a plan, one at a time (memory stays flat however
// many partners there are), computed by the pure engine and appended to the ledger.
// - a new entry key is inserted;
// - a key whose computed amount differs from what the ledger holds for it gets an
//   'adjustment' entry with the difference — an amount is never updated;
// - holds (when an entry may be paid) are upserted: they move when facts arrive;
// - programme costs and integrator movements are inserted by key.
// So a rerun of the same period with the same data adds nothing.

export type RunOptions = { period: string; partnerIds?: string[]; today: string; nowIso: string; userId: string | null };

/** A partner's plan for a period, with seed 003's per-reseller rate ("configured per reseller by super admins"). */
export function effectivePlan(version: StoredVersion, partner: Pick<PartnerRow, 'commissionRateBps'>): CommissionPlan | null {
  const body = version.body;
  if (isIntegratorPlan(body)) return null;
  const plan: CommissionPlan = body.productLineRates.length
    ? { ...body, productLineRates: body.productLineRates.map((r) => ({ ...r, productLine: normalizeProductLine(r.productLine) })) }
    : body;
  if (partner.commissionRateBps !== null && plan.rate.kind === 'flat') return { ...plan, rate: { kind: 'flat', rateBps: partner.commissionRateBps } };
  return plan;
}

type Existing = {
  key: string; rule: string; reversesKey: string | null; amountMinor: number; baseMinor: number; customerId: string; revenueLineId: string;
  currency: string; occurredOn: string; holdUntil: string | null; holdReason: string | null;
};

function statements(sqlite: Sqlite, run: { period: string; runId: string; nowIso: string }) {
  return {
    // Entries and holds are written in batches (see batchInsert.ts), in the order computed.
    insertEntry: batchInsert(
      sqlite,
      `INSERT INTO ledger_entries (key, partner_id, customer_id, revenue_line_id, occurred_on, period, currency, base_minor, rate_bps, tier,
                                   plan_version_id, amount_minor, rule, explanation, reverses_key, run_id, created_at)`,
      '(?, ?, ?, ?, ?, @period, ?, ?, ?, ?, ?, ?, ?, ?, ?, @runId, @createdAt)',
      '',
      { period: run.period, runId: run.runId, createdAt: run.nowIso },
    ),
    existing: sqlite.prepare(
      `SELECT e.key, e.rule, e.reverses_key AS reversesKey, e.amount_minor AS amountMinor, e.base_minor AS baseMinor, e.customer_id AS customerId,
              e.revenue_line_id AS revenueLineId, e.currency, e.occurred_on AS occurredOn, h.hold_until AS holdUntil, h.hold_reason AS holdReason
       FROM ledger_entries e LEFT JOIN ledger_holds h ON h.entry_key = e.key WHERE e.partner_id = ? AND e.period = ?`,
    ),
    periodHasEntries: sqlite.prepare('SELECT 1 FROM ledger_entries WHERE period = ? LIMIT 1').pluck(),
    upsertHold: batchInsert(
      sqlite,
      'INSERT INTO ledger_holds (entry_key, hold_until, hold_reason, updated_at)',
      '(?, ?, ?, @updatedAt)',
      'ON CONFLICT (entry_key) DO UPDATE SET hold_until = excluded.hold_until, hold_reason = excluded.hold_reason, updated_at = excluded.updated_at',
      { updatedAt: run.nowIso },
    ),
    insertCost: sqlite.prepare(
      `INSERT INTO programme_costs (key, partner_id, customer_id, occurred_on, period, currency, amount_minor, rule, explanation, run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
    ),
    insertMovement: sqlite.prepare(
      `INSERT INTO integrator_movements (key, partner_id, customer_id, occurred_on, kind, account, currency, amount_minor, reference, explanation, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, NULL) ON CONFLICT (key) DO NOTHING`,
    ),
  };
}

const adjustmentKey = (key: string, n: number) => `${key}:adjustment#${n}`;

export function runPeriod(open: OpenDb, opts: RunOptions): RunSummary {
  const { sqlite, db } = open;
  const { period, today, nowIso } = opts;
  const start = `${period}-01`;
  const end = lastDayOfMonth(period);
  const runId = randomUUID();
  const reader = partnerReader(sqlite);
  const st = statements(sqlite, { period, runId, nowIso });
  const versions = new Map<string, StoredVersion | null>();
  const notes: string[] = [];
  const totals = new Map<string, number>();
  let partners = 0;
  let entriesAdded = 0;
  let adjustmentsAdded = 0;
  let costsAdded = 0;
  let movementsAdded = 0;

  const addTotal = (currency: string, minor: number) => totals.set(currency, (totals.get(currency) ?? 0) + minor);

  const insertEntry = (e: LedgerEntry, partnerId: string, planVersionId: string, rule: string, key: string, amountMinor: number, baseMinor: number, explanation: string, reversesKey: string | null) => {
    st.insertEntry.add(key, partnerId, e.customerId, e.revenueLineId, e.occurredOn, e.currency, baseMinor, e.rateBps, e.tier, planVersionId, amountMinor, rule, explanation, reversesKey);
    addTotal(e.currency, amountMinor);
  };

  const work = () => {
    // Read inside the transaction, like everything the entries refer to (see withoutForeignKeyChecks).
    const where = opts.partnerIds ? `AND id IN (SELECT value FROM json_each(?))` : '';
    const partnerRows = sqlite
      .prepare(
        `SELECT id, company, status, format, plan_id AS planId, commission_rate_bps AS commissionRateBps, registered_on AS registeredOn
         FROM partners WHERE plan_id IS NOT NULL ${where} ORDER BY id`,
      )
      .all(...(opts.partnerIds ? [JSON.stringify(opts.partnerIds)] : [])) as PartnerRow[];

    // First run of a period: nothing to compare with, so no per-partner lookups of the ledger.
    const periodIsNew = st.periodHasEntries.get(period) === undefined;
    sqlite
      .prepare('INSERT INTO commission_runs (id, period, as_of, started_at, started_by) VALUES (?, ?, ?, ?, ?)')
      .run(runId, period, today, nowIso, opts.userId);

    for (const partner of partnerRows) {
      let version = versions.get(partner.planId);
      if (version === undefined) {
        version = versionInForce(sqlite, partner.planId, end);
        versions.set(partner.planId, version);
      }
      if (!version) {
        notes.push(`${partner.company}: its plan has no version in force on ${end}; nothing computed`);
        continue;
      }
      partners += 1;

      if (isIntegratorPlan(version.body)) {
        // Seed 002 integrator: charges and bonus movements, judged as of the period's end (or today, if earlier).
        const asOf = today < end ? today : end;
        const statement = computeIntegrator(sqlite, partner, version.body, asOf);
        for (const m of movementsToWrite(partner.id, statement, start, end)) {
          const info = st.insertMovement.run(m.key, partner.id, m.customerId, m.occurredOn, m.kind, m.account, m.currency, m.amountMinor, m.explanation, nowIso);
          movementsAdded += info.changes;
        }
        for (const p of statement.problems) if (p.severity === 'rejected') notes.push(`${partner.company}: ${p.message}`);
        continue;
      }

      const plan = effectivePlan(version, partner)!;
      // Customers and the period's lines in one read; linesForPeriod reads more only when the
      // plan needs it (full history, or the months of refunded payments).
      const { customers, lines: monthLines } = reader.customersWithLines(partner.id, start, end);
      const lines = linesForPeriod(plan, period, reader.store(partner.id, { from: start, to: end, lines: monthLines }));
      if (lines.length === 0 && !plan.clientIncentive) continue;
      let result: ReturnType<typeof computeCommissions>;
      try {
        result = computeCommissions({ plan, partner: reader.partnerInput(partner, today), customers, lines }, today);
      } catch (e) {
        // One partner's unusable data (say, a line from another source with a discount above its
        // gross) must not hold up everyone else's run: it is skipped and named in the notes.
        if (!(e instanceof CommissionInputError)) throw e;
        notes.push(`${partner.company}: not computed — ${e.message}`);
        partners -= 1;
        continue;
      }
      const computed = result.entries.filter((e) => e.period === period);

      if (!periodIsNew) {
        st.insertEntry.flush();
        st.upsertHold.flush();
      }
      const existing = periodIsNew ? [] : (st.existing.all(partner.id, period) as Existing[]);
      if (existing.length === 0) {
        for (const e of computed) {
          insertEntry(e, partner.id, version.id, e.rule, e.key, e.amount.minor, e.base.minor, e.explanation, e.reverses ?? null);
          st.upsertHold.add(e.key, e.holdUntil, e.holdReason);
          entriesAdded += 1;
        }
      } else {
        // What the ledger holds per key: the entry plus its adjustments.
        const held = new Map<string, { amount: number; base: number; adjustments: number; row: Existing }>();
        for (const r of existing) if (r.rule !== 'adjustment') held.set(r.key, { amount: r.amountMinor, base: r.baseMinor, adjustments: 0, row: r });
        for (const r of existing) {
          if (r.rule !== 'adjustment' || !r.reversesKey) continue;
          const h = held.get(r.reversesKey);
          if (h) {
            h.amount += r.amountMinor;
            h.base += r.baseMinor;
            h.adjustments += 1;
          }
        }
        const seen = new Set<string>();
        for (const e of computed) {
          seen.add(e.key);
          const h = held.get(e.key);
          if (!h) {
            insertEntry(e, partner.id, version.id, e.rule, e.key, e.amount.minor, e.base.minor, e.explanation, e.reverses ?? null);
            st.upsertHold.add(e.key, e.holdUntil, e.holdReason);
            entriesAdded += 1;
            continue;
          }
          if (h.amount !== e.amount.minor) {
            const diff = e.amount.minor - h.amount;
            const key = adjustmentKey(e.key, h.adjustments + 1);
            const was = describeMoney(money(e.currency, h.amount));
            const now = describeMoney(e.amount);
            const explanation = `Adjustment of ${describeMoney(money(e.currency, diff))}: recomputed at ${now} (was ${was}) — ${e.explanation}`;
            insertEntry(e, partner.id, version.id, 'adjustment', key, diff, e.base.minor - h.base, explanation, e.key);
            st.upsertHold.add(key, e.holdUntil, e.holdReason);
            adjustmentsAdded += 1;
          }
          const hold = h.row;
          if (hold.holdReason === null || hold.holdUntil !== e.holdUntil || hold.holdReason !== e.holdReason) {
            st.upsertHold.add(e.key, e.holdUntil, e.holdReason);
            for (let n = 1; n <= h.adjustments + (h.amount !== e.amount.minor ? 1 : 0); n++) st.upsertHold.add(adjustmentKey(e.key, n), e.holdUntil, e.holdReason);
          }
        }
        // An entry the engine no longer produces (the line is now excluded): bring it back to zero.
        const excluded = new Map(result.excluded.map((x) => [x.revenueLineId, x.explanation]));
        for (const [key, h] of held) {
          if (seen.has(key) || h.amount === 0) continue;
          const r = h.row;
          const adj = adjustmentKey(key, h.adjustments + 1);
          const why = excluded.get(r.revenueLineId) ?? 'the line no longer earns under the plan in force';
          const explanation = `Adjustment of ${describeMoney(money(r.currency as CurrencyCode, -h.amount))}: no longer earned — ${why}`;
          st.insertEntry.add(adj, partner.id, r.customerId, r.revenueLineId, r.occurredOn, r.currency, -h.base, 0, null, version.id, -h.amount, 'adjustment', explanation, key);
          addTotal(r.currency, -h.amount);
          st.upsertHold.add(adj, r.holdReason === null ? r.occurredOn : r.holdUntil, r.holdReason ?? '');
          adjustmentsAdded += 1;
        }
      }
      for (const c of result.costs) {
        if (c.period !== period) continue;
        costsAdded += st.insertCost.run(c.key, partner.id, c.customerId, c.occurredOn, c.period, c.amount.currency, c.amount.minor, c.rule, c.explanation, runId).changes;
      }
    }

    st.insertEntry.flush();
    st.upsertHold.flush();
    sqlite
      .prepare('UPDATE commission_runs SET finished_at = ?, partners = ?, entries_added = ?, adjustments_added = ? WHERE id = ?')
      .run(nowIso, partners, entriesAdded, adjustmentsAdded, runId);
    recordAudit(db, {
      at: nowIso,
      userId: opts.userId,
      action: 'commissions.run',
      entity: 'commission_run',
      entityId: runId,
      detail: { period, asOf: today, partners, entriesAdded, adjustmentsAdded, costsAdded, movementsAdded },
    });
  };
  // Every id an entry refers to is read in this transaction, so SQLite's five parent-key
  // lookups per entry are skipped (bulk.ts); commissions.periodReads.test.ts checks the result.
  withBulkCache(sqlite, () => withoutForeignKeyChecks(sqlite, () => sqlite.transaction(work)()));

  return {
    runId,
    period,
    asOf: today,
    startedAt: nowIso,
    finishedAt: nowIso,
    startedBy: opts.userId,
    partners,
    entriesAdded,
    adjustmentsAdded,
    costsAdded,
    movementsAdded,
    totals: [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, minor]) => ({ currency, minor })),
    notes,
  };
}
