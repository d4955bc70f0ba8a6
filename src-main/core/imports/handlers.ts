import type * as contract from '../../../src-shared/imports/contract';
import type { HandlersFor } from '../router';

export const importsHandlers: HandlersFor<typeof contract> = {};
