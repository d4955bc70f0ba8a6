import { z } from 'zod';
import { IsoDateSchema } from '../dates/isoDate';
import { defineChannel } from '../rpc/contract';
import { LEAD_STATUSES } from './leadFlow';

// Referred customers, seed 001's lead pipeline, seed 002 §1.4's attribution disputes and
// seed 003's reseller activity status. Reads need partners.read, changes partners.write.

/** How a customer came to a partner: seed 000 (integration), 001 (warm intro, link), 002 (promo code, link). */
export const Attribution = z.enum(['referral_link', 'promo_code', 'warm_intro', 'integration', 'import'], {
  error: 'Choose how the customer was attributed: referral link, promo code, warm introduction, integration or import',
});
export type Attribution = z.infer<typeof Attribution>;

export const LeadSource = z.enum(['warm_intro', 'registration', 'referral_link'], {
  error: 'Choose how the partner referred the lead: warm introduction, registration or referral link',
});
export const LeadStatus = z.enum(LEAD_STATUSES);
export const DisputeStatus = z.enum(['open', 'upheld', 'rejected']);

const Id = z.string().trim().min(1, 'Choose a record').max(100);
const Text = (max: number, tooLong = `At most ${max} characters`) => z.string().trim().max(max, tooLong);
const Required = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `At most ${max} characters`);
const Email = z.union([z.literal(''), z.email('Enter an e-mail address like billing@example.com, or leave it empty')]);
const date = IsoDateSchema;
const optionalDate = IsoDateSchema.nullable().optional();

// ── customers ───────────────────────────────────────────────────────────────────────────

export const CustomerRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  externalRef: z.string().nullable(),
  partnerId: z.string().nullable(),
  partnerCompany: z.string().nullable(),
  programmeId: z.string().nullable(),
  programmeName: z.string().nullable(),
  attribution: Attribution.nullable(),
  signUpOn: z.string(),
  closedOn: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  promoCode: z.string().nullable(),
  productLine: z.string(),
  openDisputes: z.number().int(),
});
export type CustomerRow = z.infer<typeof CustomerRow>;

export const listCustomers = defineChannel({
  name: 'referrals.listCustomers',
  input: z
    .object({
      partnerId: Id.optional(),
      programmeId: Id.optional(),
      attribution: Attribution.optional(),
      /** Customers no partner is credited with. */
      unattributed: z.boolean().optional(),
      search: Text(200, 'Search text is limited to 200 characters').optional(),
      limit: z.number().int().min(1).max(100_000).default(2000),
    })
    .strict(),
  output: z.object({ rows: z.array(CustomerRow), total: z.number().int() }),
  permission: 'partners.read',
});

const CustomerFields = {
  name: Required(200, 'Enter the customer’s name'),
  email: Email.optional(),
  externalRef: Text(120).nullable().optional(),
  signUpOn: date,
  closedOn: optionalDate,
  cancelledOn: optionalDate,
  promoCode: Text(60).nullable().optional(),
  productLine: Text(120).optional(),
};

export const createCustomer = defineChannel({
  name: 'referrals.createCustomer',
  input: z
    .object({
      ...CustomerFields,
      /** Null or absent: an unattributed customer. */
      partnerId: Id.nullable().optional(),
      attribution: Attribution.nullable().optional(),
    })
    .strict(),
  output: CustomerRow,
  permission: 'partners.write',
});

/** Edits the customer's own facts; who is credited with it changes only through `attribute`. */
export const updateCustomer = defineChannel({
  name: 'referrals.updateCustomer',
  input: z
    .object({
      id: Id,
      name: CustomerFields.name.optional(),
      email: CustomerFields.email,
      externalRef: CustomerFields.externalRef,
      signUpOn: date.optional(),
      closedOn: optionalDate,
      cancelledOn: optionalDate,
      promoCode: CustomerFields.promoCode,
      productLine: CustomerFields.productLine,
    })
    .strict(),
  output: CustomerRow,
  permission: 'partners.write',
});

/** Assigns or reassigns a customer to a partner; audited with the previous partner. */
export const attribute = defineChannel({
  name: 'referrals.attribute',
  input: z
    .object({
      customerId: Id,
      partnerId: Id,
      attribution: Attribution,
      note: Text(500).optional(),
    })
    .strict(),
  output: CustomerRow,
  permission: 'partners.write',
});

// ── pickers ─────────────────────────────────────────────────────────────────────────────

export const PartnerOption = z.object({
  id: z.string(),
  company: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  format: z.string(),
  status: z.string(),
});
export type PartnerOption = z.infer<typeof PartnerOption>;

/** Programmes and partners for the filters and "attribute to" pickers of the referrals screens. */
export const partnerOptions = defineChannel({
  name: 'referrals.partnerOptions',
  input: z.object({}).strict(),
  output: z.object({
    programmes: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    partners: z.array(PartnerOption),
  }),
  permission: 'partners.read',
});

// ── leads (seed 001) ────────────────────────────────────────────────────────────────────

export const LeadRow = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerCompany: z.string(),
  programmeName: z.string(),
  company: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  source: LeadSource,
  status: LeadStatus,
  registeredOn: z.string(),
  qualifiedOn: z.string().nullable(),
  qualificationNote: z.string(),
  decidedOn: z.string().nullable(),
  lostReason: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
});
export type LeadRow = z.infer<typeof LeadRow>;

export const listLeads = defineChannel({
  name: 'referrals.listLeads',
  input: z.object({ partnerId: Id.optional(), status: LeadStatus.optional() }).strict(),
  output: z.object({ rows: z.array(LeadRow) }),
  permission: 'partners.read',
});

