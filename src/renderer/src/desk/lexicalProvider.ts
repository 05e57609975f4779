import type { Provider, ProviderAwareness } from '@lexical/yjs';
import type { DeskDoc } from './deskDoc';
import { markDeskOpen } from './openTiming';

type SyncListener = (isSynced: boolean) => void;
type StatusListener = (arg: { status: string }) => void;

/**
 * The shape @lexical/yjs expects of a provider, over a DeskDoc. Hocuspocus 3 connects sockets,
 * not documents, and names its events differently ("synced" rather than "sync"), so this maps
 * them; connect() first replays the local copy, which the binding then mirrors into the editor.
 *
 * `bootstrapLocally` is for the one app that shares an article: it announces "synced" as soon as
 * the (empty) local copy is in, so CollaborationPlugin seeds the document from the local article
 * even when the desk is out of reach — nobody else can have written to a document not yet shared.
 */
/**
 * The provider's awareness, except that an 'update' listener runs at most once per frame. The
 * binding listens there to place everyone's carets, which measures the layout of the whole
 * article; colleagues typing send an awareness update with every caret move, several per frame.
 */
function awarenessOncePerFrame(awareness: ProviderAwareness): ProviderAwareness {
  const wrapped = new Map<() => void, () => void>();
  return {
    getLocalState: () => awareness.getLocalState(),
    getStates: () => awareness.getStates(),
    setLocalState: (state) => awareness.setLocalState(state),
    setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
    on(type, cb) {
      let frame = 0;
      const once = () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          if (wrapped.get(cb) === once) cb();
        });
      };
      wrapped.set(cb, once);
      awareness.on(type, once);
    },
    off(type, cb) {
      const once = wrapped.get(cb);
      wrapped.delete(cb);
      if (once) awareness.off(type, once);
    },
  };
}

export function lexicalProvider(desk: DeskDoc, bootstrapLocally: boolean): Provider {
  const sync = new Set<SyncListener>();
  const status = new Set<StatusListener>();
  desk.provider.on('synced', ({ state }: { state: boolean }) => sync.forEach((l) => l(state)));
  desk.provider.on('status', (e: { status: string }) => status.forEach((l) => l(e)));
  const provider = {
    awareness: awarenessOncePerFrame(desk.provider.awareness as unknown as ProviderAwareness),
    connect() {
      markDeskOpen('bound');
      desk.connect();
      if (bootstrapLocally) sync.forEach((l) => l(true));
    },
    disconnect() {
      desk.disconnect();
    },
    on(type: string, cb: SyncListener | StatusListener) {
      if (type === 'sync') sync.add(cb as SyncListener);
      else if (type === 'status') status.add(cb as StatusListener);
    },
    off(type: string, cb: SyncListener | StatusListener) {
      if (type === 'sync') sync.delete(cb as SyncListener);
      else if (type === 'status') status.delete(cb as StatusListener);
    },
  };
  return provider as Provider;
}
