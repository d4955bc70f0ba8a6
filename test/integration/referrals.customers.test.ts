import { afterEach, describe, expect, it } from 'vitest';
import * as referrals from '../../src-shared/referrals/contract';
import { PARTNERS, referralsWorkspace, type ReferralsWorkspace } from '../fixtures/referralsWorkspace';

describe('referred customers', () => {
  let w: ReferralsWorkspace;
  afterEach(() => w?.cleanup());

  it('creates a customer attributed to a partner by promo code, with its product line', async () => {
    w = await referralsWorkspace();
    const c = await w.call('referrals.createCustomer', {
      name: 'Iris Studio 9',
      email: 'hello@iris.example',
      externalRef: 'cus_iris',
      partnerId: PARTNERS.kommo.id,
      attribution: 'promo_code',
      promoCode: 'KOMMOINT5',
      productLine: 'Altegio',
      signUpOn: '2026-02-10',
    });
    expect(c).toMatchObject({ partnerCompany: 'Kommo Integrators OÜ', programmeName: 'Message.Help partners', attribution: 'promo_code', promoCode: 'KOMMOINT5', productLine: 'Altegio', closedOn: null });
    expect(w.audit('referrals.createCustomer')).toEqual([expect.objectContaining({ entityId: c.id })]);
  });

  it('asks how a customer came to its partner when none is given', async () => {
    w = await referralsWorkspace();
    const r = await w.core.dispatch('referrals.createCustomer', { name: 'Nova Realty', partnerId: PARTNERS.pipeline.id, signUpOn: '2026-02-01' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { attribution: expect.stringMatching(/referral link, promo code/) } } });
    expect(w.count('customers')).toBe(0);
  });

  it('refuses a close date before the sign-up and keeps the customer as it was', async () => {
    w = await referralsWorkspace();
    const c = await w.call('referrals.createCustomer', { name: 'Cedar Dental', signUpOn: '2026-01-15' });
    const r = await w.core.dispatch('referrals.updateCustomer', { id: c.id, closedOn: '2026-01-14' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { closedOn: expect.stringMatching(/before the sign-up on 2026-01-15/) } } });
    const again = await w.call('referrals.listCustomers', {});
    expect(again.rows[0].closedOn).toBeNull();
  });

  it('refuses moving the sign-up after a stored cancellation', async () => {
    w = await referralsWorkspace();
    const c = await w.call('referrals.createCustomer', { name: 'Cedar Dental', signUpOn: '2026-01-15', cancelledOn: '2026-03-01' });
    const r = await w.core.dispatch('referrals.updateCustomer', { id: c.id, signUpOn: '2026-03-02' });
    expect(r).toMatchObject({ ok: false, error: { fieldErrors: { cancelledOn: expect.stringMatching(/cancellation date 2026-03-01 is before the sign-up on 2026-03-02/) } } });
  });

  it('edits sign-up, close and cancellation dates and audits the change', async () => {
    w = await referralsWorkspace();
    const c = await w.call('referrals.createCustomer', { name: 'Cedar Dental', signUpOn: '2026-01-15' });
    const edited = await w.call('referrals.updateCustomer', { id: c.id, signUpOn: '2026-01-10', closedOn: '2026-01-20', cancelledOn: '2026-05-31' });
    expect(edited).toMatchObject({ signUpOn: '2026-01-10', closedOn: '2026-01-20', cancelledOn: '2026-05-31' });
    const [entry] = w.audit('referrals.updateCustomer');
    expect(entry!.detail.changes).toEqual({
      signUpOn: { from: '2026-01-15', to: '2026-01-10' },
      closedOn: { from: null, to: '2026-01-20' },
      cancelledOn: { from: null, to: '2026-05-31' },
    });
    const cleared = await w.call('referrals.updateCustomer', { id: c.id, cancelledOn: null });
    expect(cleared.cancelledOn).toBeNull();
  });

  it('refuses an external reference another customer already has', async () => {
    w = await referralsWorkspace();
    await w.call('referrals.createCustomer', { name: 'A', externalRef: 'cus_1', signUpOn: '2026-01-15' });
    const r = await w.core.dispatch('referrals.createCustomer', { name: 'B', externalRef: 'cus_1', signUpOn: '2026-01-15' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', fieldErrors: { externalRef: 'Already used by A' } } });
  });

  it('filters by partner, programme, attribution and "unattributed"', async () => {
    w = await referralsWorkspace();
    await w.call('referrals.createCustomer', { name: 'Aloware one', partnerId: PARTNERS.pipeline.id, attribution: 'warm_intro', signUpOn: '2026-01-01' });
    await w.call('referrals.createCustomer', { name: 'Aloware two', partnerId: PARTNERS.hubspring.id, attribution: 'referral_link', signUpOn: '2026-01-02' });
    await w.call('referrals.createCustomer', { name: 'MH one', partnerId: PARTNERS.kommo.id, attribution: 'promo_code', signUpOn: '2026-01-03' });
    await w.call('referrals.createCustomer', { name: 'Nobody’s', signUpOn: '2026-01-04' });
    const names = async (filter: object) => (await w.call('referrals.listCustomers', filter)).rows.map((r: { name: string }) => r.name).sort();
    expect(await names({ partnerId: PARTNERS.pipeline.id })).toEqual(['Aloware one']);
    expect(await names({ programmeId: 'prog-aloware' })).toEqual(['Aloware one', 'Aloware two']);
    expect(await names({ attribution: 'promo_code' })).toEqual(['MH one']);
    expect(await names({ unattributed: true })).toEqual(['Nobody’s']);
    expect((await w.call('referrals.listCustomers', { unattributed: true })).rows[0]).toMatchObject({ partnerId: null, attribution: null });
  });
});

