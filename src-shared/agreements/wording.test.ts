import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate as d } from '../dates/isoDate';
import { isoDateArb } from '../dates/isoDate.arbitraries';
import { noticeOutcome } from './dates';
import { AgreementTermsSchema } from './terms';
import { agreementTemplates } from './templates';
import { dayText, noticeRefusal } from './wording';

const seed000 = AgreementTermsSchema.parse({ ...agreementTemplates.allset, effectiveOn: '2025-01-15' });

describe('dates written for people', () => {
  it.each([
    ['2026-01-15', '15 Jan 2026'],
    ['2025-05-01', '1 May 2025'],
    ['2024-12-31', '31 Dec 2024'],
  ])('%s reads "%s"', (iso, text) => {
    expect(dayText(d(iso))).toBe(text);
  });

  it('always writes day, three-letter month and four-digit year', () => {
    fc.assert(fc.property(isoDateArb(1900, 2200), (date) => {
      expect(dayText(date)).toMatch(/^([1-9]|[12]\d|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/);
    }));
  });
});

describe('the refusal of a notice', () => {
  it('Seed 000: notice on 2025-06-01 names 15 Jan 2026, the end of the initial term', () => {
    expect(noticeRefusal(noticeOutcome(seed000, d('2025-06-01'), 'partner'))).toBe('Notice can first be served on 15 Jan 2026 — the initial term runs until then');
  });

  it('says nothing when notice may be served', () => {
    expect(noticeRefusal(noticeOutcome(seed000, d('2026-02-01'), 'partner'))).toBeNull();
  });

  it('explains notice before the agreement takes effect and on a fixed term', () => {
    expect(noticeRefusal(noticeOutcome(seed000, d('2025-01-01'), 'company'))).toMatch(/before the agreement takes effect on 15 Jan 2025/);
    const fixed = AgreementTermsSchema.parse({ ...agreementTemplates.allset, effectiveOn: '2025-01-15', afterInitialTerm: 'fixed' });
    expect(noticeRefusal(noticeOutcome(fixed, d('2026-02-01'), 'company'))).toMatch(/fixed-term agreement: it ends on 15 Jan 2026 without notice/);
  });
});
