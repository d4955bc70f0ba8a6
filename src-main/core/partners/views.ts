import type { z } from 'zod';
import { fail } from '../../../src-shared/rpc/errors';
import type { deleteView, saveView } from '../../../src-shared/partners/contract';
import { PartnerViewState, type SavedView } from '../../../src-shared/partners/listQuery';
import { audit, inTransaction, newId, type PartnerOp } from './op';

/** Saved views belong to the person who saved them; the table id keeps other lists' views apart. */
const TABLE_ID = 'partners';

export function listSavedViews(op: PartnerOp): SavedView[] {
  const rows = op.session.open.sqlite
    .prepare('SELECT id, name, state, created_at AS createdAt FROM saved_views WHERE user_id = ? AND table_id = ? ORDER BY name COLLATE NOCASE')
    .all(op.session.user.id, TABLE_ID) as Array<{ id: string; name: string; state: string; createdAt: string }>;
  // A view saved by an older version that no longer parses is skipped rather than breaking the list.
  return rows.flatMap((r) => {
    const state = PartnerViewState.safeParse(JSON.parse(r.state));
    return state.success ? [{ ...r, state: state.data }] : [];
  });
}

export function saveSavedView(op: PartnerOp, input: z.output<typeof saveView.input>): SavedView[] {
  const { sqlite } = op.session.open;
  inTransaction(op, () => {
    const existing = sqlite
      .prepare('SELECT id FROM saved_views WHERE user_id = ? AND table_id = ? AND name = ?')
      .pluck()
      .get(op.session.user.id, TABLE_ID, input.name) as string | undefined;
    const id = existing ?? newId();
    sqlite
      .prepare(
        `INSERT INTO saved_views (id, user_id, table_id, name, state, created_at) VALUES (@id, @userId, @tableId, @name, @state, @createdAt)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state`,
      )
      .run({ id, userId: op.session.user.id, tableId: TABLE_ID, name: input.name, state: JSON.stringify(input.state), createdAt: op.now.toISOString() });
    audit(op, existing ? 'saved_view.replace' : 'saved_view.save', 'saved_view', id, { table: TABLE_ID, name: input.name, state: input.state });
  });
  return listSavedViews(op);
}

export function deleteSavedView(op: PartnerOp, input: z.output<typeof deleteView.input>): SavedView[] {
  const { sqlite } = op.session.open;
  inTransaction(op, () => {
    const row = sqlite.prepare('SELECT name, user_id AS userId FROM saved_views WHERE id = ? AND table_id = ?').get(input.id, TABLE_ID) as
      | { name: string; userId: string }
      | undefined;
    // Another person's view is as good as absent: views are private to whoever saved them.
    if (!row || row.userId !== op.session.user.id) fail('not_found', 'This saved view no longer exists.');
    sqlite.prepare('DELETE FROM saved_views WHERE id = ?').run(input.id);
    audit(op, 'saved_view.delete', 'saved_view', input.id, { table: TABLE_ID, name: row!.name });
  });
  return listSavedViews(op);
}
