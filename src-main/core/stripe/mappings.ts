import { fail } from '../../../src-shared/rpc/errors';
import type { RevenueCategory } from '../../../src-shared/stripe/rules';
import { audit, inTransaction, type StripeOp } from './op';

export function listMappings(op: StripeOp) {
  const sqlite = op.session.open.sqlite;
  // One pass over the lines (product_id has no index), not one per product.
  const counts = new Map<string, number>();
  for (const r of sqlite.prepare("SELECT product_id AS id, count(*) AS n FROM revenue_lines WHERE source = 'stripe' AND product_id IS NOT NULL GROUP BY product_id").all() as { id: string; n: number }[]) counts.set(r.id, r.n);
  const rows = sqlite
    .prepare('SELECT stripe_id AS stripeId, kind, name, category, excluded FROM stripe_product_mappings ORDER BY name, stripe_id')
    .all() as { stripeId: string; kind: 'product' | 'price'; name: string; category: RevenueCategory | null; excluded: number }[];
  return rows.map((r) => ({ ...r, excluded: !!r.excluded, lines: counts.get(r.stripeId) ?? 0 }));
}

/**
 * A new category re-categorises the lines already pulled. Excluding a product keeps its
 * lines out of future syncs; lines already pulled stay (a refund may refer to them) and are
 * moved out at the next full sync.
 */
export function setMapping(op: StripeOp, input: { stripeId: string; category: RevenueCategory | null; excluded: boolean }) {
  const sqlite = op.session.open.sqlite;
  const before = sqlite.prepare('SELECT category, excluded FROM stripe_product_mappings WHERE stripe_id = ?').get(input.stripeId) as { category: string | null; excluded: number } | undefined;
  if (!before) fail('not_found', 'This product is not known yet. Run a sync first.');
  if (!input.excluded && !input.category) fail('validation', 'Choose a revenue category, or exclude the product.', { fieldErrors: { category: 'Choose a category' } });
  return inTransaction(op, () => {
    sqlite.prepare('UPDATE stripe_product_mappings SET category = ?, excluded = ?, updated_at = ? WHERE stripe_id = ?').run(input.category, input.excluded ? 1 : 0, op.now.toISOString(), input.stripeId);
    const linesUpdated = input.category
      ? sqlite.prepare("UPDATE revenue_lines SET category = ? WHERE source = 'stripe' AND (product_id = ? OR price_id = ?) AND category <> ?").run(input.category, input.stripeId, input.stripeId, input.category).changes
      : 0;
    audit(op, 'stripe.mapping.set', 'stripe_product_mappings', input.stripeId, { before, after: input, linesUpdated });
    return { linesUpdated };
  });
}
