import { afterEach, describe, expect, it } from 'vitest';
import { noticeOutcome } from '../../src-shared/agreements/dates';
import type { AgreementTerms } from '../../src-shared/agreements/terms';
import type { IsoDate } from '../../src-shared/dates/isoDate';
import { assignPromoSlots, resellerActivity } from '../../src-shared/commissions/resellerStatus';
import { commissionsWorkspace, monthly, type CommissionsWorkspace } from '../fixtures/commissions/kit';
import { scenarioB } from '../fixtures/payouts/kit';

// Every worked example of shared/scenarios/README.md, through the core on a real
// encrypted workspace: revenue imported as CSV, plans saved as versions, periods run,
// amounts read back from the ledger and statements — to the cent.

let w: CommissionsWorkspace;
afterEach(() => w?.cleanup());

const totalsOf = (ledger: { totals: { currency: string }[] }, currency: string) => ledger.totals.find((t) => t.currency === currency);

describe('Scenario A — AllSet affiliate (seed 000): 15% for 12 months, commission stops on termination', () => {
  const terms: AgreementTerms = {
    effectiveOn: '2025-01-15' as IsoDate, initialTermMonths: 12, afterInitialTerm: 'rolling', noticePeriod: { unit: 'months', count: 3 },
    governingLaw: 'England and Wales', postTermination: 'stops', curePeriodDays: null, nonSolicitMonths: null, breachOutcome: 'terminate',
  };

  it('notice on 2025-06-01 is refused (first possible 2026-01-15); notice on 2026-02-01 ends the agreement on 2026-05-01', () => {
    expect(noticeOutcome(terms, '2025-06-01' as IsoDate, 'partner')).toEqual({ ok: false, reason: 'initial-term', firstAllowed: '2026-01-15' });
    expect(noticeOutcome(terms, '2026-02-01' as IsoDate, 'partner')).toEqual({ ok: true, terminatesOn: '2026-05-01' });
  });

  it('C1 earns 12 × £6.00 = £72.00, C2 6 × £9.00 = £54.00 (through 2026-04-20), £126.00 in all', async () => {
    w = await commissionsWorkspace('2026-07-15');
    const programme = w.programme('allset', 'GBP');
    const partner = w.partner(programme, 'Brightwell Field Services', { format: 'affiliate', registeredOn: '2025-01-01' });
    const agreement = w.agreement(partner, { effectiveOn: '2025-01-15', initialTermMonths: 12, noticeUnit: 'months', noticeCount: 3 });
    w.notice(agreement, '2026-02-01', '2026-05-01');
    w.customer(partner, 'C1', { signUpOn: '2025-02-10' });
    w.customer(partner, 'C2', { signUpOn: '2025-11-20' });
    await w.assign(partner, await w.preset('allset', '2025-01-01', programme));
    const imported = await w.importRevenue([...monthly('C1', 'C1', '2025-02-10', '2026-06-10', '40.00'), ...monthly('C2', 'C2', '2025-11-20', '2026-06-20', '60.00')]);
    expect(imported).toMatchObject({ committed: true, rows: 17 + 8, newLines: 25 });

    await w.runMonths('2025-02', '2026-06');
    const ledger = await w.call('commissions.ledger', { partnerId: partner, limit: 100 });
    const byCustomer = (name: string) => ledger.rows.filter((r: any) => r.customerName === name);
    expect(byCustomer('C1').map((r: any) => r.amountMinor)).toEqual(Array(12).fill(6_00));
    expect(byCustomer('C2').map((r: any) => r.amountMinor)).toEqual(Array(6).fill(9_00));
    expect(byCustomer('C2').at(-1).occurredOn).toBe('2026-04-20');
    expect(totalsOf(ledger, 'GBP')).toMatchObject({ netMinor: 126_00, earnedMinor: 126_00, reversedMinor: 0, entryCount: 18 });
    expect(byCustomer('C1')[2].explanation).toBe('15% of £40.00 subscription, month 3 of 12');

    // The statements say why the later payments earn nothing.
    const may = await w.call('commissions.statement', { partnerId: partner, period: '2026-05' });
    expect(may.entries).toEqual([]);
    expect(may.excluded.map((x: any) => x.reason)).toEqual(['agreement_terminated', 'agreement_terminated']);
    expect(may.excluded[1].explanation).toBe(
      'Paid 2026-05-20, on or after the agreement ended on 2026-05-01: commission stops on termination',
    );
  });
});

