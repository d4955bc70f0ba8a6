import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { computeCommissions } from './engine';
import type { RevenueLine } from './input';
import type { CommissionPlan, RateSchedule } from './plan';
import { SEED_000_ALLSET_AFFILIATE, SEED_001_ALOWARE_LEAD_REFERRAL, SEED_003_SALES_PARTNER } from './presets';
import { customer, monthlyPayments, partner, payment } from './testKit';

// Rate choice: product-line overrides, promotions, staggered, graduated and tenant tiers.

const withRate = (rate: RateSchedule, extra: Partial<CommissionPlan> = {}): CommissionPlan => ({
  ...SEED_000_ALLSET_AFFILIATE,
  duration: { kind: 'lifetime' },
  rate,
  ...extra,
});

describe('staggered rates', () => {
  const plan = withRate({ kind: 'staggered', steps: [{ fromMonth: 1, rateBps: 3000 }, { fromMonth: 4, rateBps: 1000 }] });
  it('pays 30% for the first 3 months of each customer, then 10%', () => {
    const { entries } = computeCommissions(
      { plan, partner: partner(), customers: [customer('C1', '2026-01-15')], lines: monthlyPayments('C1', 'C1', '2026-01-15', '2026-05-15', 100_00) },
      '2027-01-01',
    );
    expect(entries.map((e) => e.amount.minor)).toEqual([30_00, 30_00, 30_00, 10_00, 10_00]);
    expect(entries[3]?.explanation).toBe('10% of £100.00 subscription, staggered rate for month 4 since sign-up (from month 4)');
  });
});

describe('promotion for the first approved partners', () => {
  const lines = [payment('L1', 'T1', '2026-10-01', 100_00, { category: 'platform_fee' })];
  it.each([
    [1, 5000],
    [3, 5000],
    [4, 2000],
    [null, 2000],
  ])('promo slot %s → %i bps', (promoSlot, rateBps) => {
    const { entries } = computeCommissions({ plan: SEED_003_SALES_PARTNER, partner: partner({ promoSlot }), customers: [customer('T1', '2026-09-01')], lines }, '2026-11-01');
    expect(entries[0]?.rateBps).toBe(rateBps);
  });

  it('ends on its end date when it has one', () => {
    const plan: CommissionPlan = { ...SEED_003_SALES_PARTNER, promotion: { ...SEED_003_SALES_PARTNER.promotion!, endsOn: '2026-10-01' } };
    const { entries } = computeCommissions({ plan, partner: partner({ promoSlot: 1 }), customers: [customer('T1', '2026-09-01')], lines }, '2026-11-01');
    expect(entries[0]?.rateBps).toBe(2000);
  });
});

describe('product-line overrides', () => {
  it('a fixed-rate line earns its own rate whatever the tier or promotion', () => {
    const plan: CommissionPlan = {
      ...SEED_003_SALES_PARTNER,
      productLineRates: [{ productLine: 'altegio', rateBps: 3500, label: 'fixed 35% for the Altegio line' }],
    };
    const lines = [
      payment('L1', 'T1', '2026-10-01', 30_00, { category: 'platform_fee', productLine: 'altegio' }),
      payment('L2', 'T1', '2026-10-01', 30_00, { category: 'platform_fee', productLine: 'kommo' }),
    ];
    const { entries } = computeCommissions({ plan, partner: partner({ promoSlot: 1 }), customers: [customer('T1', '2026-09-01')], lines }, '2026-11-01');
    expect(entries.map((e) => [e.revenueLineId, e.rateBps, e.amount.minor])).toEqual([
      ['L1', 3500, 10_50],
      ['L2', 5000, 15_00],
    ]);
    expect(entries[0]?.explanation).toBe('35% of £30.00 platform fee, fixed 35% for the Altegio line');
  });
});

