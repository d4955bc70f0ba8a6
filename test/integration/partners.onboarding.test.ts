import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerDetail } from '../../src-shared/partners/contract';
import { ADMIN, tempCore } from '../support/tempWorkspace';

// Seed 000's partner set-up: the onboarding checklist, integration and CRM access with the
// UK GDPR confirmation, and the Appendix A extras.

let t: ReturnType<typeof tempCore>;
let programmeId: string;

beforeAll(async () => {
  t = tempCore({ now: () => new Date('2026-03-10T09:00:00Z') });
  await t.call('workspace.create', ADMIN);
  programmeId = randomUUID();
  t.core.context.session!.open.sqlite.prepare("INSERT INTO programmes (id, code, name, currency) VALUES (?, 'allset', 'AllSet affiliate programme', 'GBP')").run(programmeId);
});
afterAll(() => t?.cleanup());

async function onboardingPartner(company: string): Promise<PartnerDetail> {
  return t.call('partners.create', { company, programmeId, format: 'affiliate', country: 'GB', status: 'onboarding', contactName: 'Priya Patel', contactEmail: 'priya@example.com' });
}
const step = (partnerId: string, s: string, over: object = {}) => ({ partnerId, step: s, dueOn: null, doneOn: null, owner: '', ...over });
const lastAudit = (entityId: string) =>
  JSON.parse(t.core.context.session!.open.sqlite.prepare('SELECT detail FROM audit_log WHERE entity_id = ? ORDER BY id DESC LIMIT 1').pluck().get(entityId) as string);

describe('the onboarding checklist', () => {
  it('records due date, done date and owner of a step, and audits it', async () => {
    const p = await onboardingPartner('Keystone Trades Hub');
    const d: PartnerDetail = await t.call('partners.setOnboardingStep', step(p.id, 'contract_signed', { dueOn: '2026-03-01', doneOn: '2026-03-02', owner: 'Ada' }));
    expect(d.onboarding[0]).toEqual({ step: 'contract_signed', dueOn: '2026-03-01', doneOn: '2026-03-02', owner: 'Ada', note: '' });
    expect(lastAudit(p.id)).toEqual({ step: 'contract_signed', changes: { dueOn: { before: null, after: '2026-03-01' }, doneOn: { before: null, after: '2026-03-02' }, owner: { before: '', after: 'Ada' } } });
  });

  it('updates a step in place rather than adding a second one', async () => {
    const p = await onboardingPartner('Northgate Salon Suite');
    await t.call('partners.setOnboardingStep', step(p.id, 'kickoff_call', { dueOn: '2026-03-20', owner: 'Ada' }));
    const d: PartnerDetail = await t.call('partners.setOnboardingStep', step(p.id, 'kickoff_call', { dueOn: '2026-03-20', doneOn: '2026-03-09', owner: 'Ada' }));
    expect(d.onboarding.filter((s) => s.step === 'kickoff_call')).toEqual([expect.objectContaining({ doneOn: '2026-03-09' })]);
    const n = t.core.context.session!.open.sqlite.prepare('SELECT count(*) FROM onboarding_steps WHERE partner_id = ?').pluck().get(p.id);
    expect(n).toBe(1);
  });

  it('refuses a done date in the future', async () => {
    const p = await onboardingPartner('Pennine Property Care');
    const r = await t.core.dispatch('partners.setOnboardingStep', step(p.id, 'crm_access', { doneOn: '2026-03-11' }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { doneOn: 'A step cannot be done in the future' } } });
  });

  it('refuses go-live before the contract is signed and the integration built, then makes the partner active', async () => {
    const p = await onboardingPartner('Quayside Garage Systems');
    const early = await t.core.dispatch('partners.setOnboardingStep', step(p.id, 'live', { doneOn: '2026-03-10' }));
    expect(early).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { doneOn: expect.stringMatching(/signed contract and the built integration/) } } });
    await t.call('partners.setOnboardingStep', step(p.id, 'contract_signed', { doneOn: '2026-01-05' }));
    await t.call('partners.setOnboardingStep', step(p.id, 'integration_built', { doneOn: '2026-03-01' }));
    const live: PartnerDetail = await t.call('partners.setOnboardingStep', step(p.id, 'live', { doneOn: '2026-03-10' }));
    expect(live.status).toBe('active');
    expect(lastAudit(p.id)).toMatchObject({ changes: { status: { before: 'onboarding', after: 'active' } } });
  });
});