describe('Scenario B — Aloware lead referral (seed 001): subscription only, MRR tiers, holds, chargeback', () => {
  /** The scenario's ledger through November, without the partner's documents (the payout fixture's builder). */
  async function aloware() {
    let partner: string;
    ({ w, partner } = await scenarioB({ documents: false, payable: false }));
    return partner;
  }

  it('October: MRR $4,500.00 → 20% → $600.00 + $300.00 = $900.00; usage earns nothing', async () => {
    const partner = await aloware();
    const oct = await w.call('commissions.statement', { partnerId: partner, period: '2026-10' });
    expect(oct.entries.map((e: any) => [e.customerName, e.rateBps, e.amountMinor])).toEqual([['Account A', 2000, 600_00], ['Account B', 2000, 300_00]]);
    expect(oct.totals).toEqual([expect.objectContaining({ currency: 'USD', netMinor: 900_00 })]);
    expect(oct.excluded.map((x: any) => x.reason)).toEqual(['category_not_counted', 'category_not_counted']);
  });

  it('November: MRR $5,300.00 → 30% → $900.00 + $450.00 + $240.00 = $1,590.00, and the chargeback withholds −$300.00', async () => {
    const partner = await aloware();
    const nov = await w.call('commissions.statement', { partnerId: partner, period: '2026-11' });
    const revenue = nov.entries.filter((e: any) => e.rule === 'revenue_share');
    expect(revenue.map((e: any) => [e.customerName, e.rateBps, e.amountMinor])).toEqual([['Account A', 3000, 900_00], ['Account B', 3000, 450_00], ['Account C', 3000, 240_00]]);
    expect(revenue.reduce((s: number, e: any) => s + e.amountMinor, 0)).toBe(1_590_00);
    const chargeback = nov.entries.find((e: any) => e.rule === 'chargeback_reversal');
    expect(chargeback).toMatchObject({ amountMinor: -300_00, occurredOn: '2026-11-15', status: 'payable' });
    expect(chargeback.explanation).toMatch(/withheld from future payouts/);
  });

  it('on 2026-12-01: $1,950.00 payable, C’s $240.00 on hold until 2026-12-05; without the invoice the payout is blocked and says so', async () => {
    const partner = await aloware();
    const ledger = await w.call('commissions.ledger', { partnerId: partner, limit: 100 });
    expect(totalsOf(ledger, 'USD')).toMatchObject({ payableMinor: 1_950_00, onHoldMinor: 240_00, netMinor: 2_190_00 });
    const held = await w.call('commissions.ledger', { partnerId: partner, status: 'on_hold' });
    expect(held.rows.map((r: any) => [r.customerName, r.amountMinor, r.holdUntil])).toEqual([['Account C', 240_00, '2026-12-05']]);

    const withoutInvoice = await w.call('commissions.statement', { partnerId: partner, period: '2026-11' });
    expect(withoutInvoice.payabilityBlockers.map((b: any) => b.code)).toEqual(['missing_referral_report', 'missing_invoice']);
    expect(withoutInvoice.payabilityBlockers[1].message).toBe("Blocked until the partner's invoice for this commission is recorded");
    w.document(partner, 'referral_report', '2026-11');
    const reportOnly = await w.call('commissions.statement', { partnerId: partner, period: '2026-11' });
    expect(reportOnly.payabilityBlockers.map((b: any) => b.code)).toEqual(['missing_invoice']);
    w.document(partner, 'invoice', '2026-11');
    expect((await w.call('commissions.statement', { partnerId: partner, period: '2026-11' })).payabilityBlockers).toEqual([]);

    w.setToday('2026-12-05');
    const later = await w.call('commissions.ledger', { partnerId: partner });
    expect(totalsOf(later, 'USD')).toMatchObject({ payableMinor: 2_190_00, onHoldMinor: 0 });
  });
});

