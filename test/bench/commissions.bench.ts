// Commission figures (issue 4), printed, not asserted. Data is generated in the run:
// 10,000 partners, 200,000 customers, 2,000,000 revenue lines (10 months, one line a
// customer a month; 1 customer in 50 has a refund instead of its last payment).
//  1. import: the revenue importer (validation, customer lookup, idempotency check, insert)
//     fed the generated lines, against a raw prepared-statement bulk insert of the same rows
//     into a copy of the same table (same indexes, same foreign key), one transaction each;
//  2. a full-period commission run (every partner, the last month), against the baseline:
//     one raw aggregate scan over the same rows — every revenue line, read from the table
//     itself, summed (gross − discount) per partner and currency. NOT INDEXED keeps it a scan
//     of the table: revenue_month_customer_idx, which the run reads, covers these columns,
//     and SQLite would scan it instead, more slowly, making the ratio look better than it is.
//     For context only, the same sum over the period's month alone, through the (customer,
//     paid_on) index: index lookups for a tenth of the rows, not the scan;
//  3. peak memory (maxRSS) of the import and of the run, each in its own process, at ¼, ½
//     and the full size, to show it stays flat as the data grows.
// `npm run bench:commissions`; BENCH_SCALE=0.05 for a quick run (default 1 = full size).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/log';
import { PRESETS, savePlanVersion } from '../../src-main/core/commissions/plans';
import { BULK_CACHE_KIB } from '../../src-main/core/commissions/bulk';
import { uuidv7 } from '../../src-main/core/commissions/ids';
import { importRevenueRows, type IncomingRow } from '../../src-main/core/commissions/revenueImport';
import { runPeriod } from '../../src-main/core/commissions/run';
import type { Session } from '../../src-main/core/context';

