import { createHash } from 'node:crypto';
import type { CurrencyCode } from '../../../src-shared/money/currency';
import { documentsPeriod, draftLine, type DraftLine, type PartnerPayoutFacts, type PayableEntry } from '../../../src-shared/payouts/lines';
import type { Sqlite } from '../../db/open';
import { partnerReader, type PartnerRow } from '../commissions/partnerFacts';
import { versionInForce } from '../commissions/plans';
import { effectivePlan } from '../commissions/run';
import { readPayoutSettings } from './settings';

// The lines a run would pay on a date, computed from the ledger as it stands: every entry
// payable by the pay date (its hold date reached) and not claimed by an approved payout
// line, grouped per partner and currency. The same function prepares a run and, at each
// approval and before sending, checks that the run still matches the ledger.

export type ComputedLine = DraftLine & { partnerId: string; company: string; method: PartnerPayoutFacts['method']; stripeAccountId: string | null };

type EntryRow = { partnerId: string; currency: string; key: string; occurredOn: string; amountMinor: number };

type FactsRow = PartnerRow & {
  payoutMethod: 'stripe_connect' | 'outside';
  stripeAccountId: string | null;
  stripeAccountState: PartnerPayoutFacts['stripeAccountState'];
  taxFormKind: string | null;
  taxFormExpiresOn: string | null;
  postTermination: 'stops' | 'continues_for_prior_referrals' | null;
  planIdOrNull: string | null;
};

/**
 * Payable, unclaimed entries as of the pay date. `ignoreRun`: entries claimed by that run's
 * own lines count as unclaimed (re-checking an approved run against the ledger).
 */
function payableEntries(sqlite: Sqlite, payDate: string, partnerIds: readonly string[] | null, ignoreRun: string | null): EntryRow[] {
  const only = partnerIds ? `AND e.partner_id IN (SELECT value FROM json_each(@partners))` : '';
  return sqlite
    .prepare(
      `SELECT e.partner_id AS partnerId, e.currency, e.key, e.occurred_on AS occurredOn, e.amount_minor AS amountMinor
       FROM ledger_entries e
       JOIN ledger_holds h ON h.entry_key = e.key
       LEFT JOIN payout_entry_claims c ON c.entry_key = e.key
       LEFT JOIN payout_lines cl ON cl.id = c.line_id
       WHERE h.hold_until IS NOT NULL AND h.hold_until <= @payDate AND e.amount_minor <> 0
         AND (c.entry_key IS NULL OR cl.run_id = @ignoreRun)
         ${only}
       ORDER BY e.partner_id, e.currency, e.occurred_on, e.key`,
    )
    .all({ payDate, ignoreRun: ignoreRun ?? '', ...(partnerIds ? { partners: JSON.stringify(partnerIds) } : {}) }) as EntryRow[];
}

function factsReader(sqlite: Sqlite, payDate: string) {
  const reader = partnerReader(sqlite);
  const row = sqlite.prepare(
    `SELECT p.id, p.company, p.status, p.format, p.plan_id AS planIdOrNull, coalesce(p.plan_id, '') AS planId, p.commission_rate_bps AS commissionRateBps,
            p.registered_on AS registeredOn, p.payout_method AS payoutMethod, p.stripe_account_id AS stripeAccountId,
            p.stripe_account_state AS stripeAccountState, p.tax_form_kind AS taxFormKind, p.tax_form_expires_on AS taxFormExpiresOn,
            (SELECT a.post_termination FROM agreements a WHERE a.partner_id = p.id ORDER BY a.version DESC LIMIT 1) AS postTermination
     FROM partners p WHERE p.id = ?`,
  );
  const docs = sqlite.prepare('SELECT kind FROM partner_documents WHERE partner_id = ? AND period = ?').pluck();
  const period = documentsPeriod(payDate);
  return (partnerId: string): PartnerPayoutFacts => {
    const p = row.get(partnerId) as FactsRow;
    const version = p.planIdOrNull ? versionInForce(sqlite, p.planIdOrNull, payDate) : null;
    const plan = version ? effectivePlan(version, p) : null;
    const partner = reader.partnerInput(p, payDate);
    const kinds = new Set(docs.all(partnerId, period) as string[]);
    return {
      company: p.company,
      method: p.payoutMethod,
      stripeAccountId: p.stripeAccountId,
      stripeAccountState: p.stripeAccountState,
      taxForm: p.taxFormKind ? { kind: p.taxFormKind, expiresOn: p.taxFormExpiresOn } : null,
      termination: partner.commissionStopOn ? { on: partner.commissionStopOn, postTermination: p.postTermination ?? 'stops' } : null,
      plan,
      partner,
      referralReportRecorded: kinds.has('referral_report'),
      invoiceRecorded: kinds.has('invoice'),
    };
  };
}

export function computeLines(sqlite: Sqlite, payDate: string, opts: { partnerIds?: readonly string[]; ignoreRun?: string } = {}): ComputedLine[] {
  const settings = readPayoutSettings(sqlite);
  const facts = factsReader(sqlite, payDate);
  const groups = new Map<string, { partnerId: string; currency: string; entries: PayableEntry[] }>();
  for (const e of payableEntries(sqlite, payDate, opts.partnerIds ?? null, opts.ignoreRun ?? null)) {
    const id = `${e.partnerId}\u0000${e.currency}`;
    const g = groups.get(id) ?? { partnerId: e.partnerId, currency: e.currency, entries: [] };
    g.entries.push({ key: e.key, occurredOn: e.occurredOn, amountMinor: e.amountMinor });
    groups.set(id, g);
  }
  const out: ComputedLine[] = [];
  const seen = new Map<string, PartnerPayoutFacts>();
  for (const g of groups.values()) {
    const f = seen.get(g.partnerId) ?? facts(g.partnerId);
    seen.set(g.partnerId, f);
    const line = draftLine(g.currency as CurrencyCode, g.entries, f, { requireTaxForm: settings.requireTaxForm, payDate });
    out.push({ ...line, partnerId: g.partnerId, company: f.company, method: f.method, stripeAccountId: f.stripeAccountId });
  }
  return out.sort((a, b) => (a.company === b.company ? (a.currency < b.currency ? -1 : 1) : a.company < b.company ? -1 : 1));
}

/**
 * The hash an approval is bound to: every line's partner, currency, amounts, state and
 * blockers, and every entry key with its amount — any change to what would be paid, or to
 * why not, changes it.
 */
export function hashLines(lines: readonly Pick<ComputedLine, 'partnerId' | 'currency' | 'earnedMinor' | 'withheldMinor' | 'amountMinor' | 'state' | 'blockers' | 'entries'>[]): string {
  const canonical = [...lines]
    .sort((a, b) => (a.partnerId === b.partnerId ? (a.currency < b.currency ? -1 : 1) : a.partnerId < b.partnerId ? -1 : 1))
    .map((l) => [l.partnerId, l.currency, l.earnedMinor, l.withheldMinor, l.amountMinor, l.state, l.blockers.map((b) => b.code), [...l.entries].map((e) => [e.key, e.amountMinor]).sort()]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