describe('Scenario C — Message.Help (seed 002): client-count tiers, promo-code bonus, integrator balance, welcome bonus', () => {
  it('P1: 29 clients × €20.00 in October → €116.00; 30 in November → €180.00; each promo-code client costs the programme €5.00', async () => {
    w = await commissionsWorkspace('2026-12-15');
    const programme = w.programme('messagehelp', 'EUR');
    const p1 = w.partner(programme, 'WhatsApp CRM Reviews', { format: 'referral' });
    const rows = [];
    for (let i = 1; i <= 30; i++) {
      const ref = `K${String(i).padStart(2, '0')}`;
      w.customer(p1, ref, { signUpOn: '2026-09-01', attribution: 'promo_code' });
      if (i <= 29) rows.push({ external_ref: `${ref}-oct`, customer_ref: ref, paid_on: '2026-10-10', currency: 'EUR', category: 'subscription', gross: '20.00', kind: 'payment' });
      rows.push({ external_ref: `${ref}-nov`, customer_ref: ref, paid_on: '2026-11-10', currency: 'EUR', category: 'subscription', gross: '20.00', kind: 'payment' });
    }
    await w.assign(p1, await w.preset('messagehelp', '2026-01-01', programme));
    await w.importRevenue(rows);
    const [sep, oct, nov] = await w.runMonths('2026-09', '2026-11');
    expect(sep).toMatchObject({ entriesAdded: 0, costsAdded: 30 });
    expect(oct.totals).toEqual([{ currency: 'EUR', minor: 116_00 }]);
    expect(nov.totals).toEqual([{ currency: 'EUR', minor: 180_00 }]);
    const septStatement = await w.call('commissions.statement', { partnerId: p1, period: '2026-09' });
    expect(septStatement.costTotals).toEqual([{ currency: 'EUR', minor: 150_00 }]);
    expect(septStatement.totals).toEqual([]);
    const novStatement = await w.call('commissions.statement', { partnerId: p1, period: '2026-11' });
    expect(novStatement.entries[0].explanation).toBe('30% of €20.00 subscription, tier 30+ clients (30 paying clients in 2026-11)');
  });

  async function integrator(company: string, registeredOn = '2026-03-01') {
    const programme = w.programme(`mh-${company.length}-${Math.random().toString(36).slice(2, 6)}`, 'EUR');
    const id = w.partner(programme, company, { format: 'integrator', registeredOn });
    await w.assign(id, await w.preset('messagehelp-integrator', '2026-01-01', programme));
    return id;
  }

  it('I1: a €500.00 top-up by invoice, then €216.00 (CRM line, 10 clients → 50%) + €19.50 + €19.50 (Altegio fixed 35%) leaves €245.00', async () => {
    w = await commissionsWorkspace('2026-07-01');
    const i1 = await integrator('Kommo Integrators OÜ');
    for (let i = 1; i <= 10; i++) w.customer(i1, `crm-${i}`, { signUpOn: '2026-03-10', productLine: 'Message.Help CRM' });
    w.customer(i1, 'alt-1', { signUpOn: '2026-03-10', productLine: 'Altegio' });
    w.customer(i1, 'alt-2', { signUpOn: '2026-03-10', productLine: 'Altegio' });
    const topUp = await w.call('commissions.recordTopUp', { partnerId: i1, method: 'invoice', amountMinor: 500_00, currency: 'EUR', occurredOn: '2026-06-01', reference: 'INV-1' });
    expect(topUp.prepaidBalanceMinor).toBe(500_00);
    const eur = { currency: 'EUR', category: 'subscription', kind: 'payment', paid_on: '2026-06-02' };
    await w.importRevenue([
      { external_ref: 'unlim-annual', customer_ref: 'crm-1', product: 'Message.Help Unlim (annual)', gross: '432.00', ...eur },
      { external_ref: 'alt-1-jun', customer_ref: 'alt-1', gross: '30.00', ...eur },
      { external_ref: 'alt-2-jun', customer_ref: 'alt-2', gross: '30.00', ...eur },
    ]);
    const june = await w.run('2026-06');
    expect(june).toMatchObject({ entriesAdded: 0, movementsAdded: 3, notes: [] });
    const balance = await w.call('commissions.integratorBalance', { partnerId: i1 });
    const prepaid = balance.movements.filter((m: any) => m.account === 'prepaid');
    // Same-day charges run in a stable order (by line id); the balance after the last is the same.
    expect(prepaid[0]).toMatchObject({ kind: 'top_up_invoice', amountMinor: 500_00, balanceAfterMinor: 500_00 });
    expect(prepaid.slice(1).map((m: any) => m.amountMinor).sort((a: number, b: number) => a - b)).toEqual([-216_00, -19_50, -19_50]);
    expect(prepaid.slice(1).every((m: any, i: number) => m.balanceAfterMinor === prepaid[i].balanceAfterMinor + m.amountMinor)).toBe(true);
    expect(prepaid.at(-1).balanceAfterMinor).toBe(245_00);
    expect(balance.prepaidBalanceMinor).toBe(245_00);
    expect(prepaid.find((m: any) => m.amountMinor === -216_00).explanation).toBe('Client crm-1 (message_help_crm): €432.00 less 50% partner discount (10+ clients, 10 active clients) of €216.00 = €216.00');
    // A rerun writes nothing twice.
    expect(await w.run('2026-06')).toMatchObject({ movementsAdded: 0 });
    const statement = await w.call('commissions.statement', { partnerId: i1, period: '2026-06' });
    expect(statement.integrator.prepaidBalanceMinor).toBe(245_00);
    expect(statement.entries).toEqual([]);
  });

  it.each([
    ['2026-04-30', 'pays the first month at the undiscounted €36.00; €464.00 expires on 2026-05-01', -36_00, 100_00, -464_00],
    ['2026-05-01', 'is no longer usable: the charge is €23.40 (35%), and the whole €500.00 expires', 0, 76_60, -500_00],
  ])('welcome bonus: a new client’s first month charged on %s %s', async (paidOn, _what, bonusUsed, prepaidAfter, expired) => {
    w = await commissionsWorkspace('2026-06-15');
    const i2 = await integrator('Bitrix Bridge GmbH');
    w.customer(i2, 'new-1', { signUpOn: '2026-04-20', productLine: 'kommo' });
    await w.call('commissions.recordTopUp', { partnerId: i2, method: 'card', amountMinor: 100_00, currency: 'EUR', occurredOn: '2026-04-01', reference: '' });
    await w.importRevenue([{ external_ref: 'new-1-first', customer_ref: 'new-1', paid_on: paidOn, currency: 'EUR', category: 'subscription', gross: '36.00', kind: 'payment' }]);
    await w.runMonths('2026-03', '2026-05');
    const b = await w.call('commissions.integratorBalance', { partnerId: i2 });
    const bonus = b.movements.filter((m: any) => m.account === 'welcome_bonus');
    expect(bonus[0]).toMatchObject({ kind: 'bonus_grant', occurredOn: '2026-03-01', amountMinor: 500_00 });
    expect(bonus.find((m: any) => m.kind === 'bonus_use')?.amountMinor ?? 0).toBe(bonusUsed);
    expect(bonus.at(-1)).toMatchObject({ kind: 'bonus_expiry', occurredOn: '2026-05-01', amountMinor: expired, balanceAfterMinor: 0 });
    expect(b.prepaidBalanceMinor).toBe(prepaidAfter);
    expect(b.bonusWindow).toEqual({ usableFrom: '2026-03-01', usableUntil: '2026-04-30', expiresOn: '2026-05-01' });
  });
});

