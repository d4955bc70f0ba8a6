import { z } from 'zod';
import { IsoDateSchema } from '../dates/isoDate';

// The partner record's shapes, shared by the core (validation) and the renderer (types).
// Messages are written for the person at the form: they appear next to the field.

export const PartnerFormat = z.enum(['affiliate', 'referral', 'lead_referral', 'integrator', 'reseller']);
export type PartnerFormat = z.infer<typeof PartnerFormat>;
export const PartnerStatus = z.enum(['applicant', 'onboarding', 'active', 'suspended', 'terminated']);
export type PartnerStatus = z.infer<typeof PartnerStatus>;
export const StripeAccountState = z.enum(['none', 'pending', 'restricted', 'enabled']);
/** How payouts reach the partner: Stripe Connect transfers, or paid outside the app (bank transfer…) and marked paid. */
export const PayoutMethod = z.enum(['stripe_connect', 'outside']);
export type PayoutMethod = z.infer<typeof PayoutMethod>;
export type StripeAccountState = z.infer<typeof StripeAccountState>;
export const TaxFormKind = z.enum(['W-9', 'W-8BEN', 'W-8BEN-E']);
export type TaxFormKind = z.infer<typeof TaxFormKind>;
// Seed 000: "Web integration: pages in your website flow" or "Data integration: a webhook after your onboarding".
export const IntegrationType = z.enum(['web_pages', 'webhook']);
export type IntegrationType = z.infer<typeof IntegrationType>;
// Seed 000: "We'll need read-only access to your CRM".
export const CrmAccessScope = z.enum(['none', 'read_only']);
export type CrmAccessScope = z.infer<typeof CrmAccessScope>;
export const ExtraBilling = z.enum(['one_off', 'monthly', 'yearly']);
export type ExtraBilling = z.infer<typeof ExtraBilling>;

const isHttpUrl = (v: string, httpsOnly: boolean) => {
  try {
    const u = new URL(v);
    return httpsOnly ? u.protocol === 'https:' : u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

export const CompanyName = z.string().trim().min(1, 'Enter the company name').max(200, 'Keep the company name under 200 characters');
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-Z]{2})?$/, 'Use the two-letter country code, e.g. GB, US or DE');
export const EmailAddress = z
  .string()
  .trim()
  .max(254, 'An e-mail address has at most 254 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an e-mail address such as name@company.com');
const OptionalEmail = z.union([z.literal(''), EmailAddress]);
export const StripeAccountId = z
  .string()
  .trim()
  .regex(/^acct_[A-Za-z0-9]{6,}$/, 'A Stripe Connect account id starts with acct_ (e.g. acct_1Nv0FGQ9RKHgCVdK)');
const RateBps = z
  .number({ error: 'Enter the rate in basis points as a whole number (2000 = 20%)' })
  .int('Enter the rate in basis points as a whole number (2000 = 20%)')
  .min(0, 'A rate cannot be negative')
  .max(10_000, 'A rate cannot be more than 10000 basis points (100%)');

/** The fields of the partner record form (Overview tab). */
export const PartnerFields = z.object({
  company: CompanyName,
  programmeId: z.string().min(1, 'Choose the programme'),
  format: PartnerFormat,
  status: PartnerStatus,
  country: CountryCode,
  website: z
    .string()
    .trim()
    .max(300, 'Keep the address under 300 characters')
    .refine((v) => v === '' || isHttpUrl(v, false), 'Enter the full address, starting with https://'),
  focusMarket: z.string().trim().max(200, 'Keep the focus market under 200 characters'),
  promoCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,24}$/, 'A promo code has 3 to 24 letters, digits, - or _')
    .nullable(),
  /** Free text for now; commission plans arrive with the commission engine. */
  planId: z.string().trim().max(100, 'Keep the plan id under 100 characters').nullable(),
  /** Seed 003: "configured per reseller"; null = the plan's rate. */
  commissionRateBps: RateBps.nullable(),
  stripeAccountId: StripeAccountId.nullable(),
  stripeAccountState: StripeAccountState,
  payoutMethod: PayoutMethod,
  taxFormKind: TaxFormKind.nullable(),
  taxFormReceivedOn: IsoDateSchema.nullable(),
  taxFormExpiresOn: IsoDateSchema.nullable(),
  notes: z.string().max(20_000, 'Notes are limited to 20,000 characters'),
  registeredOn: IsoDateSchema,
});
export type PartnerFields = z.output<typeof PartnerFields>;

