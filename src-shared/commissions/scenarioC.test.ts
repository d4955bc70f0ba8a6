import { describe, expect, it } from 'vitest';
import { money } from '../money/money';
import { computeCommissions } from './engine';
import type { CustomerInput, RevenueLine } from './input';
import { integratorStatement, welcomeBonusWindow, type IntegratorClient, type IntegratorEvent } from './integrator';
import { SEED_002_MESSAGE_HELP_INTEGRATOR, SEED_002_MESSAGE_HELP_REFERRAL } from './presets';
import { customer, partner, payment } from './testKit';
import { computeStatementTotals } from './totals';

// Scenario C (seed 002, Message.Help): client-count tiers on the whole month,
// integrator discounts from a prepaid balance, and the welcome bonus.

const eur = { currency: 'EUR' as const };
function clientsPaying(count: number, month: string): { customers: CustomerInput[]; lines: RevenueLine[] } {
  const customers = Array.from({ length: count }, (_, i) => customer(`K${String(i + 1).padStart(2, '0')}`, '2026-09-01', { signedUpWithPromoCode: true }));
  const lines = customers.map((c) => payment(`${c.id}-${month}`, c.id, `${month}-10`, 20_00, eur));
  return { customers, lines };
}

describe('Scenario C — Message.Help referral (seed 002)', () => {
  it.each([
    ['2026-10', 29, 2000, 4_00, 116_00],
    ['2026-11', 30, 3000, 6_00, 180_00],
  ])('%s: %i clients each pay €20.00 → %i bps → %i each, %i in all', (month, count, rateBps, each, total) => {
    const { customers, lines } = clientsPaying(count, month);
    const result = computeCommissions({ plan: SEED_002_MESSAGE_HELP_REFERRAL, partner: partner(), customers, lines }, '2026-12-31');
    expect(result.entries.every((e) => e.rateBps === rateBps && e.amount.minor === each)).toBe(true);
    expect(computeStatementTotals(result.entries)[0]?.net).toEqual(money('EUR', total));
  });

  it('both months together: €116.00 + €180.00, tiers per calendar month', () => {
    const oct = clientsPaying(29, '2026-10');
    const nov = clientsPaying(30, '2026-11');
    const result = computeCommissions(
      { plan: SEED_002_MESSAGE_HELP_REFERRAL, partner: partner(), customers: nov.customers, lines: [...oct.lines, ...nov.lines] },
      '2026-12-31',
    );
    expect(computeStatementTotals(result.entries)[0]?.net).toEqual(money('EUR', 296_00));
    expect(result.entries[0]?.explanation).toBe('20% of €20.00 subscription, tier 1–29 clients (29 paying clients in 2026-10)');
  });

  it('records each client’s €5.00 promo-code bonus as a programme cost against the partner, not as commission', () => {
    const { customers, lines } = clientsPaying(3, '2026-10');
    const result = computeCommissions({ plan: SEED_002_MESSAGE_HELP_REFERRAL, partner: partner(), customers: [...customers, customer('K99', '2026-09-02')], lines }, '2026-12-31');
    expect(result.costs.map((c) => [c.key, c.amount])).toEqual([
      ['K01:client_incentive', money('EUR', 5_00)],
      ['K02:client_incentive', money('EUR', 5_00)],
      ['K03:client_incentive', money('EUR', 5_00)],
    ]);
    expect(computeStatementTotals(result.entries)[0]?.net).toEqual(money('EUR', 12_00));
  });
});

