import { app, BrowserWindow, ipcMain, safeStorage, session, utilityProcess, type UtilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { channelNames } from '../../src-shared/channels';
import type { Result } from '../../src-shared/rpc/errors';
import type { FromCore, ToCore } from './coreMessages';
import { contentSecurityPolicy, INVOKE_CHANNEL, isTrustedSenderUrl, webPreferences, windowDefaults } from './windowConfig';

/**
 * The Electron shell: one window, the preload, safeStorage, and the utility process that
 * hosts the core. Everything else lives in the core, which never imports electron.
 */
const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const rendererFileUrl = pathToFileURL(rendererFile).href;
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const allowed = new Set(channelNames);

function startCore(): UtilityProcess {
  const nativeBinding = join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node');
  const child = utilityProcess.fork(join(import.meta.dirname, 'core-process.js'), [], {
    serviceName: 'Partnerdesk core',
    env: {
      ...process.env,
      PARTNERDESK_HOME: process.env.PARTNERDESK_HOME ?? join(app.getPath('userData'), 'workspace'),
      ...(existsSync(nativeBinding) ? { PARTNERDESK_SQLITE_BINDING: nativeBinding } : {}),
    },
  });
  return child;
}

function keychainBackend(): string {
  // Linux's basic_text backend uses a hard-coded password: no protection, treat as none.
  return process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform;
}

function wireCore(core: UtilityProcess) {
  let seq = 0;
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  core.on('message', (msg: FromCore) => {
    if (msg.type === 'result') {
      waiting.get(msg.id)?.(msg.result);
      waiting.delete(msg.id);
    } else if (msg.type === 'keychain') {
      const reply: ToCore = { type: 'keychain-reply', id: msg.id, ok: false };
      try {
        if (msg.op === 'probe') Object.assign(reply, { ok: true, available: safeStorage.isEncryptionAvailable(), backend: keychainBackend() });
        if (msg.op === 'encrypt') Object.assign(reply, { ok: true, data: safeStorage.encryptString(msg.data!).toString('base64') });
        if (msg.op === 'decrypt') Object.assign(reply, { ok: true, data: safeStorage.decryptString(Buffer.from(msg.data!, 'base64')) });
      } catch {
        reply.ok = false;
      }
      core.postMessage(reply);
    }
  });
  core.on('exit', () => {
    for (const resolve of waiting.values()) resolve({ ok: false, error: { kind: 'internal', message: 'The Partnerdesk core stopped. Restart the app; nothing unsaved was lost.' } });
    waiting.clear();
  });
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSenderUrl(url, rendererFileUrl, devServerUrl)) {
      return { ok: false, error: { kind: 'forbidden', message: 'Calls are accepted only from the Partnerdesk window.' } };
    }
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      return { ok: false, error: { kind: 'not_found', message: 'Unknown channel.' } };
    }
    const id = ++seq;
    return new Promise<Result<unknown>>((resolve) => {
      waiting.set(id, resolve);
      core.postMessage({ type: 'invoke', id, channel, input } satisfies ToCore);
    });
  });
}

function createWindow() {
  const win = new BrowserWindow({ ...windowDefaults, webPreferences: { ...webPreferences, preload: join(import.meta.dirname, '../preload/index.cjs') } });
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererFile);
}

app.on('web-contents-created', (_e, contents) => {
  // No navigation away from the app, no new windows, no <webview>.
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  wireCore(startCore());
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
