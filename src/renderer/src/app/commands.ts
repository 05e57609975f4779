import { useEffect } from 'react';
import { useLatestRef } from './latestRef';
import type { MenuCommandId } from '../../../shared/i18n/menu';
import { api } from '../bridge';

export type CommandId = MenuCommandId | (string & {});

type Listener = (payload?: string) => void;
const listeners = new Map<string, Set<Listener>>();

/** Raises a command from any source: the native menu, the in-app menu bar or a shortcut. */
export function runCommand(id: CommandId, payload?: string): void {
  listeners.get(id)?.forEach((l) => l(payload));
}

/** Subscribes a component to one command for as long as it is mounted. */
export function useCommand(id: CommandId, handler: Listener): void {
  const ref = useLatestRef(handler);
  useEffect(() => {
    const l: Listener = (p) => ref.current(p);
    let set = listeners.get(id);
    if (!set) listeners.set(id, (set = new Set()));
    set.add(l);
    return () => {
      set.delete(l);
    };
  }, [id, ref]);
}

api.onMenuCommand((command) => runCommand(command.id, command.payload));
