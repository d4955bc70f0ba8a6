import type { z } from 'zod';
import type * as contract from '../../../src-shared/drafts/contract';
import { addDays, type IsoDate } from '../../../src-shared/dates/isoDate';
import { CHECKLIST, channelLabel, RULES_META_KEY, SLA_META_KEY, stateLabel, transitionProblem, type DraftState } from '../../../src-shared/drafts/states';
import { fail } from '../../../src-shared/rpc/errors';
import { recordAudit } from '../audit';
import type { CoreContext, Session } from '../context';
import { requireSession } from '../session';
import { certificatePdf } from './certificate';
import { approvedLibrary, listDrafts, readDetail, requireDraft, reviewers, versionFiles } from './read';
import { currentAgreement, draftRules, insertEvent, insertVersion, newId, prepareFiles, setMeta, slaDays, versionHash } from './store';

type In<K extends keyof typeof contract> = (typeof contract)[K] extends { input: z.ZodType } ? z.output<(typeof contract)[K]['input']> : never;
type Detail = z.input<typeof contract.DraftDetail>;

/** One operation on drafts: who, on which workspace, at which clock reading. */
interface Op {
  session: Session;
  now: string;
  today: string;
}

export function draftOp(ctx: CoreContext): Op {
  const now = ctx.now();
  return { session: requireSession(ctx), now: now.toISOString(), today: now.toISOString().slice(0, 10) };
}

const tx = <T>(op: Op, fn: () => T): T => op.session.open.sqlite.transaction(fn)();
const audit = (op: Op, action: string, entityId: string, detail: Record<string, unknown>) =>
  recordAudit(op.session.open.db, { at: op.now, userId: op.session.user.id, action, entity: 'marketing_draft', entityId, detail });
const detail = (op: Op, id: string, version?: number): Detail => readDetail(op.session.open.sqlite, id, op.today, op.session.user.id, version);
const dueOn = (op: Op) => addDays(op.today as IsoDate, slaDays(op.session.open.sqlite));

function move(op: Op, from: DraftState, to: DraftState): void {
  const problem = transitionProblem(from, to);
  if (problem) fail('conflict', `${problem}.`);
}

export const list = (op: Op, i: In<'list'>) => listDrafts(op.session.open.sqlite, i, op.today);
export const get = (op: Op, i: In<'get'>) => detail(op, i.id, i.version);

/** Seed 000: a partnership manager registers the draft a partner shared, before the partner uses it. */
export function register(op: Op, i: In<'register'>): Detail {
  const { sqlite } = op.session.open;
  const problems: Record<string, string> = {};
  if (i.campaignEndsOn && i.campaignEndsOn < i.campaignStartsOn) problems.campaignEndsOn = 'The campaign cannot end before it starts';
  const partner = sqlite.prepare('SELECT company, status FROM partners WHERE id = ?').get(i.partnerId) as { company: string; status: string } | undefined;
  if (!partner) problems.partnerId = 'Choose a partner from the list';
  else if (partner.status === 'terminated') problems.partnerId = `${partner.company}’s agreement has ended; a terminated partner may not run campaigns`;
  if (Object.keys(problems).length) fail('validation', `The draft could not be registered: ${Object.values(problems).join('; ')}.`, { fieldErrors: problems });
  const files = prepareFiles(i.files);
  const id = newId();
  tx(op, () => {
    const agreement = currentAgreement(sqlite, i.partnerId);
    sqlite
      .prepare(
        `INSERT INTO marketing_drafts (id, partner_id, agreement_id, title, channel, campaign_starts_on, campaign_ends_on, state, current_version,
           due_on, registered_by, registered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', 1, ?, ?, ?, ?)`,
      )
      .run(id, i.partnerId, agreement?.id ?? null, i.title, i.channel, i.campaignStartsOn, i.campaignEndsOn, dueOn(op), op.session.user.id, op.now, op.now);
    const hash = insertVersion(sqlite, id, 1, files, i.note, op.session.user.id, op.now);
    insertEvent(sqlite, { draftId: id, version: 1, fromState: null, toState: 'submitted', note: i.note, contentHash: hash, byUser: op.session.user.id, at: op.now });
    audit(op, 'draft.register', id, { partnerId: i.partnerId, title: i.title, channel: i.channel, files: files.map((f) => ({ fileName: f.fileName, size: f.content.length, sha256: f.sha256 })), contentHash: hash });
  });
  return detail(op, id);
}

