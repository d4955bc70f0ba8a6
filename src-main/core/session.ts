import { fail } from '../../src-shared/rpc/errors';
import type { CoreContext, Session } from './context';

/** The unlocked session; the router already refuses locked calls, this narrows the type. */
export const requireSession = (ctx: CoreContext): Session => ctx.session ?? fail('locked', 'The workspace is locked. Unlock it to continue.');
