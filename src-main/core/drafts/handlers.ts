import type * as contract from '../../../src-shared/drafts/contract';
import type { HandlersFor } from '../router';

export const draftsHandlers: HandlersFor<typeof contract> = {};
