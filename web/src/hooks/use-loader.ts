/**
 * Loads data from the API and keeps it: `key` says when to load again (the inputs, serialised);
 * `refresh` polls while it gives an interval. A reload keeps the previous data visible (no flicker while polling).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** How often to load again: a fixed interval, none, or decided by what was loaded last. */
export type Refresh<T> = number | null | ((data: T | undefined) => number | null);

export function useLoader<T>(load: () => Promise<T>, key: string, refresh: Refresh<T> = null): Loaded<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and tick decide when to load again
  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, tick]);

  const refreshMs = typeof refresh === 'function' ? refresh(data) : refresh;
  useEffect(() => {
    if (refreshMs === null) return;
    const timer = window.setInterval(() => setTick((n) => n + 1), refreshMs);
    return () => window.clearInterval(timer);
  }, [refreshMs]);

  return { data, error, loading, reload };
}
