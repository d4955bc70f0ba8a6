import type { z } from 'zod';
import { upcomingKindLabels } from '../../../../src-shared/agreements/contract';
import type { IsoDate } from '../../../../src-shared/dates/isoDate';
import { addDays } from '../../../../src-shared/dates/isoDate';
import { reports } from '../../../../src-shared/reports/catalogue';
import type { CalendarFilters } from '../../../../src-shared/reports/filters';
import type { OpenDb } from '../../../db/open';
import { upcomingRows } from '../../agreements/upcoming';
import { filterWords } from '../describe';
import { listSource, type ReportEnv, type ReportSource } from '../source';

// The agreements calendar: the same rows as the Agreements screen's upcoming dates and its
// .ics export (core/agreements/upcoming.ts), which first brings partner statuses up to
// date — so this report is computed when it is asked for, on the workspace connection.

export function calendarReport(open: OpenDb, f: z.output<typeof CalendarFilters>, env: ReportEnv): ReportSource {
  const from = (f.from ?? env.today) as IsoDate;
  const to = (f.to ?? addDays(from, 90)) as IsoDate;
  const rows = upcomingRows(
    { open, userId: env.userId, nowIso: env.nowIso, today: env.today as IsoDate },
    { from, to, ...(f.kind ? { kinds: [f.kind] } : {}) },
  )
    .filter((r) => !f.partnerId || r.partnerId === f.partnerId)
    .map((r) => ({
      date: r.date,
      kind: upcomingKindLabels[r.kind],
      label: r.label,
      partnerCompany: r.company,
      programme: r.programme,
      partnerId: r.partnerId,
      agreementId: r.agreementId,
      uid: r.uid,
    }));
  return listSource(rows, [filterWords(open.sqlite, reports['agreements-calendar'].filters, { ...f, from, to })]);
}
