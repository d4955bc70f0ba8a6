import { describe, expect, it } from 'vitest';
import { checkDraft, DEFAULT_DRAFT_RULES, type FindingKind } from './rules';

const rules = DEFAULT_DRAFT_RULES;
const disclosed = (s: string) => `${s} (affiliate link)`;
const only = (text: string, kind: FindingKind) => checkDraft(text, rules).filter((f) => f.kind === kind).map((f) => [f.match, f.start, f.end]);

describe('the compliance rules engine', () => {
  it.each([
    ['Try Allset today', 'brand_spelling', [['Allset', 4, 10]]],
    ['Try All Set today', 'brand_spelling', [['All Set', 4, 11]]],
    ['We are all set for launch', 'brand_spelling', []],
    ['Try AllSet today', 'brand_spelling', []],
    ['Call with AloWare', 'brand_spelling', [['AloWare', 10, 17]]],
    ['Call with Aloware', 'brand_spelling', []],
    ['Results guaranteed!', 'claim', [['guaranteed', 8, 18]]],
    ['A risk-free trial', 'claim', [['risk-free', 2, 11]]],
    ['The #1 dialer', 'claim', [['#1', 4, 6]]],
    ['Room #12 is booked', 'claim', []],
    ['Guarantees apply', 'claim', []],
    ['We are the exclusive  partner of AllSet', 'exclusivity', [['exclusive  partner', 11, 29]]],
    ['The Official Reseller for Europe', 'exclusivity', [['Official Reseller', 4, 21]]],
    ['A white-label dialer', 'white_label', [['white-label', 2, 13]]],
    ['Built on our own platform', 'white_label', [['our own platform', 9, 25]]],
    ['Better than RingCentral', 'competitor', [['RingCentral', 12, 23]]],
  ] as const)('in %j finds %s at %j', (text, kind, expected) => {
    expect(only(disclosed(text), kind)).toEqual(expected);
  });

  it.each([
    ['Sponsored: try AllSet', false],
    ['#ad Try AllSet', false],
    ['I earn a commission if you sign up', false],
    ['Our partners love it', true], // "partners" is not the word "partner"
    ['Try AllSet, the best booking tool', true],
    ['An adventure awaits', true], // "ad" must stand alone
  ])('flags a missing affiliate disclosure in %j: %s', (text, missing) => {
    const f = checkDraft(text, rules).filter((x) => x.kind === 'missing_disclosure');
    expect(f.length).toBe(missing ? 1 : 0);
    if (missing) expect([f[0]!.start, f[0]!.end]).toEqual([0, 0]);
  });

  it('returns findings in text order with the exact matched text at each range', () => {
    const text = 'Sponsored. Allset is the #1 tool, guaranteed, and our own platform beats Aircall.';
    const found = checkDraft(text, rules);
    expect(found.map((f) => f.kind)).toEqual(['brand_spelling', 'claim', 'claim', 'white_label', 'competitor']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.match);
    expect(found.filter((f) => f.severity === 'warning').map((f) => f.match)).toEqual(['Aircall']);
  });

  it('uses configured rules: an added competitor is found, an emptied list finds nothing', () => {
    const custom = { ...rules, competitors: ['Acme Dialer'], claims: [] };
    expect(checkDraft('Ad: beats acme dialer, guaranteed', custom).map((f) => [f.kind, f.match])).toEqual([['competitor', 'acme dialer']]);
  });

  it('finds nothing to flag in empty text', () => {
    expect(checkDraft('', rules)).toEqual([]);
  });
});
