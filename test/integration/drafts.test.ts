import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftDetail } from '../../src-shared/drafts/contract';
import { CHECKLIST } from '../../src-shared/drafts/states';
import type { Role } from '../../src-shared/workspace/contract';
import { certificatePdf } from '../../src-main/core/drafts/certificate';
import { extractText } from '../../src-main/core/drafts/text';
import { ADMIN, tempCore } from '../support/tempWorkspace';

let clock = new Date('2026-03-02T09:00:00Z');
let t: ReturnType<typeof tempCore>;
let partnerId: string;
let agreementId: string;
const users: Record<string, { id: string; username: string; displayName: string; role: Role }> = {};

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const sqlite = () => t.core.context.session!.open.sqlite;
const allTicked = Object.fromEntries(CHECKLIST.map((c) => [c.id, true]));

/** Signs in as another person of the workspace (the users screen arrives with the users-and-roles issue). */
function as(name: keyof typeof users | 'admin') {
  const session = t.core.context.session!;
  session.user = name === 'admin' ? users.admin! : users[name]!;
}
function addUser(username: string, displayName: string, role: Role) {
  const id = randomUUID();
  sqlite().prepare('INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, ?, ?, ?, ?)').run(id, username, displayName, role, clock.toISOString());
  users[username] = { id, username, displayName, role };
}

const html = (body: string) => `<html><body><h1>Spring offer</h1><p>${body}</p><script>alert(1)</script></body></html>`;
const register = (over: Record<string, unknown> = {}) =>
  t.core.dispatch('drafts.register', {
    partnerId,
    title: 'Spring e-mail',
    channel: 'email_campaign',
    campaignStartsOn: '2026-04-01',
    campaignEndsOn: '2026-04-30',
    files: [{ fileName: 'spring.html', mimeType: 'text/html', contentBase64: b64(html('Sponsored. Allset is guaranteed to fill your calendar.')) }],
    ...over,
  });
const registered = async (over: Record<string, unknown> = {}) => {
  const r = await register(over);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as DraftDetail;
};

beforeAll(async () => {
  t = tempCore({ now: () => clock });
  await t.call('workspace.create', ADMIN);
  users.admin = t.core.context.session!.user as (typeof users)['admin'];
  const programmeId = randomUUID();
  sqlite().prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'allset', 'AllSet affiliates', 'USD')").run(programmeId);
  partnerId = (await t.call('partners.create', { company: 'Bookly Studio', programmeId, format: 'affiliate', country: 'US', contactName: 'Ann Lee', contactEmail: 'ann@bookly.example' })).id;
  for (const v of [1, 2]) {
    const id = randomUUID();
    if (v === 2) agreementId = id;
    sqlite()
      .prepare(
        `INSERT INTO agreements (id, partner_id, version, effective_on, initial_term_months, after_initial_term, notice_unit, notice_count, governing_law,
           post_termination, breach_outcome, created_at) VALUES (?, ?, ?, '2026-01-01', 12, 'rolling', 'months', 1, 'England', 'stops', 'terminate', ?)`,
      )
      .run(id, partnerId, v, clock.toISOString());
  }
  addUser('pat', 'Pat Manager', 'partnership_manager');
  addUser('rita', 'Rita Reviewer', 'reviewer');
  addUser('rob', 'Rob Reviewer', 'reviewer');
});
afterAll(() => t?.cleanup());

