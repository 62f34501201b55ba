import { useCallback, useEffect, useReducer, useState } from 'react';
import { asApiError, type ApiError } from '../api/client';
import { currentCursor, hasNext, hasPrevious, initialPaging, pagingReducer, rangeLabel } from './paging';

export interface Paged<T> {
  items: T[];
  nextCursor?: string | null;
  total: number;
}

/**
 * One server page at a time (only that page is ever in the DOM, however long the list), with
 * Previous/Next over the server's cursors. A new `key` (another filter, search or sort) starts
 * again from the first page; an answer for an older key or page is dropped.
 */
export function usePagedList<P extends Paged<unknown>>(
  key: string,
  load: (cursor: string | null, signal: AbortSignal) => Promise<P>,
  pageSize: number,
) {
  const [paging, dispatch] = useReducer(pagingReducer<string>, key, (k) => initialPaging(k));
  const [data, setData] = useState<P | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  // A new key resets during render, so that no request goes out with the old key's cursor.
  if (paging.filter !== key) dispatch({ type: 'filter', filter: key });
  const current = paging.filter === key ? paging : initialPaging(key);
  const cursor = currentCursor(current);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(cursor, controller.signal)
      .then((page) => {
        if (controller.signal.aborted) return;
        setData(page);
        dispatch({ type: 'loaded', nextCursor: page.nextCursor });
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(asApiError(e));
        setLoading(false);
      });
    return () => controller.abort();
    // `load` is rebuilt on every render; the key and the cursor say when to fetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, cursor, attempt]);

  const items = (data?.items ?? []) as P['items'];
  return {
    data,
    items,
    loading,
    error,
    retry: useCallback(() => setAttempt((n) => n + 1), []),
    next: useCallback(() => dispatch({ type: 'next' }), []),
    previous: useCallback(() => dispatch({ type: 'previous' }), []),
    hasNext: hasNext(current) && !loading,
    hasPrevious: hasPrevious(current) && !loading,
    range: rangeLabel(current, pageSize, items.length, data?.total ?? items.length),
    page: current.page,
  };
}
