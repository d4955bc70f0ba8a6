import { z } from 'zod';
import { IsoDateSchema } from '../dates/isoDate';
import { defineChannel } from '../rpc/contract';

// The audit trail: every change, sign-in and export, hash-chained (src-main/core/audit).
// Reading it and checking the chain are an admin's.

export const AuditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  /** The user's display name, or null for the app itself (a scheduled status change, a migration). */
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The entry's detail as stored (JSON text). */
  detail: z.string(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export const list = defineChannel({
  name: 'audit.list',
  input: z
    .object({
      action: z.string().max(120).optional(),
      entity: z.string().max(120).optional(),
      userId: z.string().max(200).optional(),
      /** Entries on or after this day (UTC). */
      from: IsoDateSchema.optional(),
      /** Entries on or before this day (UTC). */
      to: IsoDateSchema.optional(),
      /** Part of the entity id or of the detail text. */
      search: z.string().trim().max(200).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    })
    .strict()
    .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'The end day is before the start day' }),
  output: z.object({ rows: z.array(AuditRowSchema), total: z.number().int() }),
  permission: 'workspace.admin',
});

export const facets = defineChannel({
  name: 'audit.facets',
  input: z.object({}).strict(),
  output: z.object({
    actions: z.array(z.string()),
    entities: z.array(z.string()),
    users: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
  permission: 'workspace.admin',
});

export const ChainProblem = z.enum(['missing', 'unsealed', 'broken_link', 'altered', 'truncated']);

export const ChainReportSchema = z.object({
  intact: z.boolean(),
  /** Entries checked and found linked before the first problem (all of them when intact). */
  entries: z.number().int(),
  /** The first entry that breaks the chain (for a removed entry: its id). */
  firstBadId: z.number().int().nullable(),
  problem: ChainProblem.nullable(),
  message: z.string(),
  head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  /** Append-only triggers (migration 0007) no longer in the database: someone removed them. */
  guardsMissing: z.array(z.string()),
  notes: z.array(z.string()),
  checkedAt: z.string(),
});
export type ChainReport = z.infer<typeof ChainReportSchema>;

export const verify = defineChannel({
  name: 'audit.verify',
  input: z.object({}).strict(),
  output: ChainReportSchema,
  permission: 'workspace.admin',
});