describe('Scenario D — Sales partner programme (seed 003): promo slots, effective fee, status never changes an amount', () => {
  it('R2, R1 and R4 hold the three promo slots; R3’s tenant earns 20% of $92.50 = $18.50, a promo reseller 50% = $46.25', async () => {
    const { assignments, slotsLeft } = assignPromoSlots(
      [
        { partnerId: 'R1', approvedAt: '2026-01-06' },
        { partnerId: 'R2', approvedAt: '2026-01-05' },
        { partnerId: 'R3', approvedAt: '2026-01-08' },
        { partnerId: 'R4', approvedAt: '2026-01-07' },
      ],
      3,
    );
    expect(slotsLeft).toBe(0);
    w = await commissionsWorkspace('2026-11-20');
    const programme = w.programme('salespartner', 'USD', 3);
    const plan = await w.preset('salespartner', '2026-01-01', programme);
    const ids = new Map<string, string>();
    for (const a of assignments) {
      const id = w.partner(programme, a.partnerId, { format: 'reseller', registeredOn: a.approvedAt });
      ids.set(a.partnerId, id);
      if (a.promoSlot) w.promoSlot(programme, id, a.promoSlot);
      await w.assign(id, plan);
    }
    const rows = [];
    for (const r of ['R1', 'R2', 'R3', 'R4']) {
      w.customer(ids.get(r)!, `tenant-${r}`, { signUpOn: '2026-09-15' });
      const base = { customer_ref: `tenant-${r}`, paid_on: '2026-10-05', currency: 'USD', kind: 'payment' };
      rows.push({ external_ref: `${r}-fee`, category: 'platform_fee', gross: '99.00', discount: '19.00', ...base });
      rows.push({ external_ref: `${r}-overage`, category: 'overage', gross: '12.50', ...base });
      rows.push({ external_ref: `${r}-setup`, category: 'setup', gross: '500.00', ...base });
    }
    await w.importRevenue(rows);
    await w.run('2026-10');
    const net = async (r: string) => (await w.call('commissions.statement', { partnerId: ids.get(r)!, period: '2026-10' })).totals[0].netMinor;
    expect(await net('R3')).toBe(18_50);
    for (const r of ['R1', 'R2', 'R4']) expect(await net(r)).toBe(46_25);
    const r3 = await w.call('commissions.statement', { partnerId: ids.get('R3')!, period: '2026-10' });
    expect(r3.entries.map((e: any) => e.explanation).sort()).toEqual(['20% of $12.50 overage', '20% of $80.00 platform fee ($99.00 less $19.00 discount)']);
    expect(r3.entries.reduce((s: number, e: any) => s + e.baseMinor, 0)).toBe(92_50);
    expect(r3.excluded.map((x: any) => x.reason)).toEqual(['category_not_counted']);
  });

  it('status (24-month window): 25 new tenants → active, 12 → at risk, 50 on 2026-06-30 → locked until 2031-06-30; the ledger is the same either way', async () => {
    const days = (n: number) => Array.from({ length: n }, (_, i) => `2025-${String((i % 12) + 1).padStart(2, '0')}-10`);
    expect(resellerActivity(days(25), '2026-10-31').status).toBe('active');
    expect(resellerActivity(days(12), '2026-10-31').status).toBe('at_risk');
    const fifty = [...days(49), '2026-06-30'];
    expect(resellerActivity(fifty, '2026-10-31')).toMatchObject({ locked: true, lockedUntil: '2031-06-30' });
    // Status is informational: no input of the engine or the run depends on it (seed 003).
  });
});
