import type { Provider, ProviderAwareness } from '@lexical/yjs';
import type { DeskDoc } from './deskDoc';
import { markDeskOpen } from './openTiming';
import { confirmedDeskUser, watchConfirmedDeskUser } from './deskClient';
import { ownPresence } from './ownPresence';
import { shownPresenceName } from '../../../shared/desk/presence';

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

/**
 * The provider's awareness, except that what the binding sets is announced under the name the
 * desk confirmed (ownPresence.ts): CollaborationPlugin got the name at render time, possibly the
 * local one before the desk said who this token is. `watch` re-announces the binding's last state
 * once the desk has.
 */
function announcedAsConfirmed(awareness: ProviderAwareness): {
  awareness: ProviderAwareness;
  watch(): () => void;
} {
  type State = Parameters<ProviderAwareness['setLocalState']>[0];
  let wanted: State | null = null;
  const announce = () =>
    awareness.setLocalState(
      ownPresence(wanted as Record<string, unknown> | null, confirmedDeskUser()) as unknown as State,
    );
  return {
    awareness: {
      getLocalState: () => awareness.getLocalState(),
      // A desk from before the presence check relays any name; carets show none no user can have.
      getStates: () => {
        const states = awareness.getStates();
        const shown = [...states].filter(([, state]) => shownPresenceName(state.name) !== null);
        return shown.length === states.size ? states : new Map(shown);
      },
      on: (type, cb) => awareness.on(type, cb),
      off: (type, cb) => awareness.off(type, cb),
      setLocalState(state) {
        wanted = state;
        announce();
      },
      setLocalStateField(field, value) {
        wanted = { ...(wanted ?? {}), [field]: value } as State;
        announce();
      },
    },
    watch: () => watchConfirmedDeskUser(announce),
  };
}

export function lexicalProvider(desk: DeskDoc, bootstrapLocally: boolean): Provider {
  const sync = new Set<SyncListener>();
  const status = new Set<StatusListener>();
  desk.provider.on('synced', ({ state }: { state: boolean }) => sync.forEach((l) => l(state)));
  desk.provider.on('status', (e: { status: string }) => status.forEach((l) => l(e)));
  const own = announcedAsConfirmed(
    awarenessOncePerFrame(desk.provider.awareness as unknown as ProviderAwareness),
  );
  let unwatch: (() => void) | null = null;
  const provider = {
    awareness: own.awareness,
    connect() {
      markDeskOpen('bound');
      unwatch ??= own.watch();
      desk.connect();
      if (bootstrapLocally) sync.forEach((l) => l(true));
    },
    disconnect() {
      unwatch?.();
      unwatch = null;
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
