import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type * as contract from '../../../src-shared/commissions/contract';
import { integratorStatement, welcomeBonusWindow, type BalanceMovement, type IntegratorEvent, type IntegratorStatement } from '../../../src-shared/commissions/integrator';
import type { IntegratorPlan } from '../../../src-shared/commissions/integratorPlan';
import { isIntegratorPlan } from '../../../src-shared/commissions/planBody';
import { describeMoney } from '../../../src-shared/commissions/explain';
import { money } from '../../../src-shared/money/money';
import type { CurrencyCode } from '../../../src-shared/money/currency';
import { fail } from '../../../src-shared/rpc/errors';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import type { Sqlite } from '../../db/open';
import { normalizeProductLine } from './partnerFacts';
import { versionInForce } from './plans';

// Seed 002's integrator balance, kept as append-only movements: top-ups are recorded as
// they happen; client charges, welcome-bonus use and expiry are written by the period
// run from the integrator's clients' revenue (tariff − partner discount, §1.2).

type MovementRow = z.input<typeof contract.MovementSchema>;
type Kind = MovementRow['kind'];

const KIND_OF: Record<BalanceMovement['kind'], Kind> = {
  top_up: 'top_up_card',
  client_charge: 'charge',
  bonus_granted: 'bonus_grant',
  bonus_used: 'bonus_use',
  bonus_expired: 'bonus_expiry',
};

/** Same-day order of the engine: bonus grant / expiry, then top-ups, then charges. */
const RANK_SQL = `CASE m.kind WHEN 'bonus_grant' THEN 0 WHEN 'bonus_expiry' THEN 0 WHEN 'top_up_card' THEN 1 WHEN 'top_up_invoice' THEN 1 ELSE 2 END`;

type IntegratorPartner = { id: string; registeredOn: string };

/** The engine's statement of an integrator as of `today`, from its clients, their payments and the recorded top-ups. */
export function computeIntegrator(sqlite: Sqlite, partner: IntegratorPartner, plan: IntegratorPlan, today: string): IntegratorStatement {
  const clients = (sqlite
    .prepare('SELECT id, name, product_line AS productLine, sign_up_on AS since, cancelled_on AS until FROM customers WHERE partner_id = ? ORDER BY id')
    .all(partner.id) as { id: string; name: string; productLine: string; since: string; until: string | null }[]);
  const topUps = sqlite
    .prepare(
      `SELECT key, occurred_on AS on_, kind, currency, amount_minor AS amountMinor FROM integrator_movements
       WHERE partner_id = ? AND kind IN ('top_up_card', 'top_up_invoice') AND occurred_on <= ?`,
    )
    .all(partner.id, today) as { key: string; on_: string; kind: Kind; currency: string; amountMinor: number }[];
  const lines = sqlite
    .prepare(
      `SELECT l.id, l.customer_id AS customerId, l.paid_on AS paidOn, l.currency, l.gross_minor - l.discount_minor AS tariffMinor
       FROM revenue_lines l JOIN customers c ON c.id = l.customer_id
       WHERE c.partner_id = ? AND l.kind = 'payment' AND l.paid_on <= ? ORDER BY l.paid_on, l.id`,
    )
    .all(partner.id, today) as { id: string; customerId: string; paidOn: string; currency: string; tariffMinor: number }[];
  const since = new Map(clients.map((c) => [c.id, c.since]));
  const charged = new Set<string>();
  const window = plan.terms.welcomeBonus ? welcomeBonusWindow(partner.registeredOn, plan.terms.welcomeBonus.usableForDays) : null;
  const events: IntegratorEvent[] = [
    ...topUps.map((t): IntegratorEvent => ({ kind: 'top_up', id: t.key, on: t.on_, method: t.kind === 'top_up_card' ? 'card' : 'invoice', amount: money(t.currency as CurrencyCode, t.amountMinor) })),
    ...lines.map((l): IntegratorEvent => {
      // §1.3: the bonus pays a new client's first month; ask for it only where it can apply.
      const first = !charged.has(l.customerId);
      charged.add(l.customerId);
      const isNew = (since.get(l.customerId) ?? '') >= partner.registeredOn;
      const inWindow = window !== null && l.paidOn <= window.usableUntil;
      return { kind: 'client_charge', id: l.id, on: l.paidOn, clientId: l.customerId, tariff: money(l.currency as CurrencyCode, l.tariffMinor), useWelcomeBonus: first && isNew && inWindow };
    }),
  ];
  const t = plan.terms;
  const terms = {
    ...t,
    tieredLines: t.tieredLines.map(normalizeProductLine),
    fixedLines: t.fixedLines.map((f) => ({ ...f, productLine: normalizeProductLine(f.productLine) })),
  };
  const statement = integratorStatement({ terms, partner, clients: clients.map((c) => ({ id: c.id, productLine: normalizeProductLine(c.productLine), since: c.since, until: c.until })), events }, today);
  // Explanations name clients by name, not by their internal id.
  const names = new Map(clients.map((c) => [c.id, c.name]));
  const named = (text: string, clientId: string | null) => (clientId && names.has(clientId) ? text.split(`'${clientId}'`).join(names.get(clientId)!) : text);
  return {
    ...statement,
    movements: statement.movements.map((m) => ({ ...m, explanation: named(m.explanation, m.clientId) })),
    problems: statement.problems.map((p) => {
      const clientId = lines.find((l) => l.id === p.eventId)?.customerId ?? null;
      return { ...p, message: named(p.message, clientId) };
    }),
  };
}

