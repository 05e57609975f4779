import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { fail } from '../../shared/result';
import { dispatch, type HandlerContext } from '../handlers';

/** Only our own bundled page may call in; anything else (a stray frame, a navigated page) is refused. */
function trustedSender(event: IpcMainInvokeEvent, allowedUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && allowedUrl(frame.url);
}

export function registerIpc(
  ctx: HandlerContext,
  allowedUrl: (url: string) => boolean,
  after?: (channel: string) => void,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!trustedSender(event, allowedUrl))
        return fail('unauthorized', 'Calls are only accepted from the Factdesk window.');
      const result = await dispatch(channel, input, ctx);
      after?.(channel);
      return result;
    });
  }
}
