import { sqliteTable, text, integer, index, uniqueIndex, blob } from 'drizzle-orm/sqlite-core';
import { users } from './workspace';
import { partners } from './partners';
import { agreements } from './agreements';

/**
 * Seed 000: partners share marketing drafts for review before use. One row per draft; each
 * resubmission is a new row in `draft_versions`, never an edit of what was reviewed.
 */
export const marketingDrafts = sqliteTable(
  'marketing_drafts',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull().references(() => partners.id),
    /** The partner's current agreement when the draft was registered (null when it had none). */
    agreementId: text('agreement_id').references(() => agreements.id),
    title: text('title').notNull(),
    channel: text('channel', { enum: ['email_campaign', 'landing_page', 'social_post', 'paid_ad', 'video', 'print', 'other'] }).notNull(),
    campaignStartsOn: text('campaign_starts_on').notNull(),
    campaignEndsOn: text('campaign_ends_on'),
    state: text('state', { enum: ['submitted', 'in_review', 'changes_requested', 'approved', 'rejected', 'withdrawn'] }).notNull(),
    currentVersion: integer('current_version').notNull(),
    assignedTo: text('assigned_to').references(() => users.id),
    dueOn: text('due_on'),
    registeredBy: text('registered_by').notNull().references(() => users.id),
    registeredAt: text('registered_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('marketing_drafts_state_due_idx').on(t.state, t.dueOn), index('marketing_drafts_partner_idx').on(t.partnerId)],
);

export const draftVersions = sqliteTable(
  'draft_versions',
  {
    id: text('id').primaryKey(),
    draftId: text('draft_id').notNull().references(() => marketingDrafts.id),
    version: integer('version').notNull(),
    note: text('note').notNull().default(''),
    /** SHA-256 over the version's files (names, types and bytes): what an approval covers. */
    contentHash: text('content_hash').notNull(),
    submittedBy: text('submitted_by').notNull().references(() => users.id),
    submittedAt: text('submitted_at').notNull(),
    /** Set when a reviewer decided on this version (changes requested, approved, rejected). */
    reviewedAt: text('reviewed_at'),
  },
  (t) => [uniqueIndex('draft_versions_draft_version_uq').on(t.draftId, t.version)],
);

/** The files of one version, kept inside the encrypted workspace. */
export const draftFiles = sqliteTable(
  'draft_files',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id').notNull().references(() => draftVersions.id),
    position: integer('position').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    /** The readable text the compliance rules run on (HTML without tags, PDF text); null for images. */
    text: text('text'),
    pageCount: integer('page_count'),
  },
  (t) => [index('draft_files_version_idx').on(t.versionId, t.position)],
);

/** Every move through the queue: who, when, from which state to which, with reason and checklist. */
export const draftEvents = sqliteTable(
  'draft_events',
  {
    id: text('id').primaryKey(),
    draftId: text('draft_id').notNull().references(() => marketingDrafts.id),
    version: integer('version').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    note: text('note').notNull().default(''),
    /** JSON: checklist item id → ticked. */
    checklist: text('checklist'),
    contentHash: text('content_hash'),
    byUser: text('by_user').notNull().references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('draft_events_draft_idx').on(t.draftId, t.at)],
);

/** A reviewer's comment, anchored to a text range of one file or a page of a PDF. */
export const draftComments = sqliteTable(
  'draft_comments',
  {
    id: text('id').primaryKey(),
    draftId: text('draft_id').notNull().references(() => marketingDrafts.id),
    version: integer('version').notNull(),
    fileId: text('file_id').references(() => draftFiles.id),
    anchorStart: integer('anchor_start'),
    anchorEnd: integer('anchor_end'),
    anchorPage: integer('anchor_page'),
    quote: text('quote').notNull().default(''),
    body: text('body').notNull(),
    byUser: text('by_user').notNull().references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('draft_comments_draft_idx').on(t.draftId, t.version)],
);
