import type { Result } from '../../src-shared/rpc/errors';

/** What the Electron preload exposes on window.partnerdesk (see src-main/electron/preload.ts). */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  host: 'electron';
}

declare global {
  interface Window {
    partnerdesk?: PreloadBridge;
  }
}

const TOKEN_KEY = 'partnerdesk.token';

/** The browser host hands the page a session token in the URL; keep it, then hide it. */
function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;

function httpInvoke(): Invoke {
  const token = browserToken();
  return async (channel, input) => {
    try {
      const res = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-partnerdesk-token': token },
        body: JSON.stringify(input ?? {}),
      });
      if (!res.ok) return { ok: false, error: { kind: 'forbidden', message: `The app host refused the call (${res.status}: ${await res.text()}).` } };
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { kind: 'internal', message: 'The app host is not answering. Is Partnerdesk still running?' } };
    }
  };
}

export const invoke: Invoke = window.partnerdesk ? (c, i) => window.partnerdesk!.invoke(c, i) : httpInvoke();
export const hostKind: 'electron' | 'browser' = window.partnerdesk ? 'electron' : 'browser';
