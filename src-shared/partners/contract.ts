import { z } from 'zod';
import { defineChannel } from '../rpc/contract';
import { IsoDateSchema } from '../dates/isoDate';
import { MAX_ATTACHMENT_BASE64 } from './attachments';
import { PartnerListQuery, PartnerPage, PartnerViewState, SavedView } from './listQuery';
import {
  AttachmentMeta,
  ContactFields,
  EmailAddress,
  ExtraBilling,
  OnboardingStepId,
  PartnerDetail,
  PartnerFields,
  PartnerFormat,
  PartnerStatus,
  ProgrammeRef,
  SetupFields,
} from './schemas';

export * from './schemas';
export * from './listQuery';

const Id = z.string().min(1, 'Missing id').max(100);
/** The version of the record the person edited (its updatedAt); a save against another version is a conflict. */
const ExpectedVersion = z.string().nullable();

// ── The list ──────────────────────────────────────────────────────────────────────────

/** One window of the list, sorted, filtered and searched in the database. */
export const list = defineChannel({
  name: 'partners.list',
  input: PartnerListQuery,
  output: PartnerPage,
  permission: 'partners.read',
});

export const filterOptions = defineChannel({
  name: 'partners.filterOptions',
  input: z.object({}).strict(),
  output: z.object({ programmes: z.array(ProgrammeRef), statuses: z.array(PartnerStatus), formats: z.array(PartnerFormat) }),
  permission: 'partners.read',
});

export const listViews = defineChannel({
  name: 'partners.listViews',
  input: z.object({}).strict(),
  output: z.array(SavedView),
  permission: 'partners.read',
});

/** Saves the person's current list view under a name (replacing their own view of that name). */
export const saveView = defineChannel({
  name: 'partners.saveView',
  input: z
    .object({ name: z.string().trim().min(1, 'Give the view a name').max(60, 'Keep the name under 60 characters'), state: PartnerViewState })
    .strict(),
  output: z.array(SavedView),
  // A view is the person's own preference: anyone who may read partners may keep views.
  permission: 'partners.read',
});

export const deleteView = defineChannel({
  name: 'partners.deleteView',
  input: z.object({ id: Id }).strict(),
  output: z.array(SavedView),
  permission: 'partners.read',
});

// ── The record ────────────────────────────────────────────────────────────────────────

export const get = defineChannel({
  name: 'partners.get',
  input: z.object({ id: Id }).strict(),
  output: PartnerDetail,
  permission: 'partners.read',
});

export const create = defineChannel({
  name: 'partners.create',
  input: PartnerFields.pick({ company: true, programmeId: true, format: true, country: true })
    .extend({
      status: PartnerStatus.default('applicant'),
      registeredOn: IsoDateSchema.optional(),
      contactName: z.string().trim().min(1, 'Enter the main contact’s name').max(200, 'Keep the name under 200 characters'),
      contactEmail: EmailAddress,
    })
    .strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

/** Changes some fields of the record; `expectedUpdatedAt` is the version the form was loaded from. */
export const update = defineChannel({
  name: 'partners.update',
  input: PartnerFields.partial().extend({ id: Id, expectedUpdatedAt: ExpectedVersion }).strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

/** Seed 000's set-up: integration type, hosted sign-up page, CRM access and the UK GDPR confirmation. */
export const setSetup = defineChannel({
  name: 'partners.setSetup',
  input: SetupFields.extend({ id: Id, expectedUpdatedAt: ExpectedVersion }).strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

export const setOnboardingStep = defineChannel({
  name: 'partners.setOnboardingStep',
  input: z
    .object({
      partnerId: Id,
      step: OnboardingStepId,
      dueOn: IsoDateSchema.nullable(),
      doneOn: IsoDateSchema.nullable(),
      owner: z.string().trim().max(100, 'Keep the owner under 100 characters'),
      note: z.string().trim().max(500, 'Keep the note under 500 characters').default(''),
    })
    .strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

// ── Contacts ──────────────────────────────────────────────────────────────────────────

export const addContact = defineChannel({
  name: 'partners.addContact',
  input: ContactFields.extend({ partnerId: Id }).strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

export const updateContact = defineChannel({
  name: 'partners.updateContact',
  input: ContactFields.extend({ id: Id }).strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

export const removeContact = defineChannel({
  name: 'partners.removeContact',
  input: z.object({ id: Id }).strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

// ── Seed 000, Appendix A: optional paid extras ────────────────────────────────────────

export const addExtra = defineChannel({
  name: 'partners.addExtra',
  input: z
    .object({
      partnerId: Id,
      description: z.string().trim().min(1, 'Describe the extra, as Appendix A names it').max(300, 'Keep the description under 300 characters'),
      /** The agreed cost as typed ("1,250.00"); the core turns it into minor units of `currency`. */
      cost: z.string().trim().min(1, 'Enter the agreed cost').max(30, 'Enter the cost as a number such as 1250.00'),
      currency: z.string().trim().toUpperCase().length(3, 'Use the three-letter currency code, e.g. GBP'),
      billing: ExtraBilling,
      agreedOn: IsoDateSchema,
    })
    .strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

export const removeExtra = defineChannel({
  name: 'partners.removeExtra',
  input: z.object({ id: Id }).strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

// ── Attachments, kept inside the encrypted workspace ──────────────────────────────────

export const uploadAttachment = defineChannel({
  name: 'partners.uploadAttachment',
  input: z
    .object({
      partnerId: Id,
      fileName: z.string().trim().min(1, 'The file needs a name').max(255, 'Keep the file name under 255 characters'),
      mimeType: z.string().trim().max(255).default('application/octet-stream'),
      contentBase64: z
        .string()
        .max(MAX_ATTACHMENT_BASE64, 'This file is larger than 20 MiB, the limit for attachments. Compress the file or split it into parts')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file’s content did not arrive intact; choose the file again'),
    })
    .strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});

export const getAttachment = defineChannel({
  name: 'partners.getAttachment',
  input: z.object({ id: Id }).strict(),
  output: AttachmentMeta.extend({ partnerId: z.string(), contentBase64: z.string() }),
  permission: 'partners.read',
});

export const removeAttachment = defineChannel({
  name: 'partners.removeAttachment',
  input: z.object({ id: Id }).strict(),
  output: PartnerDetail,
  permission: 'partners.write',
});
