import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref holding the latest value, for listeners registered once (commands, DOM and Lexical listeners)
 * that must call the current callback without being registered again on every render. It is written
 * after the commit, not during render, so a render React throws away never leaks its value.
 */
export function useLatestRef<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
