import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { attachmentSizeProblem, base64DecodedBytes } from '../../../src-shared/partners/attachments';
import type { getAttachment, removeAttachment, uploadAttachment } from '../../../src-shared/partners/contract';
import type { PartnerDetail } from '../../../src-shared/partners/schemas';
import { audit, failOnProblems, inTransaction, newId, notFound, type PartnerOp } from './op';
import { readDetail, requireRecord } from './repo';

type Detail = z.input<typeof PartnerDetail>;

/** Stores a file inside the encrypted workspace, with its size and SHA-256 for later checks. */
export function uploadPartnerAttachment(op: PartnerOp, input: z.output<typeof uploadAttachment.input>): Detail {
  const { sqlite } = op.session.open;
  // Judge the size before decoding, so an oversized upload costs no extra memory.
  const sizeProblem = attachmentSizeProblem(input.fileName, base64DecodedBytes(input.contentBase64));
  if (sizeProblem) failOnProblems({ file: sizeProblem }, 'The attachment');
  const content = Buffer.from(input.contentBase64, 'base64');
  const sha256 = createHash('sha256').update(content).digest('hex');
  return inTransaction(op, () => {
    requireRecord(sqlite, input.partnerId);
    const id = newId();
    sqlite
      .prepare(
        `INSERT INTO partner_attachments (id, partner_id, file_name, mime_type, size, sha256, content, uploaded_at, uploaded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.partnerId, input.fileName, input.mimeType || 'application/octet-stream', content.length, sha256, content, op.now.toISOString(), op.session.user.id);
    audit(op, 'partner.attachment_upload', 'partner', input.partnerId, { attachmentId: id, fileName: input.fileName, size: content.length, sha256 });
    return readDetail(sqlite, input.partnerId);
  });
}

export function readPartnerAttachment(op: PartnerOp, input: z.output<typeof getAttachment.input>): z.input<typeof getAttachment.output> {
  const row = op.session.open.sqlite
    .prepare(
      `SELECT a.id, a.partner_id AS partnerId, a.file_name AS fileName, a.mime_type AS mimeType, a.size, a.sha256, a.content,
              a.uploaded_at AS uploadedAt, u.display_name AS uploadedBy
       FROM partner_attachments a LEFT JOIN users u ON u.id = a.uploaded_by WHERE a.id = ?`,
    )
    .get(input.id) as ({ content: Buffer } & Omit<z.input<typeof getAttachment.output>, 'contentBase64'>) | undefined;
  if (!row) return notFound('This attachment');
  const { content, ...meta } = row;
  return { ...meta, contentBase64: content.toString('base64') };
}

export function removePartnerAttachment(op: PartnerOp, input: z.output<typeof removeAttachment.input>): Detail {
  const { sqlite } = op.session.open;
  return inTransaction(op, () => {
    const before = sqlite
      .prepare('SELECT partner_id AS partnerId, file_name AS fileName, size, sha256 FROM partner_attachments WHERE id = ?')
      .get(input.id) as { partnerId: string; fileName: string; size: number; sha256: string } | undefined;
    if (!before) return notFound('This attachment');
    requireRecord(sqlite, before.partnerId);
    sqlite.prepare('DELETE FROM partner_attachments WHERE id = ?').run(input.id);
    const { partnerId, ...file } = before;
    audit(op, 'partner.attachment_remove', 'partner', partnerId, { attachmentId: input.id, ...file });
    return readDetail(sqlite, partnerId);
  });
}