export const registerLead = defineChannel({
  name: 'referrals.registerLead',
  input: z
    .object({
      partnerId: Id,
      company: Required(200, 'Enter the prospect’s company'),
      contactName: Text(200).optional(),
      contactEmail: Email.optional(),
      source: LeadSource,
      registeredOn: date,
    })
    .strict(),
  output: LeadRow,
  permission: 'partners.write',
});

export const qualifyLead = defineChannel({
  name: 'referrals.qualifyLead',
  input: z
    .object({
      leadId: Id,
      qualifiedOn: date,
      note: Required(2000, 'Write down why the lead is qualified (e.g. 20 agents, uses HubSpot, demo booked)'),
    })
    .strict(),
  output: LeadRow,
  permission: 'partners.write',
});

export const winLead = defineChannel({
  name: 'referrals.winLead',
  input: z
    .object({
      leadId: Id,
      closedOn: date,
      /** Link an existing customer instead of creating one. */
      customerId: Id.optional(),
      /** For a new customer: its name (default: the lead's company) and sign-up date (default: the close date). */
      customerName: Text(200).optional(),
      signUpOn: date.optional(),
    })
    .strict(),
  output: LeadRow,
  permission: 'partners.write',
});

export const loseLead = defineChannel({
  name: 'referrals.loseLead',
  input: z
    .object({
      leadId: Id,
      decidedOn: date,
      reason: Required(2000, 'Say why the lead was lost (e.g. chose another vendor, fewer than 5 agents)'),
    })
    .strict(),
  output: LeadRow,
  permission: 'partners.write',
});

// ── attribution disputes (seed 002 §1.4) ────────────────────────────────────────────────

export const DisputeRow = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  claimantPartnerId: z.string(),
  claimantCompany: z.string(),
  currentPartnerId: z.string().nullable(),
  currentCompany: z.string().nullable(),
  openedOn: z.string(),
  evidence: z.string(),
  status: DisputeStatus,
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string(),
});
export type DisputeRow = z.infer<typeof DisputeRow>;

export const listDisputes = defineChannel({
  name: 'referrals.listDisputes',
  input: z
    .object({
      status: z.enum(['open', 'upheld', 'rejected', 'decided']).optional(),
      /** Disputes where the partner is the claimant or the partner currently credited. */
      partnerId: Id.optional(),
      customerId: Id.optional(),
    })
    .strict(),
  output: z.object({ rows: z.array(DisputeRow) }),
  permission: 'partners.read',
});

export const openDispute = defineChannel({
  name: 'referrals.openDispute',
  input: z
    .object({
      customerId: Id,
      claimantPartnerId: Id,
      openedOn: date,
      evidence: Required(4000, 'Describe the evidence of the partner’s integration support for this client (seed 002 §1.4)'),
    })
    .strict(),
  output: DisputeRow,
  permission: 'partners.write',
});

export const decideDispute = defineChannel({
  name: 'referrals.decideDispute',
  input: z
    .object({
      disputeId: Id,
      outcome: z.enum(['upheld', 'rejected'], { error: 'Choose upheld or rejected' }),
      decidedOn: date,
      note: Required(2000, 'Write down the reason for the decision'),
    })
    .strict(),
  output: DisputeRow,
  permission: 'partners.write',
});

// ── reseller activity status (seed 003) ─────────────────────────────────────────────────

export const ReferralSettings = z.object({
  /** Seed 003's "rolling evaluation window", in months (default 24). */
  resellerActivityWindowMonths: z.number().int(),
});

export const getSettings = defineChannel({
  name: 'referrals.getSettings',
  input: z.object({}).strict(),
  output: ReferralSettings,
  permission: 'partners.read',
});

export const setSettings = defineChannel({
  name: 'referrals.setSettings',
  input: z
    .object({
      resellerActivityWindowMonths: z
        .number({ error: 'Enter the window as a whole number of months' })
        .int('Enter the window as a whole number of months')
        .min(1, 'The window is at least 1 month')
        .max(120, 'The window is at most 120 months (10 years)'),
    })
    .strict(),
  output: ReferralSettings,
  permission: 'partners.write',
});

export const ResellerStatusRow = z.object({
  partnerId: z.string(),
  company: z.string(),
  programmeName: z.string(),
  partnerStatus: z.string(),
  /** What the dashboards show: "active", "at risk" or "locked 5y". */
  badge: z.enum(['active', 'at_risk', 'locked']),
  status: z.enum(['active', 'at_risk']),
  locked: z.boolean(),
  lockedOn: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  windowFrom: z.string(),
  windowTo: z.string(),
  newTenantsInWindow: z.number().int(),
  averagePerYear: z.number(),
  totalOnboarded: z.number().int(),
  explanation: z.string(),
});
export type ResellerStatusRow = z.infer<typeof ResellerStatusRow>;

/** Informational only: seed 003 — "Revenue and commission calculations remain independent from the status badge". */
export const resellerStatus = defineChannel({
  name: 'referrals.resellerStatus',
  input: z.object({ asOf: date.optional(), partnerId: Id.optional() }).strict(),
  output: z.object({
    asOf: z.string(),
    windowMonths: z.number().int(),
    targetNewTenantsPerYear: z.number(),
    lockAtTenants: z.number().int(),
    lockYears: z.number().int(),
    rows: z.array(ResellerStatusRow),
  }),
  permission: 'partners.read',
});
