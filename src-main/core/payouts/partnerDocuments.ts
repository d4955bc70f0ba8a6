import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type * as contract from '../../../src-shared/payouts/contract';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { audit, inTransaction } from '../partners/op';
import type { PayoutOp } from './runs';

// Seed 001 Appendix B: a payout needs "a detailed referral report from Partner" and "an
// invoice from Partner for the commission". Finance records each as it arrives, for the
// period it covers (a run on a date in month M looks for month M−1's).

type Doc = z.input<typeof contract.DocumentSchema>;

const SELECT = `SELECT id, partner_id AS partnerId, kind, period, reference, received_on AS receivedOn, recorded_at AS recordedAt FROM partner_documents`;

export function listDocuments(sqlite: Sqlite, partnerId: string): Doc[] {
  return sqlite.prepare(`${SELECT} WHERE partner_id = ? ORDER BY period DESC, kind`).all(partnerId) as Doc[];
}

export function recordDocument(op: PayoutOp, input: z.output<typeof contract.recordDocument.input>): Doc {
  const sqlite = op.session.open.sqlite;
  return inTransaction(op, () => {
    if (!sqlite.prepare('SELECT 1 FROM partners WHERE id = ?').get(input.partnerId)) fail('not_found', 'This partner does not exist. Reload the list.');
    const existing = sqlite.prepare(`${SELECT} WHERE partner_id = ? AND kind = ? AND period = ?`).get(input.partnerId, input.kind, input.period) as Doc | undefined;
    const words = input.kind === 'invoice' ? 'invoice' : 'referral report';
    if (existing) fail('conflict', `The ${words} for ${input.period} is recorded already (${existing.reference}, received ${existing.receivedOn}).`, { fieldErrors: { period: 'Recorded already' } });
    const id = randomUUID();
    sqlite
      .prepare('INSERT INTO partner_documents (id, partner_id, kind, period, reference, received_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.partnerId, input.kind, input.period, input.reference, input.receivedOn, op.now.toISOString(), op.session.user.id);
    audit(op, 'payouts.document.record', 'partners', input.partnerId, { kind: input.kind, period: input.period, reference: input.reference });
    return sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Doc;
  });
}
