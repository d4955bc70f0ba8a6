import { createCore } from '../core';
import { fileLogger } from '../core/log';
import type { KeyProtector } from '../core/workspace/keyProtector';
import { warmUpKdf } from '../core/workspace/keyring';
import type { FromCore, ToCore } from './coreMessages';

/**
 * Runs the core in Electron's utility process, so a long import or sync never freezes the
 * window. safeStorage exists only in the main process, so keychain work is asked of it.
 */
const port = (process as unknown as { parentPort: { on(e: 'message', f: (m: { data: ToCore }) => void): void; postMessage(m: FromCore): void } }).parentPort;
const workspaceDir = process.env.PARTNERDESK_HOME!;

let seq = 0;
const pending = new Map<number, (reply: Extract<ToCore, { type: 'keychain-reply' }>) => void>();
function ask(op: 'encrypt' | 'decrypt' | 'probe', data?: Buffer) {
  const id = ++seq;
  return new Promise<Extract<ToCore, { type: 'keychain-reply' }>>((resolve) => {
    pending.set(id, resolve);
    port.postMessage({ type: 'keychain', id, op, data: data?.toString('base64') });
  });
}

const keyProtector: KeyProtector = {
  backend: async () => (await ask('probe')).backend ?? 'unknown',
  isAvailable: async () => (await ask('probe')).available === true,
  async encrypt(plain) {
    const r = await ask('encrypt', plain);
    if (!r.ok || !r.data) throw new Error('The OS keychain refused to encrypt.');
    return Buffer.from(r.data, 'base64');
  },
  async decrypt(sealed) {
    const r = await ask('decrypt', sealed);
    if (!r.ok || !r.data) throw new Error('The OS keychain refused to decrypt.');
    return Buffer.from(r.data, 'base64');
  },
};

const core = createCore({ workspaceDir, keyProtector, log: fileLogger(workspaceDir) });

port.on('message', async ({ data: msg }) => {
  if (msg.type === 'keychain-reply') {
    pending.get(msg.id)?.(msg);
    pending.delete(msg.id);
    return;
  }
  if (msg.type === 'invoke') {
    const result = await core.dispatch(msg.channel, msg.input);
    port.postMessage({ type: 'result', id: msg.id, result });
  }
});
void warmUpKdf();
port.postMessage({ type: 'ready' });
