import type { ReportColumn, ReportRow } from '../../../src-shared/reports/columns';
import { currencyFieldOf } from '../../../src-shared/reports/columns';
import { formatCount, formatMoney } from '../../components/format';
import { formatDay, formatRate, formatStamp } from '../commissions/format';

/** A cell for people: money in its currency, days and times, rates as percentages. */
export function cellText(c: ReportColumn, row: ReportRow): string {
  const v = row[c.id];
  if (v === null || v === undefined || v === '') return '—';
  switch (c.kind) {
    case 'money': {
      const currency = row[currencyFieldOf(c)];
      return typeof v === 'number' && typeof currency === 'string' ? formatMoney(v, currency) : String(v);
    }
    case 'date':
      return formatDay(String(v));
    case 'datetime':
      return formatStamp(String(v));
    case 'bps':
      return typeof v === 'number' ? formatRate(v) : String(v);
    case 'integer':
      return typeof v === 'number' ? formatCount(v) : String(v);
    case 'boolean':
      return v === true ? 'Yes' : 'No';
    default:
      return String(v);
  }
}

export const isNumericKind = (c: ReportColumn) => c.kind === 'money' || c.kind === 'integer' || c.kind === 'bps';
