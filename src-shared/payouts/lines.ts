import { payabilityBlockers } from '../commissions/payability';
import type { PartnerInput } from '../commissions/input';
import type { CommissionPlan } from '../commissions/plan';
import { describeMoney } from '../commissions/explain';
import type { CurrencyCode } from '../money/currency';
import { money } from '../money/money';
import type { Blocker, LineState } from './contract';

// What a payout line pays and what stops it — pure, so every rule is tested without a
// database. RULES.md (beside the commission engine) states the readings in words.
//
// A line is one partner's payable ledger balance in one currency as of the pay date:
// positive entries earned, negative ones (refund and chargeback reversals) withheld from
// it. A line that nets to zero or less, or stays under the plan's minimum payout, is
// carried forward: its entries stay payable and meet the next run. A line with a blocker
// is not paid either, and says why in words.

export type PayableEntry = { key: string; occurredOn: string; amountMinor: number };

export type PartnerPayoutFacts = {
  company: string;
  method: 'stripe_connect' | 'outside';
  stripeAccountId: string | null;
  /** partners.stripe_account_state: 'enabled' means the transfers capability is active. */
  stripeAccountState: 'none' | 'pending' | 'restricted' | 'enabled';
  taxForm: { kind: string; expiresOn: string | null } | null;
  /** The agreement's termination date, when one has been reached or is set, and what the agreement still pays after it. */
  termination: { on: string; postTermination: 'stops' | 'continues_for_prior_referrals' } | null;
  /** The plan in force at the pay date (null: no plan, e.g. an integrator). */
  plan: CommissionPlan | null;
  /** Breach / suspension as of the pay date. */
  partner: PartnerInput | null;
  /** Seed 001: report and invoice recorded for the documents period of the run. */
  referralReportRecorded: boolean;
  invoiceRecorded: boolean;
};

export type LineRules = { requireTaxForm: boolean; payDate: string };

export type DraftLine = {
  currency: CurrencyCode;
  earnedMinor: number;
  withheldMinor: number;
  amountMinor: number;
  state: Extract<LineState, 'ready' | 'blocked' | 'carried_forward'>;
  blockers: Blocker[];
  /** The entries the line pays (those the agreement no longer pays are left out and named in a blocker). */
  entries: PayableEntry[];
};

/** The month before the pay date's: the period whose referral report and invoice a run needs (scenario B: 2026-12-01 → 2026-11). */
export function documentsPeriod(payDate: string): string {
  const y = Number(payDate.slice(0, 4));
  const m = Number(payDate.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function stripeBlockers(f: PartnerPayoutFacts): Blocker[] {
  if (f.method !== 'stripe_connect') return [];
  if (!f.stripeAccountId) return [{ code: 'no_connect_account', message: `${f.company} has no Stripe Connect account yet: create it and send the onboarding link, or mark the partner as paid outside the app` }];
  if (f.stripeAccountState !== 'enabled') {
    return [{ code: 'transfers_not_enabled', message: `${f.company}'s Stripe account cannot receive transfers yet (state: ${f.stripeAccountState}): the partner must finish Stripe onboarding` }];
  }
  return [];
}

function taxFormBlockers(f: PartnerPayoutFacts, r: LineRules): Blocker[] {
  if (!r.requireTaxForm) return [];
  if (!f.taxForm) return [{ code: 'tax_form_missing', message: 'No tax form (W-9 / W-8BEN / W-8BEN-E) on file: record it on the partner before paying' }];
  if (f.taxForm.expiresOn && f.taxForm.expiresOn < r.payDate) {
    return [{ code: 'tax_form_expired', message: `The partner's ${f.taxForm.kind} expired on ${f.taxForm.expiresOn}: record a new one before paying` }];
  }
  return [];
}

/** Entries the agreement no longer pays: on or after a termination that stops the revenue share. */
function splitByTermination(f: PartnerPayoutFacts, entries: readonly PayableEntry[]): { paid: PayableEntry[]; dropped: PayableEntry[] } {
  const t = f.termination;
  if (!t || t.postTermination !== 'stops') return { paid: [...entries], dropped: [] };
  return { paid: entries.filter((e) => e.occurredOn < t.on), dropped: entries.filter((e) => e.occurredOn >= t.on) };
}

export function draftLine(currency: CurrencyCode, entries: readonly PayableEntry[], f: PartnerPayoutFacts, r: LineRules): DraftLine {
  const { paid, dropped } = splitByTermination(f, entries);
  let earnedMinor = 0;
  let withheldMinor = 0;
  for (const e of paid) {
    if (e.amountMinor >= 0) earnedMinor += e.amountMinor;
    else withheldMinor += e.amountMinor;
  }
  const amountMinor = earnedMinor + withheldMinor;
  const blockers: Blocker[] = [];
  if (dropped.length) {
    blockers.push({
      code: 'terminated',
      message: `${dropped.length} ${dropped.length === 1 ? 'entry dates' : 'entries date'} from on or after the termination on ${f.termination!.on}; the agreement stops the revenue share then, so ${dropped.length === 1 ? 'it is' : 'they are'} not paid`,
    });
  }
  blockers.push(...stripeBlockers(f), ...taxFormBlockers(f, r));
  if (f.plan && f.partner) {
    // The plan's own conditions (seed 001 Appendix B) and its minimum payout, in the engine's words.
    blockers.push(...payabilityBlockers(f.plan, f.partner, { referralReportRecorded: f.referralReportRecorded, invoiceRecorded: f.invoiceRecorded, payableTotal: money(currency, amountMinor) }));
  } else if (amountMinor <= 0) {
    blockers.push({ code: 'nothing_payable', message: `Nothing to pay: the payable total is ${describeMoney(money(currency, amountMinor))}; reversals are carried to the next payout` });
  }
  const carries = blockers.some((b) => b.code === 'nothing_payable' || b.code === 'below_minimum_payout');
  const hard = blockers.some((b) => b.code !== 'nothing_payable' && b.code !== 'below_minimum_payout' && b.code !== 'terminated');
  // A terminated partner's dropped entries never block what the agreement still pays.
  const state: DraftLine['state'] = carries ? 'carried_forward' : hard ? 'blocked' : 'ready';
  return { currency, earnedMinor, withheldMinor, amountMinor, state, blockers, entries: paid };
}

/** How many approvers a manual run needs: two when any currency's total is above its threshold. */
export function approvalsNeeded(totals: readonly { currency: string; amountMinor: number }[], secondApprovalAbove: readonly { currency: string; minor: number }[]): number {
  return totals.some((t) => {
    const limit = secondApprovalAbove.find((s) => s.currency === t.currency);
    return limit !== undefined && t.amountMinor > limit.minor;
  })
    ? 2
    : 1;
}

export type ApprovalCheck = { allowed: boolean; reason: string };

/** Maker-checker: who may approve a run now. */
export function approvalCheck(run: { status: string; preparedBy: string | null; readyCount: number }, approvers: readonly string[], needed: number, userId: string): ApprovalCheck {
  if (run.status !== 'prepared') return { allowed: false, reason: `This run is ${run.status}; only a prepared run can be approved` };
  if (run.readyCount === 0) return { allowed: false, reason: 'No line is ready to pay: nothing to approve' };
  if (run.preparedBy === userId) return { allowed: false, reason: 'You prepared this run; another finance user must approve it' };
  if (approvers.includes(userId)) return { allowed: false, reason: `You have approved this run already; it needs ${needed} different approvers` };
  return { allowed: true, reason: needed === 2 ? `Approval ${approvers.length + 1} of 2` : 'Approve to queue the transfers' };
}
