import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PartnerDetail } from '../../src-shared/partners/contract';
import { ADMIN, tempCore } from '../support/tempWorkspace';

let t: ReturnType<typeof tempCore>;
let allset: string;
let messagehelp: string;
let clock = new Date('2026-03-10T09:00:00Z');

beforeEach(async () => {
  clock = new Date('2026-03-10T09:00:00Z');
  t = tempCore({ now: () => clock });
  await t.call('workspace.create', ADMIN);
  const { sqlite } = t.core.context.session!.open;
  allset = randomUUID();
  messagehelp = randomUUID();
  sqlite.prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'allset', 'AllSet affiliate programme', 'GBP')").run(allset);
  sqlite.prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'messagehelp', 'Message.Help partners', 'EUR')").run(messagehelp);
});
afterEach(() => t?.cleanup());

const newPartner = (over: object = {}) => ({
  company: 'Brightwell Field Services',
  programmeId: allset,
  format: 'affiliate',
  country: 'gb',
  contactName: 'Amelia Hughes',
  contactEmail: 'amelia@brightwell.example',
  ...over,
});
const create = (over: object = {}): Promise<PartnerDetail> => t.call('partners.create', newPartner(over));
const auditRows = (entityId: string) =>
  (t.core.context.session!.open.sqlite.prepare('SELECT action, user_id AS userId, detail FROM audit_log WHERE entity_id = ? ORDER BY id').all(entityId) as Array<{ action: string; userId: string; detail: string }>).map(
    (r) => ({ ...r, detail: JSON.parse(r.detail) }),
  );

describe('creating a partner', () => {
  it('stores the record with its main contact as the primary contact, registered today', async () => {
    const p = await create();
    expect(p).toMatchObject({
      company: 'Brightwell Field Services',
      programme: { code: 'allset', currency: 'GBP' },
      format: 'affiliate',
      status: 'applicant',
      country: 'GB',
      registeredOn: '2026-03-10',
      contactName: 'Amelia Hughes',
      stripeAccountState: 'none',
      setup: { crmAccessScope: 'none', gdprConfirmedOn: null },
    });
    expect(p.contacts).toEqual([expect.objectContaining({ name: 'Amelia Hughes', email: 'amelia@brightwell.example', isPrimary: true })]);
    expect(p.onboarding.map((s) => s.step)).toEqual(['contract_signed', 'stripe_connect', 'kickoff_call', 'crm_access', 'integration_built', 'live']);
    expect(await t.call('partners.get', { id: p.id })).toEqual(p);
  });

  it('reports each bad field next to it', async () => {
    const r = await t.core.dispatch('partners.create', newPartner({ company: ' ', contactEmail: 'not-an-email', country: 'Britain' }));
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        fieldErrors: {
          company: 'Enter the company name',
          contactEmail: expect.stringMatching(/e-mail address such as/),
          country: expect.stringMatching(/two-letter country code/),
        },
      },
    });
  });

  it('refuses a format the programme does not have', async () => {
    const r = await t.core.dispatch('partners.create', newPartner({ format: 'reseller' }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { format: 'This programme has affiliate partners, not reseller' } } });
    const ok = await t.core.dispatch('partners.create', newPartner({ programmeId: messagehelp, format: 'integrator' }));
    expect(ok.ok).toBe(true);
  });

  it('writes who created it, and what, to the audit log', async () => {
    const p = await create();
    const [entry] = auditRows(p.id);
    expect(entry).toMatchObject({ action: 'partner.create', userId: t.core.context.session!.user.id, detail: { company: 'Brightwell Field Services', format: 'affiliate' } });
  });
});

