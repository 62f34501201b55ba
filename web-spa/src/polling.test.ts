import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from './api/client';
import { POLL_INTERVAL_MS, usePolledRun } from './polling';
import { run } from './test/fixtures';
import { json, problem, stubFetch } from './test/stubFetch';

function runCalls(calls: { path: string }[]) {
  return calls.filter((c) => c.path === '/api/runs/r-1').length;
}

describe('usePolledRun', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads the run at once, then about every second until it finishes', async () => {
    const server = stubFetch({
      'GET /api/runs/r-1': [
        json(run({ status: 'QUEUED', progress: null })),
        json(run({ progress: { phase: 'Reading the SIS snapshot', percent: 40 } })),
        json(run({ status: 'SUCCEEDED', progress: { phase: 'Done', percent: 100 } })),
      ],
    });
    const client = new ApiClient({ fetch: server.fetch });
    const { result } = renderHook(() => usePolledRun(client, 'r-1'));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(runCalls(server.calls)).toBe(1);
    expect(result.current.run?.status).toBe('QUEUED');

    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS - 1));
    expect(runCalls(server.calls)).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(runCalls(server.calls)).toBe(2);
    expect(result.current.run?.progress).toEqual({ phase: 'Reading the SIS snapshot', percent: 40 });

    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(result.current.run?.status).toBe('SUCCEEDED');
    await act(() => vi.advanceTimersByTimeAsync(10 * POLL_INTERVAL_MS));
    expect(runCalls(server.calls)).toBe(3);
  });

  it('stops when the page goes away', async () => {
    const server = stubFetch({ 'GET /api/runs/r-1': json(run()) });
    const client = new ApiClient({ fetch: server.fetch });
    const { unmount } = renderHook(() => usePolledRun(client, 'r-1'));
    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(runCalls(server.calls)).toBe(2);
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(10 * POLL_INTERVAL_MS));
    expect(runCalls(server.calls)).toBe(2);
  });

  it('keeps trying, more slowly, when the server has a hiccup', async () => {
    const server = stubFetch({ 'GET /api/runs/r-1': [problem(503, 'The database is not reachable'), json(run())] });
    const client = new ApiClient({ fetch: server.fetch });
    const { result } = renderHook(() => usePolledRun(client, 'r-1'));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(result.current.error?.title).toBe('The database is not reachable');
    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(runCalls(server.calls)).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(2 * POLL_INTERVAL_MS));
    expect(runCalls(server.calls)).toBe(2);
    expect(result.current.error).toBeNull();
    expect(result.current.run?.status).toBe('RUNNING');
  });

  it('gives up on a run that does not exist', async () => {
    const server = stubFetch({ 'GET /api/runs/r-1': problem(404, 'No such run', 'Check the link.') });
    const client = new ApiClient({ fetch: server.fetch });
    const { result } = renderHook(() => usePolledRun(client, 'r-1'));
    await act(() => vi.advanceTimersByTimeAsync(10 * POLL_INTERVAL_MS));
    expect(runCalls(server.calls)).toBe(1);
    expect(result.current.error).toMatchObject({ status: 404, title: 'No such run' });
  });
});
