import { fail } from '../../src-shared/rpc/errors';
import type { CoreContext } from './context';
import { listPartners } from './partners/service';
import type { Handlers } from './router';
import { seedDemo } from './demo/seed';
import * as ws from './workspace/service';

const session = (ctx: CoreContext) => ctx.session ?? fail('locked', 'The workspace is locked. Unlock it to continue.');

/** The handler of every channel. Each delegates to its domain's service. */
export const handlers: Handlers = {
  'workspace.status': (_i, ctx) => ws.getStatus(ctx),
  'workspace.create': async (i, ctx) => {
    const { recoveryCode } = await ws.createWorkspace(ctx, { ...i, demo: false });
    await ws.unlockWithPassphrase(ctx, i.username, i.passphrase);
    return { recoveryCode, status: await ws.getStatus(ctx) };
  },
  'workspace.createDemo': async (_i, ctx) => {
    await ws.createWorkspace(ctx, {
      workspaceName: 'Partnerdesk demo',
      displayName: 'Demo admin',
      username: ws.DEMO_USERNAME,
      passphrase: ws.DEMO_PASSPHRASE,
      demo: true,
      fill: (open) => seedDemo(open, ctx.now()),
    });
    await ws.unlockWithPassphrase(ctx, ws.DEMO_USERNAME, ws.DEMO_PASSPHRASE);
    return ws.getStatus(ctx);
  },
  'workspace.unlock': async (i, ctx) => {
    await ws.unlockWithPassphrase(ctx, i.username, i.passphrase);
    return ws.getStatus(ctx);
  },
  'workspace.unlockWithRecoveryCode': async (i, ctx) => {
    await ws.unlockWithRecovery(ctx, i.username, i.recoveryCode, i.newPassphrase);
    return ws.getStatus(ctx);
  },
  'workspace.unlockWithKeychain': async (_i, ctx) => {
    await ws.unlockWithKeychain(ctx);
    return ws.getStatus(ctx);
  },
  'workspace.setKeychainUnlock': async (i, ctx) => {
    await ws.setKeychainUnlock(ctx, session(ctx), i.enabled);
    return ws.getStatus(ctx);
  },
  'workspace.lock': async (_i, ctx) => {
    ws.closeSession(ctx);
    return ws.getStatus(ctx);
  },
  'workspace.info': (_i, ctx) => ws.workspaceInfo(session(ctx)),
  'partners.list': (i, ctx) => listPartners(session(ctx), i),
};
