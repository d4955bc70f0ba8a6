import type * as contract from '../../../src-shared/commissions/contract';
import type { HandlersFor } from '../router';

export const commissionsHandlers: HandlersFor<typeof contract> = {};
