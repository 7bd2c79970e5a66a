import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Slot<T> {
  key: string | null;
  data?: T;
  error?: ApiError;
  loading: boolean;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('CLIENT', 0, String(error));
}

/**
 * Loads `fetcher()` whenever `key` changes (null: load nothing). It loads again when the
 * language changes, keeping the old data meanwhile, so server messages follow the language.
 */
export function useApi<T>(key: string | null, fetcher: () => Promise<T>): ApiState<T> {
  const { i18n } = useTranslation();
  const [slot, setSlot] = useState<Slot<T>>({ key, loading: key !== null });
  const [nonce, setNonce] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the fetcher's inputs
  useEffect(() => {
    if (key === null) {
      setSlot({ key, loading: false });
      return;
    }
    let cancelled = false;
    setSlot((s) => (s.key === key ? { ...s, loading: true } : { key, loading: true }));
    fetcher().then(
      (data) => {
        if (!cancelled) setSlot({ key, data, loading: false });
      },
      (error: unknown) => {
        if (!cancelled) setSlot({ key, error: asApiError(error), loading: false });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, i18n.language, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = slot.key === key;
  return {
    data: current ? slot.data : undefined,
    error: current ? slot.error : undefined,
    loading: current ? slot.loading : key !== null,
    reload,
  };
}

export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
