import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/log';
import type { KeyProtector } from '../../src-main/core/workspace/keyProtector';

/** A real core over a real encrypted workspace in a fresh temporary folder. */
export function tempCore(opts: { keyProtector?: KeyProtector; now?: () => Date; dir?: string } = {}) {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'partnerdesk-test-'));
  const core = createCore({ workspaceDir: dir, log: silentLogger, ...opts });
  return {
    dir,
    core,
    /** Calls a channel and returns its value, failing the test with the error message otherwise. */
    async call<T = any>(channel: string, input: unknown = {}): Promise<T> {
      const r = await core.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.kind}: ${r.error.message}`);
      return r.value as T;
    },
    cleanup() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TempCore = ReturnType<typeof tempCore> & { core: Core };

export const ADMIN = {
  workspaceName: 'Acme partnerships',
  displayName: 'Ada Admin',
  username: 'ada',
  passphrase: 'correct horse battery staple',
  confirmPassphrase: 'correct horse battery staple',
};
