import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDrafts } from '../../src-main/core/demo/drafts';
import { seededRandom } from '../../src-main/core/demo/random';
import type { DraftDetail } from '../../src-shared/drafts/contract';
import { tempCore } from '../support/tempWorkspace';

let t: ReturnType<typeof tempCore>;
const now = new Date('2026-05-14T10:00:00Z');

beforeAll(async () => {
  t = tempCore({ now: () => now });
  await t.call('workspace.createDemo', {});
  // Until seed.ts calls it, seed here; it leaves an already seeded workspace alone.
  seedDemoDrafts(t.core.context.session!.open, seededRandom(1), '2026-05-14');
  seedDemoDrafts(t.core.context.session!.open, seededRandom(1), '2026-05-14');
});
afterAll(() => t?.cleanup());

describe('the demo workspace’s review queue', () => {
  it('has drafts in several states, the overdue one first, registered by someone other than the demo admin', async () => {
    const q = await t.call('drafts.list', {});
    expect(q.rows.map((r: { title: string }) => r.title)).toEqual(['Spring booking e-mail', 'Dialer comparison landing page', 'Partner newsletter', 'Launch social post']);
    expect(q.rows[0]).toMatchObject({ overdue: true, state: 'submitted', registeredByName: 'Priya Patel' });
    expect(q.counts).toMatchObject({ submitted: 2, in_review: 1, approved: 1 });
    const landing = (await t.call('drafts.get', { id: q.rows[1].id })) as DraftDetail;
    expect(landing.canApprove).toBe(true);
    expect(landing.files[0]!.findings.map((f) => f.match)).toEqual(['exclusive partner', 'AloWare', 'RingCentral']);
  });

  it('has an approved social post at version 2 whose diff, library entry and certificate agree on the hash', async () => {
    const q = await t.call('drafts.list', { state: 'approved' });
    const d = (await t.call('drafts.get', { id: q.rows[0].id })) as DraftDetail;
    expect(d.diff?.againstVersion).toBe(1);
    expect(d.diff?.lines.filter((l) => l.op !== 'same').map((l) => l.text)).toEqual(['Guaranteed 5-star reviews!', 'More replies, happier customers.']);
    expect(d.approvedHash).toBe(d.versions[1]!.contentHash);
    const lib = await t.call('drafts.library', { partnerId: d.partnerId });
    expect(lib[0].contentHash).toBe(d.approvedHash);
    const cert = await t.call('drafts.certificate', { id: d.id });
    expect(Buffer.from(cert.contentBase64, 'base64').toString('latin1')).toContain(d.approvedHash!);
  });
});
