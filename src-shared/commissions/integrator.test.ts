import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { clientCharge, integratorDiscount, integratorStatement, type IntegratorClient, type IntegratorEvent, type IntegratorTerms } from './integrator';
import { SEED_002_MESSAGE_HELP_INTEGRATOR as terms } from './presets';

describe('integrator discount tiers (seed 002 §1.2)', () => {
  it.each([
    ['kommo', 0, 3500],
    ['kommo', 1, 3500],
    ['bitrix', 4, 3500],
    ['amo', 5, 4000],
    ['message_help_crm', 9, 4000],
    ['message_help_crm', 10, 5000],
    ['message_help_crm', 40, 5000],
    ['altegio', 1, 3500],
    ['altegio', 25, 3500], // fixed 35% whatever the count
  ])('%s with %i clients → %i bps', (line, count, bps) => {
    expect(integratorDiscount(terms, line, count)?.discountBps).toBe(bps);
  });

  it('knows no discount for an unknown line', () => {
    expect(integratorDiscount(terms, 'zapier', 3)).toBeNull();
  });

  it.each([
    [432_00, 5000, 216_00, 216_00],
    [30_00, 3500, 10_50, 19_50],
    [1, 5000, 0, 1], // the discount 0.5 rounds half to even → 0
    [3, 5000, 2, 1], // 1.5 → 2
    [33_33, 3500, 11_67, 21_66], // 11.6655 → 11.67
  ])('tariff %i at %i bps: discount %i, charge %i', (tariff, bps, discount, charge) => {
    expect(clientCharge(money('EUR', tariff), bps)).toEqual({ discount: money('EUR', discount), charge: money('EUR', charge) });
  });
});

describe('prepaid balance', () => {
  const clients: IntegratorClient[] = [
    { id: 'c1', productLine: 'kommo', since: '2026-02-01' },
    { id: 'c2', productLine: 'kommo', since: '2026-03-05', until: '2026-05-01' },
    { id: 'c3', productLine: 'kommo', since: '2026-03-05' },
    { id: 'c4', productLine: 'kommo', since: '2026-03-05' },
    { id: 'c5', productLine: 'kommo', since: '2026-03-05' },
  ];
  const registered = { id: 'I1', registeredOn: '2026-03-01' };
  const statementOf = (events: IntegratorEvent[], t: IntegratorTerms = terms) => integratorStatement({ terms: t, partner: registered, clients, events }, '2026-12-31');

  it('counts active clients on the charge day: 5 in April (40%), 4 in May (35%)', () => {
    const s = statementOf([
      { kind: 'top_up', id: 't', on: '2026-04-01', method: 'card', amount: money('EUR', 100_00) },
      { kind: 'client_charge', id: 'a', on: '2026-04-10', clientId: 'c1', tariff: money('EUR', 20_00) },
      { kind: 'client_charge', id: 'b', on: '2026-05-10', clientId: 'c1', tariff: money('EUR', 20_00) },
    ]);
    expect(s.movements.filter((m) => m.kind === 'client_charge').map((m) => [m.discountBps, m.amount.minor, m.balanceAfter.minor])).toEqual([
      [4000, -12_00, 88_00],
      [3500, -13_00, 75_00],
    ]);
  });

  it('refuses a charge the prepaid balance cannot cover, and an unknown client', () => {
    const s = statementOf([
      { kind: 'top_up', id: 't', on: '2026-04-01', method: 'invoice', amount: money('EUR', 10_00) },
      { kind: 'client_charge', id: 'a', on: '2026-04-10', clientId: 'c1', tariff: money('EUR', 50_00) },
      { kind: 'client_charge', id: 'b', on: '2026-04-10', clientId: 'zz', tariff: money('EUR', 5_00) },
    ]);
    expect(s.prepaidBalance).toEqual(money('EUR', 10_00));
    expect(s.problems).toEqual([
      { eventId: 'a', severity: 'rejected', message: "The charge of €30.00 for client 'c1' exceeds the prepaid balance of €10.00; top up first" },
      { eventId: 'b', severity: 'rejected', message: "Client 'zz' is not one of this integrator's clients" },
    ]);
  });

  it('applies the welcome bonus to one new client only by default, and not to an existing client', () => {
    const s = statementOf([
      { kind: 'top_up', id: 't', on: '2026-03-02', method: 'card', amount: money('EUR', 100_00) },
      { kind: 'client_charge', id: 'a', on: '2026-03-05', clientId: 'c1', tariff: money('EUR', 20_00), useWelcomeBonus: true },
      { kind: 'client_charge', id: 'b', on: '2026-03-06', clientId: 'c3', tariff: money('EUR', 20_00), useWelcomeBonus: true },
      { kind: 'client_charge', id: 'c', on: '2026-03-07', clientId: 'c4', tariff: money('EUR', 20_00), useWelcomeBonus: true },
    ]);
    expect(s.problems.map((p) => [p.eventId, p.message])).toEqual([
      ['a', "Welcome bonus not applied: client 'c1' was a client before the partner registered, so is not new; charged to the prepaid balance"],
      ['c', 'Welcome bonus not applied: the welcome bonus has already been used for 1 new client; charged to the prepaid balance'],
    ]);
    expect(s.movements.filter((m) => m.kind === 'bonus_used').map((m) => [m.clientId, m.amount.minor])).toEqual([['c3', -20_00]]);
    expect(s.movements.at(-1)).toMatchObject({ kind: 'bonus_expired', on: '2026-05-01', amount: money('EUR', -480_00) });
  });

  it('can spread the bonus over several new clients (a setting), charging any excess with the discount', () => {
    const pooled: IntegratorTerms = { ...terms, welcomeBonus: { amount: money('EUR', 30_00), usableForDays: 60, maxClients: null } };
    const s = statementOf(
      [
        { kind: 'top_up', id: 't', on: '2026-03-02', method: 'card', amount: money('EUR', 100_00) },
        { kind: 'client_charge', id: 'b', on: '2026-03-06', clientId: 'c3', tariff: money('EUR', 20_00), useWelcomeBonus: true },
        { kind: 'client_charge', id: 'c', on: '2026-03-07', clientId: 'c4', tariff: money('EUR', 20_00), useWelcomeBonus: true },
      ],
      pooled,
    );
    // c4: €10.00 from the bonus, the other €10.00 at 40% off (5 active clients) → €6.00.
    expect(s.movements.filter((m) => m.eventId === 'c').map((m) => [m.account, m.amount.minor])).toEqual([
      ['welcome_bonus', -10_00],
      ['prepaid', -6_00],
    ]);
    expect(s.bonusBalance).toEqual(money('EUR', 0));
  });
});
