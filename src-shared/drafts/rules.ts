/**
 * The automatic compliance checks on a marketing draft. Seed 001 forbids false or misleading
 * representations, exclusivity and white-label claims; seed 000 has partners share drafts
 * before use so a reviewer can catch them. Pure: text and rules in, findings with the
 * matched ranges (offsets into the text) out.
 */

export interface BrandRule {
  /** The one correct spelling, e.g. "AllSet". Any other capitalisation of it is flagged. */
  name: string;
  /** Other spellings, matched exactly as written (so "All Set" is flagged, "all set" is not). */
  variants: string[];
}

export interface DraftRules {
  brands: BrandRule[];
  claims: string[];
  exclusivity: string[];
  whiteLabel: string[];
  competitors: string[];
  /** At least one of these words must appear: the partner discloses the relationship. */
  disclosureWords: string[];
}

export type FindingKind = 'brand_spelling' | 'claim' | 'exclusivity' | 'white_label' | 'competitor' | 'missing_disclosure';

export interface Finding {
  kind: FindingKind;
  severity: 'error' | 'warning';
  /** Offsets into the checked text; both 0 for a missing disclosure (nothing to point at). */
  start: number;
  end: number;
  match: string;
  message: string;
}

export const DEFAULT_DRAFT_RULES: DraftRules = {
  brands: [
    { name: 'AllSet', variants: ['All Set', 'All-Set'] },
    { name: 'Aloware', variants: ['Alo Ware', 'Alo-Ware'] },
    { name: 'Message.Help', variants: ['MessageHelp', 'Message Help'] },
  ],
  claims: ['guaranteed', 'guarantee', 'risk-free', 'risk free', '#1', 'number one', '100% free', 'no risk'],
  exclusivity: ['exclusive partner', 'exclusive reseller', 'official reseller', 'official partner', 'sole distributor', 'exclusive distributor'],
  whiteLabel: ['white-label', 'white label', 'whitelabel', 'our own platform', 'our platform', 'built by us'],
  competitors: ['RingCentral', 'Dialpad', 'Aircall', 'Twilio', 'JustCall'],
  disclosureWords: ['affiliate', 'partner', 'partnership', 'sponsored', 'ad', 'advertisement', 'commission'],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a pattern: any run of spaces matches any whitespace, and it must stand as a whole word. */
const phrase = (s: string) => `(?<![\\p{L}\\p{N}])${s.trim().split(/\s+/).map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`;

function* matches(text: string, term: string, caseSensitive: boolean): Generator<{ start: number; end: number; match: string }> {
  if (!term.trim()) return;
  const re = new RegExp(phrase(term), caseSensitive ? 'gu' : 'giu');
  for (const m of text.matchAll(re)) yield { start: m.index, end: m.index + m[0].length, match: m[0] };
}

const q = (s: string) => `“${s}”`;

/** Every problem in `text` under `rules`, ordered by where it starts. */
export function checkDraft(text: string, rules: DraftRules): Finding[] {
  const found: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding) => {
    const key = `${f.kind}:${f.start}:${f.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(f);
  };
  for (const brand of rules.brands) {
    for (const m of matches(text, brand.name, false)) {
      if (m.match !== brand.name) add({ kind: 'brand_spelling', severity: 'error', ...m, message: `${q(m.match)} should be spelt ${q(brand.name)}` });
    }
    for (const v of brand.variants) {
      for (const m of matches(text, v, true)) add({ kind: 'brand_spelling', severity: 'error', ...m, message: `${q(m.match)} should be spelt ${q(brand.name)}` });
    }
  }
  const lists: [FindingKind, string[], 'error' | 'warning', (m: string) => string][] = [
    ['claim', rules.claims, 'error', (m) => `${q(m)} is a claim the programme cannot stand behind (seed 001: no false or misleading representations)`],
    ['exclusivity', rules.exclusivity, 'error', (m) => `${q(m)} claims exclusivity the agreement does not grant (seed 001)`],
    ['white_label', rules.whiteLabel, 'error', (m) => `${q(m)} presents the product as the partner’s own (seed 001: no white-label claims)`],
    ['competitor', rules.competitors, 'warning', (m) => `${q(m)} is a competitor; check the comparison is fair and accurate`],
  ];
  for (const [kind, terms, severity, message] of lists) {
    for (const term of terms) for (const m of matches(text, term, false)) add({ kind, severity, ...m, message: message(m.match) });
  }
  const discloses = rules.disclosureWords.some((w) => !matches(text, w, false).next().done);
  if (rules.disclosureWords.length > 0 && text.trim() !== '' && !discloses) {
    add({
      kind: 'missing_disclosure',
      severity: 'error',
      start: 0,
      end: 0,
      match: '',
      message: `No affiliate disclosure: the draft must say it is an ad or a partnership (one of ${rules.disclosureWords.map(q).join(', ')})`,
    });
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
