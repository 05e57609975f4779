import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type MenuCommand } from '../shared/contract';
import type { Result } from '../shared/result';

/**
 * Exactly the contract, one method per channel (`api.articles.save`), plus two shell events.
 * The renderer never sees ipcRenderer or a generic send.
 */
const api = buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>, {
  onMenuCommand(listener) {
    const wrapped = (_event: Electron.IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on('menu:command', wrapped);
    return () => ipcRenderer.removeListener('menu:command', wrapped);
  },
  onBeforeClose(listener) {
    const wrapped = () => {
      listener()
        .catch(() => undefined)
        .finally(() => ipcRenderer.send('app:closing-flushed'));
    };
    ipcRenderer.on('app:before-close', wrapped);
    return () => ipcRenderer.removeListener('app:before-close', wrapped);
  },
});

contextBridge.exposeInMainWorld('factdesk', api);
