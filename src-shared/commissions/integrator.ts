import type { CurrencyCode } from '../money/currency';
import { add, minMoney, neg, sub, zero, type Money } from '../money/money';
import { percentOf } from '../money/rounding';
import { addDays, compareText, type Ymd } from './calendar';
import { describeMoney, describeRate } from './explain';

// Seed 002, integrator format: the integrator collects from its clients and pays
// Message.Help for each client "minus the partner discount" (§1.2), from a prepaid
// partner balance topped up by card or by invoice (§1.7). New partners get a €500
// welcome bonus (§1.3). All pure: the statement is a function of the events.

export type IntegratorTerms = {
  currency: CurrencyCode;
  /** Product lines discounted by the client-count tiers (Amo/Kommo/Bitrix/Message.Help CRM). */
  tieredLines: string[];
  /** Discount by the number of the integrator's active clients on the tiered lines. */
  tiers: { minClients: number; discountBps: number; label: string }[];
  /** Lines with a fixed discount whatever the count (Altegio: fixed 35%). */
  fixedLines: { productLine: string; discountBps: number; label: string }[];
  /**
   * §1.3: usable within `usableForDays` days of registration on a new client's first month,
   * at the undiscounted first-month tariff. `maxClients` 1 follows the seed ("one month of
   * a new user"); null lets the bonus be spread over several new clients' first months.
   */
  welcomeBonus: { amount: Money; usableForDays: number; maxClients: number | null } | null;
};

export type IntegratorClient = { id: string; productLine: string; since: Ymd; until?: Ymd | null };

export type IntegratorEvent =
  | { kind: 'top_up'; id: string; on: Ymd; method: 'card' | 'invoice'; amount: Money }
  | { kind: 'client_charge'; id: string; on: Ymd; clientId: string; tariff: Money; useWelcomeBonus?: boolean };

export type BalanceAccount = 'prepaid' | 'welcome_bonus';

export type BalanceMovement = {
  key: string;
  eventId: string | null;
  on: Ymd;
  account: BalanceAccount;
  kind: 'top_up' | 'client_charge' | 'bonus_granted' | 'bonus_used' | 'bonus_expired';
  clientId: string | null;
  method: 'card' | 'invoice' | null;
  tariff: Money | null;
  discountBps: number | null;
  /** Signed: credits positive, debits negative. */
  amount: Money;
  /** Running balance of `account` after this movement. */
  balanceAfter: Money;
  explanation: string;
};

export type IntegratorProblem = { eventId: string; severity: 'rejected' | 'warning'; message: string };

export type WelcomeBonusWindow = { usableFrom: Ymd; usableUntil: Ymd; expiresOn: Ymd };

export type IntegratorStatement = {
  movements: BalanceMovement[];
  prepaidBalance: Money;
  bonusBalance: Money;
  bonusWindow: WelcomeBonusWindow | null;
  problems: IntegratorProblem[];
};

/** Registered 2026-03-01 with 60 days → usable through 2026-04-30, expires 2026-05-01. */
export function welcomeBonusWindow(registeredOn: Ymd, usableForDays: number): WelcomeBonusWindow {
  return { usableFrom: registeredOn, usableUntil: addDays(registeredOn, usableForDays), expiresOn: addDays(registeredOn, usableForDays + 1) };
}

/** Active clients on the tiered lines on `on` — the count that sets the discount tier. */
export function activeTieredClients(terms: IntegratorTerms, clients: readonly IntegratorClient[], on: Ymd): number {
  return clients.filter((c) => terms.tieredLines.includes(c.productLine) && c.since <= on && (c.until == null || c.until > on)).length;
}

