import type * as contract from '../../../src-shared/audit/contract';
import type { HandlersFor } from '../router';
import { requireSession } from '../session';
import { auditFacets, listAudit } from './list';
import { verifyAuditChain } from './verify';

export const auditHandlers: HandlersFor<typeof contract> = {
  'audit.list': (i, ctx) => listAudit(requireSession(ctx).open.sqlite, i),
  'audit.facets': (_i, ctx) => auditFacets(requireSession(ctx).open.sqlite),
  'audit.verify': (_i, ctx) => ({ ...verifyAuditChain(requireSession(ctx).open.sqlite), checkedAt: ctx.now().toISOString() }),
};
