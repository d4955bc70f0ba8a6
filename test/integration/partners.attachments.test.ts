import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src-shared/partners/attachments';
import type { PartnerDetail } from '../../src-shared/partners/contract';
import { ADMIN, tempCore } from '../support/tempWorkspace';

let t: ReturnType<typeof tempCore>;
let partner: PartnerDetail;

beforeAll(async () => {
  t = tempCore();
  await t.call('workspace.create', ADMIN);
  const programmeId = randomUUID();
  t.core.context.session!.open.sqlite.prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'salespartner', 'Sales partner programme', 'USD')").run(programmeId);
  partner = await t.call('partners.create', { company: 'Northwind Resellers', programmeId, format: 'reseller', country: 'US', contactName: 'Noah Silva', contactEmail: 'noah@northwind.example' });
});
afterAll(() => t?.cleanup());

const upload = (bytes: Buffer, fileName = 'w9-signed.pdf') =>
  t.core.dispatch('partners.uploadAttachment', { partnerId: partner.id, fileName, mimeType: 'application/pdf', contentBase64: bytes.toString('base64') });

describe('partner attachments', () => {
  it('round-trips the exact bytes and records size and SHA-256', async () => {
    const bytes = randomBytes(300_001);
    const r = await upload(bytes);
    expect(r.ok).toBe(true);
    const detail = (r as { value: PartnerDetail }).value;
    const meta = detail.attachments.find((a) => a.fileName === 'w9-signed.pdf')!;
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(meta).toMatchObject({ size: 300_001, sha256: sha, mimeType: 'application/pdf', uploadedBy: ADMIN.displayName });
    const back = await t.call('partners.getAttachment', { id: meta.id });
    const got = Buffer.from(back.contentBase64, 'base64');
    expect(got.equals(bytes)).toBe(true);
    expect(back.sha256).toBe(sha);
  });

  it('keeps the file inside the encrypted database, not as plaintext on disk', async () => {
    const marker = Buffer.from('PLAINTEXT-MARKER-'.repeat(200));
    expect((await upload(marker, 'marker.txt')).ok).toBe(true);
    const { readFileSync, existsSync } = await import('node:fs');
    for (const f of [`${t.dir}/workspace.pdx`, `${t.dir}/workspace.pdx-wal`].filter(existsSync)) {
      expect(readFileSync(f).includes(Buffer.from('PLAINTEXT-MARKER-'))).toBe(false);
    }
  });

  it('accepts a file of exactly 20 MiB', async () => {
    const r = await upload(Buffer.alloc(MAX_ATTACHMENT_BYTES, 7), 'exactly-20.bin');
    expect(r.ok).toBe(true);
  });

  it('refuses a file over 20 MiB with a message naming the file, its size and the limit', async () => {
    const before = (await t.call('partners.get', { id: partner.id })).attachments.length;
    const r = await upload(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 7), 'scan.tiff');
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { file: expect.stringMatching(/“scan\.tiff” is 20\.0 MiB; attachments are limited to 20 MiB/) } } });
    const huge = await upload(Buffer.alloc(MAX_ATTACHMENT_BYTES + 4096, 7), 'huge.iso');
    expect(huge).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/limited to 20 MiB|larger than 20 MiB/) } });
    expect((await t.call('partners.get', { id: partner.id })).attachments.length).toBe(before);
  });

  it('removes an attachment and audits upload and removal with the file’s hash', async () => {
    const r = await upload(Buffer.from('short note'), 'note.txt');
    const meta = (r as { value: PartnerDetail }).value.attachments.find((a) => a.fileName === 'note.txt')!;
    const after: PartnerDetail = await t.call('partners.removeAttachment', { id: meta.id });
    expect(after.attachments.map((a) => a.id)).not.toContain(meta.id);
    expect((await t.core.dispatch('partners.getAttachment', { id: meta.id })).ok).toBe(false);
    const rows = t.core.context.session!.open.sqlite
      .prepare("SELECT action, detail FROM audit_log WHERE entity_id = ? AND action LIKE 'partner.attachment%' ORDER BY id")
      .all(partner.id) as Array<{ action: string; detail: string }>;
    const forNote = rows.filter((row) => JSON.parse(row.detail).attachmentId === meta.id);
    expect(forNote.map((x) => x.action)).toEqual(['partner.attachment_upload', 'partner.attachment_remove']);
    expect(JSON.parse(forNote[1]!.detail)).toMatchObject({ fileName: 'note.txt', sha256: meta.sha256, size: 10 });
  });

  it('refuses content that is not base64', async () => {
    const r = await t.core.dispatch('partners.uploadAttachment', { partnerId: partner.id, fileName: 'x.bin', contentBase64: 'not base64!' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { contentBase64: expect.any(String) } } });
  });
});
