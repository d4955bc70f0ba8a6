import type { Money } from '../money/money';
import { describeMoney } from './explain';
import type { PartnerInput } from './input';
import type { CommissionPlan } from './plan';

// Conditions that block a payout as a whole, as opposed to the per-entry holds that
// the engine resolves into dates. Seed 001 Appendix B lists them: a detailed referral
// report, an invoice for the commission, and no violation of the agreement.

export type PayabilityBlockerCode =
  | 'missing_referral_report'
  | 'missing_invoice'
  | 'partner_in_breach'
  | 'partner_suspended'
  | 'nothing_payable'
  | 'below_minimum_payout';

export type PayabilityBlocker = { code: PayabilityBlockerCode; message: string };

export type PayoutRunFacts = {
  referralReportRecorded: boolean;
  invoiceRecorded: boolean;
  /** The payable total of the run in one currency, when known. */
  payableTotal?: Money;
};

export function payabilityBlockers(plan: CommissionPlan, partner: PartnerInput, run: PayoutRunFacts): PayabilityBlocker[] {
  const blockers: PayabilityBlocker[] = [];
  const p = plan.payability;
  if (p.requireReferralReport && !run.referralReportRecorded) {
    blockers.push({ code: 'missing_referral_report', message: "Blocked until the partner's detailed referral report for this payout is recorded" });
  }
  if (p.requireInvoice && !run.invoiceRecorded) {
    blockers.push({ code: 'missing_invoice', message: "Blocked until the partner's invoice for this commission is recorded" });
  }
  if (p.blockWhenInBreach && partner.inBreach) {
    blockers.push({ code: 'partner_in_breach', message: 'Blocked: the partner is in breach of the agreement' });
  }
  if (p.blockWhenSuspended && partner.suspended) {
    blockers.push({ code: 'partner_suspended', message: 'Blocked: the partner is suspended' });
  }
  const total = run.payableTotal;
  if (total) {
    const minimum = plan.minimumPayout.find((m) => m.currency === total.currency);
    if (total.minor <= 0) {
      blockers.push({ code: 'nothing_payable', message: `Nothing to pay: the payable total is ${describeMoney(total)}; reversals are carried to the next payout` });
    } else if (minimum && total.minor < minimum.minor) {
      blockers.push({ code: 'below_minimum_payout', message: `The payable ${describeMoney(total)} is below the ${describeMoney(minimum)} minimum payout; it carries over` });
    }
  }
  return blockers;
}
