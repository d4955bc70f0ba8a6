import type { LineState, RunStatus } from '../../../src-shared/payouts/contract';

// Words for the payout states, as finance says them.

export const runStatusLabel: Record<RunStatus, string> = {
  prepared: 'Prepared',
  approved: 'Approved',
  executing: 'Executing',
  completed: 'Completed',
  voided: 'Voided',
  rejected: 'Rejected',
};

export const lineStateLabel: Record<LineState, string> = {
  ready: 'Ready',
  blocked: 'Blocked',
  carried_forward: 'Carried forward',
  queued: 'Queued',
  paid: 'Paid',
  failed: 'Failed',
  cancelled: 'Released',
};

export const methodLabel: Record<string, string> = {
  stripe_connect: 'Stripe Connect',
  outside: 'Paid outside the app',
};

export const documentKindLabel = { referral_report: 'Referral report', invoice: 'Invoice' } as const;

/** The runs shown under History: decided and done with. */
export const HISTORY_STATUSES: readonly RunStatus[] = ['completed', 'voided', 'rejected'];

/** Seed 001: a line blocked only by a missing document can be unblocked from the run. */
export const DOCUMENT_BLOCKERS: Record<string, 'referral_report' | 'invoice'> = {
  missing_referral_report: 'referral_report',
  missing_invoice: 'invoice',
};
