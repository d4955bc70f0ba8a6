import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../support/tempWorkspace';

// The demo workspace's payouts: a finance user, a standing approval for AllSet, and last
// month's run paid by bank transfer — every paid line adding up to its ledger entries.

let t: ReturnType<typeof tempCore> | undefined;
afterEach(() => t?.cleanup());

describe('demo payouts', () => {
  it('has a paid run whose lines tie out with their entries, a standing approval, and a run to prepare today', async () => {
    t = tempCore({ now: () => new Date('2026-11-21T10:00:00Z') });
    await t.call('workspace.createDemo', {});
    await t.call('workspace.unlock', { username: 'demo', passphrase: 'partnerdesk-demo' });
    const { runs } = await t.call('payouts.list', {});
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ payDate: '2026-11-01', status: 'completed', approvalsNeeded: 2, approvals: [expect.objectContaining({ displayName: 'Farah Khan', decision: 'approve' }), expect.objectContaining({ displayName: 'Jonas Weber', decision: 'approve' })] });
    const run = await t.call('payouts.get', { runId: runs[0].id });
    const paid = run.lines.filter((l: any) => l.state === 'paid');
    expect(paid.length).toBeGreaterThan(0);
    for (const line of paid) {
      expect(line.paidReference).toMatch(/^BACS-20261103-\d{3}$/);
      const { entries } = await t.call('payouts.lineEntries', { lineId: line.id });
      expect(entries.reduce((s: number, e: any) => s + e.amountMinor, 0)).toBe(line.amountMinor);
    }
    expect((await t.call('payouts.standingList', {})).approvals).toEqual([expect.objectContaining({ planCode: 'allset', currency: 'GBP', createdBy: 'Farah Khan' })]);
    const today = await t.call('payouts.prepare', { payDate: '2026-11-21' });
    expect(today.lines.length).toBeGreaterThan(0);
    for (const l of today.lines) if (l.state === 'blocked') expect(l.blockers.length).toBeGreaterThan(0);
  });
});
