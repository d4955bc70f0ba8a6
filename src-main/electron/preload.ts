import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../src-shared/channels';
import { INVOKE_CHANNEL } from './windowConfig';

const allowed = new Set(channelNames);

/**
 * The renderer's only door to the core: `invoke` for declared channel names, nothing else
 * (no ipcRenderer, no Node). The main process checks the sender and the name again.
 */
contextBridge.exposeInMainWorld('partnerdesk', {
  host: 'electron',
  invoke(channel: string, input: unknown) {
    if (typeof channel !== 'string' || !allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { kind: 'not_found', message: `There is no channel named "${String(channel)}".` } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input);
  },
});
