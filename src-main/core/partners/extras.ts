import type { z } from 'zod';
import { isCurrencyCode } from '../../../src-shared/money/currency';
import { MoneyParseError, parseDecimalToMinor } from '../../../src-shared/money/parse';
import type { addExtra, removeExtra } from '../../../src-shared/partners/contract';
import type { PartnerDetail } from '../../../src-shared/partners/schemas';
import { audit, failOnProblems, inTransaction, newId, notFound, type PartnerOp } from './op';
import { readDetail, requireRecord } from './repo';

type Detail = z.input<typeof PartnerDetail>;

/** Seed 000, Appendix A: an optional paid extra and its agreed cost (minor units + currency). */
export function addPartnerExtra(op: PartnerOp, input: z.output<typeof addExtra.input>): Detail {
  const { sqlite } = op.session.open;
  const problems: Record<string, string> = {};
  let costMinor = 0;
  if (!isCurrencyCode(input.currency)) problems.currency = `${input.currency} is not a currency code we know; use e.g. GBP, EUR or USD`;
  else {
    try {
      costMinor = parseDecimalToMinor(input.cost, input.currency);
      if (costMinor < 0) problems.cost = 'An agreed cost cannot be negative';
    } catch (e) {
      if (!(e instanceof MoneyParseError)) throw e;
      problems.cost = e.message;
    }
  }
  if (input.agreedOn > op.today) problems.agreedOn = 'An extra cannot be agreed in the future';
  failOnProblems(problems, 'The extra');
  return inTransaction(op, () => {
    requireRecord(sqlite, input.partnerId);
    const id = newId();
    sqlite
      .prepare('INSERT INTO partner_extras (id, partner_id, description, cost_minor, currency, billing, agreed_on) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.partnerId, input.description, costMinor, input.currency, input.billing, input.agreedOn);
    audit(op, 'partner.extra_add', 'partner', input.partnerId, {
      extraId: id,
      extra: { description: input.description, costMinor, currency: input.currency, billing: input.billing, agreedOn: input.agreedOn },
    });
    return readDetail(sqlite, input.partnerId);
  });
}

export function removePartnerExtra(op: PartnerOp, input: z.output<typeof removeExtra.input>): Detail {
  const { sqlite } = op.session.open;
  return inTransaction(op, () => {
    const before = sqlite
      .prepare('SELECT partner_id AS partnerId, description, cost_minor AS costMinor, currency, billing, agreed_on AS agreedOn FROM partner_extras WHERE id = ?')
      .get(input.id) as { partnerId: string } | undefined;
    if (!before) return notFound('This extra');
    sqlite.prepare('DELETE FROM partner_extras WHERE id = ?').run(input.id);
    const { partnerId, ...extra } = before;
    audit(op, 'partner.extra_remove', 'partner', partnerId, { extraId: input.id, extra });
    return readDetail(sqlite, partnerId);
  });
}
