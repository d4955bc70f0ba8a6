import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PARTNERS, referralsWorkspace, type ReferralsWorkspace } from '../fixtures/referralsWorkspace';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('CSV import of partners', () => {
  let w: ReferralsWorkspace;
  afterEach(() => w?.cleanup());

  const partner = (company: string) =>
    w.sqlite
      .prepare(`SELECT p.*, pr.code AS programme FROM partners p JOIN programmes pr ON pr.id = p.programme_id WHERE company = ?`)
      .get(company) as Record<string, unknown>;

  it('adds new partners and updates an existing one matched by company, in one audited import', async () => {
    w = await referralsWorkspace();
    const csv = fixture('partners-valid.csv');
    const preview = await w.call('imports.preview', { kind: 'partners', csv });
    expect(preview.counts).toEqual({ rows: 3, new: 2, updated: 1, unchanged: 0, errors: 0 });
    expect(preview.rows[2]).toMatchObject({ action: 'updated', changes: ['contact_name', 'contact_email', 'country'] });
    await w.call('imports.commit', { kind: 'partners', csv });
    expect(partner('Dialwise Integrations')).toMatchObject({ programme: 'aloware', format: 'lead_referral', status: 'active', country: 'US', registered_on: '2025-10-01' });
    // The programme may be given by its name.
    expect(partner('Inbox Heroes')).toMatchObject({ programme: 'messagehelp', status: 'onboarding', promo_code: 'INBOXHER5' });
    expect(partner('Pipeline Partners LLC')).toMatchObject({ id: PARTNERS.pipeline.id, contact_name: 'Priya Patel', format: 'lead_referral', updated_at: '2026-06-30T12:00:00.000Z' });
    expect(w.audit('imports.commit')[0]!.detail).toMatchObject({ kind: 'partners', new: 2, updated: 1 });
  });

  it('changes nothing when the same file is imported a second time', async () => {
    w = await referralsWorkspace();
    const csv = fixture('partners-valid.csv');
    await w.call('imports.commit', { kind: 'partners', csv });
    const before = w.sqlite.prepare('SELECT * FROM partners ORDER BY id').all();
    const second = await w.call('imports.commit', { kind: 'partners', csv });
    expect(second.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    expect(w.sqlite.prepare('SELECT * FROM partners ORDER BY id').all()).toEqual(before);
  });

  it('refuses an unknown programme, a new partner without format, and moving a partner to another programme — and imports nothing', async () => {
    w = await referralsWorkspace();
    const csv = [
      'company,programme,format',
      'Fresh Partner,aloware,referral',
      'Nowhere Ltd,nosuch,referral',
      'Formatless Ltd,aloware,',
      'Northwind Resellers,aloware,',
    ].join('\n');
    const preview = await w.call('imports.preview', { kind: 'partners', csv });
    expect(preview.problems.map((p: { line: number; column: string }) => [p.line, p.column])).toEqual([
      [3, 'programme'],
      [4, 'format'],
      [5, 'programme'],
    ]);
    expect(preview.problems[2].message).toMatch(/Northwind Resellers is in the programme Sales partner programme; an import never moves a partner/);
    expect((await w.core.dispatch('imports.commit', { kind: 'partners', csv })).ok).toBe(false);
    expect(w.count('partners')).toBe(Object.keys(PARTNERS).length);
  });

  it('needs partners.write', async () => {
    const { preview, commit } = await import('../../src-shared/imports/contract');
    expect([preview.permission, commit.permission]).toEqual(['partners.write', 'partners.write']);
  });
});