export function integratorDiscount(terms: IntegratorTerms, productLine: string, activeClients: number): { discountBps: number; label: string } | null {
  const fixed = terms.fixedLines.find((f) => f.productLine === productLine);
  if (fixed) return { discountBps: fixed.discountBps, label: fixed.label };
  if (!terms.tieredLines.includes(productLine)) return null;
  let tier = terms.tiers[0];
  for (const t of terms.tiers) if (Math.max(1, activeClients) >= t.minClients) tier = t;
  return tier ? { discountBps: tier.discountBps, label: tier.label } : null;
}

/** What the integrator pays for a client: tariff − discount, the discount rounded once half to even. */
export function clientCharge(tariff: Money, discountBps: number): { discount: Money; charge: Money } {
  const discount = percentOf(tariff, discountBps);
  return { discount, charge: sub(tariff, discount) };
}

type Step =
  | { rank: 0; on: Ymd; id: string; kind: 'bonus_granted' | 'bonus_expired' }
  | { rank: 1 | 2; on: Ymd; id: string; event: IntegratorEvent };

export function integratorStatement(
  input: { terms: IntegratorTerms; partner: { id: string; registeredOn: Ymd }; clients: readonly IntegratorClient[]; events: readonly IntegratorEvent[] },
  today: Ymd,
): IntegratorStatement {
  const { terms, partner } = input;
  const currency = terms.currency;
  const bonus = terms.welcomeBonus;
  const window = bonus ? welcomeBonusWindow(partner.registeredOn, bonus.usableForDays) : null;
  const clients = new Map(input.clients.map((c) => [c.id, c]));

  const steps: Step[] = input.events.map((event) => ({ rank: event.kind === 'top_up' ? 1 : 2, on: event.on, id: event.id, event }));
  if (bonus && window && partner.registeredOn <= today) {
    steps.push({ rank: 0, on: partner.registeredOn, id: 'welcome_bonus', kind: 'bonus_granted' });
    if (window.expiresOn <= today) steps.push({ rank: 0, on: window.expiresOn, id: 'welcome_bonus', kind: 'bonus_expired' });
  }
  steps.sort((a, b) => compareText(a.on, b.on) || a.rank - b.rank || compareText(a.id, b.id));

  let prepaid = zero(currency);
  let bonusLeft = zero(currency);
  let bonusClients = 0;
  const charged = new Set<string>();
  const movements: BalanceMovement[] = [];
  const problems: IntegratorProblem[] = [];

  const move = (m: Omit<BalanceMovement, 'balanceAfter'>) => {
    if (m.account === 'prepaid') prepaid = add(prepaid, m.amount);
    else bonusLeft = add(bonusLeft, m.amount);
    movements.push({ ...m, balanceAfter: m.account === 'prepaid' ? prepaid : bonusLeft });
  };
  const blank = { clientId: null, method: null, tariff: null, discountBps: null } as const;

  for (const step of steps) {
    if (step.rank === 0) {
      if (!bonus || !window) continue;
      if (step.kind === 'bonus_granted') {
        move({ ...blank, key: 'welcome_bonus:granted', eventId: null, on: step.on, account: 'welcome_bonus', kind: 'bonus_granted', amount: bonus.amount, explanation: `Welcome bonus of ${describeMoney(bonus.amount)} on registration, usable through ${window.usableUntil} on a new client's first month` });
      } else if (bonusLeft.minor > 0) {
        move({ ...blank, key: 'welcome_bonus:expired', eventId: null, on: step.on, account: 'welcome_bonus', kind: 'bonus_expired', amount: neg(bonusLeft), explanation: `Unused welcome bonus of ${describeMoney(bonusLeft)} expires on ${window.expiresOn}, ${bonus.usableForDays + 1} days after registration` });
      }
      continue;
    }
    const event = step.event;
    if (event.kind === 'top_up') {
      if (event.amount.currency !== currency || event.amount.minor <= 0) {
        problems.push({ eventId: event.id, severity: 'rejected', message: `A top-up must be a positive amount in ${currency}` });
        continue;
      }
      move({ ...blank, key: `${event.id}:top_up`, eventId: event.id, on: event.on, account: 'prepaid', kind: 'top_up', method: event.method, amount: event.amount, explanation: `Top-up of ${describeMoney(event.amount)} by ${event.method}` });
      continue;
    }

    const client = clients.get(event.clientId);
    if (!client) {
      problems.push({ eventId: event.id, severity: 'rejected', message: `Client '${event.clientId}' is not one of this integrator's clients` });
      continue;
    }
    if (event.tariff.currency !== currency || event.tariff.minor < 0) {
      problems.push({ eventId: event.id, severity: 'rejected', message: `The tariff must be an amount in ${currency}` });
      continue;
    }
    const count = activeTieredClients(terms, input.clients, event.on);
    const discount = integratorDiscount(terms, client.productLine, count);
    if (!discount) {
      problems.push({ eventId: event.id, severity: 'rejected', message: `Product line '${client.productLine}' has no integrator discount` });
      continue;
    }
    const firstCharge = !charged.has(client.id);

    // §1.3: the bonus pays one month of a new user at the undiscounted first-month tariff.
    let fromBonus = zero(currency);
    if (event.useWelcomeBonus) {
      const refusal = !bonus || !window
        ? 'this programme has no welcome bonus'
        : event.on > window.usableUntil
          ? `the welcome bonus could be used through ${window.usableUntil} and expired on ${window.expiresOn}`
          : event.on < partner.registeredOn
            ? 'the charge is before the partner registered'
            : client.since < partner.registeredOn
              ? `client '${client.id}' was a client before the partner registered, so is not new`
              : !firstCharge
                ? `this is not client '${client.id}''s first month`
                : bonus.maxClients !== null && bonusClients >= bonus.maxClients
                  ? `the welcome bonus has already been used for ${bonusClients} new client${bonusClients === 1 ? '' : 's'}`
                  : bonusLeft.minor <= 0
                    ? 'the welcome bonus is used up'
                    : null;
      if (refusal) problems.push({ eventId: event.id, severity: 'warning', message: `Welcome bonus not applied: ${refusal}; charged to the prepaid balance` });
      else fromBonus = minMoney(event.tariff, bonusLeft);
    }
    const uncovered = sub(event.tariff, fromBonus);
    const { discount: off, charge } = clientCharge(uncovered, discount.discountBps);
    if (charge.minor > prepaid.minor) {
      problems.push({ eventId: event.id, severity: 'rejected', message: `The charge of ${describeMoney(charge)} for client '${client.id}' exceeds the prepaid balance of ${describeMoney(prepaid)}; top up first` });
      continue;
    }
    charged.add(client.id);
    if (fromBonus.minor > 0) {
      bonusClients += 1;
      move({ key: `${event.id}:bonus_used`, eventId: event.id, on: event.on, account: 'welcome_bonus', kind: 'bonus_used', clientId: client.id, method: null, tariff: event.tariff, discountBps: 0, amount: neg(fromBonus), explanation: `Welcome bonus pays ${describeMoney(fromBonus)} of new client '${client.id}''s first month at the undiscounted tariff of ${describeMoney(event.tariff)}` });
    }
    if (uncovered.minor > 0) {
      const basis = count === 0 || terms.fixedLines.some((f) => f.productLine === client.productLine) ? discount.label : `${discount.label}, ${count} active clients`;
      move({ key: `${event.id}:charge`, eventId: event.id, on: event.on, account: 'prepaid', kind: 'client_charge', clientId: client.id, method: null, tariff: uncovered, discountBps: discount.discountBps, amount: neg(charge), explanation: `Client '${client.id}' (${client.productLine}): ${describeMoney(uncovered)} less ${describeRate(discount.discountBps)} partner discount (${basis}) of ${describeMoney(off)} = ${describeMoney(charge)}` });
    }
  }
  return { movements, prepaidBalance: prepaid, bonusBalance: bonusLeft, bonusWindow: window, problems };
}

