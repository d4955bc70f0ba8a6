/**
 * The OS keychain, as the core sees it. Electron's shell supplies one backed by
 * safeStorage; everywhere else (browser host, CLI, tests) there is none. Linux's
 * `basic_text` backend encrypts with a hard-coded password, so it counts as unavailable.
 */
export interface KeyProtector {
  backend(): Promise<string>;
  isAvailable(): Promise<boolean>;
  encrypt(plain: Buffer): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<Buffer>;
}

export const noKeyProtector: KeyProtector = {
  backend: async () => 'none',
  isAvailable: async () => false,
  encrypt: async () => {
    throw new Error('No OS keychain is available here.');
  },
  decrypt: async () => {
    throw new Error('No OS keychain is available here.');
  },
};

/** Backends that give no protection beyond the file system's (Signal Desktop treats them alike). */
export const UNPROTECTED_BACKENDS = new Set(['basic_text', 'unknown', 'none']);