describe('registering a partner’s marketing draft', () => {
  it('stores the files in the workspace, linked to the partner and its current agreement, due after the review SLA', async () => {
    as('pat');
    const d = await registered();
    expect(d).toMatchObject({ state: 'submitted', currentVersion: 1, partnerName: 'Bookly Studio', agreementId, agreementVersion: 2, registeredByName: 'Pat Manager', dueOn: '2026-03-05' });
    const file = d.files[0]!;
    expect(Buffer.from(file.contentBase64, 'base64').toString()).toBe(html('Sponsored. Allset is guaranteed to fill your calendar.'));
    expect(file.sha256).toBe(createHash('sha256').update(html('Sponsored. Allset is guaranteed to fill your calendar.')).digest('hex'));
    expect(file.text).toBe('Spring offer\nSponsored. Allset is guaranteed to fill your calendar.');
    expect(file.findings.map((f) => [f.kind, f.match, file.text!.slice(f.start, f.end)])).toEqual([
      ['brand_spelling', 'Allset', 'Allset'],
      ['claim', 'guaranteed', 'guaranteed'],
    ]);
  });

  it('refuses a file type a draft cannot hold, and an oversized file, naming the file', async () => {
    as('pat');
    const r = await register({ files: [{ fileName: 'promo.exe', mimeType: 'application/x-msdownload', contentBase64: b64('MZ') }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(r.error.fieldErrors?.['files.0']).toMatch(/“promo.exe” is not a file a draft can hold/);
    }
    const big = await register({ files: [{ fileName: 'huge.png', mimeType: 'image/png', contentBase64: 'A'.repeat(15 * 1024 * 1024) }] });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.message).toMatch(/10 MiB/);
  });

  it('refuses a campaign that ends before it starts', async () => {
    as('pat');
    const r = await register({ campaignEndsOn: '2026-03-01' });
    expect(!r.ok && r.error.fieldErrors?.campaignEndsOn).toBe('The campaign cannot end before it starts');
  });

  it('needs partners.write: a reviewer cannot register a draft', async () => {
    as('rita');
    const r = await register();
    expect(!r.ok && r.error.kind).toBe('forbidden');
    as('admin');
  });
});

describe('the review queue', () => {
  it('refuses a decision before the review starts, and moves only along allowed transitions', async () => {
    as('pat');
    const d = await registered({ title: 'Transitions' });
    as('rita');
    const early = await t.core.dispatch('drafts.decide', { id: d.id, version: 1, decision: 'approve', checklist: allTicked });
    expect(!early.ok && [early.error.kind, early.error.message]).toEqual(['conflict', 'Start the review first, then decide.']);
    const started = (await t.call('drafts.startReview', { id: d.id })) as DraftDetail;
    expect(started).toMatchObject({ state: 'in_review', assignedName: 'Rita Reviewer' });
    const rejected = await t.core.dispatch('drafts.decide', { id: d.id, version: 1, decision: 'reject', note: 'Claims a guarantee' });
    expect(!rejected.ok && rejected.error.fieldErrors?.reason).toBe('Choose why the draft is rejected');
    const done = (await t.call('drafts.decide', { id: d.id, version: 1, decision: 'reject', reason: 'misleading_claims', note: 'Claims a guarantee' })) as DraftDetail;
    expect(done.state).toBe('rejected');
    expect(done.events.at(-1)).toMatchObject({ fromState: 'in_review', toState: 'rejected', reason: 'misleading_claims', note: 'Claims a guarantee', byName: 'Rita Reviewer' });
    as('pat');
    const again = await t.core.dispatch('drafts.withdraw', { id: d.id });
    expect(!again.ok && again.error.message).toMatch(/rejected; that decision is final/);
    const audit = sqlite().prepare("SELECT action FROM audit_log WHERE entity = 'marketing_draft' AND entity_id = ? ORDER BY id").all(d.id) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['draft.register', 'draft.start_review', 'draft.rejected']);
  });

  it('assigns only reviewers', async () => {
    as('pat');
    const d = await registered({ title: 'Assignment' });
    as('rita');
    const bad = await t.core.dispatch('drafts.assign', { id: d.id, reviewerId: users.pat!.id });
    expect(!bad.ok && bad.error.fieldErrors?.reviewerId).toBe('Choose a reviewer');
    expect(((await t.call('drafts.assign', { id: d.id, reviewerId: users.rob!.id })) as DraftDetail).assignedName).toBe('Rob Reviewer');
    const mine = await t.call('drafts.list', { assignedTo: users.rob!.id });
    expect(mine.rows.map((r: { title: string }) => r.title)).toEqual(['Assignment']);
  });

  it('lists overdue drafts first, using the configured SLA, with counts per state', async () => {
    as('admin');
    const settings = await t.call('drafts.settings', {});
    await t.call('drafts.saveSettings', { ...settings, slaDays: 10 });
    as('pat');
    clock = new Date('2026-03-10T09:00:00Z');
    const late = await registered({ title: 'SLA ten days' }); // due 20 Mar
    expect(late.dueOn).toBe('2026-03-20');
    clock = new Date('2026-03-21T09:00:00Z');
    const fresh = await registered({ title: 'Fresh' }); // due 31 Mar
    const q = await t.call('drafts.list', {});
    const open = q.rows.filter((r: { state: string }) => r.state === 'submitted' || r.state === 'in_review');
    const firstFresh = open.findIndex((r: { id: string }) => r.id === fresh.id);
    expect(open.slice(0, firstFresh).every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    expect(open.find((r: { id: string }) => r.id === late.id).overdue).toBe(true);
    expect(open[firstFresh].overdue).toBe(false);
    expect(q.overdue).toBe(open.filter((r: { overdue: boolean }) => r.overdue).length);
    expect(q.counts.rejected).toBe(1);
    expect(q.counts.submitted + q.counts.in_review).toBe(open.length);
    const onlyOverdue = await t.call('drafts.list', { overdueOnly: true });
    expect(onlyOverdue.rows.map((r: { id: string }) => r.id)).not.toContain(fresh.id);
    expect(onlyOverdue.rows.map((r: { id: string }) => r.id)).toContain(late.id);
  });
});

describe('maker-checker and versions', () => {
  it('refuses approval by the person who registered the draft, with a forbidden error saying so', async () => {
    // A reviewer cannot register; an admin both registers and reviews, so the rule bites there.
    as('admin');
    const d = await registered({ title: 'Own draft' });
    await t.call('drafts.startReview', { id: d.id });
    const r = await t.core.dispatch('drafts.decide', { id: d.id, version: 1, decision: 'approve', checklist: allTicked });
    expect(!r.ok && r.error.kind).toBe('forbidden');
    expect(!r.ok && r.error.message).toMatch(/You registered this draft, so someone else must approve it/);
    expect(((await t.call('drafts.get', { id: d.id })) as DraftDetail).canApprove).toBe(false);
    as('rita');
    expect(((await t.call('drafts.get', { id: d.id })) as DraftDetail).canApprove).toBe(true);
  });

  it('refuses a decision by someone without drafts.review', async () => {
    as('pat');
    const d = await registered({ title: 'No reviewer' });
    const r = await t.core.dispatch('drafts.startReview', { id: d.id });
    expect(!r.ok && r.error.kind).toBe('forbidden');
  });

  it('takes a resubmission as version 2 with a diff against version 1, and approves the hash of exactly version 2', async () => {
    as('pat');
    const d = await registered({ title: 'Versions', files: [{ fileName: 'post.txt', mimeType: 'text/plain', contentBase64: b64('Sponsored\nAllSet is guaranteed\nBook now') }] });
    as('rita');
    await t.call('drafts.startReview', { id: d.id });
    const needsNote = await t.core.dispatch('drafts.decide', { id: d.id, version: 1, decision: 'request_changes' });
    expect(!needsNote.ok && needsNote.error.fieldErrors?.note).toBe('Say what the partner must change');
    const c = (await t.call('drafts.comment', { id: d.id, version: 1, fileId: d.files[0]!.id, anchorStart: 20, anchorEnd: 30, body: 'No guarantees, please' })) as DraftDetail;
    expect(c.comments[0]).toMatchObject({ quote: 'guaranteed', anchorStart: 20, anchorEnd: 30, byName: 'Rita Reviewer' });
    const outside = await t.core.dispatch('drafts.comment', { id: d.id, version: 1, fileId: d.files[0]!.id, anchorStart: 10, anchorEnd: 999, body: 'x' });
    expect(!outside.ok && outside.error.kind).toBe('validation');
    await t.call('drafts.decide', { id: d.id, version: 1, decision: 'request_changes', note: 'Drop “guaranteed”' });

    as('rita');
    const notYours = await t.core.dispatch('drafts.resubmit', { id: d.id, files: [{ fileName: 'post.txt', mimeType: 'text/plain', contentBase64: b64('x') }] });
    expect(!notYours.ok && notYours.error.kind).toBe('forbidden');
    as('pat');
    const v2Text = 'Sponsored\nAllSet fills your calendar\nBook now';
    const v2 = (await t.call('drafts.resubmit', { id: d.id, note: 'Claim removed', files: [{ fileName: 'post.txt', mimeType: 'text/plain', contentBase64: b64(v2Text) }] })) as DraftDetail;
    expect(v2).toMatchObject({ state: 'submitted', currentVersion: 2, viewingVersion: 2 });
    expect(v2.diff).toEqual({
      againstVersion: 1,
      lines: [
        { op: 'same', text: 'Sponsored', oldLine: 1, newLine: 1 },
        { op: 'remove', text: 'AllSet is guaranteed', oldLine: 2, newLine: null },
        { op: 'add', text: 'AllSet fills your calendar', oldLine: null, newLine: 2 },
        { op: 'same', text: 'Book now', oldLine: 3, newLine: 3 },
      ],
    });
    expect(v2.files[0]!.findings).toEqual([]);

    as('rita');
    await t.call('drafts.startReview', { id: d.id });
    const stale = await t.core.dispatch('drafts.decide', { id: d.id, version: 1, decision: 'approve', checklist: allTicked });
    expect(!stale.ok && stale.error.kind).toBe('conflict');
    const unticked = await t.core.dispatch('drafts.decide', { id: d.id, version: 2, decision: 'approve', checklist: { ...allTicked, disclosure: false } });
    expect(!unticked.ok && unticked.error.fieldErrors?.['checklist.disclosure']).toMatch(/Tick/);
    const approved = (await t.call('drafts.decide', { id: d.id, version: 2, decision: 'approve', checklist: allTicked, note: 'Fine now' })) as DraftDetail;
    const fileSha = createHash('sha256').update(v2Text).digest('hex');
    const expected = createHash('sha256').update(`post.txt\u0000text/plain\u0000${fileSha}\n`).digest('hex');
    expect(approved.state).toBe('approved');
    expect(approved.approvedHash).toBe(expected);
    expect(approved.versions.map((v) => v.contentHash)).toEqual([expect.not.stringMatching(expected), expected]);

    const library = await t.call('drafts.library', { partnerId });
    expect(library).toEqual([expect.objectContaining({ draftId: d.id, version: 2, contentHash: expected, approvedByName: 'Rita Reviewer', files: [{ fileName: 'post.txt', mimeType: 'text/plain', size: v2Text.length }] })]);

    const cert = await t.call('drafts.certificate', { id: d.id });
    const pdf = Buffer.from(cert.contentBase64, 'base64');
    expect(cert.fileName).toBe('review-certificate-versions-v2.pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain(expected);
    const read = extractText('application/pdf', pdf);
    expect(read.pageCount).toBe(1);
    expect(read.text).toContain('Bookly Studio (allset)');
    expect(read.text).toContain('Rita Reviewer');
    expect(read.text).toContain('[x] Discloses the affiliate / partner relationship');
  });

  it('issues no certificate for a draft that is not approved', async () => {
    as('pat');
    const d = await registered({ title: 'Not yet' });
    const r = await t.core.dispatch('drafts.certificate', { id: d.id });
    expect(!r.ok && r.error.message).toMatch(/approved draft; this one is submitted/);
  });
});

describe('the review certificate PDF', () => {
  const pdf = certificatePdf({
    workspaceName: 'Acme', partner: 'Bookly (Studio)', programme: 'allset', title: 'Spring “promo” – v2', channel: 'E-mail campaign', version: 2,
    contentHash: 'ab'.repeat(32), reviewer: 'Rita', decidedOn: '2026-03-21', registeredBy: 'Pat', files: ['a.txt'], note: 'ok',
    checklist: [{ label: 'Disclosure', ticked: true }, { label: 'Claims', ticked: false }],
  });
  const s = pdf.toString('latin1');

  it('starts with %PDF- and ends with a trailer pointing at its cross-reference table', () => {
    expect(s.startsWith('%PDF-1.4\n')).toBe(true);
    expect(s.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(s)![1]);
    expect(s.slice(startxref, startxref + 4)).toBe('xref');
    expect(s).toMatch(/trailer\n<< \/Size 8 \/Root 1 0 R \/Info 7 0 R >>/);
  });

  it('has every object at the byte offset its xref entry gives', () => {
    const startxref = Number(/startxref\n(\d+)/.exec(s)![1]);
    const entries = s.slice(startxref).split('\n').slice(3, 10);
    expect(entries).toHaveLength(7);
    entries.forEach((e, i) => {
      expect(e).toMatch(/^\d{10} 00000 n $/);
      expect(s.slice(Number(e.slice(0, 10))).startsWith(`${i + 1} 0 obj`)).toBe(true);
    });
    const len = Number(/\/Length (\d+)/.exec(s)![1]);
    const streamStart = s.indexOf('stream\n') + 7;
    expect(s.slice(streamStart + len, streamStart + len + 10)).toBe('\nendstream');
  });

  it('contains the hash and escapes brackets, with Helvetica as the font', () => {
    expect(s).toContain('ab'.repeat(32));
    expect(s).toContain('/BaseFont /Helvetica');
    expect(s).toContain('Bookly \\(Studio\\) \\(allset\\))');
    expect(s).toContain('[ ] Claims');
  });
});
