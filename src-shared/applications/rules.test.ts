import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementTemplates, defaultTemplate } from '../agreements/templates';
import { assignPromoSlots } from '../commissions/resellerStatus';
import type { IsoDate } from '../dates/isoDate';
import {
  approvalDefaults,
  approvalOutcome,
  defaultPlanId,
  formatsFor,
  nextPromoSlot,
  percentText,
  programmeRates,
  promoSlotsLeft,
  promoSlotsText,
} from './rules';

const SALES = programmeRates('salespartner', 3);

describe('promotion slots', () => {
  it.each([
    [[], 3, 1],
    [[1], 3, 2],
    [[1, 2], 3, 3],
    [[1, 2, 3], 3, null],
    [[2, 3], 3, 1], // a gap is filled first
    [[], 0, null], // no promotion
    [[1, 2, 3], 2, null], // capacity lowered below the slots handed out
  ])('taken %j of %i → next slot %s', (taken, capacity, next) => {
    expect(nextPromoSlot(taken, capacity)).toBe(next);
  });

  it.each([
    [[], 3, '3 of 3 promotion slots left'],
    [[1, 2], 3, '1 of 3 promotion slots left'],
    [[1, 2, 3], 3, '0 of 3 promotion slots left'],
    [[1, 2, 3], 2, '0 of 2 promotion slots left'],
    [[], 1, '1 of 1 promotion slot left'],
  ])('taken %j of %i → "%s"', (taken, capacity, text) => {
    expect(promoSlotsText(promoSlotsLeft(taken, capacity), capacity)).toBe(text);
  });

  it('follow approval order: approving one by one gives the same slots as seed 003’s "first 3 approved" rule', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 0, maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (approvalOrder, capacity) => {
        // The service's way: each approval reads the slots taken so far and takes the next.
        const taken: number[] = [];
        const bySlot = approvalOrder.map((id) => {
          const outcome = approvalOutcome({ claimPromoSlot: capacity > 0, nextSlot: nextPromoSlot(taken, capacity), rateBps: undefined, rates: programmeRates('salespartner', capacity) });
          if (outcome.slotNo !== null) taken.push(outcome.slotNo);
          return { partnerId: `p${String(id).padStart(5, '0')}`, slot: outcome.slotNo, rate: outcome.rateBps };
        });
        // The commission engine's reading of the rule, from the approval times.
        const expected = assignPromoSlots(bySlot.map((b, i) => ({ partnerId: b.partnerId, approvedAt: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z` })), capacity);
        expect(bySlot.map((b) => b.slot)).toEqual(expected.assignments.map((a) => a.promoSlot));
        expect(capacity - taken.length).toBe(expected.slotsLeft);
        // Slot holders earn the promotion rate, everyone after them the standard rate.
        for (const b of bySlot) expect(b.rate).toBe(b.slot === null ? 2000 : 5000);
      }),
    );
  });
});

describe('the rate an approval gives', () => {
  it.each([
    // claim, next slot, reviewer's rate → slot, rate, missed
    [true, 3, undefined, 3, 5000, false],
    [true, 3, 4000, 3, 4000, false],
    [true, null, undefined, null, 2000, true], // the last slot went to another approval first
    [true, null, 4000, null, 2000, true],
    [false, 3, undefined, null, 2000, false],
    [false, 3, 2500, null, 2500, false],
    [false, null, null, null, null, false], // the plan's rate
  ] as const)('claim %s, next slot %s, rate %s → slot %s at %s (missed %s)', (claim, next, rate, slot, bps, missed) => {
    expect(approvalOutcome({ claimPromoSlot: claim, nextSlot: next, rateBps: rate, rates: SALES })).toEqual({ slotNo: slot, rateBps: bps, promoMissed: missed });
  });

  it('leaves tiered programmes on their plan’s rate', () => {
    expect(programmeRates('aloware', 0)).toEqual({ standardRateBps: null, promoRateBps: null });
    expect(approvalOutcome({ claimPromoSlot: false, nextSlot: null, rateBps: undefined, rates: programmeRates('aloware', 0) }).rateBps).toBeNull();
  });

  it.each([
    [5000, '50%'],
    [2000, '20%'],
    [1250, '12.5%'],
    [1234, '12.34%'],
    [0, '0%'],
    [10000, '100%'],
  ])('%i basis points read as %s', (bps, text) => {
    expect(percentText(bps)).toBe(text);
  });
});

describe('approval defaults', () => {
  const today = '2026-03-10' as IsoDate;

  it('offer the promotion while a slot is free and the standard rate once they are gone', () => {
    const free = approvalDefaults({ programmeCode: 'salespartner', promoSlotCapacity: 3, slotsTaken: [1, 2], format: 'reseller', today });
    expect(free).toMatchObject({ claimPromoSlot: true, rateBps: 5000, planId: 'seed-003-sales-partner', templateCode: 'salespartner' });
    expect(free.agreement).toEqual({ ...agreementTemplates.salespartner, effectiveOn: today });
    const full = approvalDefaults({ programmeCode: 'salespartner', promoSlotCapacity: 3, slotsTaken: [1, 2, 3], format: 'reseller', today });
    expect(full).toMatchObject({ claimPromoSlot: false, rateBps: 2000 });
  });

  it('prefill each programme’s own agreement terms, and the default terms for an unknown programme', () => {
    for (const code of ['allset', 'aloware', 'messagehelp', 'salespartner']) {
      const d = approvalDefaults({ programmeCode: code, promoSlotCapacity: 0, slotsTaken: [], format: formatsFor(code)[0]!, today });
      expect(d.agreement).toEqual({ ...agreementTemplates[code], effectiveOn: today });
    }
    const other = approvalDefaults({ programmeCode: 'acme', promoSlotCapacity: 0, slotsTaken: [], format: 'referral', today });
    expect(other).toMatchObject({ templateCode: 'default', planId: null, rateBps: null, agreement: { ...defaultTemplate, effectiveOn: today } });
  });

  it('do not share the template object, so editing the prefilled terms cannot change the template', () => {
    const d = approvalDefaults({ programmeCode: 'allset', promoSlotCapacity: 0, slotsTaken: [], format: 'affiliate', today });
    d.agreement.noticePeriod.count = 99;
    expect(agreementTemplates.allset!.noticePeriod.count).toBe(3);
  });

  it.each([
    ['allset', 'affiliate', 'seed-000-allset-affiliate'],
    ['aloware', 'lead_referral', 'seed-001-aloware-lead-referral'],
    ['messagehelp', 'referral', 'seed-002-message-help-referral'],
    ['messagehelp', 'integrator', null], // seed 002 integrators buy at a discount instead
    ['salespartner', 'reseller', 'seed-003-sales-partner'],
  ] as const)('%s %s partners start on plan %s', (code, format, plan) => {
    expect(defaultPlanId(code, format)).toBe(plan);
  });

  it('know which formats each seed programme takes', () => {
    expect(formatsFor('salespartner')).toEqual(['reseller']);
    expect(formatsFor('messagehelp')).toEqual(['referral', 'integrator']);
    expect(formatsFor('somethingelse')).toHaveLength(5);
  });
});
