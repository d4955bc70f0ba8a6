import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerPage, PartnerRow, SavedView } from '../../src-shared/partners/contract';
import { ADMIN, tempCore } from '../support/tempWorkspace';

// The partner list is windowed, sorted, filtered and searched in the database; these tests
// compare each answer with the same question asked of the whole set in plain JavaScript.

const statuses = ['applicant', 'onboarding', 'active', 'suspended', 'terminated'] as const;
const countries = ['GB', 'US', 'DE', 'EE', 'PL'];
const words = ['alpha', 'Bravo', 'charlie', 'Delta', 'echo', 'Foxtrot', 'golf', 'Hotel', 'india', 'Juliett'];

interface Seeded {
  id: string;
  company: string;
  programmeId: string;
  format: string;
  status: string;
  country: string;
  registeredOn: string;
  contactEmail: string;
}

let t: ReturnType<typeof tempCore>;
let seeded: Seeded[];
let programmes: { allset: string; messagehelp: string };
let contactOnly: Seeded;

async function list(input: object): Promise<PartnerPage> {
  return t.call('partners.list', input);
}
const ids = (rows: PartnerRow[]) => rows.map((r) => r.id);
const byCompany = (a: Seeded, b: Seeded) => {
  const x = a.company.toLowerCase();
  const y = b.company.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
};

beforeAll(async () => {
  t = tempCore();
  await t.call('workspace.create', ADMIN);
  const { sqlite } = t.core.context.session!.open;
  programmes = { allset: randomUUID(), messagehelp: randomUUID() };
  sqlite.prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'allset', 'AllSet affiliate programme', 'GBP')").run(programmes.allset);
  sqlite.prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'messagehelp', 'Message.Help partners', 'EUR')").run(programmes.messagehelp);
  const ins = sqlite.prepare(
    `INSERT INTO partners (id, programme_id, company, format, status, contact_name, contact_email, country, registered_on, created_at)
     VALUES (@id, @programmeId, @company, @format, @status, 'Pat', @contactEmail, @country, @registeredOn, '2026-01-01T00:00:00.000Z')`,
  );
  seeded = [];
  for (let i = 0; i < 250; i++) {
    const mh = i % 3 === 0;
    const p: Seeded = {
      id: randomUUID(),
      // Duplicated names (i % 200) exercise the id tie-break; mixed case exercises NOCASE.
      company: `${words[i % 10]} ${words[Math.floor(i / 10) % 10]} ${String(i % 200).padStart(3, '0')}`,
      programmeId: mh ? programmes.messagehelp : programmes.allset,
      format: mh ? (i % 2 ? 'integrator' : 'referral') : 'affiliate',
      status: statuses[i % 5]!,
      country: countries[i % 5]!,
      registeredOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      contactEmail: `owner${i}@partner${i}.example`,
    };
    seeded.push(p);
    ins.run(p);
  }
  // A literal % in a name, and a contact whose e-mail is not the primary one.
  const pct = { ...seeded[0]!, id: randomUUID(), company: '100% Growth Ltd', contactEmail: 'hi@growth.example' };
  ins.run(pct);
  seeded.push(pct);
  contactOnly = seeded[7]!;
  sqlite.prepare("INSERT INTO partner_contacts (id, partner_id, name, email, is_primary) VALUES (?, ?, 'Quinn', 'quinn@zebra-finance.example', 0)").run(randomUUID(), contactOnly.id);
  const cus = sqlite.prepare("INSERT INTO customers (id, partner_id, external_ref, name, sign_up_on) VALUES (?, ?, ?, 'C', '2025-05-01')");
  for (let i = 0; i < 3; i++) cus.run(randomUUID(), seeded[42]!.id, `cus-${i}`);
});
afterAll(() => t?.cleanup());

