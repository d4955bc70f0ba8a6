import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { draftFileProblem, draftMimeType, MAX_DRAFT_VERSION_BYTES } from '../../../src-shared/drafts/files';
import { DEFAULT_DRAFT_RULES, type DraftRules } from '../../../src-shared/drafts/rules';
import { DEFAULT_SLA_DAYS, RULES_META_KEY, SLA_META_KEY } from '../../../src-shared/drafts/states';
import { fail } from '../../../src-shared/rpc/errors';
import { extractText } from './text';

type Sqlite = Database;

export const newId = () => randomUUID();
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export interface IncomingFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export interface PreparedFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
  sha256: string;
  text: string | null;
  pageCount: number | null;
}

/** Decodes and checks the files of one version; every problem is reported against its file. */
export function prepareFiles(files: IncomingFile[]): PreparedFile[] {
  const problems: Record<string, string> = {};
  const prepared: PreparedFile[] = [];
  let total = 0;
  files.forEach((f, i) => {
    const bytes = Math.floor((f.contentBase64.length * 3) / 4);
    const problem = draftFileProblem(f.fileName, f.mimeType, bytes);
    if (problem) {
      problems[`files.${i}`] = problem;
      return;
    }
    const content = Buffer.from(f.contentBase64, 'base64');
    total += content.length;
    const mimeType = draftMimeType(f.fileName, f.mimeType)!;
    prepared.push({ fileName: f.fileName, mimeType, content, sha256: sha256(content), ...extractText(mimeType, content) });
  });
  if (total > MAX_DRAFT_VERSION_BYTES) problems.files = `These files add up to ${(total / 1048576).toFixed(1)} MiB; one version of a draft holds at most 25 MiB`;
  const keys = Object.keys(problems);
  if (keys.length) {
    fail('validation', keys.length === 1 ? `The draft’s files: ${problems[keys[0]!]}.` : `The draft’s files have ${keys.length} problems: ${keys.map((k) => problems[k]).join('; ')}.`, { fieldErrors: problems });
  }
  return prepared;
}

/**
 * The content hash of a version: SHA-256 over each file's name, type and SHA-256, in order.
 * Renaming, reordering or changing one byte of any file gives a different hash.
 */
export function versionHash(files: { fileName: string; mimeType: string; sha256: string }[]): string {
  return sha256(files.map((f) => `${f.fileName}\u0000${f.mimeType}\u0000${f.sha256}\n`).join(''));
}

/** Inserts version `version` of a draft with its files; returns its content hash. */
export function insertVersion(sqlite: Sqlite, draftId: string, version: number, files: PreparedFile[], note: string, userId: string, at: string): string {
  const versionId = newId();
  const hash = versionHash(files);
  sqlite
    .prepare('INSERT INTO draft_versions (id, draft_id, version, note, content_hash, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(versionId, draftId, version, note, hash, userId, at);
  const ins = sqlite.prepare(
    `INSERT INTO draft_files (id, version_id, position, file_name, mime_type, size, sha256, content, text, page_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  files.forEach((f, i) => ins.run(newId(), versionId, i, f.fileName, f.mimeType, f.content.length, f.sha256, f.content, f.text, f.pageCount));
  return hash;
}

export function insertEvent(
  sqlite: Sqlite,
  e: { draftId: string; version: number; fromState: string | null; toState: string; reason?: string | null; note?: string; checklist?: Record<string, boolean> | null; contentHash?: string | null; byUser: string; at: string },
): void {
  sqlite
    .prepare(
      `INSERT INTO draft_events (id, draft_id, version, from_state, to_state, reason, note, checklist, content_hash, by_user, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), e.draftId, e.version, e.fromState, e.toState, e.reason ?? null, e.note ?? '', e.checklist ? JSON.stringify(e.checklist) : null, e.contentHash ?? null, e.byUser, e.at);
}

const meta = (sqlite: Sqlite, key: string) => (sqlite.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
export const setMeta = (sqlite: Sqlite, key: string, value: string) =>
  sqlite.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);

/** The review SLA in days (workspace_meta), 3 unless configured. */
export function slaDays(sqlite: Sqlite): number {
  const n = Number(meta(sqlite, SLA_META_KEY));
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_SLA_DAYS;
}

/** The compliance rules (workspace_meta, JSON); the defaults when none are saved or they do not read. */
export function draftRules(sqlite: Sqlite): DraftRules {
  const raw = meta(sqlite, RULES_META_KEY);
  if (!raw) return DEFAULT_DRAFT_RULES;
  try {
    const r = JSON.parse(raw) as DraftRules;
    const lists = [r.claims, r.exclusivity, r.whiteLabel, r.competitors, r.disclosureWords];
    if (Array.isArray(r.brands) && lists.every(Array.isArray)) return r;
  } catch {
    // fall through: a damaged setting must not stop reviews
  }
  return DEFAULT_DRAFT_RULES;
}

/** The partner's current agreement: its latest version. */
export function currentAgreement(sqlite: Sqlite, partnerId: string): { id: string; version: number } | null {
  return (sqlite.prepare('SELECT id, version FROM agreements WHERE partner_id = ? ORDER BY version DESC LIMIT 1').get(partnerId) as { id: string; version: number } | undefined) ?? null;
}
