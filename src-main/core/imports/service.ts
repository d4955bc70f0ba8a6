import type { z } from 'zod';
import type { commit, ImportCounts, ImportProblem, preview } from '../../../src-shared/imports/contract';
import { parseCsv, utf8Bytes } from '../../../src-shared/imports/csv';
import { checkFile, MAX_IMPORT_BYTES, tooLargeMessage, type ImportKind } from '../../../src-shared/imports/formats';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import { planCustomers } from './customersPlan';
import { planPartners } from './partnersPlan';
import type { PlannedLine } from './plan';

type Input = z.output<typeof preview.input>;

export const ROW_LIMIT = 500;
export const PROBLEM_LIMIT = 1000;

interface Plan {
  delimiter: string;
  columns: string[];
  lines: PlannedLine[];
  problems: ImportProblem[];
  counts: ImportCounts;
}

function plan(sqlite: Sqlite, kind: ImportKind, csv: string, nowIso: string): Plan {
  const bytes = utf8Bytes(csv);
  if (bytes > MAX_IMPORT_BYTES) fail('validation', tooLargeMessage(bytes), { fieldErrors: { csv: tooLargeMessage(bytes) } });
  const parsed = parseCsv(csv);
  const file = checkFile(kind, parsed);
  const lines = kind === 'partners' ? planPartners(sqlite, file.lines, nowIso.slice(0, 10), nowIso) : planCustomers(sqlite, file.lines);
  const problems: ImportProblem[] = [
    ...file.fileProblems,
    ...lines.flatMap((l) => l.problems.map((p) => ({ line: l.line, column: p.column, message: p.message }))),
  ].sort((a, b) => a.line - b.line);
  const count = (a: PlannedLine['action']) => lines.filter((l) => l.action === a).length;
  return {
    delimiter: parsed.delimiter,
    columns: file.columns,
    lines,
    problems,
    counts: { rows: lines.length, new: count('new'), updated: count('updated'), unchanged: count('unchanged'), errors: problems.length },
  };
}

/** What the file would do; writes nothing. */
export function previewImport(session: Session, input: Input, nowIso: string): z.input<typeof preview.output> {
  const p = plan(session.open.sqlite, input.kind, input.csv, nowIso);
  return {
    kind: input.kind,
    delimiter: p.delimiter,
    columns: p.columns,
    counts: p.counts,
    rows: p.lines.slice(0, ROW_LIMIT).map((l) => ({ line: l.line, action: l.action, values: l.values, changes: l.changes, problems: l.problems })),
    rowLimit: ROW_LIMIT,
    problems: p.problems.slice(0, PROBLEM_LIMIT),
    problemLimit: PROBLEM_LIMIT,
  };
}

const where = (p: ImportProblem) => `line ${p.line}${p.column ? `, ${p.column}` : ''}`;

/**
 * Re-checks the file against what is stored now and applies every line in one transaction,
 * or nothing at all when any line (or the file) has a problem. One audit entry per import.
 */
export function commitImport(session: Session, input: Input, nowIso: string): z.input<typeof commit.output> {
  const { sqlite, db } = session.open;
  return sqlite.transaction(() => {
    const p = plan(sqlite, input.kind, input.csv, nowIso);
    if (p.problems.length > 0) {
      const first = p.problems[0]!;
      const fieldErrors = Object.fromEntries(p.problems.slice(0, 50).map((x) => [where(x), x.message]));
      fail(
        'validation',
        `Nothing was imported: the file has ${p.problems.length === 1 ? 'a problem' : `${p.problems.length} problems`}. First, ${where(first)}: ${first.message}`,
        { fieldErrors },
      );
    }
    for (const l of p.lines) l.write?.();
    recordAudit(db, {
      at: nowIso,
      userId: session.user.id,
      action: 'imports.commit',
      entity: 'import',
      entityId: input.kind,
      detail: { kind: input.kind, delimiter: p.delimiter, bytes: utf8Bytes(input.csv), ...p.counts },
    });
    return { kind: input.kind, counts: p.counts };
  })();
}
