import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isTrustedSenderUrl, webPreferences } from '../../src-main/electron/windowConfig';

/** Fails when anyone loosens the Electron window's security settings. */
describe('the Electron shell configuration', () => {
  it('keeps the renderer isolated and sandboxed, without Node', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a strict Content-Security-Policy', () => {
    const directives = Object.fromEntries(contentSecurityPolicy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-src']).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(readFileSync('src-renderer/index.html', 'utf8')).toContain("script-src 'self'");
  });

  it('main denies navigation, new windows, webviews and permission requests, and checks the IPC sender', () => {
    const main = readFileSync('src-main/electron/main.ts', 'utf8');
    expect(main).toMatch(/will-navigate', \(e\) => e\.preventDefault\(\)/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(main).toMatch(/will-attach-webview', \(e\) => e\.preventDefault\(\)/);
    expect(main).toMatch(/setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/);
    expect(main).toMatch(/isTrustedSenderUrl\(url, rendererFileUrl, devServerUrl\)/);
    expect(main).toMatch(/webPreferences: \{ \.\.\.webPreferences, preload/);
  });

  it('the preload exposes only invoke over declared channel names', () => {
    const preload = readFileSync('src-main/electron/preload.ts', 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).toMatch(/allowed\.has\(channel\)/);
    expect(preload).not.toMatch(/ipcRenderer\.(send|on)\b/);
  });

  it('trusts only the packaged renderer file or the dev server origin', () => {
    const file = 'file:///app/out/renderer/index.html';
    expect(isTrustedSenderUrl(file, file)).toBe(true);
    expect(isTrustedSenderUrl(`${file}#/partners`, file)).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', file)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', file)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/x', file, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', file, 'http://localhost:5173')).toBe(false);
  });
});
