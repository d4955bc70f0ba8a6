import { z } from 'zod';
import { AgreementTermsSchema } from '../agreements/terms';
import { IsoDateSchema } from '../dates/isoDate';
import { PartnerFormat } from '../partners/contract';
import { defineChannel } from '../rpc/contract';

// Seed 003: "Submit your company profile, focus market, and expected tenant pipeline
// through the reseller application form … Super admins review your request. On approval
// we create your reseller record, set your commission …". The same intake serves every
// programme of the workspace.

export const ApplicationStatus = z.enum(['submitted', 'approved', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const RejectReason = z.enum(['not_a_fit', 'insufficient_pipeline', 'duplicate', 'compliance', 'incomplete', 'other'], {
  error: 'Choose why the application is rejected',
});
export type RejectReason = z.infer<typeof RejectReason>;

export const rejectReasonLabels: Record<RejectReason, string> = {
  not_a_fit: 'Not a fit for the programme',
  insufficient_pipeline: 'Pipeline too small',
  duplicate: 'Duplicate or existing partner',
  compliance: 'Compliance concerns',
  incomplete: 'Application incomplete',
  other: 'Other reason',
};

export const ApplicationRow = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeCode: z.string(),
  programmeName: z.string(),
  format: PartnerFormat,
  company: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  country: z.string(),
  website: z.string(),
  focusMarket: z.string(),
  expectedTenantsPerYear: z.number().int(),
  pipelineNote: z.string(),
  submittedOn: z.string(),
  status: ApplicationStatus,
  /** ISO timestamp of the decision. */
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  rejectReason: RejectReason.nullable(),
  decisionNote: z.string(),
  partnerId: z.string().nullable(),
  approvedRateBps: z.number().int().nullable(),
  planId: z.string().nullable(),
  promoSlotNo: z.number().int().nullable(),
});
export type ApplicationRow = z.infer<typeof ApplicationRow>;

/** A programme as the intake form and the slot banner need it. */
export const ProgrammeSlots = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  formats: z.array(PartnerFormat),
  promoSlotCapacity: z.number().int(),
  slotsTaken: z.number().int(),
  slotsLeft: z.number().int(),
  standardRateBps: z.number().int().nullable(),
  promoRateBps: z.number().int().nullable(),
});
export type ProgrammeSlots = z.infer<typeof ProgrammeSlots>;

const required = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `At most ${max} characters`);