describe('attributing a customer to a partner', () => {
  let w: ReferralsWorkspace;
  afterEach(() => w?.cleanup());

  it('assigns an unattributed customer and audits it', async () => {
    w = await referralsWorkspace();
    const c = await w.call('referrals.createCustomer', { name: 'Nova Realty', signUpOn: '2026-02-01' });
    const after = await w.call('referrals.attribute', { customerId: c.id, partnerId: PARTNERS.pipeline.id, attribution: 'warm_intro', note: 'Intro e-mail of 3 Feb' });
    expect(after).toMatchObject({ partnerId: PARTNERS.pipeline.id, attribution: 'warm_intro' });
    expect(w.audit('referrals.attribute')).toEqual([
      expect.objectContaining({ entityId: c.id, detail: expect.objectContaining({ fromPartnerId: null, toPartnerId: PARTNERS.pipeline.id, note: 'Intro e-mail of 3 Feb' }) }),
    ]);
  });

  it('reassigns a customer to another partner and keeps the previous one in the audit', async () => {
    w = await referralsWorkspace();
    const c = await w.call('referrals.createCustomer', { name: 'Nova Realty', partnerId: PARTNERS.pipeline.id, attribution: 'warm_intro', signUpOn: '2026-02-01' });
    await w.call('referrals.attribute', { customerId: c.id, partnerId: PARTNERS.hubspring.id, attribution: 'referral_link' });
    const [entry] = w.audit('referrals.reattribute');
    expect(entry!.detail).toMatchObject({ fromPartner: 'Pipeline Partners LLC', toPartner: 'HubSpring Consulting', fromAttribution: 'warm_intro', attribution: 'referral_link' });
    expect((await w.call('referrals.listCustomers', { partnerId: PARTNERS.pipeline.id })).total).toBe(0);
  });

  it('says so when the customer is already attributed that way', async () => {
    w = await referralsWorkspace();
    const c = await w.call('referrals.createCustomer', { name: 'Nova Realty', partnerId: PARTNERS.pipeline.id, attribution: 'warm_intro', signUpOn: '2026-02-01' });
    const r = await w.core.dispatch('referrals.attribute', { customerId: c.id, partnerId: PARTNERS.pipeline.id, attribution: 'warm_intro' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/already attributed to Pipeline Partners LLC/) } });
  });

  it('refuses a partner that does not exist', async () => {
    w = await referralsWorkspace();
    const c = await w.call('referrals.createCustomer', { name: 'Nova Realty', signUpOn: '2026-02-01' });
    const r = await w.core.dispatch('referrals.attribute', { customerId: c.id, partnerId: 'nope', attribution: 'import' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { partnerId: 'Choose a partner from the list' } } });
  });

  it('needs partners.write for every change and partners.read to look', () => {
    const changes = ['createCustomer', 'updateCustomer', 'attribute', 'registerLead', 'qualifyLead', 'winLead', 'loseLead', 'openDispute', 'decideDispute', 'setSettings'] as const;
    for (const name of changes) expect(referrals[name].permission).toBe('partners.write');
    for (const name of ['listCustomers', 'listLeads', 'listDisputes', 'resellerStatus', 'getSettings', 'partnerOptions'] as const) expect(referrals[name].permission).toBe('partners.read');
  });
});
