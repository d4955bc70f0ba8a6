import type * as contract from '../../../src-shared/applications/contract';
import type { HandlersFor } from '../router';

export const applicationsHandlers: HandlersFor<typeof contract> = {};