describe('seed 000 set-up: integration, hosted page, CRM access and UK GDPR', () => {
  const setup = (p: PartnerDetail, over: object) => ({
    id: p.id,
    expectedUpdatedAt: p.updatedAt,
    integrationType: 'webhook',
    hostedSignupUrl: 'https://allset.example/join/keystone',
    crmAccessScope: 'none',
    gdprConfirmedOn: null,
    gdprConfirmedBy: null,
    ...over,
  });

  it('refuses read-only CRM access without the partner’s UK GDPR confirmation, saying so', async () => {
    const p = await onboardingPartner('Riverbend Pet Grooming');
    const r = await t.core.dispatch('partners.setSetup', setup(p, { crmAccessScope: 'read_only' }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', fieldErrors: { crmAccessScope: expect.stringMatching(/read-only only after the partner has confirmed UK GDPR data sharing/) } } });
    const halfway = await t.core.dispatch('partners.setSetup', setup(p, { crmAccessScope: 'read_only', gdprConfirmedOn: '2026-03-01' }));
    expect(halfway).toMatchObject({ ok: false, error: { fieldErrors: { crmAccessScope: expect.any(String), gdprConfirmedBy: expect.any(String) } } });
    expect((await t.call('partners.get', { id: p.id })).setup.crmAccessScope).toBe('none');
  });

  it('grants read-only CRM access once the confirmation has a date and a name, and audits the change', async () => {
    const p = await onboardingPartner('Thistle & Oak Landscaping');
    const d: PartnerDetail = await t.call('partners.setSetup', setup(p, { crmAccessScope: 'read_only', gdprConfirmedOn: '2026-03-01', gdprConfirmedBy: 'Hannah Okafor, DPO' }));
    expect(d.setup).toEqual({
      integrationType: 'webhook',
      hostedSignupUrl: 'https://allset.example/join/keystone',
      crmAccessScope: 'read_only',
      gdprConfirmedOn: '2026-03-01',
      gdprConfirmedBy: 'Hannah Okafor, DPO',
    });
    expect(lastAudit(p.id).changes.crmAccessScope).toEqual({ before: 'none', after: 'read_only' });
  });

  it('wants an https address for the hosted sign-up page', async () => {
    const p = await onboardingPartner('Harbour Lane Cleaning Co');
    const r = await t.core.dispatch('partners.setSetup', setup(p, { hostedSignupUrl: 'http://allset.example/join' }));
    expect(r).toMatchObject({ ok: false, error: { fieldErrors: { hostedSignupUrl: expect.stringMatching(/https:\/\//) } } });
  });

  it('is refused with a conflict when the record changed since it was loaded', async () => {
    const p = await onboardingPartner('Brightwell Field Services');
    await t.call('partners.update', { id: p.id, expectedUpdatedAt: p.updatedAt, notes: 'changed elsewhere' });
    const r = await t.core.dispatch('partners.setSetup', setup(p, {}));
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });
});

describe('Appendix A extras', () => {
  it('stores the agreed cost in minor units with its currency and billing', async () => {
    const p = await onboardingPartner('Legacy CRM Builders');
    const d: PartnerDetail = await t.call('partners.addExtra', { partnerId: p.id, description: 'Complex legacy CRM integration', cost: '2500.00', currency: 'gbp', billing: 'one_off', agreedOn: '2026-02-20' });
    expect(d.extras).toEqual([expect.objectContaining({ description: 'Complex legacy CRM integration', costMinor: 250000, currency: 'GBP', billing: 'one_off', agreedOn: '2026-02-20' })]);
    const removed: PartnerDetail = await t.call('partners.removeExtra', { id: d.extras[0]!.id });
    expect(removed.extras).toEqual([]);
    const actions = t.core.context.session!.open.sqlite.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id').pluck().all(p.id);
    expect(actions).toEqual(['partner.create', 'partner.extra_add', 'partner.extra_remove']);
  });

  it('refuses a cost that is not a plain amount or has too many decimals, next to the cost', async () => {
    const p = await onboardingPartner('Enhanced Credits Co');
    const comma = await t.core.dispatch('partners.addExtra', { partnerId: p.id, description: 'Enhanced free credits', cost: '1,250', currency: 'GBP', billing: 'monthly', agreedOn: '2026-02-20' });
    expect(comma).toMatchObject({ ok: false, error: { fieldErrors: { cost: expect.stringMatching(/without thousands separators/) } } });
    const decimals = await t.core.dispatch('partners.addExtra', { partnerId: p.id, description: 'Enhanced free credits', cost: '12.505', currency: 'GBP', billing: 'monthly', agreedOn: '2026-02-20' });
    expect(decimals).toMatchObject({ ok: false, error: { fieldErrors: { cost: expect.stringMatching(/GBP allows at most 2/) } } });
    const currency = await t.core.dispatch('partners.addExtra', { partnerId: p.id, description: 'Data access API', cost: '99', currency: 'XXQ', billing: 'yearly', agreedOn: '2026-02-20' });
    expect(currency).toMatchObject({ ok: false, error: { fieldErrors: { currency: expect.any(String) } } });
  });
});
