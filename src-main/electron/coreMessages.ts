import type { Result } from '../../src-shared/rpc/errors';

/** Messages between the Electron main process and the utility process that runs the core. */
export type ToCore =
  | { type: 'invoke'; id: number; channel: string; input: unknown }
  | { type: 'keychain-reply'; id: number; ok: boolean; data?: string; backend?: string; available?: boolean };

export type FromCore =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'keychain'; id: number; op: 'encrypt' | 'decrypt' | 'probe'; data?: string }
  | { type: 'ready' };
