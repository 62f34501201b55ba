import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, NO_ANSWER, type ApiClient, type ApiError } from './api/client';
import { FINISHED, type Run } from './api/types';

export const POLL_INTERVAL_MS = 1000;

export function isFinished(run: Run | null): boolean {
  return !!run && FINISHED.includes(run.status);
}

/** A failure worth retrying: no answer or a server-side hiccup (a 4xx will not get better). */
export function isTransient(error: ApiError): boolean {
  return error.status === NO_ANSWER || error.status >= 500 || error.status === 429;
}

/**
 * Reads a run now and then about every second until it finishes. One request at a time: the next
 * one is scheduled only after the previous answer, so a slow server is never flooded.
 */
export function usePolledRun(client: ApiClient, runId: string, intervalMs = POLL_INTERVAL_MS) {
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stopped = false;
    const controller = new AbortController();

    async function poll() {
      try {
        const latest = await client.run(runId, controller.signal);
        if (stopped) return;
        setRun(latest);
        setError(null);
        if (!isFinished(latest)) timer.current = setTimeout(poll, intervalMs);
      } catch (e) {
        if (stopped) return;
        const apiError = asApiError(e);
        setError(apiError);
        if (isTransient(apiError)) timer.current = setTimeout(poll, intervalMs * 3);
      }
    }
    poll();
    return () => {
      stopped = true;
      controller.abort();
      clearTimeout(timer.current);
    };
  }, [client, runId, intervalMs, generation]);

  /** Shows a run the server returned (e.g. from cancel); polling goes on while it is unfinished. */
  const replace = useCallback((next: Run) => setRun(next), []);

  const retry = useCallback(() => setGeneration((g) => g + 1), []);

  return { run, error, replace, retry };
}
