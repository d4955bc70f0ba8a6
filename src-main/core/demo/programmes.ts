/**
 * The four seed programmes as the demo workspace presents them. The partner names are
 * invented; the terms are the ones the programme documents state (../shared/seeds).
 */
export const demoProgrammes = [
  {
    code: 'allset',
    name: 'AllSet affiliate programme',
    currency: 'GBP',
    description: 'Revenue share on every payment a referred customer makes, for a set number of months from sign-up; paid to Stripe Connect.',
    format: 'affiliate',
    // Seed 000: 12-month initial term, then rolling with 3 months' notice; revenue share stops on termination.
    agreement: { initialTermMonths: 12, afterInitialTerm: 'rolling', noticeUnit: 'months', noticeCount: 3, governingLaw: 'England and Wales', postTermination: 'stops', curePeriodDays: null, nonSolicitMonths: null, breachOutcome: 'terminate' },
    companies: ['Brightwell Field Services', 'Harbour Lane Cleaning Co', 'Keystone Trades Hub', 'Northgate Salon Suite', 'Pennine Property Care', 'Quayside Garage Systems', 'Riverbend Pet Grooming', 'Thistle & Oak Landscaping'],
    tariffs: [{ category: 'subscription', product: 'AllSet Solo', minor: 4000 }, { category: 'subscription', product: 'AllSet Team', minor: 6000 }, { category: 'subscription', product: 'AllSet Business', minor: 12000 }],
  },
  {
    code: 'aloware',
    name: 'Aloware affiliate & lead referral',
    currency: 'USD',
    description: 'Recurring commission on subscription MRR only: 20% below $5,000 referred MRR a month, 30% at or above.',
    format: 'lead_referral',
    // Seed 001: 3-day notice, 15-day cure period for breach, 1-year non-solicit, California law.
    agreement: { initialTermMonths: 0, afterInitialTerm: 'rolling', noticeUnit: 'days', noticeCount: 3, governingLaw: 'State of California', postTermination: 'stops', curePeriodDays: 15, nonSolicitMonths: 12, breachOutcome: 'terminate' },
    companies: ['Pipeline Partners LLC', 'HubSpring Consulting', 'Zohoready Solutions', 'Contact Center Advisors', 'Dialwise Integrations', 'Revenue Ops Collective', 'CloudDesk Resellers', 'SMB Voice Group'],
    tariffs: [{ category: 'subscription', product: 'Aloware Pro (5 seats)', minor: 150000 }, { category: 'subscription', product: 'Aloware Pro (10 seats)', minor: 300000 }, { category: 'subscription', product: 'Aloware Basic (3 seats)', minor: 80000 }],
  },
  {
    code: 'messagehelp',
    name: 'Message.Help partners',
    currency: 'EUR',
    description: 'Referral format (20% for 1–29 clients, 30% from 30) and integrator format (35/40/50% discount from a prepaid balance).',
    format: 'referral',
    agreement: { initialTermMonths: 0, afterInitialTerm: 'rolling', noticeUnit: 'days', noticeCount: 30, governingLaw: 'Estonia', postTermination: 'stops', curePeriodDays: null, nonSolicitMonths: null, breachOutcome: 'suspend' },
    companies: ['WhatsApp CRM Reviews', 'Kommo Integrators OÜ', 'Bitrix Bridge GmbH', 'ChatFunnel Media', 'Altegio Studio Partners', 'Inbox Heroes'],
    tariffs: [{ category: 'subscription', product: 'Message.Help Start', minor: 2000 }, { category: 'subscription', product: 'Message.Help Unlim (monthly)', minor: 3600 }, { category: 'subscription', product: 'Message.Help Altegio', minor: 3000 }],
  },
  {
    code: 'salespartner',
    name: 'Sales partner programme',
    currency: 'USD',
    description: 'Resellers earn 20% of effective platform fee plus message overage (50% for the first 3 approved).',
    format: 'reseller',
    agreement: { initialTermMonths: 0, afterInitialTerm: 'rolling', noticeUnit: 'days', noticeCount: 30, governingLaw: 'State of Delaware', postTermination: 'stops', curePeriodDays: 30, nonSolicitMonths: null, breachOutcome: 'suspend' },
    companies: ['Northwind Resellers', 'Tenantly Partners', 'Assistly Channel Co', 'DocBot Distribution', 'Helix SaaS Partners', 'Lumen Reseller Network'],
    tariffs: [{ category: 'platform_fee', product: 'Platform Growth', minor: 9900 }, { category: 'platform_fee', product: 'Platform Scale', minor: 24900 }],
  },
] as const;
