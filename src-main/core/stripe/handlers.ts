import type * as contract from '../../../src-shared/stripe/contract';
import type { HandlersFor } from '../router';

export const stripeHandlers: HandlersFor<typeof contract> = {};
