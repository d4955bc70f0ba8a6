import type { ParsedReportQuery } from '../../../src-shared/reports/contract';
import type { OpenDb } from '../../db/open';
import { accrualReport } from './definitions/accrual';
import { auditLogReport } from './definitions/auditLog';
import { calendarReport } from './definitions/calendar';
import { ledgerReport } from './definitions/ledger';
import { partnersReport } from './definitions/partners';
import { payoutRegisterReport } from './definitions/payoutRegister';
import { performanceReport } from './definitions/performance';
import { resellerStatusReport } from './definitions/resellerStatus';
import { revenueReport } from './definitions/revenue';
import { reviewQueueReport } from './definitions/reviewQueue';
import { statementReport } from './definitions/statement';
import { taxYearReport } from './definitions/taxYear';
import type { ReportEnv, ReportSource } from './source';

/** The report a query names, with its filters checked against the workspace (unknown partner → not_found). */
export function buildReport(open: OpenDb, q: ParsedReportQuery, env: ReportEnv): ReportSource {
  const db = open.sqlite;
  switch (q.report) {
    case 'ledger':
      return ledgerReport(db, q.filters, env);
    case 'statement':
      return statementReport(db, q.filters, env);
    case 'accrual':
      return accrualReport(db, q.filters, env);
    case 'payout-register':
      return payoutRegisterReport(db, q.filters, env);
    case 'performance':
      return performanceReport(db, q.filters, env);
    case 'tax-year':
      return taxYearReport(db, q.filters, env);
    case 'agreements-calendar':
      return calendarReport(open, q.filters, env);
    case 'audit-log':
      return auditLogReport(db, q.filters, env);
    case 'revenue':
      return revenueReport(db, q.filters, env);
    case 'partners':
      return partnersReport(db, q.filters, env);
    case 'reseller-status':
      return resellerStatusReport(db, q.filters, env);
    case 'review-queue':
      return reviewQueueReport(db, q.filters, env);
  }
}
