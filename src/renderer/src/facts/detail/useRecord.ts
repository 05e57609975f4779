import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../../shared/result';
import { useFactsChanged } from '../events';
import { errorSentence } from '../../errors/errorSentence';

/** Loads one record view, and again whenever the fact store changes. */
export function useRecord<T>(load: () => Promise<Result<T>>, key: string) {
  const [state, setState] = useState<{ key: string; value?: T; error?: string } | null>(null);
  const seq = useRef(0);
  const fetch = useCallback(() => {
    const n = ++seq.current;
    void load().then((r) => {
      if (n !== seq.current) return;
      setState(r.ok ? { key, value: r.value } : { key, error: errorSentence(r.error) });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(fetch, [fetch]);
  useFactsChanged(fetch);
  const current = state?.key === key ? state : null;
  return { value: current?.value, error: current?.error ?? null, loading: current === null };
}
