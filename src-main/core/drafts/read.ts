import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { DraftDetail, DraftRow, library, list } from '../../../src-shared/drafts/contract';
import { lineDiff } from '../../../src-shared/drafts/diff';
import { checkDraft } from '../../../src-shared/drafts/rules';
import { DRAFT_STATES, isOpen, type DraftState } from '../../../src-shared/drafts/states';
import { fail } from '../../../src-shared/rpc/errors';
import { draftRules, slaDays } from './store';

type Sqlite = Database;

const rowSelect = `
  SELECT d.id, d.partner_id AS partnerId, p.company AS partnerName, pr.code AS programmeCode, d.title, d.channel, d.state,
         d.current_version AS currentVersion, d.campaign_starts_on AS campaignStartsOn, d.campaign_ends_on AS campaignEndsOn,
         d.assigned_to AS assignedTo, au.display_name AS assignedName, d.due_on AS dueOn,
         d.registered_by AS registeredBy, ru.display_name AS registeredByName, d.registered_at AS registeredAt,
         d.agreement_id AS agreementId, a.version AS agreementVersion
  FROM marketing_drafts d
  JOIN partners p ON p.id = d.partner_id
  JOIN programmes pr ON pr.id = p.programme_id
  JOIN users ru ON ru.id = d.registered_by
  LEFT JOIN users au ON au.id = d.assigned_to
  LEFT JOIN agreements a ON a.id = d.agreement_id`;

type RawRow = Omit<DraftRow, 'overdue'> & { agreementId: string | null; agreementVersion: number | null };

const isOverdue = (r: { state: string; dueOn: string | null }, today: string) => isOpen(r.state as DraftState) && r.dueOn !== null && r.dueOn < today;

/** The queue: overdue first, then by due date, then newest; with counts per state. */
export function listDrafts(sqlite: Sqlite, input: z.output<typeof list.input>, today: string): z.input<typeof list.output> {
  const where: string[] = [];
  const args: unknown[] = [];
  if (input.state) (where.push('d.state = ?'), args.push(input.state));
  if (input.partnerId) (where.push('d.partner_id = ?'), args.push(input.partnerId));
  if (input.assignedTo) (where.push('d.assigned_to = ?'), args.push(input.assignedTo));
  if (input.channel) (where.push('d.channel = ?'), args.push(input.channel));
  if (input.search) (where.push("(d.title LIKE ? ESCAPE '\\' OR p.company LIKE ? ESCAPE '\\')"), args.push(...Array(2).fill(`%${input.search.replace(/[\\%_]/g, '\\$&')}%`)));
  if (input.overdueOnly) (where.push("d.state IN ('submitted','in_review') AND d.due_on < ?"), args.push(today));
  const rows = sqlite
    .prepare(
      `${rowSelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY (d.state IN ('submitted','in_review') AND d.due_on < ?) DESC,
                (d.state IN ('submitted','in_review')) DESC, d.due_on IS NULL, d.due_on, d.registered_at DESC
       LIMIT 1000`,
    )
    .all(...args, today) as RawRow[];
  const counts = Object.fromEntries(DRAFT_STATES.map((s) => [s, 0]));
  for (const c of sqlite.prepare('SELECT state, COUNT(*) AS n FROM marketing_drafts GROUP BY state').all() as { state: string; n: number }[]) counts[c.state] = c.n;
  const overdue = (sqlite.prepare("SELECT COUNT(*) AS n FROM marketing_drafts WHERE state IN ('submitted','in_review') AND due_on < ?").get(today) as { n: number }).n;
  return {
    rows: rows.map(({ agreementId: _a, agreementVersion: _v, ...r }) => ({ ...r, overdue: isOverdue(r, today) })),
    counts,
    overdue,
    reviewers: reviewers(sqlite),
    partners: sqlite.prepare("SELECT id, company FROM partners WHERE status != 'terminated' ORDER BY company COLLATE NOCASE").all() as { id: string; company: string }[],
    slaDays: slaDays(sqlite),
    today,
  };
}

/** People who may decide: admins and reviewers who are not disabled. */
export const reviewers = (sqlite: Sqlite) =>
  sqlite.prepare("SELECT id, display_name AS displayName FROM users WHERE role IN ('admin','reviewer') AND disabled = 0 ORDER BY display_name").all() as { id: string; displayName: string }[];

export function requireDraft(sqlite: Sqlite, id: string): RawRow {
  const row = sqlite.prepare(`${rowSelect} WHERE d.id = ?`).get(id) as RawRow | undefined;
  if (!row) fail('not_found', 'This draft no longer exists. Go back to the queue and reload.');
  return row!;
}

interface FileRow {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
  text: string | null;
  pageCount: number | null;
}

