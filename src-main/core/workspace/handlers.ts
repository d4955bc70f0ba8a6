import type * as contract from '../../../src-shared/workspace/contract';
import { seedDemo } from '../demo/seed';
import type { HandlersFor } from '../router';
import { requireSession } from '../session';
import { setAutoLockMinutes } from './autoLockSetting';
import * as ws from './service';

export const workspaceHandlers: HandlersFor<typeof contract> = {
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
    await ws.setKeychainUnlock(ctx, requireSession(ctx), i.enabled);
    return ws.getStatus(ctx);
  },
  'workspace.lock': async (i, ctx) => {
    ws.signOut(ctx, { reason: i.reason, by: 'window' });
    return ws.getStatus(ctx);
  },
  'workspace.setAutoLock': async (i, ctx) => {
    setAutoLockMinutes(ctx, requireSession(ctx), i.minutes);
    return ws.getStatus(ctx);
  },
  'workspace.info': (_i, ctx) => ws.workspaceInfo(requireSession(ctx)),
};
