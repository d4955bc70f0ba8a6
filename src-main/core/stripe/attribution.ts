import { randomUUID } from 'node:crypto';
import { fail } from '../../../src-shared/rpc/errors';
import type { RuleKind } from '../../../src-shared/stripe/rules';
import { matchRule } from '../../../src-shared/stripe/rules';
import { audit, inTransaction, type StripeOp } from './op';
import { attributionOf, loadRules } from './store';

interface RuleRow { id: string; kind: RuleKind; pattern: string; partnerId: string; partnerCompany: string; createdAt: string }

const RULES_SQL = `SELECT r.id, r.kind, r.pattern, r.partner_id AS partnerId, p.company AS partnerCompany, r.created_at AS createdAt
  FROM attribution_rules r JOIN partners p ON p.id = r.partner_id`;

export const listRules = (op: StripeOp): RuleRow[] => op.session.open.sqlite.prepare(`${RULES_SQL} ORDER BY r.created_at, r.id`).all() as RuleRow[];

function requirePartner(op: StripeOp, partnerId: string): void {
  if (!op.session.open.sqlite.prepare('SELECT 1 FROM partners WHERE id = ?').get(partnerId)) fail('validation', 'Choose a partner from the list.', { fieldErrors: { partnerId: 'This partner no longer exists' } });
}

/**
 * Applies the rules to customers pulled from Stripe and not yet attributed. Metadata rules
 * need the Stripe metadata, which is not kept locally: they apply at the next sync. Codes
 * (kept as promo_code) and e-mail domains apply at once.
 */
function applyRules(op: StripeOp): number {
  const sqlite = op.session.open.sqlite;
  const rules = loadRules(sqlite);
  const rows = sqlite.prepare("SELECT id, email, promo_code FROM customers WHERE partner_id IS NULL AND external_ref LIKE 'cus\\_%' ESCAPE '\\'").all() as { id: string; email: string; promo_code: string | null }[];
  const set = sqlite.prepare('UPDATE customers SET partner_id = ?, attribution = ? WHERE id = ? AND partner_id IS NULL');
  let n = 0;
  for (const c of rows) {
    const rule = matchRule(rules, { email: c.email, metadata: {}, promotionCode: c.promo_code, coupon: null });
    if (rule) n += set.run(rule.partnerId, attributionOf[rule.kind], c.id).changes;
  }
  return n;
}

export function addRule(op: StripeOp, input: { kind: RuleKind; pattern: string; partnerId: string }): { rule: RuleRow; attributed: number } {
  requirePartner(op, input.partnerId);
  const pattern = input.kind === 'email_domain' ? input.pattern.toLowerCase().replace(/^@/, '') : input.pattern;
  if (input.kind === 'metadata' && !/^[^=\s]+=.+$/.test(pattern)) fail('validation', 'A metadata rule reads key=value, e.g. partner_ref=acme.', { fieldErrors: { pattern: 'Write key=value, e.g. partner_ref=acme' } });
  if (input.kind === 'email_domain' && !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(pattern)) fail('validation', 'Give a domain like example.com.', { fieldErrors: { pattern: 'Give a domain like example.com' } });
  const sqlite = op.session.open.sqlite;
  if (sqlite.prepare('SELECT 1 FROM attribution_rules WHERE kind = ? AND pattern = ?').get(input.kind, pattern)) fail('conflict', 'A rule for this already exists.', { fieldErrors: { pattern: 'Already a rule' } });
  const id = randomUUID();
  return inTransaction(op, () => {
    sqlite.prepare('INSERT INTO attribution_rules (id, kind, pattern, partner_id, created_at) VALUES (?, ?, ?, ?, ?)').run(id, input.kind, pattern, input.partnerId, op.now.toISOString());
    const attributed = applyRules(op);
    audit(op, 'stripe.rule.add', 'attribution_rules', id, { kind: input.kind, pattern, partnerId: input.partnerId, attributed });
    return { rule: sqlite.prepare(`${RULES_SQL} WHERE r.id = ?`).get(id) as RuleRow, attributed };
  });
}

export function removeRule(op: StripeOp, id: string): { removed: boolean } {
  return inTransaction(op, () => {
    const n = op.session.open.sqlite.prepare('DELETE FROM attribution_rules WHERE id = ?').run(id).changes;
    if (n) audit(op, 'stripe.rule.remove', 'attribution_rules', id, {});
    return { removed: n > 0 };
  });
}

export function unattributed(op: StripeOp, limit: number) {
  const sqlite = op.session.open.sqlite;
  const where = "partner_id IS NULL AND external_ref LIKE 'cus\\_%' ESCAPE '\\'";
  const rows = sqlite.prepare(`SELECT id, external_ref AS externalRef, name, email, sign_up_on AS signUpOn FROM customers WHERE ${where} ORDER BY sign_up_on DESC, id LIMIT ?`).all(limit) as { id: string; externalRef: string; name: string; email: string; signUpOn: string }[];
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM customers WHERE ${where}`).get() as { n: number }).n;
  return { rows, total };
}

/** By hand, from the list of unattributed customers. */
export function attribute(op: StripeOp, input: { customerId: string; partnerId: string }) {
  requirePartner(op, input.partnerId);
  return inTransaction(op, () => {
    const sqlite = op.session.open.sqlite;
    const before = sqlite.prepare('SELECT partner_id FROM customers WHERE id = ?').get(input.customerId) as { partner_id: string | null } | undefined;
    if (!before) fail('not_found', 'This customer no longer exists. Reload the list.');
    sqlite.prepare("UPDATE customers SET partner_id = ?, attribution = coalesce(attribution, 'warm_intro') WHERE id = ?").run(input.partnerId, input.customerId);
    audit(op, 'stripe.customer.attribute', 'customers', input.customerId, { before: before!.partner_id, after: input.partnerId });
    return input;
  });
}

export function stripeCustomers(op: StripeOp, limit: number) {
  const sqlite = op.session.open.sqlite;
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.external_ref AS externalRef, c.name, c.email, p.company AS partnerCompany,
         (SELECT count(*) FROM revenue_lines l WHERE l.customer_id = c.id) AS lines
       FROM customers c LEFT JOIN partners p ON p.id = c.partner_id
       WHERE c.external_ref LIKE 'cus\\_%' ESCAPE '\\' ORDER BY c.sign_up_on DESC, c.id LIMIT ?`,
    )
    .all(limit) as { id: string; externalRef: string; name: string; email: string; partnerCompany: string | null; lines: number }[];
  const total = (sqlite.prepare("SELECT count(*) AS n FROM customers WHERE external_ref LIKE 'cus\\_%' ESCAPE '\\'").get() as { n: number }).n;
  const revenueLines = (sqlite.prepare("SELECT count(*) AS n FROM revenue_lines WHERE source = 'stripe'").get() as { n: number }).n;
  return { rows, total, revenueLines };
}