export function versionFiles(sqlite: Sqlite, draftId: string, version: number): FileRow[] {
  return sqlite
    .prepare(
      `SELECT f.id, f.file_name AS fileName, f.mime_type AS mimeType, f.size, f.sha256, f.content, f.text, f.page_count AS pageCount
       FROM draft_files f JOIN draft_versions v ON v.id = f.version_id WHERE v.draft_id = ? AND v.version = ? ORDER BY f.position`,
    )
    .all(draftId, version) as FileRow[];
}

/** All readable text of a version, one header line per file: what the diff compares. */
export const versionText = (files: { fileName: string; text: string | null }[]) =>
  files.filter((f) => f.text !== null).map((f) => (files.length > 1 ? `# ${f.fileName}\n${f.text}` : f.text!)).join('\n');

export function readDetail(sqlite: Sqlite, id: string, today: string, userId: string, version?: number): z.input<typeof DraftDetail> {
  const d = requireDraft(sqlite, id);
  const viewing = version ?? d.currentVersion;
  const versions = sqlite
    .prepare(
      `SELECT v.version, v.note, v.content_hash AS contentHash, u.display_name AS submittedByName, v.submitted_at AS submittedAt, v.reviewed_at AS reviewedAt
       FROM draft_versions v JOIN users u ON u.id = v.submitted_by WHERE v.draft_id = ? ORDER BY v.version`,
    )
    .all(id) as { version: number; note: string; contentHash: string; submittedByName: string; submittedAt: string; reviewedAt: string | null }[];
  if (!versions.some((v) => v.version === viewing)) fail('not_found', `This draft has no version ${viewing}.`);
  const rules = draftRules(sqlite);
  const files = versionFiles(sqlite, id, viewing).map(({ content, ...f }) => ({ ...f, contentBase64: content.toString('base64'), findings: f.text === null ? [] : checkDraft(f.text, rules) }));
  const lastReviewed = [...versions].reverse().find((v) => v.version < viewing && v.reviewedAt !== null);
  const diff = lastReviewed ? { againstVersion: lastReviewed.version, lines: lineDiff(versionText(versionFiles(sqlite, id, lastReviewed.version)), versionText(files)) } : null;
  const events = (
    sqlite
      .prepare(
        `SELECT e.version, e.from_state AS fromState, e.to_state AS toState, e.reason, e.note, e.checklist, e.content_hash AS contentHash, u.display_name AS byName, e.at
         FROM draft_events e JOIN users u ON u.id = e.by_user WHERE e.draft_id = ? ORDER BY e.at, e.rowid`,
      )
      .all(id) as { checklist: string | null; [k: string]: unknown }[]
  ).map((e) => ({ ...e, checklist: e.checklist ? (JSON.parse(e.checklist) as Record<string, boolean>) : null })) as z.input<typeof DraftDetail>['events'];
  const comments = sqlite
    .prepare(
      `SELECT c.id, c.version, c.file_id AS fileId, c.anchor_start AS anchorStart, c.anchor_end AS anchorEnd, c.anchor_page AS anchorPage, c.quote, c.body,
              u.display_name AS byName, c.at
       FROM draft_comments c JOIN users u ON u.id = c.by_user WHERE c.draft_id = ? ORDER BY c.version, c.at`,
    )
    .all(id) as z.input<typeof DraftDetail>['comments'];
  const approved = events.filter((e) => e.toState === 'approved').pop();
  return {
    ...d,
    overdue: isOverdue(d, today),
    viewingVersion: viewing,
    versions,
    files,
    events,
    comments,
    diff,
    approvedHash: approved?.contentHash ?? null,
    canApprove: d.registeredBy !== userId,
  };
}

export function approvedLibrary(sqlite: Sqlite, partnerId?: string): z.input<typeof library.output> {
  const rows = sqlite
    .prepare(
      `SELECT d.id AS draftId, d.partner_id AS partnerId, p.company AS partnerName, d.title, d.channel, e.version, e.content_hash AS contentHash,
              substr(e.at, 1, 10) AS approvedOn, u.display_name AS approvedByName
       FROM marketing_drafts d JOIN partners p ON p.id = d.partner_id
       JOIN draft_events e ON e.draft_id = d.id AND e.to_state = 'approved'
       JOIN users u ON u.id = e.by_user
       WHERE d.state = 'approved' ${partnerId ? 'AND d.partner_id = ?' : ''}
       ORDER BY p.company COLLATE NOCASE, e.at DESC`,
    )
    .all(...(partnerId ? [partnerId] : [])) as Omit<z.input<typeof library.output>[number], 'files'>[];
  return rows.map((r) => ({ ...r, files: versionFiles(sqlite, r.draftId, r.version).map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, size: f.size })) }));
}
