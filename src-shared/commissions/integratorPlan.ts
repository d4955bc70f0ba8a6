import { z } from 'zod';
import { CurrencyCodeSchema, MoneySchema } from '../money/schema';
import type { IntegratorTerms } from './integrator';
import { SEED_002_MESSAGE_HELP_INTEGRATOR } from './presets';

// Seed 002's integrator format as a stored plan: the partner earns no commission; it
// pays for its clients minus a tiered discount from a prepaid balance (§1.2, §1.7) and
// gets a welcome bonus (§1.3). A plan version's body is either a CommissionPlan or this.

export type IntegratorPlan = {
  kind: 'integrator';
  id: string;
  version: number;
  name: string;
  source: string;
  terms: IntegratorTerms;
};

const Bps = z.number().int().min(0).max(10_000);

export const IntegratorTermsSchema: z.ZodType<IntegratorTerms> = z
  .object({
    currency: CurrencyCodeSchema,
    tieredLines: z.array(z.string().min(1)).min(1, 'Name at least one product line the client-count discount applies to'),
    tiers: z.array(z.object({ minClients: z.number().int().min(1), discountBps: Bps, label: z.string().min(1) })).min(1),
    fixedLines: z.array(z.object({ productLine: z.string().min(1), discountBps: Bps, label: z.string().min(1) })),
    welcomeBonus: z
      .object({ amount: MoneySchema, usableForDays: z.number().int().min(0), maxClients: z.number().int().min(1).nullable() })
      .nullable(),
  })
  .superRefine((t, ctx) => {
    if (t.tiers[0]?.minClients !== 1) ctx.addIssue({ code: 'custom', path: ['tiers', 0, 'minClients'], message: 'The first discount tier must start at 1 client' });
    t.tiers.forEach((tier, i) => {
      const previous = t.tiers[i - 1];
      if (previous && tier.minClients <= previous.minClients) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'minClients'], message: 'Client counts must increase from tier to tier' });
    });
    if (t.welcomeBonus && t.welcomeBonus.amount.currency !== t.currency) {
      ctx.addIssue({ code: 'custom', path: ['welcomeBonus', 'amount', 'currency'], message: `The welcome bonus must be in the plan's currency, ${t.currency}` });
    }
  });

export const IntegratorPlanSchema: z.ZodType<IntegratorPlan> = z.object({
  kind: z.literal('integrator'),
  id: z.string().min(1),
  version: z.number().int().min(1),
  name: z.string().min(1),
  source: z.string(),
  terms: IntegratorTermsSchema,
});

export const SEED_002_MESSAGE_HELP_INTEGRATOR_PLAN: IntegratorPlan = {
  kind: 'integrator',
  id: 'seed-002-message-help-integrator',
  version: 1,
  name: 'Message.Help integrator programme',
  source: 'Seed 002, §1.2 (integrator discounts), §1.3 (welcome bonus), §1.7 (prepaid balance)',
  terms: SEED_002_MESSAGE_HELP_INTEGRATOR,
};
