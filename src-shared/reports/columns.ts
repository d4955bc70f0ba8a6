import { z } from 'zod';

// What a report's rows are made of. Every cell is a plain JSON value; the column's kind says
// how to read it, so each export format can type it properly: money is an integer of minor
// units beside the row's currency, dates are 'YYYY-MM-DD', rates are basis points.

export const ColumnKind = z.enum(['text', 'date', 'datetime', 'money', 'integer', 'bps', 'boolean']);
export type ColumnKind = z.infer<typeof ColumnKind>;

export interface ReportColumn {
  id: string;
  label: string;
  kind: ColumnKind;
  /** Money columns: the row field holding the ISO currency code (default 'currency'). */
  currencyField?: string;
  /** Relative width in the PDF table (default 1). */
  width?: number;
  /** Not shown unless asked for (exports and the column chooser still offer it). */
  optional?: boolean;
}

export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValue>;
export type ReportRow = Record<string, CellValue>;

export const currencyFieldOf = (c: ReportColumn): string => c.currencyField ?? 'currency';

/**
 * The columns an export writes, in the report's order: the ones asked for (all the default
 * ones when none are named), plus the currency column whenever a money column is written —
 * an amount without its currency cannot be read.
 */
export function exportColumns(all: readonly ReportColumn[], wanted: readonly string[] | undefined): ReportColumn[] {
  const chosen = new Set(wanted && wanted.length ? wanted : all.filter((c) => !c.optional).map((c) => c.id));
  for (const c of all) if (chosen.has(c.id) && c.kind === 'money') chosen.add(currencyFieldOf(c));
  return all.filter((c) => chosen.has(c.id));
}

/** Column ids a caller named that the report does not have. */
export function unknownColumns(all: readonly ReportColumn[], wanted: readonly string[] | undefined): string[] {
  const ids = new Set(all.map((c) => c.id));
  return (wanted ?? []).filter((w) => !ids.has(w));
}
