// Channels of the drafts domain: the marketing-draft review queue (issue 7).
import { z } from 'zod';
import { IsoDateSchema } from '../dates/isoDate';
import { defineChannel } from '../rpc/contract';
import { DRAFT_CHANNELS, DRAFT_STATES, REJECTION_REASONS } from './states';
import { MAX_DRAFT_FILE_BASE64 } from './files';

const Id = z.string().min(1).max(100);
const Note = z.string().trim().max(4000, 'Keep the note under 4,000 characters');

const FileInput = z
  .object({
    fileName: z.string().trim().min(1, 'The file needs a name').max(255, 'Keep the file name under 255 characters'),
    mimeType: z.string().trim().max(255).default(''),
    contentBase64: z
      .string()
      .max(MAX_DRAFT_FILE_BASE64, 'This file is larger than 10 MiB, the limit for a draft’s file. Compress it or send a smaller export')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file’s content did not arrive intact; choose the file again'),
  })
  .strict();
const Files = z.array(FileInput).min(1, 'Add at least one file: the draft as the partner sent it').max(20, 'A draft holds at most 20 files');

const Finding = z.object({
  kind: z.string(),
  severity: z.enum(['error', 'warning']),
  start: z.number(),
  end: z.number(),
  match: z.string(),
  message: z.string(),
});

const DraftRow = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  programmeCode: z.string(),
  title: z.string(),
  channel: z.enum(DRAFT_CHANNELS),
  state: z.enum(DRAFT_STATES),
  currentVersion: z.number(),
  campaignStartsOn: z.string(),
  campaignEndsOn: z.string().nullable(),
  assignedTo: z.string().nullable(),
  assignedName: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  registeredBy: z.string(),
  registeredByName: z.string(),
  registeredAt: z.string(),
});
export type DraftRow = z.infer<typeof DraftRow>;

const FileView = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  contentBase64: z.string(),
  text: z.string().nullable(),
  pageCount: z.number().nullable(),
  findings: z.array(Finding),
});

