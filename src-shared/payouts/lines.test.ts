import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalCheck, approvalsNeeded, documentsPeriod, draftLine, type PartnerPayoutFacts } from './lines';

const facts = (over: Partial<PartnerPayoutFacts> = {}): PartnerPayoutFacts => ({
  company: 'Acme', method: 'stripe_connect', stripeAccountId: 'acct_1', stripeAccountState: 'enabled', taxForm: { kind: 'W-9', expiresOn: null },
  termination: null, plan: null, partner: null, referralReportRecorded: true, invoiceRecorded: true, ...over,
});
const rules = { requireTaxForm: true, payDate: '2026-12-01' };
const e = (key: string, occurredOn: string, amountMinor: number) => ({ key, occurredOn, amountMinor });

describe('documentsPeriod: a run needs the report and invoice of the month before its pay date', () => {
  it.each([
    ['2026-12-01', '2026-11'],
    ['2026-12-31', '2026-11'],
    ['2027-01-05', '2026-12'],
  ])('%s → %s', (payDate, period) => expect(documentsPeriod(payDate)).toBe(period));
});

describe('draftLine', () => {
  it('nets withheld reversals against earned commission', () => {
    const line = draftLine('USD', [e('a', '2026-10-01', 600_00), e('b', '2026-11-15', -300_00)], facts(), rules);
    expect(line).toMatchObject({ earnedMinor: 600_00, withheldMinor: -300_00, amountMinor: 300_00, state: 'ready', blockers: [] });
  });

  it('carries a negative balance forward', () => {
    const line = draftLine('USD', [e('a', '2026-10-01', 100_00), e('b', '2026-11-15', -300_00)], facts(), rules);
    expect(line.state).toBe('carried_forward');
    expect(line.blockers[0]!.code).toBe('nothing_payable');
  });

  it('leaves out entries on or after a termination that stops the revenue share, and pays the rest', () => {
    const terminated = facts({ termination: { on: '2026-05-01', postTermination: 'stops' } });
    const line = draftLine('GBP', [e('a', '2026-04-20', 9_00), e('b', '2026-05-01', 9_00)], terminated, rules);
    expect(line).toMatchObject({ amountMinor: 9_00, state: 'ready', entries: [{ key: 'a' }] });
    expect(line.blockers).toEqual([{ code: 'terminated', message: '1 entry dates from on or after the termination on 2026-05-01; the agreement stops the revenue share then, so it is not paid' }]);
    const continues = draftLine('GBP', [e('a', '2026-04-20', 9_00), e('b', '2026-05-01', 9_00)], facts({ termination: { on: '2026-05-01', postTermination: 'continues_for_prior_referrals' } }), rules);
    expect(continues.amountMinor).toBe(18_00);
  });

  it('a tax form expiring on the pay date still counts; the day before does not', () => {
    expect(draftLine('USD', [e('a', '2026-10-01', 1_00)], facts({ taxForm: { kind: 'W-9', expiresOn: '2026-12-01' } }), rules).state).toBe('ready');
    expect(draftLine('USD', [e('a', '2026-10-01', 1_00)], facts({ taxForm: { kind: 'W-9', expiresOn: '2026-11-30' } }), rules).state).toBe('blocked');
  });

  it('property: amount = earned + withheld = the sum of the paid entries; ready only without blockers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50_000, max: 50_000 }), { minLength: 1, maxLength: 30 }), fc.boolean(), (amounts, hasAccount) => {
        const line = draftLine('USD', amounts.map((a, i) => e(`k${i}`, '2026-10-01', a)), facts({ stripeAccountId: hasAccount ? 'acct' : null }), rules);
        const sum = line.entries.reduce((s, x) => s + x.amountMinor, 0);
        expect(line.amountMinor).toBe(line.earnedMinor + line.withheldMinor);
        expect(line.amountMinor).toBe(sum);
        expect(line.withheldMinor).toBeLessThanOrEqual(0);
        expect(line.state === 'ready').toBe(line.blockers.length === 0);
        if (sum <= 0) expect(line.state).toBe('carried_forward');
      }),
    );
  });
});

describe('approvals', () => {
  it('a second approver only above the threshold, per currency', () => {
    const limits = [{ currency: 'USD', minor: 1_000_00 }];
    expect(approvalsNeeded([{ currency: 'USD', amountMinor: 1_000_00 }], limits)).toBe(1);
    expect(approvalsNeeded([{ currency: 'USD', amountMinor: 1_000_01 }], limits)).toBe(2);
    expect(approvalsNeeded([{ currency: 'EUR', amountMinor: 9_000_000_00 }], limits)).toBe(1);
  });

  it('maker-checker: not the preparer, not twice, only a prepared run with something ready', () => {
    const run = { status: 'prepared', preparedBy: 'ada', readyCount: 1 };
    expect(approvalCheck(run, [], 1, 'ada')).toEqual({ allowed: false, reason: 'You prepared this run; another finance user must approve it' });
    expect(approvalCheck(run, ['fiona'], 2, 'fiona').allowed).toBe(false);
    expect(approvalCheck(run, ['fiona'], 2, 'gus')).toEqual({ allowed: true, reason: 'Approval 2 of 2' });
    expect(approvalCheck({ ...run, status: 'voided' }, [], 1, 'gus').allowed).toBe(false);
    expect(approvalCheck({ ...run, readyCount: 0 }, [], 1, 'gus').allowed).toBe(false);
  });
});
