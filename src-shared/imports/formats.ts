/**
 * # CSV import formats (partners and referred customers)
 *
 * ## The file
 * - UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" is fine).
 * - Comma `,` or semicolon `;` between values, detected from the header line.
 * - The first line is a header naming the columns below (any order; case, spaces and
 *   dashes do not matter: `Sign-up on` = `sign_up_on`). Unknown columns are refused so a
 *   misspelt column never loses data silently.
 * - Values may be quoted with `"`; a quote inside a quoted value is written `""`.
 * - Dates are ISO `YYYY-MM-DD` (2026-03-01), never 01/03/2026.
 * - Blank lines are skipped. At most 20 MiB per file.
 * - An empty cell never clears a stored value: for a new row it means "not given" (or the
 *   default below), for an existing row "keep what is stored".
 * - Import is all or nothing: when any line has a problem, nothing is imported, and every
 *   problem is listed with its line number (the header is line 1) and column.
 * - Importing the same file again changes nothing: rows are matched to what is stored and
 *   identical rows count as "unchanged".
 *
 * ## Partners (`kind: 'partners'`)
 * Matched by `id` when given, else by `company` (ignoring case). A partner's programme is
 * never changed by an import.
 *
 * | column        | type                                                        | required            | example                      |
 * |---------------|-------------------------------------------------------------|---------------------|------------------------------|
 * | id            | text: an existing partner's id                              | no                  | 1b9d6bcd-bbfd-4b2d-9b5d-…    |
 * | company       | text, ≤ 200                                                 | yes                 | Pipeline Partners LLC        |
 * | programme     | text: programme code or name                                | yes                 | aloware                      |
 * | format        | affiliate, referral, lead_referral, integrator, reseller    | for new partners    | lead_referral                |
 * | status        | applicant, onboarding, active, suspended, terminated        | no (new: active; ignored for existing partners) | active |
 * | contact_name  | text, ≤ 200                                                 | no                  | Priya Patel                  |
 * | contact_email | e-mail                                                      | no                  | priya@pipeline.example       |
 * | country       | 2-letter ISO country code                                   | no                  | US                           |
 * | promo_code    | text, ≤ 60                                                  | no                  | PIPELINE5                    |
 * | registered_on | date YYYY-MM-DD                                             | no (new: today)     | 2025-11-03                   |
 * | website       | text, ≤ 300                                                 | no                  | https://pipeline.example     |
 * | focus_market  | text, ≤ 200                                                 | no                  | US dental clinics            |
 * | notes         | text, ≤ 2000                                                | no                  | Met at SaaStr                |
 *
 * ## Referred customers (`kind: 'customers'`)
 * Matched by `external_ref` when given, else by `email` (ignoring case); each line needs one
 * of the two. `partner` is the partner's id or its exact company name; empty = unattributed.
 *
 * | column       | type                                                           | required             | example                 |
 * |--------------|----------------------------------------------------------------|----------------------|-------------------------|
 * | external_ref | text, ≤ 120: your billing system's customer id                 | this or email        | cus_Q8x2                |
 * | name         | text, ≤ 200                                                    | yes                  | Cedar Dental 14         |
 * | email        | e-mail                                                         | this or external_ref | billing@cedar.example   |
 * | partner      | partner id or company name                                     | no                   | Pipeline Partners LLC   |
 * | attribution  | referral_link, promo_code, warm_intro, integration, import     | no (import when a partner is given) | warm_intro |
 * | sign_up_on   | date YYYY-MM-DD                                                | yes                  | 2026-01-15              |
 * | closed_on    | date YYYY-MM-DD, not before sign_up_on                         | no                   | 2026-01-20              |
 * | cancelled_on | date YYYY-MM-DD, not before sign_up_on                         | no                   | 2026-09-30              |
 * | promo_code   | text, ≤ 60                                                     | no                   | KOMMOINT5               |
 * | product_line | text, ≤ 120                                                    | no                   | Altegio                 |
 *
 * Example (semicolons, as Excel writes them in much of Europe):
 * ```
 * external_ref;name;email;partner;attribution;sign_up_on;closed_on
 * cus_001;Cedar Dental 14;billing@cedar.example;Pipeline Partners LLC;warm_intro;2026-01-15;2026-01-20
 * cus_002;Nova Realty 3;;;;2026-02-01;
 * ```
 */