describe('graduated tiers', () => {
  const usd = { currency: 'USD' as const };
  const graduatedMrr: CommissionPlan = {
    ...SEED_001_ALOWARE_LEAD_REFERRAL,
    rate: { ...(SEED_001_ALOWARE_LEAD_REFERRAL.rate as Extract<RateSchedule, { kind: 'tiered' }>), mode: 'graduated' },
  };
  const customers = ['A', 'B', 'C'].map((id) => customer(id, '2026-09-01', { closedOn: '2026-09-01' }));

  it('splits the payment that crosses $5,000.00: the first $5,000.00 at 20%, the rest at 30%', () => {
    const lines: RevenueLine[] = [
      payment('A', 'A', '2026-11-01', 3_000_00, usd),
      payment('B', 'B', '2026-11-03', 1_500_00, usd),
      payment('C', 'C', '2026-11-05', 800_00, usd),
    ];
    const { entries } = computeCommissions({ plan: graduatedMrr, partner: partner(), customers, lines }, '2026-12-31');
    expect(entries.map((e) => [e.key, e.base.minor, e.rateBps, e.amount.minor])).toEqual([
      ['A:revenue_share', 3_000_00, 2000, 600_00],
      ['B:revenue_share', 1_500_00, 2000, 300_00],
      ['C:revenue_share#1', 500_00, 2000, 100_00],
      ['C:revenue_share#2', 300_00, 3000, 90_00],
    ]);
    expect(entries[3]?.explanation).toBe(
      '30% of $300.00 (slice of the $800.00 subscription), graduated tier $5,000+ MRR ($5,000.00–$5,300.00 of 2026-11 volume)',
    );
  });

  it('reverses each slice of a split payment in proportion', () => {
    const c: RevenueLine = payment('C', 'C', '2026-11-05', 800_00, usd);
    const lines: RevenueLine[] = [payment('A', 'A', '2026-11-01', 4_500_00, usd), c, { ...c, id: 'R', kind: 'refund', paidOn: '2026-12-02', grossMinor: 400_00, originalLineId: 'C' }];
    const { entries } = computeCommissions({ plan: graduatedMrr, partner: partner(), customers, lines }, '2026-12-31');
    expect(entries.filter((e) => e.rule === 'refund_reversal').map((e) => [e.key, e.reverses, e.amount.minor])).toEqual([
      ['R:refund_reversal#1', 'C:revenue_share#1', -50_00],
      ['R:refund_reversal#2', 'C:revenue_share#2', -45_00],
    ]);
  });

  it('graduated client counts: the 30th client of the month onward earns 30%', () => {
    const plan = withRate({
      kind: 'tiered',
      metric: 'paying_clients_in_month',
      mode: 'graduated',
      thresholdCurrency: null,
      tiers: [
        { from: 0, rateBps: 2000, label: '1–29 clients' },
        { from: 30, rateBps: 3000, label: '30+ clients' },
      ],
    });
    const many = Array.from({ length: 31 }, (_, i) => customer(`K${String(i).padStart(2, '0')}`, '2026-01-01'));
    const lines = many.map((c) => payment(`L-${c.id}`, c.id, '2026-10-10', 10_00));
    const { entries } = computeCommissions({ plan, partner: partner(), customers: many, lines }, '2026-12-01');
    expect(entries.filter((e) => e.rateBps === 3000).map((e) => e.customerId)).toEqual(['K29', 'K30']);
  });

  it('onboarded tenants: the month’s count sets the whole month’s rate', () => {
    const plan = withRate({
      kind: 'tiered',
      metric: 'onboarded_tenants',
      mode: 'whole_volume',
      thresholdCurrency: null,
      tiers: [
        { from: 0, rateBps: 2000, label: 'under 3 tenants' },
        { from: 3, rateBps: 2500, label: '3+ tenants' },
      ],
    });
    const tenants = [customer('T1', '2026-01-05'), customer('T2', '2026-02-05'), customer('T3', '2026-03-31')];
    const lines = [payment('Feb', 'T1', '2026-02-10', 100_00), payment('Mar', 'T1', '2026-03-10', 100_00)];
    const { entries } = computeCommissions({ plan, partner: partner(), customers: tenants, lines }, '2026-12-01');
    expect(entries.map((e) => [e.revenueLineId, e.rateBps])).toEqual([
      ['Feb', 2000],
      ['Mar', 2500],
    ]);
    expect(entries[1]?.explanation).toMatch(/3 onboarded tenants by the end of 2026-03/);
  });
});

describe('counted revenue', () => {
  it('excludes product and price ids the plan names', () => {
    const plan: CommissionPlan = { ...SEED_000_ALLSET_AFFILIATE, base: { ...SEED_000_ALLSET_AFFILIATE.base, excludedProductIds: ['prod_ai'], excludedPriceIds: ['price_x'] } };
    const lines = [
      payment('L1', 'C1', '2025-03-01', 10_00, { productId: 'prod_ai' }),
      payment('L2', 'C1', '2025-03-01', 10_00, { priceId: 'price_x' }),
      payment('L3', 'C1', '2025-03-01', 10_00, { productId: 'prod_core', priceId: 'price_y' }),
    ];
    const result = computeCommissions({ plan, partner: partner(), customers: [customer('C1', '2025-02-01')], lines }, '2030-01-01');
    expect(result.entries.map((e) => e.revenueLineId)).toEqual(['L3']);
    expect(result.excluded.map((x) => x.reason)).toEqual(['product_excluded', 'price_excluded']);
    expect(result.entries[0]?.amount).toEqual(money('GBP', 1_50));
  });
});
