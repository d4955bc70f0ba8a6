import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatePdf } from '../../src-main/core/drafts/certificate';
import { extractText } from '../../src-main/core/drafts/text';
import type { DraftDetail } from '../../src-shared/drafts/contract';
import { ADMIN, tempCore } from '../support/tempWorkspace';

let t: ReturnType<typeof tempCore>;
let partnerId: string;
const sqlite = () => t.core.context.session!.open.sqlite;

/** A one-page PDF whose content stream is Flate-compressed, as most exported PDFs are. */
function flatePdf(text: string): Buffer {
  const stream = deflateSync(Buffer.from(`BT /F1 12 Tf 50 700 Td (${text}) Tj ET`, 'latin1'));
  const head = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n5 0 obj << /Type /Page /Parent 2 0 R >> endobj\n' +
      `4 0 obj << /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`,
    'latin1',
  );
  return Buffer.concat([head, stream, Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

beforeAll(async () => {
  t = tempCore();
  await t.call('workspace.create', ADMIN);
  const programmeId = randomUUID();
  sqlite().prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'aloware', 'Aloware referral partners', 'USD')").run(programmeId);
  partnerId = (await t.call('partners.create', { company: 'Dialwise', programmeId, format: 'affiliate', country: 'US', contactName: 'Dee Wise', contactEmail: 'dee@dialwise.example' })).id;
});
afterAll(() => t?.cleanup());

const pdfDraft = (pdf: Buffer, title: string) =>
  t.call('drafts.register', { partnerId, title, channel: 'print', campaignStartsOn: '2026-06-01', files: [{ fileName: 'flyer.pdf', mimeType: 'application/pdf', contentBase64: pdf.toString('base64') }] }) as Promise<DraftDetail>;

describe('PDF drafts', () => {
  it('reads the page count and the text of a compressed PDF, and checks that text', async () => {
    const d = await pdfDraft(flatePdf('Referral partner offer: AloWare is risk-free'), 'Flyer');
    expect(d.agreementId).toBeNull(); // this partner has no agreement on file yet
    const f = d.files[0]!;
    expect([f.pageCount, f.text]).toEqual([2, 'Referral partner offer: AloWare is risk-free']);
    expect(f.findings.map((x) => [x.kind, x.match])).toEqual([['brand_spelling', 'AloWare'], ['claim', 'risk-free']]);
  });

  it('anchors a comment to a page that exists, and refuses one past the last page', async () => {
    const d = await pdfDraft(flatePdf('Partner flyer'), 'Two pages');
    const fileId = d.files[0]!.id;
    const ok = (await t.call('drafts.comment', { id: d.id, version: 1, fileId, anchorPage: 2, body: 'Logo too small on page 2' })) as DraftDetail;
    expect(ok.comments).toEqual([expect.objectContaining({ anchorPage: 2, body: 'Logo too small on page 2', quote: '' })]);
    const bad = await t.core.dispatch('drafts.comment', { id: d.id, version: 1, fileId, anchorPage: 3, body: 'x' });
    expect(!bad.ok && bad.error.fieldErrors?.anchorPage).toBe('The PDF has 2 pages');
  });

  it('reads the text back out of the review certificate it writes', () => {
    const pdf = certificatePdf({ workspaceName: 'W', partner: 'P', programme: 'p', title: 'T', channel: 'C', version: 1, contentHash: 'h', reviewer: 'R', decidedOn: '2026-01-01', registeredBy: 'M', files: [], checklist: [], note: '' });
    expect(extractText('application/pdf', pdf).text).toContain('Marketing draft review certificate');
  });
});

describe('configurable rules and SLA', () => {
  it('checks with the saved rules: a competitor added to the list is flagged from then on', async () => {
    const d = await t.call('drafts.register', { partnerId, title: 'Compare', channel: 'social_post', campaignStartsOn: '2026-06-01', files: [{ fileName: 'c.txt', mimeType: 'text/plain', contentBase64: Buffer.from('#ad Cheaper than Kixie').toString('base64') }] });
    expect(d.files[0].findings).toEqual([]);
    const s = await t.call('drafts.settings', {});
    await t.call('drafts.saveSettings', { slaDays: 5, rules: { ...s.rules, competitors: [...s.rules.competitors, 'Kixie'] } });
    const again = (await t.call('drafts.get', { id: d.id })) as DraftDetail;
    expect(again.files[0]!.findings.map((f) => [f.kind, f.match, f.start, f.end])).toEqual([['competitor', 'Kixie', 17, 22]]);
    expect((await t.call('drafts.list', {})).slaDays).toBe(5);
  });

  it('refuses an SLA outside 1–60 days, naming the field', async () => {
    const s = await t.call('drafts.settings', {});
    const r = await t.core.dispatch('drafts.saveSettings', { ...s, slaDays: 0 });
    expect(!r.ok && r.error.fieldErrors?.slaDays).toBe('The review SLA is at least 1 day');
  });

  it('lets the partnership side withdraw an open draft, which then leaves the open queue', async () => {
    const d = await pdfDraft(flatePdf('Partner flyer'), 'Withdrawn flyer');
    const w = (await t.call('drafts.withdraw', { id: d.id, note: 'Campaign cancelled' })) as DraftDetail;
    expect([w.state, w.dueOn, w.events.at(-1)?.note]).toEqual(['withdrawn', null, 'Campaign cancelled']);
    const withdrawn = await t.call('drafts.list', { state: 'withdrawn' });
    expect(withdrawn.rows.map((r: { title: string }) => r.title)).toEqual(['Withdrawn flyer']);
  });
});
