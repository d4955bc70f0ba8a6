// Partner list figures, printed, not asserted: 100,000 partners in an encrypted workspace,
// read through the core's dispatch one window at a time (as the list screen does), against
// one raw SQL query that reads all 100,000 rows, in the same run.
// Run with `npm run bench:partners`.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/log';

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 100_000);
const RUNS = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;

const words = ['Apex', 'Blue', 'Cedar', 'Delta', 'Ember', 'Fern', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kite', 'Lark', 'Maple', 'Nova', 'Orbit', 'Pine', 'Quartz', 'River', 'Summit', 'Tidal'];
const kinds = ['Field Services', 'Consulting', 'Resellers', 'Media', 'Integrations', 'Partners', 'Labs', 'Group', 'Studio', 'Systems'];
const countries = ['GB', 'US', 'DE', 'EE', 'PL', 'ES', 'FR', 'NL', 'IE', 'SE'];
const statuses = ['applicant', 'onboarding', 'active', 'active', 'active', 'suspended', 'terminated'];
const programmes = [
  { code: 'allset', name: 'AllSet affiliate programme', currency: 'GBP', format: 'affiliate' },
  { code: 'aloware', name: 'Aloware affiliate & lead referral', currency: 'USD', format: 'lead_referral' },
  { code: 'messagehelp', name: 'Message.Help partners', currency: 'EUR', format: 'referral' },
  { code: 'salespartner', name: 'Sales partner programme', currency: 'USD', format: 'reseller' },
];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'partnerdesk-bench-partners-'));
  const core = createCore({ workspaceDir: dir, log: silentLogger });
  try {
    const created = await core.dispatch('workspace.create', {
      workspaceName: 'Bench',
      displayName: 'Bench',
      username: 'bench',
      passphrase: 'bench passphrase 123',
      confirmPassphrase: 'bench passphrase 123',
    });
    if (!created.ok) throw new Error(created.error.message);
    const { sqlite } = core.context.session!.open;

    // ── 1. Generate the partners: prepared statements in one transaction ──
    const programmeIds = programmes.map((p) => {
      const id = randomUUID();
      sqlite.prepare('INSERT INTO programmes (id, code, name, currency) VALUES (?, ?, ?, ?)').run(id, p.code, p.name, p.currency);
      return id;
    });
    const insPartner = sqlite.prepare(
      `INSERT INTO partners (id, programme_id, company, format, status, contact_name, contact_email, country, registered_on, created_at, stripe_account_state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insContact = sqlite.prepare('INSERT INTO partner_contacts (id, partner_id, name, email, phone, role, is_primary) VALUES (?, ?, ?, ?, ?, ?, 1)');
    const insCustomer = sqlite.prepare('INSERT INTO customers (id, partner_id, external_ref, name, sign_up_on) VALUES (?, ?, ?, ?, ?)');
    const t0 = performance.now();
    let customers = 0;
    sqlite.transaction(() => {
      for (let i = 0; i < PARTNERS; i++) {
        const id = randomUUID();
        const pi = i % programmes.length;
        const company = `${words[i % 20]} ${words[Math.floor(i / 20) % 20]} ${kinds[Math.floor(i / 400) % 10]} ${i}`;
        const email = `owner${i}@${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
        const registered = new Date(Date.UTC(2020, 0, 1) + ((i * 7919) % 2400) * 86_400_000).toISOString().slice(0, 10);
        insPartner.run(id, programmeIds[pi], company, programmes[pi]!.format, statuses[i % statuses.length], `Owner ${i}`, email, countries[(i * 31) % 10], registered, '2026-01-01T00:00:00.000Z', i % 3 ? 'enabled' : 'none');
        insContact.run(randomUUID(), id, `Owner ${i}`, email, '', 'Partner manager');
        for (let c = 0; c < i % 4; c++) insCustomer.run(randomUUID(), id, `cus-${i}-${c}`, `Customer ${i}-${c}`, registered);
        customers += i % 4;
      }
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.exec('ANALYZE');
    const insertMs = performance.now() - t0;
    console.log(`Partnerdesk partner list benchmark (${PARTNERS.toLocaleString('en-GB')} partners, encrypted workspace)\n`);
    console.log(`Generated ${PARTNERS.toLocaleString('en-GB')} partners + ${PARTNERS.toLocaleString('en-GB')} contacts + ${customers.toLocaleString('en-GB')} customers in one transaction: ${ms(insertMs)}\n`);

    // ── 2. The raw baseline: one SELECT of every row ──
    const rawSql = `SELECT p.id, p.company, p.programme_id, p.format, p.status, p.contact_name, p.contact_email, p.country, p.registered_on, p.stripe_account_state FROM partners p`;
    const raw = (sql: string) => {
      const times: number[] = [];
      let n = 0;
      for (let r = 0; r < RUNS; r++) {
        const s = performance.now();
        n = sqlite.prepare(sql).all().length;
        times.push(performance.now() - s);
      }
      return { median: median(times), rows: n };
    };
    const rawAll = raw(rawSql);
    const rawSorted = raw(`${rawSql} ORDER BY p.company COLLATE NOCASE, p.id`);

    // ── 3. Windows through the core's dispatch, as the list screen asks for them ──
    const cases: Array<[string, object]> = [
      ['first window, 100 rows by company', { limit: 100, sort: [{ id: 'company', desc: false }] }],
      ['re-sort: registered date, newest first', { limit: 100, sort: [{ id: 'registeredOn', desc: true }] }],
      ['re-sort: country, then company', { limit: 100, sort: [{ id: 'country', desc: false }, { id: 'company', desc: false }] }],
      ['re-sort: programme', { limit: 100, sort: [{ id: 'programme', desc: false }] }],
      ['re-sort: customers, most first', { limit: 100, sort: [{ id: 'customers', desc: true }] }],
      ['middle window (offset 50,000) by company', { offset: Math.floor(PARTNERS / 2), limit: 100, sort: [{ id: 'company', desc: false }] }],
      ['last window (offset 99,900) by company', { offset: Math.max(0, PARTNERS - 100), limit: 100, sort: [{ id: 'company', desc: false }] }],
      ['filter: status active, by registered date', { limit: 100, sort: [{ id: 'registeredOn', desc: true }], filters: { status: ['active'] } }],
      ['global search "juniper" (company)', { limit: 100, globalSearch: 'juniper' }],
      ['global search "owner4242@" (e-mail)', { limit: 100, globalSearch: 'owner4242@' }],
    ];
    const measure = async () => {
      const out: Array<{ name: string; cold: number; warm: number; total: number }> = [];
      for (const [name, input] of cases) {
        let total = 0;
        const times: number[] = [];
        for (let r = 0; r < RUNS + 1; r++) {
          const s = performance.now();
          const res = await core.dispatch('partners.list', input);
          times.push(performance.now() - s);
          if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
          total = (res.value as { total: number }).total;
        }
        out.push({ name, cold: times[0]!, warm: median(times.slice(1)), total });
      }
      return out;
    };
    const print = (rows: Awaited<ReturnType<typeof measure>>) => {
      const pad = Math.max(...rows.map((r) => r.name.length)) + 2;
      for (const r of rows) {
        console.log(
          `  ${r.name.padEnd(pad)} ${ms(r.cold).padStart(9)} / ${ms(r.warm).padStart(9)}   ×${(r.warm / rawAll.median).toFixed(3)}   (${r.total.toLocaleString('en-GB')} match)`,
        );
      }
    };
    const rows = await measure();

    console.log(`Raw SQL, one query returning all rows (median of ${RUNS}):`);
    console.log(`  SELECT of all ${rawAll.rows.toLocaleString('en-GB')} rows, no order        ${ms(rawAll.median)}`);
    console.log(`  SELECT of all ${rawSorted.rows.toLocaleString('en-GB')} rows by company       ${ms(rawSorted.median)}\n`);
    console.log(`partners.list through core.dispatch (first call / median of ${RUNS} more; ratio = median ÷ raw SELECT of all rows):`);
    print(rows);

    // ── 4. How SQLite answers each ordering: index walk or a sort of every row ──
    console.log('\nQuery plans of the windowed query (SCAN … USING INDEX = walks an index in order; TEMP B-TREE = sorts every matching row):');
    const plans: Array<[string, string]> = [
      ['company', 'ORDER BY p.company COLLATE NOCASE ASC, p.id ASC'],
      ['registeredOn', 'ORDER BY p.registered_on DESC, p.id DESC'],
      ['country', 'ORDER BY p.country ASC, p.company COLLATE NOCASE ASC, p.id ASC'],
      ['status filter', "WHERE p.status IN ('active') ORDER BY p.registered_on DESC, p.id DESC"],
    ];
    for (const [name, tail] of plans) {
      const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT p.id FROM partners p ${tail} LIMIT 100`).all() as Array<{ detail: string }>;
      console.log(`  ${name.padEnd(14)} ${plan.map((p) => p.detail).join(' · ')}`);
    }
    const indexes = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('partners', 'partner_contacts', 'customers') AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
    console.log('\nIndexes present:');
    for (const i of indexes) console.log(`  ${i.sql}`);

  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
