import { describe, expect, it } from 'vitest';
import { channels, channelNames } from '../../src-shared/channels';
import { handlers } from '../../src-main/core/handlers';

describe('channel contracts', () => {
  it('every declared channel has exactly one handler, and every handler a declaration', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  it('channel names are unique and namespaced by domain', () => {
    expect(new Set(channelNames).size).toBe(channelNames.length);
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('only sign-in channels are reachable while locked', () => {
    const publicOnes = Object.values(channels).filter((c) => c.permission === 'public').map((c) => c.name).sort();
    expect(publicOnes).toEqual([
      // A restore replaces the open database, so it runs while locked; it needs an admin's passphrase.
      'backup.list',
      'backup.restore',
      'workspace.create',
      'workspace.createDemo',
      'workspace.status',
      'workspace.unlock',
      'workspace.unlockWithKeychain',
      'workspace.unlockWithRecoveryCode',
    ]);
  });
});