const isWebsite = (v: string) => {
  try {
    const u = new URL(/^https?:\/\//i.test(v) ? v : `https://${v}`);
    return /^https?:$/.test(u.protocol) && u.hostname.includes('.') && !/\s/.test(v);
  } catch {
    return false;
  }
};

export const SubmitInput = z
  .object({
    programmeId: z.string({ error: 'Choose the programme the company applies to' }).min(1, 'Choose the programme the company applies to'),
    format: z.enum(PartnerFormat.options, { error: 'Choose the partner format' }),
    company: required('Enter the company name', 200),
    contactName: required('Enter the name of the person applying', 120),
    contactEmail: z
      .string({ error: 'Enter the contact e-mail address' })
      .trim()
      .min(1, 'Enter the contact e-mail address')
      .max(254, 'At most 254 characters')
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an e-mail address like name@company.com'),
    country: z
      .string({ error: 'Enter the country' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Use the two-letter country code, e.g. US, GB or DE'),
    website: z
      .string()
      .trim()
      .max(300, 'At most 300 characters')
      .refine((v) => v === '' || isWebsite(v), 'Enter the website like example.com or https://example.com')
      .transform((v) => (v === '' || /^https?:\/\//i.test(v) ? v : `https://${v}`))
      .default(''),
    focusMarket: z.string().trim().max(200, 'At most 200 characters').default(''),
    expectedTenantsPerYear: z
      .number({ error: 'Enter the expected new tenants a year as a whole number (0 if unknown)' })
      .int('Use a whole number of tenants')
      .min(0, 'The pipeline cannot be negative')
      .max(10_000, 'More than 10,000 new tenants a year — check the figure'),
    pipelineNote: z.string().trim().max(2000, 'At most 2,000 characters').default(''),
    /** When the application arrived; empty = today. */
    submittedOn: IsoDateSchema.optional(),
  })
  .strict()
  // Seed 003's application form asks every reseller for its focus market.
  .refine((v) => !(v.format === 'reseller' && v.focusMarket === ''), {
    path: ['focusMarket'],
    message: 'Resellers state their focus market (seed 003 asks for it)',
    when: (p) => {
      const v = p.value as { format?: unknown; focusMarket?: unknown };
      return typeof v?.format === 'string' && typeof v?.focusMarket === 'string';
    },
  });

export const submit = defineChannel({
  name: 'applications.submit',
  input: SubmitInput,
  output: ApplicationRow,
  permission: 'partners.write',
});

export const list = defineChannel({
  name: 'applications.list',
  input: z
    .object({
      status: z.enum(['submitted', 'approved', 'rejected', 'all']).default('all'),
      programmeId: z.string().min(1).optional(),
    })
    .strict(),
  output: z.object({
    /** Waiting applications first, oldest first; then decided ones, latest decision first. */
    rows: z.array(ApplicationRow),
    programmes: z.array(ProgrammeSlots),
    counts: z.object({ submitted: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
  }),
  permission: 'partners.read',
});

const ById = z.object({ id: z.string().min(1, 'Which application?') }).strict();

export const get = defineChannel({
  name: 'applications.get',
  input: ById,
  output: ApplicationRow,
  permission: 'partners.read',
});

export const ApprovalDefaults = z.object({
  application: ApplicationRow,
  programme: ProgrammeSlots,
  /** Whether a promotion slot is still free (the dialog ticks "take a promotion slot"). */
  claimPromoSlot: z.boolean(),
  nextSlotNo: z.number().int().nullable(),
  rateBps: z.number().int().nullable(),
  planId: z.string().nullable(),
  agreement: AgreementTermsSchema,
  templateCode: z.string(),
});
export type ApprovalDefaults = z.infer<typeof ApprovalDefaults>;

export const approvalDefaults = defineChannel({
  name: 'applications.approvalDefaults',
  input: ById,
  output: ApprovalDefaults,
  permission: 'partners.read',
});

export const ApproveInput = z
  .object({
    id: z.string().min(1, 'Which application?'),
    /** Take the next promotion slot if one is free; default: yes when the programme has slots. */
    claimPromoSlot: z.boolean().optional(),
    /** The partner's own rate in basis points; null = the plan's rate; absent = the default. */
    rateBps: z
      .number({ error: 'Enter the commission rate in basis points, e.g. 2000 for 20%' })
      .int('Use whole basis points (2000 = 20%)')
      .min(0, 'A commission rate cannot be negative')
      .max(10_000, 'A commission rate is at most 10000 basis points (100%)')
      .nullable()
      .optional(),
    planId: z.string().trim().max(100, 'At most 100 characters').nullable().optional(),
    /** The agreement's version 1; absent = the programme's terms, effective today. */
    agreement: AgreementTermsSchema.optional(),
    note: z.string().trim().max(2000, 'At most 2,000 characters').default(''),
  })
  .strict();

export const ApprovalResult = z.object({
  application: ApplicationRow,
  partnerId: z.string(),
  agreementId: z.string(),
  agreementVersion: z.number().int(),
  promoSlotNo: z.number().int().nullable(),
  rateBps: z.number().int().nullable(),
  /** A slot was asked for but another approval took the last one first. */
  promoMissed: z.boolean(),
  /** What happened, in a sentence for the reviewer. */
  message: z.string(),
});
export type ApprovalResult = z.infer<typeof ApprovalResult>;

export const approve = defineChannel({
  name: 'applications.approve',
  input: ApproveInput,
  output: ApprovalResult,
  permission: 'applications.decide',
});

export const reject = defineChannel({
  name: 'applications.reject',
  input: z
    .object({
      id: z.string().min(1, 'Which application?'),
      reason: RejectReason,
      note: z.string().trim().max(2000, 'At most 2,000 characters').default(''),
    })
    .strict()
    .refine((v) => !(v.reason === 'other' && v.note === ''), {
      path: ['note'],
      message: 'Say why in a note when the reason is "Other"',
      when: (p) => typeof (p.value as { note?: unknown })?.note === 'string',
    }),
  output: ApplicationRow,
  permission: 'applications.decide',
});
