import type * as contract from '../../../src-shared/partners/contract';
import type { HandlersFor } from '../router';
import { requireSession } from '../session';
import { listPartners } from './service';

export const partnersHandlers: HandlersFor<typeof contract> = {
  'partners.list': (i, ctx) => listPartners(requireSession(ctx), i),
};
