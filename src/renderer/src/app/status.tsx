import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

type Items = Record<string, { order: number; node: ReactNode }>;
const SetCtx = createContext<((id: string, item: Items[string] | null) => void) | null>(null);
const ItemsCtx = createContext<Items>({});

/** Lets any pane put a small piece into the status bar (word count, save state, …). */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Items>({});
  // Stable, and a no-op for an unchanged item: the setter is an effect dependency of every
  // useStatusItem, so a new function or a new object each render would loop forever.
  const set = useCallback(
    (id: string, item: Items[string] | null) =>
      setItems((prev) => {
        const current = prev[id];
        if (
          item === null ? current === undefined : current?.node === item.node && current.order === item.order
        )
          return prev;
        const next = { ...prev };
        if (item) next[id] = item;
        else delete next[id];
        return next;
      }),
    [],
  );
  return (
    <SetCtx.Provider value={set}>
      <ItemsCtx.Provider value={items}>{children}</ItemsCtx.Provider>
    </SetCtx.Provider>
  );
}

export function useStatusItem(id: string, node: ReactNode | null, order = 50): void {
  const set = useContext(SetCtx);
  useEffect(() => {
    set?.(id, node === null ? null : { order, node });
  }, [set, id, node, order]);
  useEffect(() => () => set?.(id, null), [set, id]);
}

/**
 * The items, as a component of their own: items change while typing (save state, counts, the
 * desk's waiting changes), and only the status bar should render again then, not the whole shell.
 */
export function StatusItems() {
  const items = useContext(ItemsCtx);
  return Object.entries(items)
    .sort((a, b) => a[1].order - b[1].order)
    .map(([id, item]) => (
      <span key={id} className="status-item">
        {item.node}
      </span>
    ));
}
