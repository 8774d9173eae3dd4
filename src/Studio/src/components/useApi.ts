import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/problem";

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads once per change of `key`, and again on `reload()`. */
export function useApi<T>(load: () => Promise<T>, key: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const lastKey = useRef<string>(undefined);

  useEffect(() => {
    let current = true;
    setLoading(true);
    // Other inputs (another inbox view, another filter) must not show the old rows, with their buttons, under
    // the new heading while the new ones load; a reload of the same thing keeps them.
    const keyText = JSON.stringify(key);
    if (lastKey.current !== undefined && lastKey.current !== keyText) setData(undefined);
    lastKey.current = keyText;
    load().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason instanceof ApiError ? reason : new ApiError(0, { title: String(reason) }));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
