import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { decideDispute, DisputeRow, openDispute } from '../../../src-shared/referrals/contract';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import { requireCustomer, requirePartner, setCustomerPartner } from './customers';
import { disputeById } from './repo';

type In<C extends { input: z.ZodType }> = z.output<C['input']>;

// Seed 002 §1.4: "The partner has the right to retain an existing client upon providing
// evidence of client integration support." A claim is recorded with its evidence, then
// decided with a note: upheld moves the client to the claimant, rejected leaves it.

function requireDispute(sqlite: Sqlite, id: string): DisputeRow {
  return disputeById(sqlite, id) ?? fail('not_found', 'That dispute no longer exists. Reload the queue.');
}

export function openDisputeRecord(session: Session, input: In<typeof openDispute>, nowIso: string): DisputeRow {
  const { sqlite, db } = session.open;
  const customer = requireCustomer(sqlite, input.customerId);
  const claimant = requirePartner(sqlite, input.claimantPartnerId, 'claimantPartnerId');
  if (customer.partnerId === claimant.id) {
    fail('conflict', `${customer.name} is already credited to ${claimant.company}; there is nothing to claim.`, { fieldErrors: { claimantPartnerId: 'Already credited with this customer' } });
  }
  const open = sqlite.prepare(`SELECT p.company FROM attribution_disputes d JOIN partners p ON p.id = d.claimant_partner_id WHERE d.customer_id = ? AND d.status = 'open'`).get(customer.id) as
    | { company: string }
    | undefined;
  if (open) fail('conflict', `${customer.name} already has an open dispute (claimed by ${open.company}). Decide it first.`);
  if (input.openedOn < customer.signUpOn) {
    fail('validation', `${customer.name} signed up on ${customer.signUpOn}; a claim cannot be dated earlier.`, { fieldErrors: { openedOn: `Not before ${customer.signUpOn}` } });
  }
  return sqlite.transaction(() => {
    const id = randomUUID();
    sqlite
      .prepare(
        `INSERT INTO attribution_disputes (id, customer_id, claimant_partner_id, current_partner_id, opened_on, evidence, status)
         VALUES (?, ?, ?, ?, ?, ?, 'open')`,
      )
      .run(id, customer.id, claimant.id, customer.partnerId, input.openedOn, input.evidence);
    recordAudit(db, {
      at: nowIso,
      userId: session.user.id,
      action: 'referrals.openDispute',
      entity: 'attribution_dispute',
      entityId: id,
      detail: { customerId: customer.id, claimantPartnerId: claimant.id, currentPartnerId: customer.partnerId, evidence: input.evidence },
    });
    return requireDispute(sqlite, id);
  })();
}

export function decideDisputeRecord(session: Session, input: In<typeof decideDispute>, nowIso: string): DisputeRow {
  const { sqlite, db } = session.open;
  const dispute = requireDispute(sqlite, input.disputeId);
  if (dispute.status !== 'open') fail('conflict', `This dispute was already decided (${dispute.status} on ${dispute.decidedOn}).`);
  if (input.decidedOn < dispute.openedOn) {
    fail('validation', `The dispute was opened on ${dispute.openedOn}; the decision cannot be dated earlier.`, { fieldErrors: { decidedOn: `Not before ${dispute.openedOn}` } });
  }
  return sqlite.transaction(() => {
    sqlite
      .prepare(`UPDATE attribution_disputes SET status = ?, decided_on = ?, decided_by = ?, decision_note = ? WHERE id = ?`)
      .run(input.outcome, input.decidedOn, session.user.id, input.note, dispute.id);
    const customer = requireCustomer(sqlite, dispute.customerId);
    if (input.outcome === 'upheld') {
      // The claimant kept the client by its integration support: credit it that way.
      setCustomerPartner(sqlite, customer.id, dispute.claimantPartnerId, 'integration');
    }
    recordAudit(db, {
      at: nowIso,
      userId: session.user.id,
      action: 'referrals.decideDispute',
      entity: 'attribution_dispute',
      entityId: dispute.id,
      detail: {
        outcome: input.outcome,
        note: input.note,
        customerId: customer.id,
        fromPartnerId: customer.partnerId,
        toPartnerId: input.outcome === 'upheld' ? dispute.claimantPartnerId : customer.partnerId,
      },
    });
    return requireDispute(sqlite, dispute.id);
  })();
}