/** Movements of the statement dated from..to that the ledger of movements does not hold yet (top-ups are recorded on their own). */
export function movementsToWrite(partnerId: string, statement: IntegratorStatement, from: string, to: string) {
  return statement.movements
    .filter((m) => m.kind !== 'top_up' && m.on >= from && m.on <= to)
    .map((m) => ({
      key: m.eventId === null ? `${partnerId}:${m.key}` : m.key,
      customerId: m.clientId,
      occurredOn: m.on,
      kind: KIND_OF[m.kind],
      account: m.account,
      currency: m.amount.currency,
      amountMinor: m.amount.minor,
      explanation: m.explanation,
    }));
}

export function integratorBalance(sqlite: Sqlite, partnerId: string, range?: { from: string; to: string }): z.input<typeof contract.IntegratorBalanceSchema> {
  const partner = sqlite.prepare('SELECT id, registered_on AS registeredOn, plan_id AS planId, format FROM partners WHERE id = ?').get(partnerId) as
    | { id: string; registeredOn: string; planId: string | null; format: string }
    | undefined;
  if (!partner) return fail('not_found', 'This partner does not exist (any more).');
  const rows = sqlite
    .prepare(
      `SELECT m.id, m.key, m.occurred_on AS occurredOn, m.kind, m.account, m.currency, m.amount_minor AS amountMinor, m.customer_id AS customerId,
              c.name AS customerName, m.reference, m.explanation
       FROM integrator_movements m LEFT JOIN customers c ON c.id = m.customer_id
       WHERE m.partner_id = ? ORDER BY m.occurred_on, ${RANK_SQL}, m.key`,
    )
    .all(partnerId) as Omit<MovementRow, 'balanceAfterMinor'>[];
  const balance = { prepaid: 0, welcome_bonus: 0 };
  const movements: MovementRow[] = rows.map((r) => {
    balance[r.account] += r.amountMinor;
    return { ...r, balanceAfterMinor: balance[r.account] };
  });
  const plan = partner.planId ? versionInForce(sqlite, partner.planId, '9999-12-31') : null;
  const terms = plan && isIntegratorPlan(plan.body) ? plan.body.terms : null;
  const bonus = terms?.welcomeBonus ?? null;
  const inRange = range ? movements.filter((m) => m.occurredOn >= range.from && m.occurredOn <= range.to) : movements;
  const last = (account: 'prepaid' | 'welcome_bonus') => {
    const upTo = range ? movements.filter((m) => m.occurredOn <= range.to) : movements;
    return [...upTo].reverse().find((m) => m.account === account)?.balanceAfterMinor ?? 0;
  };
  return {
    partnerId,
    currency: terms?.currency ?? rows[0]?.currency ?? null,
    movements: inRange,
    prepaidBalanceMinor: last('prepaid'),
    bonusBalanceMinor: last('welcome_bonus'),
    bonusWindow: bonus ? welcomeBonusWindow(partner.registeredOn, bonus.usableForDays) : null,
  };
}

export function recordTopUp(session: Session, input: z.output<typeof contract.recordTopUp.input>, nowIso: string): z.input<typeof contract.recordTopUp.output> {
  const { sqlite, db } = session.open;
  return sqlite.transaction(() => {
    const partner = sqlite.prepare('SELECT id, company, format, plan_id AS planId FROM partners WHERE id = ?').get(input.partnerId) as
      | { id: string; company: string; format: string; planId: string | null }
      | undefined;
    if (!partner) return fail('not_found', 'This partner does not exist (any more).', { fieldErrors: { partnerId: 'Unknown partner' } });
    if (partner.format !== 'integrator') {
      fail('validation', `${partner.company} is not an integrator: only integrators keep a prepaid balance (seed 002 §1.7).`, { fieldErrors: { partnerId: 'Choose an integrator' } });
    }
    const plan = partner.planId ? versionInForce(sqlite, partner.planId, input.occurredOn) : null;
    const currency = plan && isIntegratorPlan(plan.body) ? plan.body.terms.currency : null;
    if (currency && currency !== input.currency) {
      fail('validation', `${partner.company}'s balance is kept in ${currency}; a top-up in ${input.currency} cannot be added to it.`, { fieldErrors: { currency: `Top up in ${currency}` } });
    }
    const key = `top_up:${randomUUID()}`;
    const kind: Kind = input.method === 'card' ? 'top_up_card' : 'top_up_invoice';
    const amount = money(input.currency as CurrencyCode, input.amountMinor);
    const explanation = `Top-up of ${describeMoney(amount)} by ${input.method}${input.reference ? ` (${input.reference})` : ''}`;
    sqlite
      .prepare(
        `INSERT INTO integrator_movements (key, partner_id, customer_id, occurred_on, kind, account, currency, amount_minor, reference, explanation, created_at, created_by)
         VALUES (?, ?, NULL, ?, ?, 'prepaid', ?, ?, ?, ?, ?, ?)`,
      )
      .run(key, partner.id, input.occurredOn, kind, input.currency, input.amountMinor, input.reference, explanation, nowIso, session.user.id);
    recordAudit(db, {
      at: nowIso,
      userId: session.user.id,
      action: 'commissions.top_up',
      entity: 'partner',
      entityId: partner.id,
      detail: { key, method: input.method, amountMinor: input.amountMinor, currency: input.currency, occurredOn: input.occurredOn, reference: input.reference },
    });
    const view = integratorBalance(sqlite, partner.id);
    const movement = view.movements.find((m) => m.key === key)!;
    return { movement, prepaidBalanceMinor: view.prepaidBalanceMinor };
  })();
}

