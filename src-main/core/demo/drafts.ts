import { randomUUID } from 'node:crypto';
import { addDays, type IsoDate } from '../../../src-shared/dates/isoDate';
import { CHECKLIST } from '../../../src-shared/drafts/states';
import type { OpenDb } from '../../db/open';
import { currentAgreement, insertEvent, insertVersion, prepareFiles } from '../drafts/store';
import type { Random } from './random';

// Fixed rows, not random draws: the demo's random stream is shared with the other domains.

const email = (claim: string) => `<!doctype html><html><body>
<h1>Fill your calendar this spring</h1>
<p>Sponsored — we earn a commission when you sign up.</p>
<p>Allset books your clients while you sleep. ${claim}</p>
<p><a href="https://allset.example/signup">Start your free trial</a></p>
</body></html>`;

const files = (name: string, mimeType: string, text: string) => prepareFiles([{ fileName: name, mimeType, contentBase64: Buffer.from(text).toString('base64') }]);

/**
 * Demo workspace: the review queue in every state — an overdue e-mail with a misspelt brand
 * and a guarantee, a landing page in review claiming exclusivity, a social post approved at
 * version 2 after changes were requested, a fresh newsletter. Registered by a demo
 * partnership manager (who cannot sign in), so the demo admin can approve: maker-checker.
 */
export function seedDemoDrafts(open: OpenDb, _rnd: Random, today: string): void {
  const { sqlite } = open;
  const admin = sqlite.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1").get() as { id: string } | undefined;
  // Already seeded (the call may run twice while the demo seed is being wired): leave it.
  if (!admin || sqlite.prepare("SELECT 1 FROM users WHERE username = 'demo-pm'").get()) return;
  const pmId = randomUUID();
  const at = (offset: number, hour = 9) => `${addDays(today as IsoDate, offset)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  sqlite
    .prepare("INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, 'demo-pm', 'Priya Patel', 'partnership_manager', ?)")
    .run(pmId, at(-60));
  const partner = (code: string) =>
    (sqlite.prepare("SELECT p.id FROM partners p JOIN programmes pr ON pr.id = p.programme_id WHERE pr.code = ? AND p.status = 'active' ORDER BY p.company LIMIT 1").get(code) as
      | { id: string }
      | undefined)?.id;

  const draft = (p: { code: string; title: string; channel: string; starts: number; ends: number | null; registered: number; dueIn: number | null; state: string; assignedTo?: string | null; versions: ReturnType<typeof files>[] }) => {
    const partnerId = partner(p.code);
    if (!partnerId) return null;
    const id = randomUUID();
    sqlite
      .prepare(
        `INSERT INTO marketing_drafts (id, partner_id, agreement_id, title, channel, campaign_starts_on, campaign_ends_on, state, current_version,
           assigned_to, due_on, registered_by, registered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id, partnerId, currentAgreement(sqlite, partnerId)?.id ?? null, p.title, p.channel, addDays(today as IsoDate, p.starts), p.ends === null ? null : addDays(today as IsoDate, p.ends),
        p.state, p.versions.length, p.assignedTo ?? null, p.dueIn === null ? null : addDays(today as IsoDate, p.dueIn), pmId, at(p.registered), at(p.registered),
      );
    const hashes = p.versions.map((v, i) => insertVersion(sqlite, id, i + 1, v, i === 0 ? 'As the partner sent it' : 'Claim removed', pmId, at(p.registered + i * 2)));
    insertEvent(sqlite, { draftId: id, version: 1, fromState: null, toState: 'submitted', contentHash: hashes[0]!, byUser: pmId, at: at(p.registered) });
    return { id, hashes };
  };

  // Overdue: registered six days ago with a three-day SLA.
  draft({ code: 'allset', title: 'Spring booking e-mail', channel: 'email_campaign', starts: 10, ends: 40, registered: -6, dueIn: -3, state: 'submitted',
    versions: [files('spring-email.html', 'text/html', email('Results guaranteed — the #1 booking tool, risk-free.'))] });

  const landing = draft({ code: 'aloware', title: 'Dialer comparison landing page', channel: 'landing_page', starts: 5, ends: null, registered: -2, dueIn: 1, state: 'in_review', assignedTo: admin.id,
    versions: [files('landing.txt', 'text/plain', 'Partner content. As the exclusive partner of AloWare in Texas we beat RingCentral on price.\nBook a demo today.')] });
  if (landing) insertEvent(sqlite, { draftId: landing.id, version: 1, fromState: 'submitted', toState: 'in_review', byUser: admin.id, at: at(-1) });

  const v1 = 'Ad: Message.Help answers every SMS for you.\nGuaranteed 5-star reviews!\nUse code at checkout.';
  const v2 = 'Ad: Message.Help answers every SMS for you.\nMore replies, happier customers.\nUse code at checkout.';
  const social = draft({ code: 'messagehelp', title: 'Launch social post', channel: 'social_post', starts: -3, ends: 27, registered: -12, dueIn: null, state: 'approved', assignedTo: admin.id,
    versions: [files('post.txt', 'text/plain', v1), files('post.txt', 'text/plain', v2)] });
  if (social) {
    const ev = (version: number, from: string, to: string, offset: number, extra: Record<string, unknown> = {}) =>
      insertEvent(sqlite, { draftId: social.id, version, fromState: from, toState: to, byUser: admin.id, at: at(offset, 11), ...extra });
    ev(1, 'submitted', 'in_review', -11);
    ev(1, 'in_review', 'changes_requested', -11, { note: 'Drop “Guaranteed 5-star reviews” — seed 001 forbids misleading claims.' });
    sqlite.prepare('UPDATE draft_versions SET reviewed_at = ? WHERE draft_id = ? AND version = 1').run(at(-11, 11), social.id);
    insertEvent(sqlite, { draftId: social.id, version: 2, fromState: 'changes_requested', toState: 'submitted', note: 'Claim removed', contentHash: social.hashes[1]!, byUser: pmId, at: at(-10) });
    ev(2, 'submitted', 'in_review', -9);
    ev(2, 'in_review', 'approved', -9, { note: 'Fine to use.', checklist: Object.fromEntries(CHECKLIST.map((c) => [c.id, true])), contentHash: social.hashes[1]! });
    sqlite.prepare('UPDATE draft_versions SET reviewed_at = ? WHERE draft_id = ? AND version = 2').run(at(-9, 11), social.id);
  }

  draft({ code: 'salespartner', title: 'Partner newsletter', channel: 'email_campaign', starts: 14, ends: 21, registered: 0, dueIn: 3, state: 'submitted',
    versions: [files('newsletter.txt', 'text/plain', 'Affiliate newsletter\nOur official reseller programme is white-label: sell it as our own platform.')] });
}
