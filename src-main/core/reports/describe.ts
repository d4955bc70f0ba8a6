import type { FilterField } from '../../../src-shared/reports/catalogue';
import { fail } from '../../../src-shared/rpc/errors';
import type { Sqlite } from '../../db/open';

// Filters in words for the top of a document and the screen ("Partner: Acme · Period:
// 2026-03"), naming partners and programmes rather than their ids.

export function partnerCompany(db: Sqlite, id: string, field = 'partnerId'): string {
  const company = db.prepare('SELECT company FROM partners WHERE id = ?').pluck().get(id) as string | undefined;
  return company ?? fail('not_found', 'This partner does not exist (any more).', { fieldErrors: { [`query.filters.${field}`]: 'Unknown partner' } });
}

export function programmeName(db: Sqlite, id: string): string {
  const name = db.prepare('SELECT name FROM programmes WHERE id = ?').pluck().get(id) as string | undefined;
  return name ?? fail('not_found', 'This programme does not exist.', { fieldErrors: { 'query.filters.programmeId': 'Unknown programme' } });
}

export function filterWords(db: Sqlite, fields: readonly FilterField[], filters: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const f of fields) {
    const v = filters[f.name];
    if (v === undefined || v === null || v === '' || v === false) continue;
    let text: string;
    if (f.kind === 'partner') text = partnerCompany(db, String(v), f.name);
    else if (f.kind === 'programme') text = programmeName(db, String(v));
    else if (f.kind === 'select') text = f.options?.find((o) => o.value === v)?.label ?? String(v);
    else if (f.kind === 'boolean') text = 'yes';
    else text = String(v);
    parts.push(f.kind === 'boolean' ? f.label : `${f.label}: ${text}`);
  }
  return parts.length ? parts.join(' · ') : 'No filters: every row';
}
