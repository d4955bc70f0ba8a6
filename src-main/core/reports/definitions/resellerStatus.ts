import type { z } from 'zod';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { ResellerFilters } from '../../../../src-shared/reports/filters';
import type { Sqlite } from '../../../db/open';
import { resellerStatuses } from '../../referrals/activity';
import { filterWords } from '../describe';
import { listSource, type ReportEnv, type ReportSource } from '../source';

// Seed 003: "active" means an average of 10 new tenants a year over the rolling window,
// else "at risk"; 50 onboarded tenants lock the status. Informational only — the same
// rows as the Referrals screen's reseller status (core/referrals/activity.ts).

export function resellerStatusReport(db: Sqlite, f: z.output<typeof ResellerFilters>, env: ReportEnv): ReportSource {
  const rows = resellerStatuses(db, env.today)
    .rows.filter((r) => !f.status || r.status === f.status)
    .map((r) => ({
      partnerId: r.partnerId,
      partnerCompany: r.company,
      programme: r.programmeName,
      partnerStatus: r.partnerStatus,
      badge: r.badge,
      newTenantsInWindow: r.newTenantsInWindow,
      averagePerYear: String(r.averagePerYear),
      totalOnboarded: r.totalOnboarded,
      windowFrom: r.windowFrom,
      windowTo: r.windowTo,
      lockedUntil: r.lockedUntil,
      explanation: r.explanation,
    }));
  return listSource(rows, [filterWords(db, reports['reseller-status'].filters, f), `As of ${env.today}`]);
}