/** A resubmission is a new version of the same draft, back in the queue with a fresh due date. */
export function resubmit(op: Op, i: In<'resubmit'>): Detail {
  const { sqlite } = op.session.open;
  const d = requireDraft(sqlite, i.id);
  move(op, d.state, 'submitted');
  const files = prepareFiles(i.files);
  const version = d.currentVersion + 1;
  tx(op, () => {
    const hash = insertVersion(sqlite, i.id, version, files, i.note, op.session.user.id, op.now);
    sqlite.prepare("UPDATE marketing_drafts SET state = 'submitted', current_version = ?, due_on = ?, updated_at = ? WHERE id = ?").run(version, dueOn(op), op.now, i.id);
    insertEvent(sqlite, { draftId: i.id, version, fromState: d.state, toState: 'submitted', note: i.note, contentHash: hash, byUser: op.session.user.id, at: op.now });
    audit(op, 'draft.resubmit', i.id, { version, contentHash: hash });
  });
  return detail(op, i.id);
}

export function withdraw(op: Op, i: In<'withdraw'>): Detail {
  const { sqlite } = op.session.open;
  const d = requireDraft(sqlite, i.id);
  move(op, d.state, 'withdrawn');
  tx(op, () => {
    sqlite.prepare("UPDATE marketing_drafts SET state = 'withdrawn', due_on = NULL, updated_at = ? WHERE id = ?").run(op.now, i.id);
    insertEvent(sqlite, { draftId: i.id, version: d.currentVersion, fromState: d.state, toState: 'withdrawn', note: i.note, byUser: op.session.user.id, at: op.now });
    audit(op, 'draft.withdraw', i.id, { from: d.state, note: i.note });
  });
  return detail(op, i.id);
}

export function assign(op: Op, i: In<'assign'>): Detail {
  const { sqlite } = op.session.open;
  const d = requireDraft(sqlite, i.id);
  if (d.state === 'approved' || d.state === 'rejected' || d.state === 'withdrawn') fail('conflict', `This draft is ${stateLabel[d.state].toLowerCase()}; there is nothing left to review.`);
  if (i.reviewerId && !reviewers(sqlite).some((r) => r.id === i.reviewerId)) {
    fail('validation', 'Only a reviewer or an admin can be assigned a draft.', { fieldErrors: { reviewerId: 'Choose a reviewer' } });
  }
  tx(op, () => {
    sqlite.prepare('UPDATE marketing_drafts SET assigned_to = ?, updated_at = ? WHERE id = ?').run(i.reviewerId, op.now, i.id);
    audit(op, 'draft.assign', i.id, { before: d.assignedTo, after: i.reviewerId });
  });
  return detail(op, i.id);
}

export function startReview(op: Op, i: In<'startReview'>): Detail {
  const { sqlite } = op.session.open;
  const d = requireDraft(sqlite, i.id);
  move(op, d.state, 'in_review');
  tx(op, () => {
    sqlite.prepare("UPDATE marketing_drafts SET state = 'in_review', assigned_to = COALESCE(assigned_to, ?), updated_at = ? WHERE id = ?").run(op.session.user.id, op.now, i.id);
    insertEvent(sqlite, { draftId: i.id, version: d.currentVersion, fromState: d.state, toState: 'in_review', byUser: op.session.user.id, at: op.now });
    audit(op, 'draft.start_review', i.id, { version: d.currentVersion });
  });
  return detail(op, i.id);
}

