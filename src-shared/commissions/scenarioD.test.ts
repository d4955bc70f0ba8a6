import { describe, expect, it } from 'vitest';
import { addDays } from './calendar';
import { money } from '../money/money';
import { computeCommissions } from './engine';
import { SEED_003_SALES_PARTNER } from './presets';
import { assignPromoSlots, resellerActivity } from './resellerStatus';
import { customer, partner, payment } from './testKit';
import { computeStatementTotals } from './totals';

// Scenario D (seed 003, sales partner programme): promo slots by approval order, the
// effective platform fee, and the informational activity status.

describe('Scenario D — sales partner programme (seed 003)', () => {
  const { assignments, slotsLeft } = assignPromoSlots(
    [
      { partnerId: 'R1', approvedAt: '2026-01-06' },
      { partnerId: 'R2', approvedAt: '2026-01-05' },
      { partnerId: 'R3', approvedAt: '2026-01-08' },
      { partnerId: 'R4', approvedAt: '2026-01-07' },
    ],
    3,
  );
  const slotOf = (id: string) => assignments.find((a) => a.partnerId === id)?.promoSlot ?? null;

  it.each([
    ['R2', 1],
    ['R1', 2],
    ['R4', 3],
    ['R3', null],
  ])('%s gets promo slot %s', (id, slot) => {
    expect(slotOf(id)).toBe(slot);
  });

  it('has no promo slot left', () => {
    expect(slotsLeft).toBe(0);
  });

  const october = [
    payment('T1-fee-2026-10', 'T1', '2026-10-01', 99_00, { currency: 'USD', category: 'platform_fee', discountMinor: 19_00 }),
    payment('T1-overage-2026-10', 'T1', '2026-10-31', 12_50, { currency: 'USD', category: 'overage' }),
  ];

  it.each([
    ['R3', 2000, 16_00, 2_50, 18_50],
    ['R2', 5000, 40_00, 6_25, 46_25],
    ['R4', 5000, 40_00, 6_25, 46_25],
  ])('%s’s tenant in October: base $92.50 at %i bps → %i + %i = %i', (id, rateBps, fee, overage, total) => {
    const result = computeCommissions(
      { plan: SEED_003_SALES_PARTNER, partner: partner({ id, promoSlot: slotOf(id) }), customers: [customer('T1', '2026-09-15')], lines: october },
      '2026-11-01',
    );
    expect(result.entries.map((e) => [e.base.minor, e.rateBps, e.amount.minor])).toEqual([
      [80_00, rateBps, fee],
      [12_50, rateBps, overage],
    ]);
    expect(computeStatementTotals(result.entries)[0]?.net).toEqual(money('USD', total));
  });

  it('explains the effective platform fee', () => {
    const result = computeCommissions(
      { plan: SEED_003_SALES_PARTNER, partner: partner({ id: 'R3', promoSlot: null }), customers: [customer('T1', '2026-09-15')], lines: october },
      '2026-11-01',
    );
    expect(result.entries[0]?.explanation).toBe('20% of $80.00 platform fee ($99.00 less $19.00 discount)');
    const promo = computeCommissions(
      { plan: SEED_003_SALES_PARTNER, partner: partner({ id: 'R2', promoSlot: 1 }), customers: [customer('T1', '2026-09-15')], lines: october },
      '2026-11-01',
    );
    expect(promo.entries[1]?.explanation).toBe('50% of $12.50 overage, 50% launch rate (promo slot 1 of 3)');
  });

  const spread = (count: number, last: string, stepDays: number) => Array.from({ length: count }, (_, i) => addDays(last, -i * stepDays));

  it.each([
    [25, 'active'],
    [20, 'active'], // exactly 10 a year over 24 months
    [19, 'at_risk'],
    [12, 'at_risk'],
  ])('%i new tenants in the 24-month window → %s', (count, status) => {
    const activity = resellerActivity(spread(count, '2026-10-01', 20), '2026-10-31');
    expect(activity.newTenantsInWindow).toBe(count);
    expect(activity.status).toBe(status);
    expect(activity.locked).toBe(false);
  });

  it('counts only tenants inside the window (a setting, 24 months by default)', () => {
    const days = ['2024-10-31', '2024-11-01', '2026-10-31'];
    expect(resellerActivity(days, '2026-10-31').newTenantsInWindow).toBe(2);
    expect(resellerActivity(days, '2026-10-31', { windowMonths: 12, targetNewTenantsPerYear: 10, lockAtTenants: 50, lockYears: 5 }).newTenantsInWindow).toBe(1);
  });

  it.each([
    ['2026-06-29', false, 'at_risk'],
    ['2026-06-30', true, 'active'],
    ['2031-06-30', true, 'active'],
    ['2031-07-01', false, 'at_risk'],
  ])('50th tenant onboarded on 2026-06-30: on %s locked %s → %s', (today, locked, status) => {
    // 50 tenants, the 50th on 2026-06-30, the others long before the window.
    const days = [...Array.from({ length: 49 }, () => '2020-01-15'), '2026-06-30'];
    const activity = resellerActivity(days, today);
    expect(activity.locked).toBe(locked);
    expect(activity.status).toBe(status);
    if (today >= '2026-06-30') expect(activity.lockedUntil).toBe('2031-06-30');
  });

  it('status never changes any amount: the engine has no status input', () => {
    const at = (p: ReturnType<typeof partner>) =>
      computeCommissions({ plan: SEED_003_SALES_PARTNER, partner: p, customers: [customer('T1', '2026-09-15')], lines: october }, '2026-11-01').entries;
    expect(at(partner({ id: 'R3' }))).toEqual(at(partner({ id: 'R3' })));
  });
});
