import { randomUUID } from 'node:crypto';
import type { ImportLine } from '../../../src-shared/imports/formats';
import type { Sqlite } from '../../db/open';
import { diff, duplicateGuard, fold, indexBy, statementCache, type PlannedLine } from './plan';

interface StoredPartner extends Record<string, unknown> {
  id: string;
  programmeId: string;
  company: string;
  format: string;
  status: string;
  contactName: string;
  contactEmail: string;
  country: string;
  promoCode: string | null;
  registeredOn: string;
  website: string;
  focusMarket: string;
  notes: string;
}

const COLUMN_OF: Partial<Record<keyof StoredPartner, string>> = {
  company: 'company', format: 'format', contactName: 'contact_name', contactEmail: 'contact_email', country: 'country',
  promoCode: 'promo_code', registeredOn: 'registered_on', website: 'website', focusMarket: 'focus_market', notes: 'notes',
};
const DB_COLUMN: Record<string, string> = {
  company: 'company', format: 'format', contactName: 'contact_name', contactEmail: 'contact_email', country: 'country',
  promoCode: 'promo_code', registeredOn: 'registered_on', website: 'website', focusMarket: 'focus_market', notes: 'notes',
};

/** Partners: matched by id, else by company name (ignoring case); see src-shared/imports/formats.ts. */
export function planPartners(sqlite: Sqlite, lines: ImportLine[], today: string, nowIso: string): PlannedLine[] {
  const programmes = sqlite.prepare('SELECT id, code, name FROM programmes').all() as Array<{ id: string; code: string; name: string }>;
  const programmeByKey = new Map<string, (typeof programmes)[number]>();
  for (const p of programmes) {
    programmeByKey.set(fold(p.name), p);
    programmeByKey.set(fold(p.code), p);
  }
  const stored = sqlite
    .prepare(
      `SELECT id, programme_id AS programmeId, company, format, status, contact_name AS contactName, contact_email AS contactEmail,
              country, promo_code AS promoCode, registered_on AS registeredOn, website, focus_market AS focusMarket, notes
       FROM partners`,
    )
    .all() as StoredPartner[];
  const byId = new Map(stored.map((p) => [p.id, p]));
  const byCompany = indexBy(stored, (p) => fold(p.company));
  const seen = duplicateGuard();
  const prepared = statementCache(sqlite);
  const insert = sqlite.prepare(
    `INSERT INTO partners (id, programme_id, company, format, status, contact_name, contact_email, country, promo_code, registered_on,
       website, focus_market, notes, created_at)
     VALUES (@id, @programmeId, @company, @format, @status, @contactName, @contactEmail, @country, @promoCode, @registeredOn,
       @website, @focusMarket, @notes, @createdAt)`,
  );

  return lines.map((l): PlannedLine => {
    const v = l.values;
    const problems = l.problems;
    const out = (action: PlannedLine['action'], changes: string[] = [], write?: () => void): PlannedLine => ({
      line: l.line, values: v, action: problems.length ? 'error' : action, changes, problems, ...(problems.length || !write ? {} : { write }),
    });

    const programme = v.programme ? programmeByKey.get(fold(v.programme)) : undefined;
    if (v.programme && !programme) {
      problems.push({ column: 'programme', message: `No programme has the code or name "${v.programme}". Programmes: ${programmes.map((p) => p.code).join(', ') || 'none yet'}.` });
    }
    let existing: StoredPartner | undefined;
    if (v.id) {
      existing = byId.get(v.id);
      if (!existing) problems.push({ column: 'id', message: `No partner has the id "${v.id}". Leave id empty to add a new partner.` });
    } else if (v.company) {
      const named = byCompany.get(fold(v.company)) ?? [];
      if (named.length > 1) problems.push({ column: 'company', message: `${named.length} partners are named "${v.company}"; add an id column to say which one this line updates.` });
      existing = named.length === 1 ? named[0] : undefined;
    }
    const key = existing ? `id:${existing.id}` : `new:${fold(v.company ?? '')}`;
    const earlier = v.company || existing ? seen(key, l.line) : null;
    if (earlier !== null) problems.push({ column: v.id ? 'id' : 'company', message: `Line ${earlier} already imports this partner; each partner may appear once per file.` });

    const wanted: Partial<StoredPartner> = {
      company: v.company,
      format: v.format,
      contactName: v.contact_name,
      contactEmail: v.contact_email,
      country: v.country?.toUpperCase(),
      promoCode: v.promo_code,
      registeredOn: v.registered_on,
      website: v.website,
      focusMarket: v.focus_market,
      notes: v.notes,
    };

    if (existing) {
      if (programme && programme.id !== existing.programmeId) {
        const current = programmes.find((p) => p.id === existing.programmeId);
        problems.push({ column: 'programme', message: `${existing.company} is in the programme ${current?.name ?? existing.programmeId}; an import never moves a partner to another programme.` });
      }
      const { changed, columns } = diff(existing, wanted, COLUMN_OF);
      if (columns.length === 0) return out('unchanged');
      const id = existing.id;
      return out('updated', columns, () => {
        const sets = Object.keys(changed).map((k) => `${DB_COLUMN[k]} = @${k}`);
        prepared(`UPDATE partners SET ${sets.join(', ')}, updated_at = @updatedAt WHERE id = @id`).run({ ...changed, updatedAt: nowIso, id });
      });
    }

    if (!v.format) problems.push({ column: 'format', message: 'A new partner needs a format: affiliate, referral, lead_referral, integrator or reseller.' });
    return out('new', [], () => {
      insert.run({
        id: randomUUID(),
        programmeId: programme!.id,
        company: v.company,
        format: v.format,
        status: v.status ?? 'active',
        contactName: v.contact_name ?? '',
        contactEmail: v.contact_email ?? '',
        country: v.country?.toUpperCase() ?? '',
        promoCode: v.promo_code ?? null,
        registeredOn: v.registered_on ?? today,
        website: v.website ?? '',
        focusMarket: v.focus_market ?? '',
        notes: v.notes ?? '',
        createdAt: nowIso,
      });
    });
  });
}
