import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type MenuCommand } from '../shared/contract';
import type { Result } from '../shared/result';

/**
 * Exactly the contract, one method per channel (`api.articles.save`), plus two shell events.
 * The renderer never sees ipcRenderer or a generic send.
 */
// Every pane that holds unsaved work registers here; the window may close only once all of them are done.
const beforeClose = new Set<() => Promise<void>>();
ipcRenderer.on('app:before-close', () => {
  void Promise.allSettled([...beforeClose].map((flush) => flush())).then(() =>
    ipcRenderer.send('app:closing-flushed'),
  );
});

const api = buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>, {
  onMenuCommand(listener) {
    const wrapped = (_event: Electron.IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on('menu:command', wrapped);
    return () => ipcRenderer.removeListener('menu:command', wrapped);
  },
  onBeforeClose(listener) {
    beforeClose.add(listener);
    return () => {
      beforeClose.delete(listener);
    };
  },
  onFactsChanged(listener) {
    const wrapped = (_event: Electron.IpcRendererEvent, push: unknown) => {
      if (push === 'facts-changed') listener();
    };
    ipcRenderer.on('shell:push', wrapped);
    return () => ipcRenderer.removeListener('shell:push', wrapped);
  },
});

contextBridge.exposeInMainWorld('factdesk', api);