describe('the partner list', () => {
  it('answers the first window sorted by company, case-insensitively, with the total', async () => {
    const page = await list({ limit: 50 });
    expect(page.total).toBe(seeded.length);
    expect(page.offset).toBe(0);
    expect(ids(page.rows)).toEqual(ids([...seeded].sort(byCompany).slice(0, 50) as unknown as PartnerRow[]));
  });

  it('windows join up without gaps or overlaps', async () => {
    const windows = await Promise.all([0, 100, 200].map((offset) => list({ offset, limit: 100, sort: [{ id: 'company', desc: false }] })));
    const all = windows.flatMap((w) => ids(w.rows));
    expect(all).toHaveLength(seeded.length);
    expect(new Set(all).size).toBe(seeded.length);
    expect(all).toEqual([...seeded].sort(byCompany).map((s) => s.id));
  });

  it('sorts by registered date, newest first, breaking ties by id in the same direction', async () => {
    const page = await list({ limit: 1000, sort: [{ id: 'registeredOn', desc: true }] });
    const expected = [...seeded].sort((a, b) => (a.registeredOn === b.registeredOn ? (a.id < b.id ? 1 : -1) : a.registeredOn < b.registeredOn ? 1 : -1));
    expect(ids(page.rows)).toEqual(expected.map((s) => s.id));
  });

  it('answers windows near the end (read from the other end) in the same order as the whole list', async () => {
    const all = ids((await list({ limit: 1000, sort: [{ id: 'registeredOn', desc: false }] })).rows);
    for (const [offset, limit] of [[seeded.length - 3, 10], [140, 7], [125, 1], [seeded.length - 1, 1]] as const) {
      const page = await list({ offset, limit, sort: [{ id: 'registeredOn', desc: false }] });
      expect(ids(page.rows)).toEqual(all.slice(offset, offset + limit));
      expect(page.total).toBe(seeded.length);
    }
  });

  it('answers no rows but the right total for a window past the end', async () => {
    const page = await list({ offset: 900, limit: 50, filters: { status: ['active'] } });
    expect(page.rows).toEqual([]);
    expect(page.total).toBe(seeded.filter((s) => s.status === 'active').length);
  });

  it('sorts by several columns: country, then company descending', async () => {
    const page = await list({ limit: 1000, sort: [{ id: 'country', desc: false }, { id: 'company', desc: true }] });
    const expected = [...seeded].sort((a, b) => (a.country !== b.country ? (a.country < b.country ? -1 : 1) : -byCompany(a, b) || 0));
    // Equal company names fall back to the id ascending, whatever the company direction.
    const got = page.rows.map((r) => `${r.country}|${r.company.toLowerCase()}`);
    expect(got).toEqual(expected.map((s) => `${s.country}|${s.company.toLowerCase()}`));
  });

  it('counts each partner’s customers and sorts by that count', async () => {
    const page = await list({ limit: 1, sort: [{ id: 'customers', desc: true }] });
    expect(page.rows[0]).toMatchObject({ id: seeded[42]!.id, customers: 3 });
  });

  it('names each row’s programme', async () => {
    const page = await list({ limit: 1000, sort: [{ id: 'programme', desc: true }] });
    expect(page.rows[0]!.programme).toBe('Message.Help partners');
    expect(page.rows.at(-1)!.programme).toBe('AllSet affiliate programme');
  });

  it('filters by status, programme and format together, and the total follows the filter', async () => {
    const page = await list({ limit: 1000, filters: { status: ['active', 'onboarding'], programmeId: [programmes.messagehelp], format: ['integrator'] } });
    const expected = seeded.filter((s) => ['active', 'onboarding'].includes(s.status) && s.programmeId === programmes.messagehelp && s.format === 'integrator');
    expect(expected.length).toBeGreaterThan(0);
    expect(page.total).toBe(expected.length);
    expect(new Set(ids(page.rows))).toEqual(new Set(expected.map((s) => s.id)));
  });

  it('searches company names by substring, ignoring case', async () => {
    const page = await list({ limit: 1000, globalSearch: 'FOXTROT hotel' });
    const expected = seeded.filter((s) => s.company.toLowerCase().includes('foxtrot hotel'));
    expect(expected.length).toBeGreaterThan(0);
    expect(page.total).toBe(expected.length);
    expect(new Set(ids(page.rows))).toEqual(new Set(expected.map((s) => s.id)));
  });

  it('searches the primary e-mail and any contact’s e-mail', async () => {
    expect(ids((await list({ globalSearch: 'owner123@' })).rows)).toEqual([seeded[123]!.id]);
    expect(ids((await list({ globalSearch: 'zebra-finance' })).rows)).toEqual([contactOnly.id]);
  });

  it('finds partners by country code', async () => {
    const page = await list({ limit: 1000, globalSearch: 'ee', filters: { status: ['active'] } });
    const expected = seeded.filter((s) => s.status === 'active' && (s.country === 'EE' || s.company.toLowerCase().includes('ee') || s.contactEmail.includes('ee')));
    expect(page.total).toBe(expected.length);
    expect(page.rows.every((r) => r.country === 'EE' || /ee/i.test(r.company) || r.contactEmail.includes('ee'))).toBe(true);
  });

  it('takes a % in the search text literally', async () => {
    const page = await list({ globalSearch: '100%' });
    expect(page.rows.map((r) => r.company)).toEqual(['100% Growth Ltd']);
  });

  it('windows a filtered list and says how many rows match in all', async () => {
    const page = await list({ offset: 10, limit: 5, filters: { status: ['terminated'] } });
    const expected = seeded.filter((s) => s.status === 'terminated').sort(byCompany);
    expect(page.total).toBe(expected.length);
    expect(ids(page.rows)).toEqual(expected.slice(10, 15).map((s) => s.id));
  });

  it('refuses a window larger than 1000 rows and an unknown sort column, naming the field', async () => {
    const big = await t.core.dispatch('partners.list', { limit: 5000 });
    expect(big).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { limit: expect.stringMatching(/at most 1000/) } } });
    const bad = await t.core.dispatch('partners.list', { sort: [{ id: 'id; DROP TABLE partners', desc: false }] });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('offers the programmes, statuses and formats to filter by', async () => {
    const options = await t.call('partners.filterOptions', {});
    expect(options.programmes.map((p: { code: string }) => p.code)).toEqual(['allset', 'messagehelp']);
    expect(options.statuses).toContain('suspended');
    expect(options.formats).toContain('integrator');
  });
});

