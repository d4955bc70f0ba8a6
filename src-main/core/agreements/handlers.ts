import type * as contract from '../../../src-shared/agreements/contract';
import type { HandlersFor } from '../router';

export const agreementsHandlers: HandlersFor<typeof contract> = {};
