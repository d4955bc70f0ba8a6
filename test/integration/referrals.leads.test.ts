import { afterEach, describe, expect, it } from 'vitest';
import { PARTNERS, referralsWorkspace, type ReferralsWorkspace } from '../fixtures/referralsWorkspace';

describe('seed 001 lead pipeline', () => {
  let w: ReferralsWorkspace;
  afterEach(() => w?.cleanup());

  const register = (company = 'Acme Dental Group', source = 'warm_intro') =>
    w.call('referrals.registerLead', { partnerId: PARTNERS.pipeline.id, company, contactName: 'Ann Lee', contactEmail: 'ann@acme.example', source, registeredOn: '2026-03-01' });

  it('moves a lead from registered to qualified with its note, then to won, creating the customer with the close date', async () => {
    w = await referralsWorkspace();
    const lead = await register();
    expect(lead).toMatchObject({ status: 'registered', partnerCompany: 'Pipeline Partners LLC' });
    const qualified = await w.call('referrals.qualifyLead', { leadId: lead.id, qualifiedOn: '2026-03-05', note: '25 agents, HubSpot, demo booked' });
    expect(qualified).toMatchObject({ status: 'qualified', qualifiedOn: '2026-03-05', qualificationNote: '25 agents, HubSpot, demo booked' });
    const won = await w.call('referrals.winLead', { leadId: lead.id, closedOn: '2026-03-20' });
    expect(won).toMatchObject({ status: 'won', decidedOn: '2026-03-20', customerName: 'Acme Dental Group' });
    const customer = (await w.call('referrals.listCustomers', { partnerId: PARTNERS.pipeline.id })).rows[0];
    expect(customer).toMatchObject({ id: won.customerId, signUpOn: '2026-03-20', closedOn: '2026-03-20', attribution: 'warm_intro', email: 'ann@acme.example' });
    expect(w.audit('referrals.registerLead')).toHaveLength(1);
    expect(w.audit('referrals.qualifyLead')[0]!.detail).toMatchObject({ note: '25 agents, HubSpot, demo booked' });
    expect(w.audit('referrals.winLead')[0]!.detail).toMatchObject({ customerId: won.customerId, linkedExisting: false });
  });

  it('links an unattributed existing customer when the lead is won, crediting the lead’s partner', async () => {
    w = await referralsWorkspace();
    const existing = await w.call('referrals.createCustomer', { name: 'Acme Dental (trial)', signUpOn: '2026-03-02' });
    const lead = await register('Acme Dental Group', 'registration');
    await w.call('referrals.qualifyLead', { leadId: lead.id, qualifiedOn: '2026-03-03', note: 'Trial running' });
    const won = await w.call('referrals.winLead', { leadId: lead.id, closedOn: '2026-03-25', customerId: existing.id });
    expect(won.customerId).toBe(existing.id);
    const c = (await w.call('referrals.listCustomers', {})).rows[0];
    expect(c).toMatchObject({ partnerId: PARTNERS.pipeline.id, attribution: 'referral_link', signUpOn: '2026-03-02', closedOn: '2026-03-25' });
    expect(w.count('customers')).toBe(1);
  });

  it('refuses to link a customer another partner is credited with', async () => {
    w = await referralsWorkspace();
    const other = await w.call('referrals.createCustomer', { name: 'Acme', partnerId: PARTNERS.hubspring.id, attribution: 'warm_intro', signUpOn: '2026-03-02' });
    const lead = await register();
    await w.call('referrals.qualifyLead', { leadId: lead.id, qualifiedOn: '2026-03-03', note: 'ok' });
    const r = await w.core.dispatch('referrals.winLead', { leadId: lead.id, closedOn: '2026-03-25', customerId: other.id });
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/credited to HubSpring Consulting/) } });
    expect((await w.call('referrals.listLeads', {})).rows[0].status).toBe('qualified');
  });

  it('requires the qualification note', async () => {
    w = await referralsWorkspace();
    const lead = await register();
    const r = await w.core.dispatch('referrals.qualifyLead', { leadId: lead.id, qualifiedOn: '2026-03-05', note: '   ' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { note: expect.stringMatching(/why the lead is qualified/) } } });
    expect((await w.call('referrals.listLeads', {})).rows[0].status).toBe('registered');
  });

  it('loses a lead with its reason, and refuses a lost lead without one', async () => {
    w = await referralsWorkspace();
    const lead = await register();
    const noReason = await w.core.dispatch('referrals.loseLead', { leadId: lead.id, decidedOn: '2026-03-04', reason: '' });
    expect(noReason).toMatchObject({ ok: false, error: { fieldErrors: { reason: expect.stringMatching(/why the lead was lost/) } } });
    const lost = await w.call('referrals.loseLead', { leadId: lead.id, decidedOn: '2026-03-04', reason: 'Only 2 agents' });
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'Only 2 agents', decidedOn: '2026-03-04' });
  });

  it.each([
    ['a registered lead cannot be won without qualifying', ['register'], 'win', /Qualify the lead first/],
    ['a won lead cannot be lost', ['register', 'qualify', 'win'], 'lose', /already won/],
    ['a won lead cannot be qualified again', ['register', 'qualify', 'win'], 'qualify', /already won/],
    ['a lost lead cannot be won', ['register', 'qualify', 'lose'], 'win', /already lost/],
    ['a lost lead cannot go back to qualified', ['register', 'lose'], 'qualify', /already lost/],
    ['a qualified lead cannot be qualified twice', ['register', 'qualify'], 'qualify', /already qualified/],
  ] as const)('refuses: %s', async (_what, steps, refused, message) => {
    w = await referralsWorkspace();
    const lead = await register();
    const act = (step: string) =>
      step === 'qualify'
        ? w.core.dispatch('referrals.qualifyLead', { leadId: lead.id, qualifiedOn: '2026-03-05', note: 'qualified' })
        : step === 'win'
          ? w.core.dispatch('referrals.winLead', { leadId: lead.id, closedOn: '2026-03-20' })
          : w.core.dispatch('referrals.loseLead', { leadId: lead.id, decidedOn: '2026-03-20', reason: 'went quiet' });
    for (const step of steps.slice(1)) expect((await act(step)).ok).toBe(true);
    const before = (await w.call('referrals.listLeads', {})).rows[0];
    const customersBefore = w.count('customers');
    const r = await act(refused);
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(message) } });
    expect((await w.call('referrals.listLeads', {})).rows[0]).toEqual(before);
    expect(w.count('customers')).toBe(customersBefore);
  });

  it('refuses a step dated before the previous one', async () => {
    w = await referralsWorkspace();
    const lead = await register();
    const r = await w.core.dispatch('referrals.qualifyLead', { leadId: lead.id, qualifiedOn: '2026-02-28', note: 'x' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { qualifiedOn: expect.stringMatching(/registered on 2026-03-01/) } } });
  });

  it('lists leads by partner and status', async () => {
    w = await referralsWorkspace();
    const a = await register('A');
    await register('B');
    await w.call('referrals.registerLead', { partnerId: PARTNERS.hubspring.id, company: 'C', source: 'referral_link', registeredOn: '2026-03-02' });
    await w.call('referrals.qualifyLead', { leadId: a.id, qualifiedOn: '2026-03-05', note: 'ok' });
    expect((await w.call('referrals.listLeads', { partnerId: PARTNERS.pipeline.id })).rows).toHaveLength(2);
    expect((await w.call('referrals.listLeads', { status: 'qualified' })).rows.map((r: { company: string }) => r.company)).toEqual(['A']);
  });
});