describe('updating a partner', () => {
  it('changes the fields given, bumps the version and audits each field before and after', async () => {
    const p = await create();
    clock = new Date('2026-03-11T10:00:00Z');
    const u: PartnerDetail = await t.call('partners.update', {
      id: p.id,
      expectedUpdatedAt: p.updatedAt,
      company: 'Brightwell Services Ltd',
      commissionRateBps: 1500,
      stripeAccountId: 'acct_1Nv0FGQ9RKHgCVdK',
      stripeAccountState: 'pending',
      taxFormKind: 'W-8BEN',
      taxFormReceivedOn: '2026-02-01',
      taxFormExpiresOn: '2029-12-31',
    });
    expect(u).toMatchObject({ company: 'Brightwell Services Ltd', commissionRateBps: 1500, stripeAccountState: 'pending', taxFormExpiresOn: '2029-12-31' });
    expect(u.updatedAt).not.toBe(p.updatedAt);
    const update = auditRows(p.id).find((a) => a.action === 'partner.update')!;
    expect(update.detail.changes).toEqual({
      company: { before: 'Brightwell Field Services', after: 'Brightwell Services Ltd' },
      commissionRateBps: { before: null, after: 1500 },
      stripeAccountId: { before: null, after: 'acct_1Nv0FGQ9RKHgCVdK' },
      stripeAccountState: { before: 'none', after: 'pending' },
      taxFormKind: { before: null, after: 'W-8BEN' },
      taxFormReceivedOn: { before: null, after: '2026-02-01' },
      taxFormExpiresOn: { before: null, after: '2029-12-31' },
    });
  });

  it('refuses a save against an older version with a conflict, keeping the other person’s change', async () => {
    const p = await create();
    const mine = await t.call('partners.update', { id: p.id, expectedUpdatedAt: p.updatedAt, notes: 'Called on Monday' });
    // The same clock reading: the version still moves on.
    const theirs = await t.core.dispatch('partners.update', { id: p.id, expectedUpdatedAt: p.updatedAt, notes: 'Overwrite' });
    expect(theirs).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/^Someone else changed this partner; reload/) } });
    expect((await t.call('partners.get', { id: p.id })).notes).toBe('Called on Monday');
    expect(mine.updatedAt > p.updatedAt!).toBe(true);
  });

  it('reports per-field problems, including rules across fields, and changes nothing', async () => {
    const p = await create();
    const r = await t.core.dispatch('partners.update', {
      id: p.id,
      expectedUpdatedAt: p.updatedAt,
      stripeAccountId: 'acct_x',
      commissionRateBps: 12_000,
      website: 'brightwell dot com',
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        fieldErrors: {
          stripeAccountId: expect.stringMatching(/starts with acct_/),
          commissionRateBps: expect.stringMatching(/10000 basis points/),
          website: expect.stringMatching(/https:\/\//),
        },
      },
    });
    const cross = await t.core.dispatch('partners.update', {
      id: p.id,
      expectedUpdatedAt: p.updatedAt,
      stripeAccountState: 'enabled',
      taxFormReceivedOn: '2026-04-01',
      taxFormExpiresOn: '2026-01-01',
    });
    expect(cross).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        fieldErrors: {
          stripeAccountId: expect.stringMatching(/Stripe Connect account id/),
          taxFormKind: expect.stringMatching(/Choose which tax form/),
          taxFormReceivedOn: 'A tax form cannot be received in the future',
          taxFormExpiresOn: 'The expiry date must be after the date the form was received',
        },
      },
    });
    expect(await t.call('partners.get', { id: p.id })).toEqual(p);
    expect(auditRows(p.id).map((a) => a.action)).toEqual(['partner.create']);
  });

  it('writes nothing when nothing changed', async () => {
    const p = await create();
    const same = await t.call('partners.update', { id: p.id, expectedUpdatedAt: p.updatedAt, company: p.company, status: p.status });
    expect(same.updatedAt).toBe(p.updatedAt);
    expect(auditRows(p.id)).toHaveLength(1);
  });

  it('answers not found for a partner that does not exist', async () => {
    const r = await t.core.dispatch('partners.update', { id: 'nope', expectedUpdatedAt: null, notes: 'x' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('is refused to a role without partners.write', async () => {
    const p = await create();
    t.core.context.session!.user = { ...t.core.context.session!.user, role: 'manager' };
    const r = await t.core.dispatch('partners.update', { id: p.id, expectedUpdatedAt: p.updatedAt, notes: 'x' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect((await t.core.dispatch('partners.get', { id: p.id })).ok).toBe(true);
  });
});

describe('a partner’s contacts', () => {
  it('keeps exactly one primary contact and mirrors it on the record', async () => {
    const p = await create();
    const withTwo: PartnerDetail = await t.call('partners.addContact', { partnerId: p.id, name: 'Oliver Patel', email: 'oliver@brightwell.example', phone: '', role: 'Finance', isPrimary: true });
    expect(withTwo.contacts.filter((c) => c.isPrimary).map((c) => c.name)).toEqual(['Oliver Patel']);
    expect(withTwo).toMatchObject({ contactName: 'Oliver Patel', contactEmail: 'oliver@brightwell.example' });

    const oliver = withTwo.contacts.find((c) => c.name === 'Oliver Patel')!;
    const removed: PartnerDetail = await t.call('partners.removeContact', { id: oliver.id });
    expect(removed.contacts).toEqual([expect.objectContaining({ name: 'Amelia Hughes', isPrimary: true })]);
    expect(removed.contactName).toBe('Amelia Hughes');
  });

  it('updates a contact, audits the change and shows the new e-mail in the list search', async () => {
    const p = await create();
    const amelia = p.contacts[0]!;
    await t.call('partners.updateContact', { id: amelia.id, name: 'Amelia Hughes', email: 'amelia.h@brightwell.example', phone: '+44 20 7946 0000', role: 'Owner', isPrimary: true });
    const found = await t.call('partners.list', { globalSearch: 'amelia.h@' });
    expect(found.rows.map((r: { id: string }) => r.id)).toEqual([p.id]);
    const entry = auditRows(p.id).find((a) => a.action === 'partner.contact_update')!;
    expect(entry.detail.changes.email).toEqual({ before: 'amelia@brightwell.example', after: 'amelia.h@brightwell.example' });
  });

  it('refuses a contact without a name or with a malformed e-mail', async () => {
    const p = await create();
    const r = await t.core.dispatch('partners.addContact', { partnerId: p.id, name: '', email: 'x@', phone: '', role: '', isPrimary: false });
    expect(r).toMatchObject({ ok: false, error: { fieldErrors: { name: expect.any(String), email: expect.stringMatching(/e-mail/) } } });
  });
});