export const Contact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  role: z.string(),
  isPrimary: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactFields = z.object({
  name: z.string().trim().min(1, 'Enter the contact’s name').max(200, 'Keep the name under 200 characters'),
  email: OptionalEmail,
  phone: z.string().trim().max(50, 'Keep the phone number under 50 characters'),
  role: z.string().trim().max(100, 'Keep the role under 100 characters'),
  isPrimary: z.boolean(),
});

export const OnboardingStepId = z.enum(['contract_signed', 'stripe_connect', 'kickoff_call', 'crm_access', 'integration_built', 'live']);
export type OnboardingStepId = z.infer<typeof OnboardingStepId>;

export const OnboardingStep = z.object({
  step: OnboardingStepId,
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  owner: z.string(),
  note: z.string(),
});
export type OnboardingStep = z.infer<typeof OnboardingStep>;

export const PartnerSetup = z.object({
  integrationType: IntegrationType.nullable(),
  hostedSignupUrl: z.string().nullable(),
  crmAccessScope: CrmAccessScope,
  gdprConfirmedOn: z.string().nullable(),
  gdprConfirmedBy: z.string().nullable(),
});
export type PartnerSetup = z.infer<typeof PartnerSetup>;

export const SetupFields = z.object({
  integrationType: IntegrationType.nullable(),
  hostedSignupUrl: z
    .string()
    .trim()
    .max(500, 'Keep the address under 500 characters')
    .refine((v) => isHttpUrl(v, true), 'The hosted sign-up page needs a full https:// address')
    .nullable(),
  crmAccessScope: CrmAccessScope,
  gdprConfirmedOn: IsoDateSchema.nullable(),
  gdprConfirmedBy: z.string().trim().max(200, 'Keep the name under 200 characters').nullable(),
});

export const Extra = z.object({
  id: z.string(),
  description: z.string(),
  costMinor: z.number().int(),
  currency: z.string(),
  billing: ExtraBilling,
  agreedOn: z.string(),
});
export type Extra = z.infer<typeof Extra>;

export const AttachmentMeta = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export const ProgrammeRef = z.object({ id: z.string(), code: z.string(), name: z.string(), currency: z.string() });
export type ProgrammeRef = z.infer<typeof ProgrammeRef>;

/** One partner with everything its page shows. `updatedAt` is the version the next save must name. */
export const PartnerDetail = z.object({
  id: z.string(),
  programme: ProgrammeRef,
  company: z.string(),
  format: PartnerFormat,
  status: PartnerStatus,
  contactName: z.string(),
  contactEmail: z.string(),
  country: z.string(),
  website: z.string(),
  focusMarket: z.string(),
  promoCode: z.string().nullable(),
  planId: z.string().nullable(),
  commissionRateBps: z.number().int().nullable(),
  stripeAccountId: z.string().nullable(),
  stripeAccountState: StripeAccountState,
  payoutMethod: PayoutMethod,
  taxFormKind: TaxFormKind.nullable(),
  taxFormReceivedOn: z.string().nullable(),
  taxFormExpiresOn: z.string().nullable(),
  notes: z.string(),
  registeredOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  setup: PartnerSetup,
  contacts: z.array(Contact),
  onboarding: z.array(OnboardingStep),
  extras: z.array(Extra),
  attachments: z.array(AttachmentMeta),
});
export type PartnerDetail = z.infer<typeof PartnerDetail>;
