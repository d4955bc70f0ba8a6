import type { AnyChannel } from './rpc/contract';
import * as partners from './partners/contract';
import * as workspace from './workspace/contract';

/**
 * Every channel the app has. The preload exposes exactly these names, the core registers a
 * handler for each, and a test fails when one is declared without a handler.
 */
export const channels = {
  workspaceStatus: workspace.status,
  workspaceCreate: workspace.create,
  workspaceCreateDemo: workspace.createDemo,
  workspaceUnlock: workspace.unlock,
  workspaceUnlockWithRecoveryCode: workspace.unlockWithRecoveryCode,
  workspaceUnlockWithKeychain: workspace.unlockWithKeychain,
  workspaceSetKeychainUnlock: workspace.setKeychainUnlock,
  workspaceLock: workspace.lock,
  workspaceInfo: workspace.info,
  partnersList: partners.list,
} as const satisfies Record<string, AnyChannel>;

export type Channels = typeof channels;
export type ChannelName = Channels[keyof Channels]['name'];
export const channelNames: readonly string[] = Object.values(channels).map((c) => c.name);