const FULL = { partners: 10_000, customersPerPartner: 20, months: 10 };
const USER = { workspaceName: 'Bench', displayName: 'Bench', username: 'bench', passphrase: 'bench passphrase 123', confirmPassphrase: 'bench passphrase 123' };
const PERIOD_LAST = '2026-10';
const MONTHS = Array.from({ length: FULL.months }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

const PLAN_OF = [
  { code: 'allset', format: 'affiliate', currency: 'GBP', category: 'subscription' },
  { code: 'aloware', format: 'lead_referral', currency: 'USD', category: 'subscription' },
  { code: 'messagehelp', format: 'referral', currency: 'EUR', category: 'subscription' },
  { code: 'salespartner', format: 'reseller', currency: 'USD', category: 'platform_fee' },
] as const;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (msec: number) => `${(msec / 1000).toFixed(2)} s`;
const maxRss = () => process.resourceUsage().maxRSS * 1024;
/** CPU time of this process: on a shared machine, a second view of each ratio that other processes disturb less. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Deterministic pseudo-random numbers (mulberry32), so every size gets the same shape of data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Size = { partners: number; customers: number; lines: number };
const sizeOf = (scale: number): Size => {
  const partners = Math.max(4, Math.round(FULL.partners * scale));
  const customers = partners * FULL.customersPerPartner;
  return { partners, customers, lines: customers * FULL.months };
};

/** The generated revenue, one customer at a time: the same rows for the raw insert and the importer. */
function* revenue(size: Size): Generator<{ ref: string; customer: number; paidOn: string; currency: string; category: string; gross: number; kind: 'payment' | 'refund'; refersTo: string | null }> {
  const random = rng(42);
  let n = 0;
  for (let c = 0; c < size.customers; c++) {
    const plan = PLAN_OF[Math.floor(c / FULL.customersPerPartner) % PLAN_OF.length]!;
    const day = String(1 + (c % 28)).padStart(2, '0');
    const refundsLast = c % 50 === 0;
    for (let m = 0; m < FULL.months; m++) {
      n += 1;
      const gross = 20_00 + Math.floor(random() * 2_980_00);
      const last = m === FULL.months - 1;
      // Seed 001: usage billed beside the subscription earns nothing (every 5th Aloware line).
      const category = plan.code === 'aloware' && m % 5 === 4 ? 'usage' : plan.category;
      if (last && refundsLast) {
        yield { ref: `in_${n}`, customer: c, paidOn: `${MONTHS[m]}-${day}`, currency: plan.currency, category, gross: Math.floor(gross / 2), kind: 'refund', refersTo: `in_${n - 1}` };
      } else {
        yield { ref: `in_${n}`, customer: c, paidOn: `${MONTHS[m]}-${day}`, currency: plan.currency, category, gross, kind: 'payment', refersTo: null };
      }
    }
  }
}

async function openCore(dir: string, create: boolean): Promise<{ core: Core; session: Session }> {
  const core = createCore({ workspaceDir: dir, log: silentLogger, now: () => new Date('2026-11-15T09:00:00Z') });
  const r = create ? await core.dispatch('workspace.create', USER) : await core.dispatch('workspace.unlock', { username: USER.username, passphrase: USER.passphrase });
  if (!r.ok) throw new Error(r.error.message);
  return { core, session: core.context.session! };
}

/** Programmes, plans, partners and customers (setup, not measured). */
function setup(session: Session, size: Size) {
  const { sqlite } = session.open;
  sqlite.transaction(() => {
    const planIds = new Map<string, string>();
    for (const p of PLAN_OF) {
      const programmeId = randomUUID();
      sqlite.prepare('INSERT INTO programmes (id, code, name, currency) VALUES (?, ?, ?, ?)').run(programmeId, p.code, p.code, p.currency);
      const preset = PRESETS.find((x) => x.code === p.code)!;
      const saved = savePlanVersion({ open: session.open, userId: null }, { code: p.code, name: preset.body.name, programmeId, effectiveFrom: '2025-01-01', body: preset.body as never, note: 'bench' }, '2026-11-15T09:00:00Z');
      planIds.set(p.code, saved.planId);
      planIds.set(`${p.code}:programme`, programmeId);
    }
    const insPartner = sqlite.prepare(
      `INSERT INTO partners (id, programme_id, company, format, status, registered_on, created_at, plan_id) VALUES (?, ?, ?, ?, 'active', '2025-06-01', '2026-01-01', ?)`,
    );
    const insCustomer = sqlite.prepare(
      'INSERT INTO customers (id, partner_id, external_ref, name, attribution, sign_up_on, closed_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let c = 0;
    for (let p = 0; p < size.partners; p++) {
      const plan = PLAN_OF[p % PLAN_OF.length]!;
      const partnerId = `partner-${String(p).padStart(6, '0')}`;
      insPartner.run(partnerId, planIds.get(`${plan.code}:programme`), `Partner ${p}`, plan.format, planIds.get(plan.code));
      for (let k = 0; k < FULL.customersPerPartner; k++, c++) {
        const signUp = `2025-12-${String(1 + (c % 28)).padStart(2, '0')}`;
        insCustomer.run(`customer-${c}`, partnerId, `cus_${c}`, `Customer ${c}`, plan.code === 'messagehelp' ? 'promo_code' : 'referral_link', signUp, plan.code === 'aloware' ? '2025-12-31' : null);
      }
    }
  })();
}

/** Raw baseline: the same rows, already resolved, into a copy of revenue_lines (same indexes and foreign key). */
function rawInsert(session: Session, size: Size): number {
  const { sqlite } = session.open;
  const ddl = sqlite.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'revenue_lines' AND sql IS NOT NULL").pluck().all() as string[];
  for (const sql of ddl) sqlite.exec(sql.replace(/revenue_lines/g, 'raw_revenue_lines').replace(/(INDEX [`"]?)(\w+)/, '$1raw_$2'));
  const insert = sqlite.prepare(
    `INSERT INTO raw_revenue_lines (id, customer_id, external_ref, paid_on, currency, category, product, gross_minor, discount_minor, kind, refers_to, product_id, price_id, cash_received, source)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, 0, ?, ?, NULL, NULL, 1, 'raw')`,
  );
  // The same ids (time-ordered) and the same page cache as the importer, so only the work differs.
  const cache = sqlite.pragma('cache_size', { simple: true });
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  const t0 = performance.now();
  sqlite.transaction(() => {
    const ids = new Map<string, string>();
    for (const r of revenue(size)) {
      const id = uuidv7();
      if (r.kind === 'payment') {
        ids.set(r.ref, id);
        if (ids.size > 64) ids.delete(ids.keys().next().value!);
      }
      insert.run(id, `customer-${r.customer}`, r.ref, r.paidOn, r.currency, r.category, r.gross, r.kind, r.refersTo ? ids.get(r.refersTo)! : null);
    }
  })();
  const ms = performance.now() - t0;
  sqlite.pragma(`cache_size = ${cache}`);
  return ms;
}

function* importRows(size: Size): Generator<IncomingRow> {
  let line = 1;
  for (const r of revenue(size)) {
    line += 1;
    yield {
      line,
      raw: {
        external_ref: r.ref, customer_ref: `cus_${r.customer}`, paid_on: r.paidOn, currency: r.currency, category: r.category,
        gross: `${Math.floor(r.gross / 100)}.${String(r.gross % 100).padStart(2, '0')}`, discount: '0', kind: r.kind, refers_to: r.refersTo ?? '', cash_received: 'true',
      },
    };
  }
}

/** Child process: build the workspace, time raw insert and import. */
async function build(dir: string, scale: number) {
  const size = sizeOf(scale);
  const { core, session } = await openCore(dir, true);
  setup(session, size);
  const checkpoint = () => session.open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  checkpoint();
  const rssBefore = maxRss();
  const c0 = cpuMs();
  const raw = rawInsert(session, size);
  const rawCpu = cpuMs() - c0;
  session.open.sqlite.exec('DROP TABLE raw_revenue_lines');
  checkpoint();
  const c1 = cpuMs();
  const t0 = performance.now();
  const result = importRevenueRows(session, importRows(size), { commit: true, fileName: 'generated.csv', source: 'bench', nowIso: '2026-11-15T09:00:00Z' });
  const imported = performance.now() - t0;
  const importedCpu = cpuMs() - c1;
  if (!result.committed || result.newLines !== size.lines) throw new Error(`import failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const t1 = performance.now();
  const again = importRevenueRows(session, importRows({ ...size, customers: Math.ceil(size.customers / 10) }), { commit: true, fileName: 'again.csv', source: 'bench', nowIso: '2026-11-15T09:00:00Z' });
  const reimport = performance.now() - t1;
  session.open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  return { size, raw, rawCpu, imported, importedCpu, reimportLines: again.unchanged, reimport, rssBefore, rssAfterImport: maxRss() };
}

/** Child process: time the raw scans and a full-period run (one process, so maxRSS is the run's own). */
async function run(dir: string) {
  const { core, session } = await openCore(dir, false);
  const { sqlite } = session.open;
  const rssOpen = maxRss();
  const scan = (lines: string, where: string) => {
    const c0 = cpuMs();
    const t0 = performance.now();
    const rows = sqlite
      .prepare(
        `SELECT c.partner_id, l.currency, sum(l.gross_minor - l.discount_minor) AS net, count(*) AS n
         FROM ${lines} JOIN customers c ON c.id = l.customer_id ${where} GROUP BY c.partner_id, l.currency`,
      )
      .all() as { n: number }[];
    return { ms: performance.now() - t0, cpuMs: cpuMs() - c0, groups: rows.length, rows: rows.reduce((a, r) => a + r.n, 0) };
  };
  const monthScan = scan('revenue_lines l', `WHERE l.paid_on BETWEEN '${PERIOD_LAST}-01' AND '${PERIOD_LAST}-31'`);
  const fullScan = scan('revenue_lines l NOT INDEXED', '');
  const rssScan = maxRss();
  const c0 = cpuMs();
  const t0 = performance.now();
  const summary = runPeriod(session.open, { period: PERIOD_LAST, today: '2026-11-15', nowIso: '2026-11-15T09:00:00Z', userId: null });
  const runMs = performance.now() - t0;
  const runCpuMs = cpuMs() - c0;
  const rssRun = maxRss();
  const t1 = performance.now();
  const rerun = runPeriod(session.open, { period: PERIOD_LAST, today: '2026-11-15', nowIso: '2026-11-15T09:00:00Z', userId: null });
  const rerunMs = performance.now() - t1;
  core.close();
  return { monthScan, fullScan, runMs, runCpuMs, rerunMs, entries: summary.entriesAdded, rerunAdded: rerun.entriesAdded + rerun.adjustmentsAdded, partners: summary.partners, rssOpen, rssScan, rssRun };
}

function child(mode: 'build' | 'run', dir: string, scale: number) {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, mode, dir, String(scale)], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${mode} at scale ${scale} failed (${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

async function main() {
  const [mode, dir, scale] = process.argv.slice(2);
  if (mode === 'build') return console.log(JSON.stringify(await build(dir!, Number(scale))));
  if (mode === 'run') return console.log(JSON.stringify(await run(dir!)));

  const base = Number(process.env.BENCH_SCALE ?? '1');
  const scales = [base / 4, base / 2, base];
  console.log(`Commission benchmark (node ${process.version}, ${process.platform}); sizes ¼, ½ and 1 × ${base} of 10,000 partners / 200,000 customers / 2,000,000 lines`);
  const results = [];
  for (const sc of scales) {
    const dir = mkdtempSync(join(tmpdir(), 'partnerdesk-bench-commissions-'));
    try {
      const b = child('build', dir, sc);
      const r = child('run', dir, sc);
      results.push({ sc, b, r });
      const { size } = b;
      console.log(`\n${size.partners.toLocaleString('en')} partners, ${size.customers.toLocaleString('en')} customers, ${size.lines.toLocaleString('en')} revenue lines`);
      console.log(`  import: raw prepared insert ${s(b.raw)}; importer ${s(b.imported)} → ${(b.imported / b.raw).toFixed(2)}× (target ≤ 2×; CPU time ${(b.importedCpu / b.rawCpu).toFixed(2)}×); ${Math.round(size.lines / (b.imported / 1000)).toLocaleString('en')} lines/s`);
      console.log(`          re-import of ${b.reimportLines.toLocaleString('en')} known lines (all unchanged): ${s(b.reimport)}`);
      console.log(`  run ${PERIOD_LAST}: ${r.partners.toLocaleString('en')} partners, ${r.entries.toLocaleString('en')} entries in ${s(r.runMs)}; rerun ${s(r.rerunMs)} added ${r.rerunAdded}`);
      console.log(`          raw aggregate scan of all rows (${r.fullScan.rows.toLocaleString('en')} rows, ${r.fullScan.groups.toLocaleString('en')} groups) ${s(r.fullScan.ms)} → run ${(r.runMs / r.fullScan.ms).toFixed(2)}× (target ≤ 3×; CPU time ${(r.runCpuMs / r.fullScan.cpuMs).toFixed(2)}×)`);
      console.log(`          context, not the target: raw aggregate of the month's rows only (${r.monthScan.rows.toLocaleString('en')} rows by index) ${s(r.monthScan.ms)} → run ${(r.runMs / r.monthScan.ms).toFixed(2)}×`);
      console.log(`  peak memory (maxRSS): import process ${mb(b.rssAfterImport)} (${mb(b.rssBefore)} before the inserts: +${mb(b.rssAfterImport - b.rssBefore)}); run process ${mb(r.rssRun)} (${mb(r.rssScan)} after unlock and the raw scans: +${mb(r.rssRun - r.rssScan)})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('\nSummary (ratios: lower is better; memory: peak RSS of the process, and what the run / the import added to it):');
  for (const { sc, b, r } of results) {
    console.log(
      `  × ${String(sc).padEnd(5)} import ${(b.imported / b.raw).toFixed(2)}× raw insert; run ${(r.runMs / r.fullScan.ms).toFixed(2)}× raw scan (month only: ${(r.runMs / r.monthScan.ms).toFixed(2)}×); ` +
        `run process ${mb(r.rssRun)} (+${mb(r.rssRun - r.rssScan)}), import process ${mb(b.rssAfterImport)} (+${mb(b.rssAfterImport - b.rssBefore)})`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