import { IsoDateSchema } from '../dates/isoDate';
import type { CsvProblem, ParsedCsv } from './csv';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const IMPORT_KINDS = ['partners', 'customers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function tooLargeMessage(bytes: number): string {
  const mib = (bytes / 1024 / 1024).toFixed(1);
  return `The file is ${mib} MiB; an import takes at most 20 MiB. Split it into smaller files and import them one after the other.`;
}

type ColumnType =
  | { type: 'text'; max: number }
  | { type: 'email' }
  | { type: 'date' }
  | { type: 'country' }
  | { type: 'enum'; values: readonly string[] };

export type ColumnDef = ColumnType & {
  name: string;
  /** Always required; 'new' = required only to create a row. */
  required: boolean | 'new';
  example: string;
  description: string;
};

const PARTNER_FORMATS = ['affiliate', 'referral', 'lead_referral', 'integrator', 'reseller'] as const;
const PARTNER_STATUSES = ['applicant', 'onboarding', 'active', 'suspended', 'terminated'] as const;
export const ATTRIBUTIONS = ['referral_link', 'promo_code', 'warm_intro', 'integration', 'import'] as const;

export const formats: Record<ImportKind, readonly ColumnDef[]> = {
  partners: [
    { name: 'id', type: 'text', max: 100, required: false, example: '1b9d6bcd-…', description: 'An existing partner’s id, to update it; else matched by company' },
    { name: 'company', type: 'text', max: 200, required: true, example: 'Pipeline Partners LLC', description: 'The partner’s company name' },
    { name: 'programme', type: 'text', max: 200, required: true, example: 'aloware', description: 'Programme code or name' },
    { name: 'format', type: 'enum', values: PARTNER_FORMATS, required: 'new', example: 'lead_referral', description: 'Required for new partners' },
    { name: 'status', type: 'enum', values: PARTNER_STATUSES, required: false, example: 'active', description: 'New partners only (default active)' },
    { name: 'contact_name', type: 'text', max: 200, required: false, example: 'Priya Patel', description: 'Main contact' },
    { name: 'contact_email', type: 'email', required: false, example: 'priya@pipeline.example', description: 'Main contact’s e-mail' },
    { name: 'country', type: 'country', required: false, example: 'US', description: '2-letter ISO code' },
    { name: 'promo_code', type: 'text', max: 60, required: false, example: 'PIPELINE5', description: 'Seed 002: the partner’s promo code' },
    { name: 'registered_on', type: 'date', required: false, example: '2025-11-03', description: 'YYYY-MM-DD; new partners default to today' },
    { name: 'website', type: 'text', max: 300, required: false, example: 'https://pipeline.example', description: 'Web site' },
    { name: 'focus_market', type: 'text', max: 200, required: false, example: 'US dental clinics', description: 'Seed 003: focus market' },
    { name: 'notes', type: 'text', max: 2000, required: false, example: 'Met at SaaStr', description: 'Free text' },
  ],
  customers: [
    { name: 'external_ref', type: 'text', max: 120, required: false, example: 'cus_Q8x2', description: 'Your billing system’s id; this or email is required' },
    { name: 'name', type: 'text', max: 200, required: true, example: 'Cedar Dental 14', description: 'Customer name' },
    { name: 'email', type: 'email', required: false, example: 'billing@cedar.example', description: 'Billing e-mail; this or external_ref is required' },
    { name: 'partner', type: 'text', max: 200, required: false, example: 'Pipeline Partners LLC', description: 'Partner id or company name; empty = unattributed' },
    { name: 'attribution', type: 'enum', values: ATTRIBUTIONS, required: false, example: 'warm_intro', description: 'Default import when a partner is given' },
    { name: 'sign_up_on', type: 'date', required: true, example: '2026-01-15', description: 'YYYY-MM-DD' },
    { name: 'closed_on', type: 'date', required: false, example: '2026-01-20', description: 'Not before sign_up_on' },
    { name: 'cancelled_on', type: 'date', required: false, example: '2026-09-30', description: 'Not before sign_up_on' },
    { name: 'promo_code', type: 'text', max: 60, required: false, example: 'KOMMOINT5', description: 'Code the customer signed up with' },
    { name: 'product_line', type: 'text', max: 120, required: false, example: 'Altegio', description: 'Seed 002: product line' },
  ],
};

/** A line of the file with its cells by column name (only the columns present; empty cells omitted). */
export interface ImportLine {
  line: number;
  values: Record<string, string>;
  problems: Array<{ column: string | null; message: string }>;
}

