import type * as contract from '../../../src-shared/referrals/contract';
import type { HandlersFor } from '../router';

export const referralsHandlers: HandlersFor<typeof contract> = {};
