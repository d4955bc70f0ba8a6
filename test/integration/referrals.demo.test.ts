import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../support/tempWorkspace';

describe('the demo workspace’s referrals', () => {
  let t: ReturnType<typeof tempCore>;
  afterEach(() => t?.cleanup());

  it('has Aloware leads at every stage, Message.Help disputes, unattributed customers and resellers both active and at risk', async () => {
    t = tempCore({ now: () => new Date('2026-06-30T09:00:00Z') });
    await t.call('workspace.createDemo');
    await t.call('workspace.unlock', { username: 'demo', passphrase: 'partnerdesk-demo' });

    const leads = (await t.call('referrals.listLeads', {})).rows as Array<{ status: string; programmeName: string; customerId: string | null; qualificationNote: string }>;
    expect(new Set(leads.map((l) => l.status))).toEqual(new Set(['registered', 'qualified', 'won', 'lost']));
    expect(new Set(leads.map((l) => l.programmeName))).toEqual(new Set(['Aloware affiliate & lead referral']));
    for (const l of leads.filter((x) => x.status === 'won')) expect(l.customerId).not.toBeNull();
    for (const l of leads.filter((x) => x.status !== 'registered')) expect(l.qualificationNote).not.toBe('');

    const disputes = (await t.call('referrals.listDisputes', {})).rows as Array<{ status: string; claimantCompany: string }>;
    expect(disputes.map((d) => d.status).sort()).toEqual(['open', 'rejected']);

    expect((await t.call('referrals.listCustomers', { unattributed: true })).total).toBeGreaterThanOrEqual(2);

    const badges = (await t.call('referrals.resellerStatus', {})).rows.map((r: { badge: string }) => r.badge);
    expect(badges).toContain('active');
    expect(badges).toContain('at_risk');
  });
});
