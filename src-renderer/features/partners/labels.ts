import type {
  CrmAccessScope,
  ExtraBilling,
  IntegrationType,
  OnboardingStepId,
  PartnerFormat,
  PartnerStatus,
  StripeAccountState,
} from '../../../src-shared/partners/contract';
import type { TaxFormStatus } from '../../../src-shared/partners/taxForm';

// The words a person sees for the record's coded values.

export const formatLabel: Record<PartnerFormat, string> = {
  affiliate: 'Affiliate',
  referral: 'Referral',
  lead_referral: 'Lead referral',
  integrator: 'Integrator',
  reseller: 'Reseller',
};

export const statusLabel: Record<PartnerStatus, string> = {
  applicant: 'Applicant',
  onboarding: 'Onboarding',
  active: 'Active',
  suspended: 'Suspended',
  terminated: 'Terminated',
};

export const stripeStateLabel: Record<StripeAccountState, string> = {
  none: 'No account',
  pending: 'Pending',
  restricted: 'Restricted',
  enabled: 'Enabled',
};

export const stepLabel: Record<OnboardingStepId, string> = {
  contract_signed: 'Contract signed',
  stripe_connect: 'Stripe Connect set up',
  kickoff_call: 'Kickoff call',
  crm_access: 'CRM access provided',
  integration_built: 'Integration built',
  live: 'Live',
};

/** Seed 000's own words for each step, shown under its name. */
export const stepHint: Record<OnboardingStepId, string> = {
  contract_signed: 'Sign the contract and return it to us',
  stripe_connect: 'We send a link; it takes about 5 minutes',
  kickoff_call: 'With our technical team',
  crm_access: 'Read-only, after the UK GDPR confirmation',
  integration_built: 'Typically 2–4 weeks depending on complexity',
  live: 'Go live and start earning',
};

export const integrationLabel: Record<IntegrationType, string> = {
  web_pages: 'Web integration: pages in the partner’s web flow',
  webhook: 'Data integration: webhook after the partner’s onboarding',
};

export const crmLabel: Record<CrmAccessScope, string> = { none: 'No access', read_only: 'Read-only' };

export const billingLabel: Record<ExtraBilling, string> = { one_off: 'One-off', monthly: 'Monthly', yearly: 'Yearly' };

export const taxStatusLabel: Record<TaxFormStatus, string> = {
  missing: 'No tax form',
  valid: 'Tax form valid',
  no_expiry: 'Tax form on file',
  expiring: 'Tax form expires soon',
  expired: 'Tax form expired',
};
