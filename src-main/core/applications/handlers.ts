import type * as contract from '../../../src-shared/applications/contract';
import type { HandlersFor } from '../router';
import { requireSession } from '../session';
import { approveApplication, defaultsFor, getApplication, listApplications, rejectApplication, submitApplication } from './service';

export const applicationsHandlers: HandlersFor<typeof contract> = {
  'applications.submit': (i, ctx) => submitApplication(ctx, requireSession(ctx), i),
  'applications.list': (i, ctx) => listApplications(requireSession(ctx), i),
  'applications.get': (i, ctx) => getApplication(requireSession(ctx), i.id),
  'applications.approvalDefaults': (i, ctx) => defaultsFor(ctx, requireSession(ctx), i.id),
  'applications.approve': (i, ctx) => approveApplication(ctx, requireSession(ctx), i),
  'applications.reject': (i, ctx) => rejectApplication(ctx, requireSession(ctx), i),
};
