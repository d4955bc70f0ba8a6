import { afterEach, describe, expect, it } from 'vitest';
import { PARTNERS, referralsWorkspace, type ReferralsWorkspace } from '../fixtures/referralsWorkspace';

// Seed 002 §1.4: "The partner has the right to retain an existing client upon providing
// evidence of client integration support."
describe('attribution disputes', () => {
  let w: ReferralsWorkspace;
  afterEach(() => w?.cleanup());

  async function clientOfChatFunnel() {
    return w.call('referrals.createCustomer', { name: 'Fern Clinic 7', partnerId: PARTNERS.chatfunnel.id, attribution: 'promo_code', signUpOn: '2026-01-10' });
  }

  it('records a claim with its evidence against the partner currently credited', async () => {
    w = await referralsWorkspace();
    const c = await clientOfChatFunnel();
    const d = await w.call('referrals.openDispute', { customerId: c.id, claimantPartnerId: PARTNERS.kommo.id, openedOn: '2026-04-01', evidence: 'Kommo set up the WhatsApp integration on 12 Jan (ticket #4411)' });
    expect(d).toMatchObject({ status: 'open', claimantCompany: 'Kommo Integrators OÜ', currentCompany: 'ChatFunnel Media', customerName: 'Fern Clinic 7' });
    expect(w.audit('referrals.openDispute')[0]!.detail).toMatchObject({ evidence: expect.stringMatching(/ticket #4411/) });
    expect((await w.call('referrals.listCustomers', {})).rows[0].openDisputes).toBe(1);
  });

  it('upheld: the customer’s partner becomes the claimant, with the decision note, who and when', async () => {
    w = await referralsWorkspace();
    const c = await clientOfChatFunnel();
    const d = await w.call('referrals.openDispute', { customerId: c.id, claimantPartnerId: PARTNERS.kommo.id, openedOn: '2026-04-01', evidence: 'Integration support since January' });
    const decided = await w.call('referrals.decideDispute', { disputeId: d.id, outcome: 'upheld', decidedOn: '2026-04-10', note: 'Install logs confirm Kommo did the setup' });
    expect(decided).toMatchObject({ status: 'upheld', decidedOn: '2026-04-10', decidedBy: 'Ada Admin', decisionNote: 'Install logs confirm Kommo did the setup' });
    const customer = (await w.call('referrals.listCustomers', {})).rows[0];
    expect(customer).toMatchObject({ partnerId: PARTNERS.kommo.id, attribution: 'integration', openDisputes: 0 });
    expect(w.audit('referrals.decideDispute')[0]!.detail).toMatchObject({ outcome: 'upheld', fromPartnerId: PARTNERS.chatfunnel.id, toPartnerId: PARTNERS.kommo.id });
  });

  it('rejected: the customer stays with its partner', async () => {
    w = await referralsWorkspace();
    const c = await clientOfChatFunnel();
    const d = await w.call('referrals.openDispute', { customerId: c.id, claimantPartnerId: PARTNERS.kommo.id, openedOn: '2026-04-01', evidence: 'Says it helped' });
    await w.call('referrals.decideDispute', { disputeId: d.id, outcome: 'rejected', decidedOn: '2026-04-02', note: 'No evidence of integration work' });
    expect((await w.call('referrals.listCustomers', {})).rows[0]).toMatchObject({ partnerId: PARTNERS.chatfunnel.id, attribution: 'promo_code' });
    expect((await w.call('referrals.listDisputes', { status: 'decided' })).rows).toHaveLength(1);
    expect((await w.call('referrals.listDisputes', { status: 'open' })).rows).toHaveLength(0);
  });

  it('refuses deciding twice, and a decision without a note', async () => {
    w = await referralsWorkspace();
    const c = await clientOfChatFunnel();
    const d = await w.call('referrals.openDispute', { customerId: c.id, claimantPartnerId: PARTNERS.kommo.id, openedOn: '2026-04-01', evidence: 'Setup' });
    const noNote = await w.core.dispatch('referrals.decideDispute', { disputeId: d.id, outcome: 'upheld', decidedOn: '2026-04-10', note: '' });
    expect(noNote).toMatchObject({ ok: false, error: { fieldErrors: { note: expect.any(String) } } });
    await w.call('referrals.decideDispute', { disputeId: d.id, outcome: 'rejected', decidedOn: '2026-04-10', note: 'No' });
    const again = await w.core.dispatch('referrals.decideDispute', { disputeId: d.id, outcome: 'upheld', decidedOn: '2026-04-11', note: 'Changed my mind' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/already decided \(rejected on 2026-04-10\)/) } });
    expect((await w.call('referrals.listCustomers', {})).rows[0].partnerId).toBe(PARTNERS.chatfunnel.id);
  });

  it('refuses a claim by the partner already credited, a second open claim, and a claim without evidence', async () => {
    w = await referralsWorkspace();
    const c = await clientOfChatFunnel();
    const own = await w.core.dispatch('referrals.openDispute', { customerId: c.id, claimantPartnerId: PARTNERS.chatfunnel.id, openedOn: '2026-04-01', evidence: 'x' });
    expect(own).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/already credited to ChatFunnel Media/) } });
    const noEvidence = await w.core.dispatch('referrals.openDispute', { customerId: c.id, claimantPartnerId: PARTNERS.kommo.id, openedOn: '2026-04-01', evidence: ' ' });
    expect(noEvidence).toMatchObject({ ok: false, error: { fieldErrors: { evidence: expect.stringMatching(/seed 002 §1.4/) } } });
    await w.call('referrals.openDispute', { customerId: c.id, claimantPartnerId: PARTNERS.kommo.id, openedOn: '2026-04-01', evidence: 'Setup' });
    const second = await w.core.dispatch('referrals.openDispute', { customerId: c.id, claimantPartnerId: PARTNERS.pipeline.id, openedOn: '2026-04-02', evidence: 'Also us' });
    expect(second).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/already has an open dispute \(claimed by Kommo Integrators OÜ\)/) } });
    expect(w.count('attribution_disputes')).toBe(1);
  });

  it('lists a partner’s disputes whether it claims or is claimed against', async () => {
    w = await referralsWorkspace();
    const c = await clientOfChatFunnel();
    await w.call('referrals.openDispute', { customerId: c.id, claimantPartnerId: PARTNERS.kommo.id, openedOn: '2026-04-01', evidence: 'Setup' });
    expect((await w.call('referrals.listDisputes', { partnerId: PARTNERS.kommo.id })).rows).toHaveLength(1);
    expect((await w.call('referrals.listDisputes', { partnerId: PARTNERS.chatfunnel.id })).rows).toHaveLength(1);
    expect((await w.call('referrals.listDisputes', { partnerId: PARTNERS.pipeline.id })).rows).toHaveLength(0);
  });
});
