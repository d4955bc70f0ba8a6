import { afterEach, describe, expect, it } from 'vitest';
import { PARTNERS, referralsWorkspace, type ReferralsWorkspace } from '../fixtures/referralsWorkspace';

/** n sign-up days spread evenly over the months before 2026-06-30 (all inside a 24-month window). */
const signUpsInWindow = (n: number, months = 23) =>
  Array.from({ length: n }, (_, i) => {
    const back = Math.floor((i * months) / n);
    const d = new Date(Date.UTC(2026, 5 - back, 15));
    return d.toISOString().slice(0, 10);
  });

// Seed 003 and scenario D: active = an average of 10 new tenants a year over the rolling
// window (24 months by default); 50 onboarded tenants lock the status for 5 years.
describe('reseller activity status', () => {
  let w: ReferralsWorkspace;
  afterEach(() => w?.cleanup());

  const statusOf = async (partnerId: string, asOf?: string) =>
    (await w.call('referrals.resellerStatus', { partnerId, ...(asOf ? { asOf } : {}) })).rows[0];

  it('25 new tenants in a 24-month window → active; 12 → at risk', async () => {
    w = await referralsWorkspace();
    w.addCustomers(PARTNERS.northwind.id, signUpsInWindow(25));
    w.addCustomers(PARTNERS.tenantly.id, signUpsInWindow(12));
    const all = await w.call('referrals.resellerStatus', {});
    expect(all).toMatchObject({ asOf: '2026-06-30', windowMonths: 24, targetNewTenantsPerYear: 10 });
    const byName = Object.fromEntries(all.rows.map((r: { company: string }) => [r.company, r]));
    expect(byName['Northwind Resellers']).toMatchObject({ badge: 'active', newTenantsInWindow: 25, averagePerYear: 12.5, locked: false, windowFrom: '2024-07-01', windowTo: '2026-06-30' });
    expect(byName['Tenantly Partners']).toMatchObject({ badge: 'at_risk', newTenantsInWindow: 12, averagePerYear: 6 });
    // Only reseller partners have an activity status.
    expect(all.rows.map((r: { company: string }) => r.company)).toEqual(['Helix SaaS Partners', 'Northwind Resellers', 'Tenantly Partners']);
  });

  it('50 onboarded tenants, the 50th on 2026-06-30 → locked active until 2031-06-30', async () => {
    w = await referralsWorkspace();
    // 49 tenants long before the window, so only the lock keeps the reseller active.
    w.addCustomers(PARTNERS.helix.id, [...Array.from({ length: 49 }, () => '2020-03-01'), '2026-06-30']);
    expect(await statusOf(PARTNERS.helix.id)).toMatchObject({ badge: 'locked', status: 'active', locked: true, lockedOn: '2026-06-30', lockedUntil: '2031-06-30', totalOnboarded: 50, newTenantsInWindow: 1 });
    expect(await statusOf(PARTNERS.helix.id, '2031-06-30')).toMatchObject({ badge: 'locked', lockedUntil: '2031-06-30' });
    expect(await statusOf(PARTNERS.helix.id, '2031-07-01')).toMatchObject({ badge: 'at_risk', locked: false });
    expect(await statusOf(PARTNERS.helix.id, '2026-06-29')).toMatchObject({ badge: 'at_risk', totalOnboarded: 49, lockedUntil: null });
  });

  it('counts cancelled tenants as onboarded, and only tenants of that reseller', async () => {
    w = await referralsWorkspace();
    const ids = w.addCustomers(PARTNERS.northwind.id, signUpsInWindow(20));
    w.sqlite.prepare('UPDATE customers SET cancelled_on = ? WHERE id = ?').run('2026-06-01', ids[0]);
    w.addCustomers(PARTNERS.tenantly.id, signUpsInWindow(5));
    w.addCustomers(null, signUpsInWindow(30));
    expect(await statusOf(PARTNERS.northwind.id)).toMatchObject({ newTenantsInWindow: 20, averagePerYear: 10, badge: 'active' });
  });

  it('uses the window months setting, stored in the workspace, default 24', async () => {
    w = await referralsWorkspace();
    expect(await w.call('referrals.getSettings', {})).toEqual({ resellerActivityWindowMonths: 24 });
    // 12 tenants, all in the last 12 months: 6 a year over 24 months, 12 a year over 12.
    w.addCustomers(PARTNERS.tenantly.id, signUpsInWindow(12, 11));
    expect(await statusOf(PARTNERS.tenantly.id)).toMatchObject({ badge: 'at_risk', averagePerYear: 6 });
    await w.call('referrals.setSettings', { resellerActivityWindowMonths: 12 });
    expect(w.sqlite.prepare(`SELECT value FROM workspace_meta WHERE key = 'reseller_activity_window_months'`).pluck().get()).toBe('12');
    expect(await statusOf(PARTNERS.tenantly.id)).toMatchObject({ badge: 'active', averagePerYear: 12, windowFrom: '2025-07-01' });
    expect(w.audit('referrals.setSettings')[0]!.detail).toEqual({ from: 24, to: 12 });
  });

  it('refuses a window that is not a whole number of months from 1 to 120', async () => {
    w = await referralsWorkspace();
    for (const bad of [0, 121, 2.5]) {
      const r = await w.core.dispatch('referrals.setSettings', { resellerActivityWindowMonths: bad });
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { resellerActivityWindowMonths: expect.any(String) } } });
    }
    expect(await w.call('referrals.getSettings', {})).toEqual({ resellerActivityWindowMonths: 24 });
  });

  it('is informational: looking at the status writes nothing', async () => {
    w = await referralsWorkspace();
    w.addCustomers(PARTNERS.northwind.id, signUpsInWindow(25));
    const changes = () => w.sqlite.prepare('SELECT total_changes() AS n').pluck().get();
    const before = changes();
    await w.call('referrals.resellerStatus', {});
    expect(changes()).toBe(before);
  });
});