const Version = z.object({
  version: z.number(),
  note: z.string(),
  contentHash: z.string(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
});

const Event = z.object({
  version: z.number(),
  fromState: z.string().nullable(),
  toState: z.string(),
  reason: z.string().nullable(),
  note: z.string(),
  checklist: z.record(z.string(), z.boolean()).nullable(),
  contentHash: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
});

const Comment = z.object({
  id: z.string(),
  version: z.number(),
  fileId: z.string().nullable(),
  anchorStart: z.number().nullable(),
  anchorEnd: z.number().nullable(),
  anchorPage: z.number().nullable(),
  quote: z.string(),
  body: z.string(),
  byName: z.string(),
  at: z.string(),
});

const DiffLine = z.object({ op: z.enum(['same', 'add', 'remove']), text: z.string(), oldLine: z.number().nullable(), newLine: z.number().nullable() });

export const DraftDetail = DraftRow.extend({
  agreementId: z.string().nullable(),
  agreementVersion: z.number().nullable(),
  viewingVersion: z.number(),
  versions: z.array(Version),
  files: z.array(FileView),
  events: z.array(Event),
  comments: z.array(Comment),
  /** Against the last version a reviewer decided on; null for a first version. */
  diff: z.object({ againstVersion: z.number(), lines: z.array(DiffLine) }).nullable(),
  approvedHash: z.string().nullable(),
  /** Maker-checker: false when the signed-in user registered this draft. */
  canApprove: z.boolean(),
});
export type DraftDetail = z.infer<typeof DraftDetail>;

export const list = defineChannel({
  name: 'drafts.list',
  input: z
    .object({
      state: z.enum(DRAFT_STATES).optional(),
      partnerId: Id.optional(),
      assignedTo: Id.optional(),
      channel: z.enum(DRAFT_CHANNELS).optional(),
      overdueOnly: z.boolean().optional(),
      search: z.string().trim().max(200).optional(),
    })
    .strict(),
  output: z.object({
    rows: z.array(DraftRow),
    counts: z.record(z.string(), z.number()),
    overdue: z.number(),
    reviewers: z.array(z.object({ id: z.string(), displayName: z.string() })),
    partners: z.array(z.object({ id: z.string(), company: z.string() })),
    slaDays: z.number(),
    today: z.string(),
  }),
  permission: 'partners.read',
});

export const get = defineChannel({
  name: 'drafts.get',
  input: z.object({ id: Id, version: z.number().int().positive().optional() }).strict(),
  output: DraftDetail,
  permission: 'partners.read',
});

export const register = defineChannel({
  name: 'drafts.register',
  input: z
    .object({
      partnerId: Id,
      title: z.string().trim().min(1, 'Give the draft a title').max(200, 'Keep the title under 200 characters'),
      channel: z.enum(DRAFT_CHANNELS, { message: 'Choose where the partner will use it' }),
      campaignStartsOn: IsoDateSchema,
      campaignEndsOn: IsoDateSchema.nullable().default(null),
      note: Note.default(''),
      files: Files,
    })
    .strict(),
  output: DraftDetail,
  permission: 'partners.write',
});

export const resubmit = defineChannel({
  name: 'drafts.resubmit',
  input: z.object({ id: Id, note: Note.default(''), files: Files }).strict(),
  output: DraftDetail,
  permission: 'partners.write',
});

export const withdraw = defineChannel({
  name: 'drafts.withdraw',
  input: z.object({ id: Id, note: Note.default('') }).strict(),
  output: DraftDetail,
  permission: 'partners.write',
});

export const assign = defineChannel({
  name: 'drafts.assign',
  input: z.object({ id: Id, reviewerId: Id.nullable() }).strict(),
  output: DraftDetail,
  permission: 'drafts.review',
});

export const startReview = defineChannel({
  name: 'drafts.startReview',
  input: z.object({ id: Id }).strict(),
  output: DraftDetail,
  permission: 'drafts.review',
});

export const decide = defineChannel({
  name: 'drafts.decide',
  input: z
    .object({
      id: Id,
      /** The version the reviewer looked at: a decision on a stale version is refused. */
      version: z.number().int().positive(),
      decision: z.enum(['approve', 'request_changes', 'reject']),
      reason: z.enum(REJECTION_REASONS).nullable().default(null),
      note: Note.default(''),
      checklist: z.record(z.string(), z.boolean()).default({}),
    })
    .strict(),
  output: DraftDetail,
  permission: 'drafts.review',
});

export const comment = defineChannel({
  name: 'drafts.comment',
  input: z
    .object({
      id: Id,
      version: z.number().int().positive(),
      fileId: Id.nullable().default(null),
      anchorStart: z.number().int().min(0).nullable().default(null),
      anchorEnd: z.number().int().min(0).nullable().default(null),
      anchorPage: z.number().int().positive().nullable().default(null),
      body: z.string().trim().min(1, 'Write the comment').max(4000, 'Keep the comment under 4,000 characters'),
    })
    .strict(),
  output: DraftDetail,
  permission: 'drafts.review',
});

const Rules = z.object({
  brands: z.array(z.object({ name: z.string().trim().min(1), variants: z.array(z.string().trim().min(1)) })),
  claims: z.array(z.string().trim().min(1)),
  exclusivity: z.array(z.string().trim().min(1)),
  whiteLabel: z.array(z.string().trim().min(1)),
  competitors: z.array(z.string().trim().min(1)),
  disclosureWords: z.array(z.string().trim().min(1)),
});

export const settings = defineChannel({
  name: 'drafts.settings',
  input: z.object({}).strict(),
  output: z.object({ slaDays: z.number(), rules: Rules }),
  permission: 'partners.read',
});

export const saveSettings = defineChannel({
  name: 'drafts.saveSettings',
  input: z
    .object({
      slaDays: z.number().int().min(1, 'The review SLA is at least 1 day').max(60, 'The review SLA is at most 60 days'),
      rules: Rules,
    })
    .strict(),
  output: z.object({ slaDays: z.number(), rules: Rules }),
  permission: 'workspace.admin',
});

export const library = defineChannel({
  name: 'drafts.library',
  input: z.object({ partnerId: Id.optional() }).strict(),
  output: z.array(
    z.object({
      draftId: z.string(),
      partnerId: z.string(),
      partnerName: z.string(),
      title: z.string(),
      channel: z.enum(DRAFT_CHANNELS),
      version: z.number(),
      contentHash: z.string(),
      approvedOn: z.string(),
      approvedByName: z.string(),
      files: z.array(z.object({ fileName: z.string(), mimeType: z.string(), size: z.number() })),
    }),
  ),
  permission: 'partners.read',
});

export const certificate = defineChannel({
  name: 'drafts.certificate',
  input: z.object({ id: Id }).strict(),
  output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  permission: 'partners.read',
});
