import { CONTENT_SECURITY_POLICY } from '../../src-shared/security';

/**
 * The Electron window's security settings, kept free of any `electron` import so a test
 * can read them under Node and fail when one is loosened.
 */
export const webPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  // A middle click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
  disableBlinkFeatures: 'Auxclick',
  spellcheck: true,
} as const;

export const windowDefaults = { width: 1280, height: 820, minWidth: 960, minHeight: 600, show: false, title: 'Partnerdesk' } as const;

export const contentSecurityPolicy = CONTENT_SECURITY_POLICY;

/** The IPC channel the preload uses; every call still names a contract channel inside it. */
export const INVOKE_CHANNEL = 'partnerdesk:invoke';

/**
 * Only the app's own page may call the core: the packaged renderer (file://…/out/renderer)
 * or, in development, the electron-vite dev server on localhost.
 */
export function isTrustedSenderUrl(url: string, rendererFileUrl: string, devServerUrl?: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return url.split(/[?#]/)[0] === rendererFileUrl;
    if (devServerUrl) return u.origin === new URL(devServerUrl).origin;
    return false;
  } catch {
    return false;
  }
}