const decisionState = { approve: 'approved', request_changes: 'changes_requested', reject: 'rejected' } as const;

/** The reviewer's decision on the current version. Maker-checker: the person who registered the draft cannot approve it. */
export function decide(op: Op, i: In<'decide'>): Detail {
  const { sqlite } = op.session.open;
  const d = requireDraft(sqlite, i.id);
  const to = decisionState[i.decision];
  if (i.version !== d.currentVersion) fail('conflict', `Version ${d.currentVersion} of this draft has arrived since you opened version ${i.version}; review the new version.`);
  move(op, d.state, to);
  if (to === 'approved' && d.registeredBy === op.session.user.id) {
    fail('forbidden', 'You registered this draft, so someone else must approve it: a second reviewer checks every draft before a partner uses it.');
  }
  const problems: Record<string, string> = {};
  if (to === 'approved') {
    for (const c of CHECKLIST) if (!i.checklist[c.id]) problems[`checklist.${c.id}`] = `Tick “${c.label}” before approving`;
  }
  if (to === 'rejected' && !i.reason) problems.reason = 'Choose why the draft is rejected';
  if ((to === 'rejected' || to === 'changes_requested') && !i.note) problems.note = to === 'rejected' ? 'Explain the rejection for the partner' : 'Say what the partner must change';
  if (Object.keys(problems).length) {
    fail('validation', Object.keys(problems).length === 1 ? `${Object.values(problems)[0]}.` : `The decision has ${Object.keys(problems).length} problems: ${Object.values(problems).join('; ')}.`, { fieldErrors: problems });
  }
  const version = sqlite.prepare('SELECT content_hash AS hash FROM draft_versions WHERE draft_id = ? AND version = ?').get(i.id, d.currentVersion) as { hash: string };
  // Recompute from the stored bytes, so the hash recorded is of exactly what is in the workspace now.
  const files = versionFiles(sqlite, i.id, d.currentVersion);
  const hash = versionHash(files);
  if (hash !== version.hash) fail('corrupt', 'The stored files of this version no longer match their hash; nothing was approved. Restore the workspace from a backup.');
  const checklist = Object.fromEntries(CHECKLIST.map((c) => [c.id, Boolean(i.checklist[c.id])]));
  tx(op, () => {
    sqlite.prepare('UPDATE marketing_drafts SET state = ?, due_on = NULL, updated_at = ? WHERE id = ?').run(to, op.now, i.id);
    sqlite.prepare('UPDATE draft_versions SET reviewed_at = ? WHERE draft_id = ? AND version = ?').run(op.now, i.id, d.currentVersion);
    insertEvent(sqlite, {
      draftId: i.id, version: d.currentVersion, fromState: d.state, toState: to, reason: to === 'rejected' ? i.reason : null,
      note: i.note, checklist, contentHash: to === 'approved' ? hash : null, byUser: op.session.user.id, at: op.now,
    });
    audit(op, `draft.${to}`, i.id, { version: d.currentVersion, reason: i.reason, note: i.note, checklist, contentHash: to === 'approved' ? hash : undefined });
  });
  return detail(op, i.id);
}