describe('saved views of the partner list', () => {
  const state = {
    sort: [{ id: 'registeredOn' as const, desc: true }],
    filters: { status: ['active' as const] },
    columns: { country: false },
    globalSearch: 'delta',
  };

  it('saves a view with its sort, filters, columns and search, and lists it back', async () => {
    const views: SavedView[] = await t.call('partners.saveView', { name: 'Active, newest first', state });
    expect(views.find((v) => v.name === 'Active, newest first')?.state).toEqual(state);
    const again: SavedView[] = await t.call('partners.listViews', {});
    expect(again.map((v) => v.name)).toContain('Active, newest first');
  });

  it('replaces the person’s own view of the same name rather than adding a second', async () => {
    await t.call('partners.saveView', { name: 'Mine', state });
    const views: SavedView[] = await t.call('partners.saveView', { name: 'Mine', state: { ...state, globalSearch: 'echo' } });
    const mine = views.filter((v) => v.name === 'Mine');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.state.globalSearch).toBe('echo');
  });

  it('keeps views private: another person’s views are neither listed nor deletable', async () => {
    const { sqlite } = t.core.context.session!.open;
    const other = randomUUID();
    sqlite.prepare("INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'bo', 'Bo', 'manager', '2026-01-01')").run(other);
    const theirs = randomUUID();
    sqlite
      .prepare("INSERT INTO saved_views (id, user_id, table_id, name, state, created_at) VALUES (?, ?, 'partners', 'Bo''s view', ?, '2026-01-01')")
      .run(theirs, other, JSON.stringify(state));
    const views: SavedView[] = await t.call('partners.listViews', {});
    expect(views.map((v) => v.name)).not.toContain("Bo's view");
    const r = await t.core.dispatch('partners.deleteView', { id: theirs });
    expect(r).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(sqlite.prepare('SELECT count(*) FROM saved_views WHERE id = ?').pluck().get(theirs)).toBe(1);
  });

  it('deletes a view and writes each change to the audit log', async () => {
    const views: SavedView[] = await t.call('partners.saveView', { name: 'Throwaway', state });
    const id = views.find((v) => v.name === 'Throwaway')!.id;
    const after: SavedView[] = await t.call('partners.deleteView', { id });
    expect(after.map((v) => v.name)).not.toContain('Throwaway');
    const { sqlite } = t.core.context.session!.open;
    const actions = sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'saved_view' AND entity_id = ? ORDER BY id").pluck().all(id);
    expect(actions).toEqual(['saved_view.save', 'saved_view.delete']);
  });

  it('refuses a view without a name, saying so next to the name', async () => {
    const r = await t.core.dispatch('partners.saveView', { name: '  ', state });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { name: 'Give the view a name' } } });
  });
});
