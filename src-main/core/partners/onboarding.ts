import type { z } from 'zod';
import type { setOnboardingStep } from '../../../src-shared/partners/contract';
import { onboardingStepProblems } from '../../../src-shared/partners/onboarding';
import type { PartnerDetail } from '../../../src-shared/partners/schemas';
import { audit, changedFields, failOnProblems, inTransaction, newId, type PartnerOp } from './op';
import { nextVersion, readDetail, readOnboarding, requireRecord, writeColumns } from './repo';

/**
 * Records one step of seed 000's onboarding checklist (due date, done date, owner, note).
 * Ticking "live" for a partner still onboarding makes it active: "Go live and start earning!"
 */
export function setStep(op: PartnerOp, input: z.output<typeof setOnboardingStep.input>): z.input<typeof PartnerDetail> {
  const { sqlite } = op.session.open;
  return inTransaction(op, () => {
    const record = requireRecord(sqlite, input.partnerId);
    const checklist = readOnboarding(sqlite, input.partnerId);
    failOnProblems(onboardingStepProblems(checklist, input, op.today), 'The onboarding step');
    const before = checklist.find((s) => s.step === input.step)!;
    const after = { dueOn: input.dueOn, doneOn: input.doneOn, owner: input.owner, note: input.note };
    const changes = changedFields(before as Record<string, unknown>, after);
    if (Object.keys(changes).length === 0) return readDetail(sqlite, input.partnerId);
    sqlite
      .prepare(
        `INSERT INTO onboarding_steps (id, partner_id, step, due_on, done_on, owner, note) VALUES (@id, @partnerId, @step, @dueOn, @doneOn, @owner, @note)
         ON CONFLICT (partner_id, step) DO UPDATE SET due_on = excluded.due_on, done_on = excluded.done_on, owner = excluded.owner, note = excluded.note`,
      )
      .run({ id: newId(), partnerId: input.partnerId, step: input.step, ...after });
    audit(op, 'partner.onboarding_step', 'partner', input.partnerId, { step: input.step, changes });
    if (input.step === 'live' && input.doneOn && record.status === 'onboarding') {
      writeColumns(sqlite, input.partnerId, { status: 'active' }, { status: 'status' }, nextVersion(record.updatedAt, op.now));
      audit(op, 'partner.update', 'partner', input.partnerId, { changes: { status: { before: 'onboarding', after: 'active' } }, reason: 'onboarding step "live" done' });
    }
    return readDetail(sqlite, input.partnerId);
  });
}
