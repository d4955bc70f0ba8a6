import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgreementView, UpcomingRow } from '../../src-shared/agreements/contract';
import { agreementTemplates } from '../../src-shared/agreements/templates';
import { ADMIN, tempCore } from '../support/tempWorkspace';

// agreements.upcoming and agreements.exportIcs: key dates across all partners, as a list
// and as an iCalendar file.

type Fixture = Awaited<ReturnType<typeof workspace>>;

async function workspace(today: string) {
  let now = new Date(`${today}T12:00:00.000Z`);
  const t = tempCore({ now: () => now });
  await t.call('workspace.create', ADMIN);
  const sqlite = t.core.context.session!.open.sqlite;
  const programmeIds = new Map<string, string>();
  const programme = (code: string) => {
    if (!programmeIds.has(code)) {
      programmeIds.set(code, randomUUID());
      sqlite.prepare('INSERT INTO programmes (id, code, name, currency) VALUES (?, ?, ?, ?)').run(programmeIds.get(code), code, `Programme ${code}`, 'EUR');
    }
    return programmeIds.get(code)!;
  };
  return {
    t,
    setToday(day: string) {
      now = new Date(`${day}T12:00:00.000Z`);
    },
    partner(company: string, o: { code?: string; format?: string; status?: string; registeredOn?: string; taxForm?: [string, string] } = {}) {
      const id = randomUUID();
      sqlite
        .prepare(
          `INSERT INTO partners (id, programme_id, company, format, status, registered_on, created_at, tax_form_kind, tax_form_expires_on)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, programme(o.code ?? 'allset'), company, o.format ?? 'affiliate', o.status ?? 'active', o.registeredOn ?? '2024-12-01', now.toISOString(), o.taxForm?.[0] ?? null, o.taxForm?.[1] ?? null);
      return id;
    },
    agreement: (partnerId: string, code: string, effectiveOn: string, changes: Record<string, unknown> = {}): Promise<AgreementView> =>
      t.call('agreements.createVersion', { partnerId, terms: { ...agreementTemplates[code], effectiveOn, ...changes } }),
    upcoming: (from: string, to: string, kinds?: string[]) =>
      t.call<{ rows: UpcomingRow[] }>('agreements.upcoming', { from, to, ...(kinds ? { kinds } : {}) }).then((r) => r.rows),
  };
}

/** Unfolds RFC 5545 lines and returns each VEVENT as a map of property (with parameters) → value. */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return events;
}

describe('upcoming dates across all partners', () => {
  let w: Fixture;
  afterEach(() => w?.t.cleanup());

  it('lists key dates of every partner in the range, sorted by date, with tax-form and welcome-bonus expiries', async () => {
    w = await workspace('2026-03-10');
    const allset = w.partner('Brightwell Field Services', { taxForm: ['W-8BEN', '2026-04-15'] });
    await w.agreement(allset, 'allset', '2025-05-20');
    const aloware = w.partner('Pipeline Partners LLC', { code: 'aloware', format: 'lead_referral' });
    const al = await w.agreement(aloware, 'aloware', '2025-03-01');
    await w.t.call('agreements.recordBreach', { agreementId: al.current!.agreementId, noticedOn: '2026-03-05', description: 'Late report' });
    // Seed 002 worked example C: I1 registered 2026-03-01 → bonus usable until 2026-04-30.
    const integrator = w.partner('Kommo Integrators OÜ', { code: 'messagehelp', format: 'integrator', registeredOn: '2026-03-01' });
    w.partner('ChatFunnel Media', { code: 'messagehelp', format: 'referral', registeredOn: '2026-03-01' });

    const rows = await w.upcoming('2026-03-10', '2026-06-30');
    expect(rows.map((r) => [r.date, r.kind, r.company])).toEqual([
      ['2026-03-20', 'cure_deadline', 'Pipeline Partners LLC'],
      ['2026-04-15', 'tax_form_expires', 'Brightwell Field Services'],
      ['2026-04-30', 'welcome_bonus_expires', 'Kommo Integrators OÜ'],
      ['2026-05-20', 'initial_term_ends', 'Brightwell Field Services'],
      ['2026-05-20', 'notice_window_opens', 'Brightwell Field Services'],
    ]);
    const bonus = rows.find((r) => r.kind === 'welcome_bonus_expires')!;
    expect(bonus).toMatchObject({ partnerId: integrator, label: expect.stringMatching(/EUR 500\.00 welcome bonus/) });
    expect(rows.find((r) => r.kind === 'tax_form_expires')?.label).toMatch(/W-8BEN form expires/);
    expect(rows.find((r) => r.kind === 'cure_deadline')?.label).toMatch(/terminates on 2026-03-21/);
  });

  it('filters by kind and leaves out dates outside the range', async () => {
    w = await workspace('2026-03-10');
    const p = w.partner('Brightwell Field Services', { taxForm: ['W-9', '2026-04-15'] });
    await w.agreement(p, 'allset', '2025-05-20');
    expect((await w.upcoming('2026-03-10', '2026-12-31', ['tax_form_expires'])).map((r) => r.kind)).toEqual(['tax_form_expires']);
    expect(await w.upcoming('2026-04-16', '2026-05-19')).toEqual([]);
    expect((await w.upcoming('2026-04-15', '2026-04-15')).map((r) => r.date)).toEqual(['2026-04-15']);
  });

  it('leaves out reminders about terminated partners', async () => {
    w = await workspace('2026-03-10');
    w.partner('Old Partner Ltd', { status: 'terminated', taxForm: ['W-9', '2026-04-15'] });
    w.partner('Old Integrator OÜ', { code: 'messagehelp', format: 'integrator', status: 'terminated', registeredOn: '2026-03-01' });
    w.partner('Current Partner Ltd', { taxForm: ['W-9', '2026-04-16'] });
    expect((await w.upcoming('2026-03-10', '2026-12-31')).map((r) => r.company)).toEqual(['Current Partner Ltd']);
  });

  it('refuses a range that ends before it starts', async () => {
    w = await workspace('2026-03-10');
    const r = await w.t.core.dispatch('agreements.upcoming', { from: '2026-04-01', to: '2026-03-01' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { to: expect.stringMatching(/on or after its start/) } } });
  });

  it('shows the end of an agreement terminated for an uncured breach and the non-solicit year after it', async () => {
    w = await workspace('2025-06-05');
    const p = w.partner('Pipeline Partners LLC', { code: 'aloware', format: 'lead_referral', taxForm: ['W-9', '2025-09-01'] });
    const { current } = await w.agreement(p, 'aloware', '2025-03-01');
    await w.t.call('agreements.recordBreach', { agreementId: current!.agreementId, noticedOn: '2025-06-01', description: 'TCPA' });
    w.setToday('2025-07-01');
    const rows = await w.upcoming('2025-06-01', '2026-12-31');
    expect(rows.map((r) => [r.date, r.kind])).toEqual([
      ['2025-06-16', 'cure_deadline'],
      ['2025-06-17', 'termination'],
      ['2026-06-17', 'non_solicit_ends'],
    ]);
  });

  it('shows the termination date a notice sets', async () => {
    w = await workspace('2026-02-01');
    const p = w.partner('Brightwell Field Services');
    const { current } = await w.agreement(p, 'allset', '2025-01-15');
    await w.t.call('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'partner', servedOn: '2026-02-01' });
    const rows = await w.upcoming('2026-02-01', '2026-12-31');
    expect(rows).toEqual([expect.objectContaining({ date: '2026-05-01', kind: 'termination', partnerId: p, agreementId: current!.agreementId })]);
  });
});

describe('the iCalendar export', () => {
  let w: Fixture;
  afterEach(() => w?.t.cleanup());

  it('has one all-day VEVENT per upcoming date, with stable UIDs across exports', async () => {
    w = await workspace('2026-02-01');
    const p = w.partner('Brightwell Field Services', { taxForm: ['W-9', '2026-04-15'] });
    const { current } = await w.agreement(p, 'allset', '2025-01-15');
    await w.t.call('agreements.serveNotice', { agreementId: current!.agreementId, servedBy: 'partner', servedOn: '2026-02-01' });
    w.partner('Kommo Integrators OÜ', { code: 'messagehelp', format: 'integrator', registeredOn: '2026-03-01' });
    const range = { from: '2026-02-01', to: '2026-12-31' };

    const first = await w.t.call<{ fileName: string; text: string; events: number }>('agreements.exportIcs', range);
    expect(first.fileName).toBe('partnerdesk-dates-2026-02-01-to-2026-12-31.ics');
    expect(first.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(first.text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const events = parseIcs(first.text);
    expect(events).toHaveLength(3);
    expect(first.events).toBe(3);
    expect(first.text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(3);
    const byStart = Object.fromEntries(events.map((e) => [e['DTSTART;VALUE=DATE'], e]));
    expect(Object.keys(byStart).sort()).toEqual(['20260415', '20260430', '20260501']);
    expect(byStart['20260501']).toMatchObject({ 'DTEND;VALUE=DATE': '20260502', SUMMARY: 'Brightwell Field Services: Termination' });
    expect(byStart['20260501']!.UID).toMatch(/^termination\..+@partnerdesk$/);
    expect(byStart['20260501']!.DESCRIPTION).toMatch(/notice served by partner on 1 Feb 2026/);

    // A day later the same dates export with the same UIDs, so a re-import updates them.
    w.setToday('2026-02-02');
    const second = await w.t.call<{ text: string }>('agreements.exportIcs', range);
    const again = parseIcs(second.text);
    expect(again.map((e) => e.UID).sort()).toEqual(events.map((e) => e.UID).sort());
    expect(new Set(again.map((e) => e.UID)).size).toBe(3);
    expect(Number(again[0]!.SEQUENCE)).toBeGreaterThan(Number(events[0]!.SEQUENCE));
  });

  it('keeps the UID of a partner\'s initial-term event when a new version moves its date', async () => {
    w = await workspace('2025-06-01');
    const p = w.partner('Brightwell Field Services');
    await w.agreement(p, 'allset', '2025-01-15');
    const range = { from: '2025-06-01', to: '2027-12-31', kinds: ['initial_term_ends'] };
    const before = parseIcs((await w.t.call<{ text: string }>('agreements.exportIcs', range)).text);
    await w.agreement(p, 'allset', '2025-06-01');
    const after = parseIcs((await w.t.call<{ text: string }>('agreements.exportIcs', range)).text);
    expect(before.map((e) => e['DTSTART;VALUE=DATE'])).toEqual(['20260115']);
    expect(after.map((e) => e['DTSTART;VALUE=DATE'])).toEqual(['20260601']);
    expect(after[0]!.UID).toBe(before[0]!.UID);
  });
});