describe('Scenario C — Message.Help integrator (seed 002)', () => {
  const crmClients: IntegratorClient[] = Array.from({ length: 10 }, (_, i) => ({ id: `crm-${i + 1}`, productLine: 'message_help_crm', since: '2026-03-10' }));
  const clients = [...crmClients, { id: 'alt-1', productLine: 'altegio', since: '2026-03-10' }, { id: 'alt-2', productLine: 'altegio', since: '2026-03-10' }];
  const registered = { id: 'I1', registeredOn: '2026-03-01' };

  it('a €500.00 top-up by invoice, then €216.00 + €19.50 + €19.50, leaves €245.00', () => {
    const events: IntegratorEvent[] = [
      { kind: 'top_up', id: 'e1', on: '2026-06-01', method: 'invoice', amount: money('EUR', 500_00) },
      { kind: 'client_charge', id: 'e2', on: '2026-06-02', clientId: 'crm-1', tariff: money('EUR', 432_00) },
      { kind: 'client_charge', id: 'e3', on: '2026-06-02', clientId: 'alt-1', tariff: money('EUR', 30_00) },
      { kind: 'client_charge', id: 'e4', on: '2026-06-02', clientId: 'alt-2', tariff: money('EUR', 30_00) },
    ];
    const statement = integratorStatement({ terms: SEED_002_MESSAGE_HELP_INTEGRATOR, partner: registered, clients, events }, '2026-06-30');
    const prepaid = statement.movements.filter((m) => m.account === 'prepaid');
    expect(prepaid.map((m) => [m.key, m.amount.minor, m.discountBps, m.balanceAfter.minor])).toEqual([
      ['e1:top_up', 500_00, null, 500_00],
      ['e2:charge', -216_00, 5000, 284_00],
      ['e3:charge', -19_50, 3500, 264_50],
      ['e4:charge', -19_50, 3500, 245_00],
    ]);
    expect(statement.prepaidBalance).toEqual(money('EUR', 245_00));
    expect(statement.problems).toEqual([]);
    expect(prepaid[1]?.explanation).toBe("Client 'crm-1' (message_help_crm): €432.00 less 50% partner discount (10+ clients, 10 active clients) of €216.00 = €216.00");
  });

  it('the welcome bonus is usable until 2026-04-30 inclusive and what is unused expires on 2026-05-01', () => {
    expect(welcomeBonusWindow('2026-03-01', 60)).toEqual({ usableFrom: '2026-03-01', usableUntil: '2026-04-30', expiresOn: '2026-05-01' });
  });

  it.each([
    ['2026-04-30', 'used', 36_00, 500_00 - 36_00],
    ['2026-05-01', 'expired', 0, 0],
  ])('a new client’s first month charged on %s: bonus %s', (on, outcome, fromBonus, bonusAfterCharge) => {
    const newClient = { id: 'new-1', productLine: 'message_help_crm', since: '2026-04-20' };
    const events: IntegratorEvent[] = [
      { kind: 'top_up', id: 'e1', on: '2026-04-01', method: 'card', amount: money('EUR', 100_00) },
      { kind: 'client_charge', id: 'e2', on, clientId: 'new-1', tariff: money('EUR', 36_00), useWelcomeBonus: true },
    ];
    const statement = integratorStatement({ terms: SEED_002_MESSAGE_HELP_INTEGRATOR, partner: registered, clients: [...clients, newClient], events }, '2026-06-30');
    const used = statement.movements.find((m) => m.kind === 'bonus_used');
    expect((used?.amount.minor ?? 0) + fromBonus).toBe(0);
    if (outcome === 'used') {
      // The bonus pays the first month at the undiscounted tariff; nothing is charged to the balance.
      expect(statement.prepaidBalance).toEqual(money('EUR', 100_00));
      expect(used?.balanceAfter).toEqual(money('EUR', bonusAfterCharge));
      expect(statement.movements.find((m) => m.kind === 'bonus_expired')).toMatchObject({ on: '2026-05-01', amount: money('EUR', -464_00) });
    } else {
      expect(statement.problems).toEqual([
        { eventId: 'e2', severity: 'warning', message: 'Welcome bonus not applied: the welcome bonus could be used through 2026-04-30 and expired on 2026-05-01; charged to the prepaid balance' },
      ]);
      expect(statement.movements.find((m) => m.kind === 'bonus_expired')).toMatchObject({ on: '2026-05-01', amount: money('EUR', -500_00) });
      // 11 active CRM clients → 50%: €36.00 − €18.00.
      expect(statement.prepaidBalance).toEqual(money('EUR', 82_00));
    }
    expect(statement.bonusBalance).toEqual(money('EUR', 0));
  });
});
