import type { ChainReport } from '../../../src-shared/audit/contract';
import type { Sqlite } from '../../db/open';
import { chainHash, GENESIS, HEAD_KEY, type ChainedFields } from './chain';

type Row = ChainedFields & { prevHash: string | null; hash: string | null };
type Finding = Pick<ChainReport, 'firstBadId' | 'problem' | 'message'>;

const TAIL_NOTE =
  'The check of the log’s end is best effort: it compares the newest entry with the last one the app recorded in the workspace settings and in SQLite’s id counter, both of which someone able to rewrite the file could also rewrite.';

/** Walks the whole trail in id order and names the first entry that breaks the chain. */
export function verifyAuditChain(sqlite: Sqlite): Omit<ChainReport, 'checkedAt'> {
  const rows = sqlite
    .prepare(
      `SELECT id, at, user_id AS userId, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash
       FROM audit_log ORDER BY id`,
    )
    .iterate() as IterableIterator<Row>;
  let expectedId = 1;
  let prev = GENESIS;
  let entries = 0;
  let last: { id: number; hash: string } | null = null;
  let finding: Finding | null = null;
  for (const row of rows) {
    finding = checkRow(row, expectedId, prev);
    if (finding) break;
    entries++;
    prev = row.hash!;
    last = { id: row.id, hash: row.hash! };
    expectedId = row.id + 1;
  }
  finding ??= checkTail(sqlite, last);
  const guardsMissing = missingGuards(sqlite);
  if (finding) return { intact: false, entries, head: last, guardsMissing, notes: [TAIL_NOTE], ...finding };
  return {
    intact: true,
    entries,
    head: last,
    guardsMissing,
    firstBadId: null,
    problem: null,
    message:
      entries === 0
        ? 'The audit trail is empty.'
        : `The audit trail is intact: ${entries.toLocaleString('en')} ${entries === 1 ? 'entry' : 'entries'}, each linked to the one before it.`,
    notes: [TAIL_NOTE],
  };
}

function checkRow(row: Row, expectedId: number, prev: string): Finding | null {
  if (row.id !== expectedId) {
    return {
      firstBadId: expectedId,
      problem: 'missing',
      message:
        expectedId === 1
          ? `Audit entry #1 is missing: the trail starts at #${row.id}.`
          : `Audit entry #${expectedId} is missing: the trail jumps from #${expectedId - 1} to #${row.id}.`,
    };
  }
  if (row.hash === null) {
    return { firstBadId: row.id, problem: 'unsealed', message: `Audit entry #${row.id} has no hash: it was written outside Partnerdesk.` };
  }
  if (row.prevHash !== prev) {
    return {
      firstBadId: row.id,
      problem: 'broken_link',
      message: `Audit entry #${row.id} does not follow the entry before it: entries were removed, reordered or changed before it.`,
    };
  }
  if (chainHash(prev, row) !== row.hash) {
    return { firstBadId: row.id, problem: 'altered', message: `Audit entry #${row.id} was changed after it was written: its content no longer matches its hash.` };
  }
  return null;
}

/** Entries cut off the end leave no gap; the id counter and the recorded head still remember them. */
function checkTail(sqlite: Sqlite, last: { id: number; hash: string } | null): Finding | null {
  const lastId = last?.id ?? 0;
  const counter = sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined;
  const recorded = sqlite.prepare('SELECT value FROM workspace_meta WHERE key = ?').pluck().get(HEAD_KEY) as string | undefined;
  const [headId, headHash] = recorded ? [Number(recorded.split(':')[0]), recorded.split(':')[1]] : [0, undefined];
  const highest = Math.max(counter ?? 0, headId);
  if (highest > lastId) {
    return {
      firstBadId: lastId + 1,
      problem: 'truncated',
      message:
        highest === lastId + 1
          ? `Audit entry #${highest} was removed from the end of the trail.`
          : `Audit entries #${lastId + 1} to #${highest} were removed from the end of the trail.`,
    };
  }
  if (recorded && headId === lastId && headHash !== last?.hash) {
    return { firstBadId: lastId, problem: 'altered', message: `Audit entry #${lastId} is not the newest entry the app recorded: it was replaced.` };
  }
  return null;
}

/** The triggers of migration 0007 that make the ledger and the trail append-only. */
export const APPEND_ONLY_GUARDS = ['ledger_entries', 'integrator_movements', 'programme_costs', 'audit_log'].flatMap((t) => [`${t}_no_update`, `${t}_no_delete`]);

function missingGuards(sqlite: Sqlite): string[] {
  const present = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
  return APPEND_ONLY_GUARDS.filter((g) => !present.has(g));
}