export interface CheckedFile {
  columns: string[];
  lines: ImportLine[];
  /** Problems of the file itself (header, unreadable quotes); line problems are on the lines. */
  fileProblems: CsvProblem[];
}

/** `Sign-up on` → `sign_up_on`. */
export const normaliseColumn = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cellProblem(def: ColumnDef, value: string): string | null {
  switch (def.type) {
    case 'text':
      return value.length > def.max ? `At most ${def.max} characters (this has ${value.length}).` : null;
    case 'email':
      return EMAIL.test(value) ? null : `"${value}" is not an e-mail address like billing@example.com.`;
    case 'country':
      return /^[A-Za-z]{2}$/.test(value) ? null : `"${value}" is not a 2-letter country code like US, GB or DE.`;
    case 'enum':
      return def.values.includes(value) ? null : `"${value}" is not one of: ${def.values.join(', ')}.`;
    case 'date': {
      const r = IsoDateSchema.safeParse(value);
      return r.success ? null : (r.error.issues[0]?.message ?? 'Not a date in the form YYYY-MM-DD.');
    }
  }
}

/**
 * Checks the header and every cell against the format: what can be known from the file
 * alone. Matching against stored partners and customers happens in the core.
 */
export function checkFile(kind: ImportKind, parsed: ParsedCsv): CheckedFile {
  const defs = formats[kind];
  const byName = new Map(defs.map((d) => [d.name, d]));
  const fileProblems: CsvProblem[] = [...parsed.problems];
  const columns = parsed.header.map(normaliseColumn);
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (c === '') fileProblems.push({ line: 1, column: null, message: `Column ${i + 1} of the header has no name.` });
    else if (!byName.has(c)) {
      fileProblems.push({ line: 1, column: parsed.header[i] ?? c, message: `Unknown column "${parsed.header[i]}". The ${kind} format has: ${defs.map((d) => d.name).join(', ')}.` });
    } else if (seen.has(c)) fileProblems.push({ line: 1, column: c, message: `The column "${c}" appears twice in the header.` });
    seen.add(c);
  });
  if (parsed.header.length > 0) {
    for (const d of defs) {
      if (d.required === true && !seen.has(d.name)) fileProblems.push({ line: 1, column: d.name, message: `The required column "${d.name}" is missing from the header.` });
    }
  }
  if (parsed.header.length > 0 && parsed.records.length === 0 && parsed.problems.length === 0) {
    fileProblems.push({ line: 2, column: null, message: 'The file has a header but no rows to import.' });
  }

  const lines = parsed.records.map((rec): ImportLine => {
    const problems: ImportLine['problems'] = [];
    const values: Record<string, string> = {};
    if (rec.cells.length !== columns.length) {
      problems.push({ column: null, message: `This line has ${rec.cells.length} values but the header has ${columns.length} columns (check the separators and quotes).` });
    }
    columns.forEach((c, i) => {
      const v = rec.cells[i] ?? '';
      if (v !== '' && byName.has(c)) values[c] = v;
    });
    for (const d of defs) {
      const v = values[d.name];
      if (v === undefined) {
        // A missing required column is reported once, on the header, not on every line.
        if (d.required === true && seen.has(d.name)) problems.push({ column: d.name, message: `A value is required in "${d.name}".` });
        continue;
      }
      const p = cellProblem(d, v);
      if (p) problems.push({ column: d.name, message: p });
    }
    if (kind === 'customers') {
      if (values.external_ref === undefined && values.email === undefined && (seen.has('external_ref') || seen.has('email'))) {
        problems.push({ column: 'external_ref', message: 'Give an external_ref or an email, so the customer is found again when the file is imported twice.' });
      }
      const signUp = values.sign_up_on;
      for (const c of ['closed_on', 'cancelled_on'] as const) {
        const v = values[c];
        if (signUp && v && IsoDateSchema.safeParse(v).success && IsoDateSchema.safeParse(signUp).success && v < signUp) {
          problems.push({ column: c, message: `${v} is before the sign-up on ${signUp}; ${c === 'closed_on' ? 'a close' : 'a cancellation'} cannot come before the sign-up.` });
        }
      }
    }
    return { line: rec.line, values, problems };
  });
  if (kind === 'customers' && parsed.header.length > 0 && !seen.has('external_ref') && !seen.has('email')) {
    fileProblems.push({ line: 1, column: 'external_ref', message: 'The header needs an "external_ref" or an "email" column, so customers are found again when the file is imported twice.' });
  }
  return { columns, lines, fileProblems };
}