/** A comment anchored to a text range of one file, or a page of a PDF, or the whole version. */
export function comment(op: Op, i: In<'comment'>): Detail {
  const { sqlite } = op.session.open;
  requireDraft(sqlite, i.id);
  const files = versionFiles(sqlite, i.id, i.version);
  if (files.length === 0) fail('not_found', `This draft has no version ${i.version}.`);
  const file = i.fileId ? files.find((f) => f.id === i.fileId) : null;
  const problems: Record<string, string> = {};
  if (i.fileId && !file) problems.fileId = 'That file is not part of this version';
  let quote = '';
  if ((i.anchorStart === null) !== (i.anchorEnd === null)) problems.anchorEnd = 'A text anchor needs both its start and its end';
  else if (i.anchorStart !== null && i.anchorEnd !== null) {
    if (!file || file.text === null) problems.anchorStart = 'Choose a file with text to anchor the comment to';
    else if (i.anchorStart >= i.anchorEnd || i.anchorEnd > file.text.length) problems.anchorStart = `Select some text: the range must lie within the file’s ${file.text.length} characters`;
    else quote = file.text.slice(i.anchorStart, i.anchorEnd);
  }
  if (i.anchorPage !== null) {
    if (!file || file.pageCount === null) problems.anchorPage = 'Only a PDF has pages';
    else if (i.anchorPage > file.pageCount) problems.anchorPage = `The PDF has ${file.pageCount} page${file.pageCount === 1 ? '' : 's'}`;
  }
  if (Object.keys(problems).length) fail('validation', `The comment could not be saved: ${Object.values(problems).join('; ')}.`, { fieldErrors: problems });
  tx(op, () => {
    const id = newId();
    sqlite
      .prepare(
        `INSERT INTO draft_comments (id, draft_id, version, file_id, anchor_start, anchor_end, anchor_page, quote, body, by_user, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, i.id, i.version, i.fileId, i.anchorStart, i.anchorEnd, i.anchorPage, quote, i.body, op.session.user.id, op.now);
    audit(op, 'draft.comment', i.id, { commentId: id, version: i.version, fileId: i.fileId, anchorStart: i.anchorStart, anchorEnd: i.anchorEnd, anchorPage: i.anchorPage });
  });
  return detail(op, i.id, i.version);
}

export const settings = (op: Op) => ({ slaDays: slaDays(op.session.open.sqlite), rules: draftRules(op.session.open.sqlite) });

export function saveSettings(op: Op, i: In<'saveSettings'>) {
  const { sqlite } = op.session.open;
  tx(op, () => {
    const before = settings(op);
    setMeta(sqlite, SLA_META_KEY, String(i.slaDays));
    setMeta(sqlite, RULES_META_KEY, JSON.stringify(i.rules));
    recordAudit(op.session.open.db, { at: op.now, userId: op.session.user.id, action: 'drafts.settings', entity: 'workspace_meta', entityId: null, detail: { before, after: i } });
  });
  return settings(op);
}

export const library = (op: Op, i: In<'library'>) => approvedLibrary(op.session.open.sqlite, i.partnerId);

/** The review certificate of an approved draft, as a PDF. */
export function certificate(op: Op, i: In<'certificate'>) {
  const { sqlite } = op.session.open;
  const d = detail(op, i.id);
  const approval = d.events.filter((e) => e.toState === 'approved').pop();
  if (d.state !== 'approved' || !approval) fail('conflict', `A certificate is issued for an approved draft; this one is ${stateLabel[d.state].toLowerCase()}.`);
  const files = versionFiles(sqlite, i.id, approval!.version);
  const workspaceName = op.session.workspaceName;
  const pdf = certificatePdf({
    workspaceName,
    partner: d.partnerName,
    programme: d.programmeCode,
    title: d.title,
    channel: channelLabel[d.channel],
    version: approval!.version,
    contentHash: approval!.contentHash!,
    reviewer: approval!.byName,
    decidedOn: approval!.at.slice(0, 10),
    registeredBy: d.registeredByName,
    files: files.map((f) => `${f.fileName} (${f.mimeType}, ${f.size} bytes, sha256 ${f.sha256.slice(0, 16)}...)`),
    checklist: CHECKLIST.map((c) => ({ label: c.label, ticked: Boolean(approval!.checklist?.[c.id]) })),
    note: approval!.note,
  });
  recordAudit(op.session.open.db, { at: op.now, userId: op.session.user.id, action: 'draft.certificate', entity: 'marketing_draft', entityId: i.id, detail: { version: approval!.version, contentHash: approval!.contentHash } });
  const slug = d.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'draft';
  return { fileName: `review-certificate-${slug}-v${approval!.version}.pdf`, contentBase64: pdf.toString('base64') };
}
