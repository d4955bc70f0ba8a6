import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentSizeProblem, base64DecodedBytes, MAX_ATTACHMENT_BYTES } from './attachments';
import { formatsForProgramme, partnerRecordProblems } from './record';
import { GDPR_REQUIRED_MESSAGE, setupProblems } from './setup';
import { taxFormStatus, usualTaxFormExpiry } from './taxForm';

const today = '2026-03-10';

describe('UK GDPR confirmation before read-only CRM access (seed 000)', () => {
  it.each([
    ['none', null, null, {}],
    ['read_only', null, null, { crmAccessScope: GDPR_REQUIRED_MESSAGE }],
    ['read_only', '2026-03-01', null, { crmAccessScope: GDPR_REQUIRED_MESSAGE, gdprConfirmedBy: 'Enter who at the partner confirmed the data sharing' }],
    ['read_only', null, 'Hannah', { crmAccessScope: GDPR_REQUIRED_MESSAGE, gdprConfirmedOn: 'Enter the date the partner confirmed the data sharing' }],
    ['read_only', '2026-03-01', '  ', { crmAccessScope: GDPR_REQUIRED_MESSAGE, gdprConfirmedBy: 'Enter who at the partner confirmed the data sharing' }],
    ['read_only', '2026-03-01', 'Hannah', {}],
    ['read_only', '2026-03-11', 'Hannah', { gdprConfirmedOn: 'A confirmation cannot be dated in the future' }],
    ['none', '2026-03-01', 'Hannah', {}],
  ] as const)('CRM %s, confirmed on %s by %s → %j', (crmAccessScope, gdprConfirmedOn, gdprConfirmedBy, expected) => {
    expect(setupProblems({ crmAccessScope, gdprConfirmedOn, gdprConfirmedBy }, today)).toEqual(expected);
  });
});

describe('partner record rules across fields', () => {
  const ok = { format: 'affiliate', stripeAccountId: null, stripeAccountState: 'none', taxFormKind: null, taxFormReceivedOn: null, taxFormExpiresOn: null, registeredOn: '2026-01-01' } as const;

  it.each([
    ['allset', ['affiliate']],
    ['aloware', ['lead_referral', 'affiliate']],
    ['messagehelp', ['referral', 'integrator']],
    ['salespartner', ['reseller']],
  ] as const)('programme %s takes %j partners', (code, formats) => {
    expect(formatsForProgramme(code)).toEqual(formats);
  });

  it('lets a programme the seeds do not name take any format', () => {
    expect(partnerRecordProblems({ ...ok, format: 'reseller' }, 'acme-own', today)).toEqual({});
  });

  it.each([
    [{ stripeAccountState: 'enabled' }, 'stripeAccountId'],
    [{ stripeAccountId: 'acct_1234567' }, 'stripeAccountState'],
    [{ taxFormExpiresOn: '2027-01-01' }, 'taxFormKind'],
    [{ taxFormKind: 'W-9', taxFormReceivedOn: '2026-03-11' }, 'taxFormReceivedOn'],
    [{ taxFormKind: 'W-8BEN', taxFormReceivedOn: '2026-03-01', taxFormExpiresOn: '2026-03-01' }, 'taxFormExpiresOn'],
    [{ registeredOn: '2026-03-11' }, 'registeredOn'],
  ] as const)('%j is a problem with %s', (change, field) => {
    expect(Object.keys(partnerRecordProblems({ ...ok, ...change }, 'allset', today))).toEqual([field]);
  });
});

describe('tax forms', () => {
  it.each([
    [null, null, 'missing'],
    ['W-9', null, 'no_expiry'],
    ['W-8BEN', '2026-03-09', 'expired'],
    ['W-8BEN', '2026-03-10', 'expiring'],
    ['W-8BEN-E', '2026-04-09', 'expiring'],
    ['W-8BEN-E', '2026-04-10', 'valid'],
  ] as const)('%s expiring %s is %s on 2026-03-10', (kind, expiresOn, status) => {
    expect(taxFormStatus(kind, expiresOn, today)).toBe(status);
  });

  it('a W-8 form usually lasts until the end of the third calendar year after signing; a W-9 does not expire', () => {
    expect(usualTaxFormExpiry('W-8BEN', '2025-06-15')).toBe('2028-12-31');
    expect(usualTaxFormExpiry('W-9', '2025-06-15')).toBeNull();
  });
});

describe('attachment size', () => {
  it('knows how many bytes any base64 text decodes to', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const b64 = btoa(String.fromCharCode(...bytes));
        expect(base64DecodedBytes(b64)).toBe(bytes.length);
      }),
    );
  });

  it('allows up to 20 MiB and names the file and its size beyond that', () => {
    expect(attachmentSizeProblem('a.pdf', MAX_ATTACHMENT_BYTES)).toBeNull();
    expect(attachmentSizeProblem('a.pdf', 25 * 1024 * 1024)).toBe('“a.pdf” is 25.0 MiB; attachments are limited to 20 MiB. Compress the file or split it into parts');
    expect(attachmentSizeProblem('empty.txt', 0)).toMatch(/empty/);
  });
});
