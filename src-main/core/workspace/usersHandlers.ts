import type * as contract from '../../../src-shared/workspace/usersContract';
import type { HandlersFor } from '../router';
import { requireSession } from '../session';
import * as users from './users';

export const usersHandlers: HandlersFor<typeof contract> = {
  'users.list': (_i, ctx) => users.listUsers(ctx, requireSession(ctx)),
  'users.add': (i, ctx) => users.addUser(ctx, requireSession(ctx), i),
  'users.setRole': (i, ctx) => users.setRole(ctx, requireSession(ctx), i.userId, i.role),
  'users.disable': (i, ctx) => users.disableUser(ctx, requireSession(ctx), i.userId),
  'users.enable': (i, ctx) => users.enableUser(ctx, requireSession(ctx), i.userId, i.passphrase),
  'users.resetPassphrase': (i, ctx) => users.resetPassphrase(ctx, requireSession(ctx), i.userId, i.passphrase),
  'users.changePassphrase': async (i, ctx) => {
    await users.changeOwnPassphrase(ctx, requireSession(ctx), i.currentPassphrase, i.passphrase);
    return { changed: true as const };
  },
};
