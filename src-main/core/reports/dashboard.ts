import type { Dashboard } from '../../../src-shared/reports/contract';
import type { IsoDate } from '../../../src-shared/dates/isoDate';
import { addDays } from '../../../src-shared/dates/isoDate';
import type { OpenDb } from '../../db/open';
import { upcomingRows } from '../agreements/upcoming';
import { slaDays } from '../drafts/store';
import { resellerStatuses } from '../referrals/activity';
import { LEDGER_FROM, PAYOUT, STATUS } from './definitions/ledger';
import { SIGNED_NET } from './definitions/revenue';
import type { ReportEnv } from './source';

// The managers' overview. Every figure is a query the Reports screen can open as rows
// (the same filters on the matching report), and money is per currency, never added
// across currencies.

const shift = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

export function dashboard(open: OpenDb, env: ReportEnv): Dashboard {
  const db = open.sqlite;
  const thisMonth = env.today.slice(0, 7);
  const latest = db
    .prepare(
      `SELECT max(m) FROM (SELECT max(substr(paid_on, 1, 7)) AS m FROM revenue_lines WHERE paid_on <= @today
                           UNION ALL SELECT max(period) FROM ledger_entries WHERE period <= @month)`,
    )
    .pluck()
    .get({ today: env.today, month: thisMonth }) as string | null;
  const to = latest ?? thisMonth;
  const from = shift(to, -11);
  const months = Array.from({ length: 12 }, (_, i) => shift(from, i));
  const window = { fromDay: `${from}-01`, toDay: `${to}-31`, from, to };

  const revenueByMonth = db
    .prepare(
      `SELECT substr(l.paid_on, 1, 7) AS month, l.currency, sum(${SIGNED_NET}) AS netMinor, count(*) AS count
       FROM revenue_lines l JOIN customers c ON c.id = l.customer_id
       WHERE c.partner_id IS NOT NULL AND l.paid_on BETWEEN @fromDay AND @toDay
       GROUP BY month, l.currency ORDER BY month, l.currency`,
    )
    .all(window) as Dashboard['revenueByMonth'];
  const commissionByMonth = db
    .prepare(
      `SELECT period AS month, currency, sum(amount_minor) AS netMinor, count(*) AS count FROM ledger_entries
       WHERE period BETWEEN @from AND @to GROUP BY period, currency ORDER BY period, currency`,
    )
    .all(window) as Dashboard['commissionByMonth'];
  const topPartners = db
    .prepare(
      `SELECT partnerId, company, currency, netMinor, entries FROM (
         SELECT e.partner_id AS partnerId, p.company, e.currency, sum(e.amount_minor) AS netMinor, count(*) AS entries,
                row_number() OVER (PARTITION BY e.currency ORDER BY sum(e.amount_minor) DESC, p.company) AS rank
         FROM ledger_entries e JOIN partners p ON p.id = e.partner_id
         WHERE e.period BETWEEN @from AND @to GROUP BY e.partner_id, e.currency)
       WHERE rank <= 5 ORDER BY currency, rank`,
    )
    .all(window) as Dashboard['topPartners'];
  const payoutsDue = db
    .prepare(
      `SELECT e.currency, sum(e.amount_minor) AS payableMinor, count(*) AS entries, count(DISTINCT e.partner_id) AS partners
       FROM ${LEDGER_FROM} WHERE ${PAYOUT} = 'unclaimed' AND ${STATUS} = 'payable' GROUP BY e.currency ORDER BY e.currency`,
    )
    .all({ today: env.today }) as Dashboard['payoutsDue'];

  const resellers = resellerStatuses(db, env.today).rows;
  const atRisk = resellers.filter((r) => r.status === 'at_risk');

  const counts = Object.fromEntries(
    (db.prepare('SELECT state, count(*) AS n FROM marketing_drafts GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]),
  );
  const queue = db
    .prepare(
      `SELECT sum(due_on < @today) AS overdue, sum(due_on >= @today AND due_on <= @soon) AS dueSoon,
              min(substr(registered_at, 1, 10)) AS oldest
       FROM marketing_drafts WHERE state IN ('submitted', 'in_review')`,
    )
    .get({ today: env.today, soon: addDays(env.today as IsoDate, 2) }) as { overdue: number | null; dueSoon: number | null; oldest: string | null };
  const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

  const horizon = addDays(env.today as IsoDate, 30);
  const upcoming = upcomingRows({ open, userId: env.userId, nowIso: env.nowIso, today: env.today as IsoDate }, { from: env.today as IsoDate, to: horizon });

  return {
    asOf: env.today,
    months,
    revenueByMonth,
    commissionByMonth,
    topPartners,
    atRisk: {
      resellers: resellers.length,
      count: atRisk.length,
      rows: atRisk.slice(0, 5).map((r) => ({ partnerId: r.partnerId, company: r.company, newTenantsInWindow: r.newTenantsInWindow, explanation: r.explanation })),
    },
    payoutsDue,
    reviewQueue: {
      open: (counts.submitted ?? 0) + (counts.in_review ?? 0),
      submitted: counts.submitted ?? 0,
      inReview: counts.in_review ?? 0,
      changesRequested: counts.changes_requested ?? 0,
      overdue: queue.overdue ?? 0,
      dueSoon: queue.dueSoon ?? 0,
      oldestOpenDays: queue.oldest ? Math.round(dayNumber(env.today) - dayNumber(queue.oldest)) : null,
      slaDays: slaDays(db),
    },
    upcoming: {
      from: env.today,
      to: horizon,
      count: upcoming.length,
      rows: upcoming.slice(0, 6).map((r) => ({ date: r.date, kind: r.kind, label: r.label, partnerId: r.partnerId, company: r.company })),
    },
  };
}
