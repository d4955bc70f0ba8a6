import { z } from 'zod';
import { defineChannel } from '../rpc/contract';
import { IMPORT_KINDS, MAX_IMPORT_BYTES } from './formats';

// CSV import of partners and referred customers: a preview that changes nothing, then a
// commit of the same text that re-checks it and writes every row or none. The formats are
// documented at the top of ./formats.ts.

export const ImportKind = z.enum(IMPORT_KINDS, { error: 'Choose what the file holds: partners or customers' });

const ImportInput = z
  .object({
    kind: ImportKind,
    // A character is at least one byte, so this is a first, cheap guard; the core checks bytes.
    csv: z.string({ error: 'Choose a CSV file or paste its text' }).max(MAX_IMPORT_BYTES, {
      error: 'The file is larger than 20 MiB; an import takes at most 20 MiB. Split it into smaller files.',
    }),
  })
  .strict();

export const ImportProblem = z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportCounts = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Problems found (each is listed in `problems`, up to the shown limit). */
  errors: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const PreviewRow = z.object({
  line: z.number().int(),
  action: z.enum(['new', 'updated', 'unchanged', 'error']),
  values: z.record(z.string(), z.string()),
  /** For an update: the columns whose stored value changes. */
  changes: z.array(z.string()),
  problems: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const preview = defineChannel({
  name: 'imports.preview',
  input: ImportInput,
  output: z.object({
    kind: ImportKind,
    delimiter: z.string(),
    columns: z.array(z.string()),
    counts: ImportCounts,
    /** The first rows of the file (at most `rowLimit`), with their problems. */
    rows: z.array(PreviewRow),
    rowLimit: z.number().int(),
    /** Every problem, by line (at most `problemLimit`). */
    problems: z.array(ImportProblem),
    problemLimit: z.number().int(),
  }),
  permission: 'partners.write',
});

export const commit = defineChannel({
  name: 'imports.commit',
  input: ImportInput,
  output: z.object({ kind: ImportKind, counts: ImportCounts }),
  permission: 'partners.write',
});
