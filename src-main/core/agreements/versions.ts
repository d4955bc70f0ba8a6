import { randomUUID } from 'node:crypto';
import type { AgreementTerms } from '../../../src-shared/agreements/terms';
import type { Sqlite } from '../../db/open';

/**
 * Adds the next version of a partner's agreement. A new version is a new row; earlier
 * versions stay as they were. Runs inside the caller's transaction (approval, or the
 * agreement screen) so the partner and its agreement appear together or not at all.
 */
export function insertAgreementVersion(sqlite: Sqlite, partnerId: string, terms: AgreementTerms, nowIso: string): { id: string; version: number } {
  const { v } = sqlite.prepare('SELECT coalesce(max(version), 0) + 1 AS v FROM agreements WHERE partner_id = ?').get(partnerId) as { v: number };
  const id = randomUUID();
  sqlite
    .prepare(
      `INSERT INTO agreements (id, partner_id, version, effective_on, initial_term_months, after_initial_term, notice_unit, notice_count,
         governing_law, post_termination, cure_period_days, non_solicit_months, breach_outcome, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, partnerId, v, terms.effectiveOn, terms.initialTermMonths, terms.afterInitialTerm, terms.noticePeriod.unit, terms.noticePeriod.count,
      terms.governingLaw, terms.postTermination, terms.curePeriodDays, terms.nonSolicitMonths, terms.breachOutcome, nowIso);
  return { id, version: v };
}
