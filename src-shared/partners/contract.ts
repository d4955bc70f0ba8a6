import { z } from 'zod';
import { defineChannel } from '../rpc/contract';

export const PartnerFormat = z.enum(['affiliate', 'referral', 'lead_referral', 'integrator', 'reseller']);
export const PartnerStatus = z.enum(['applicant', 'onboarding', 'active', 'suspended', 'terminated']);

export const PartnerRow = z.object({
  id: z.string(),
  company: z.string(),
  programme: z.string(),
  format: PartnerFormat,
  status: PartnerStatus,
  contactEmail: z.string(),
  country: z.string(),
  registeredOn: z.string(),
  customers: z.number().int(),
});
export type PartnerRow = z.infer<typeof PartnerRow>;

export const list = defineChannel({
  name: 'partners.list',
  input: z
    .object({
      search: z.string().max(200, 'Search text is limited to 200 characters').optional(),
      limit: z.number().int().min(1).max(100_000).default(500),
    })
    .strict(),
  output: z.object({ rows: z.array(PartnerRow), total: z.number().int() }),
  permission: 'partners.read',
});
