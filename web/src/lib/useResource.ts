/**
 * Minimal data-fetching hook: fetch on mount and when `key` changes, abort stale requests,
 * expose `reload` and `setData` (to show the server's answer after a save without a refetch).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

interface Settled<T> {
  key: string | null;
  nonce: number;
  data: T | undefined;
  error: unknown;
}

/**
 * `initial`: data already at hand for `key` (answers embedded in the page, lib/embedded.ts); the first
 * render shows it and nothing is fetched until `reload` or another key.
 */
export function useResource<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>, initial?: () => T | undefined): Resource<T> {
  const [settled, setSettled] = useState<Settled<T>>(() => {
    const data = key === null ? undefined : initial?.();
    return { key: data === undefined ? null : key, nonce: 0, data, error: undefined };
  });
  const [nonce, setNonce] = useState(0);
  const fetcherRef = useRef(fetcher);
  useLayoutEffect(() => {
    fetcherRef.current = fetcher;
  });
  // The key the initial data was for: not fetched again on mount.
  const seeded = useRef(settled.key);

  useEffect(() => {
    if (key === null) return;
    if (seeded.current !== null && seeded.current === key && nonce === 0) return;
    seeded.current = null;
    const ctrl = new AbortController();
    fetcherRef.current(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setSettled({ key, nonce, data, error: undefined });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setSettled({ key, nonce, data: undefined, error });
      },
    );
    return () => ctrl.abort();
  }, [key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const setData = useCallback(
    (data: T) => setSettled((s) => ({ ...s, data, error: undefined })),
    [],
  );
  if (key === null) return { data: undefined, error: undefined, loading: false, reload, setData };
  const sameKey = settled.key === key;
  return {
    data: sameKey ? settled.data : undefined,
    error: sameKey && settled.nonce === nonce ? settled.error : undefined,
    loading: !sameKey || settled.nonce !== nonce,
    reload,
    setData,
  };
}
