import { agreementsHandlers } from './agreements/handlers';
import { applicationsHandlers } from './applications/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backup/handlers';
import { commissionsHandlers } from './commissions/handlers';
import { draftsHandlers } from './drafts/handlers';
import { importsHandlers } from './imports/handlers';
import { partnersHandlers } from './partners/handlers';
import { payoutsHandlers } from './payouts/handlers';
import { referralsHandlers } from './referrals/handlers';
import { reportsHandlers } from './reports/handlers';
import { stripeHandlers } from './stripe/handlers';
import type { Handlers } from './router';
import { workspaceHandlers } from './workspace/handlers';
import { usersHandlers } from './workspace/usersHandlers';

/** Every channel's handler, gathered from the domains; the type demands one per channel. */
export const handlers: Handlers = {
  ...workspaceHandlers,
  ...usersHandlers,
  ...partnersHandlers,
  ...applicationsHandlers,
  ...agreementsHandlers,
  ...referralsHandlers,
  ...importsHandlers,
  ...commissionsHandlers,
  ...stripeHandlers,
  ...draftsHandlers,
  ...payoutsHandlers,
  ...reportsHandlers,
  ...auditHandlers,
  ...backupHandlers,
};
