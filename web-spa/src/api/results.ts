// The results and compare screens' calls (docs/api.md; issue 5 contract §3 and §4).

import { apiQuery, type Change, type FindingsQuery } from '../results/query';
import type { ApiClient } from './client';
import type { Finding, FindingsPage, Run } from './types';
import type { RunsPage } from './runs';

const runPath = (runId: string) => `/api/runs/${encodeURIComponent(runId)}`;

type Page = { cursor?: string | null; limit?: number };

/** GET /api/runs/{id}/findings with filters, search and sort; one page. */
export function findingsPage(client: ApiClient, runId: string, query: FindingsQuery, page: Page, signal?: AbortSignal) {
  const { change: _notHere, ...rest } = query;
  return client.get<FindingsPage>(`${runPath(runId)}/findings${apiQuery(rest, page)}`, signal);
}

/** The whole filtered list as CSV (the same route with Accept: text/csv). */
export function findingsCsv(client: ApiClient, runId: string, query: FindingsQuery): Promise<Blob> {
  const { change: _notHere, ...rest } = query;
  return client.blob(`${runPath(runId)}/findings${apiQuery(rest)}`, 'text/csv');
}

/** GET /api/runs/{id}/export.json: `{run, findings}` with the same filters. */
export function findingsJson(client: ApiClient, runId: string, query: FindingsQuery): Promise<Blob> {
  const { change: _notHere, ...rest } = query;
  return client.blob(`${runPath(runId)}/export.json${apiQuery(rest)}`, 'application/json');
}

export interface CompareItem {
  change: Change;
  finding: Finding;
}

export interface ComparePage {
  run: Run;
  with: Run;
  counts: Record<Change, number>;
  items: CompareItem[];
  nextCursor?: string | null;
  total: number;
}

/** GET /api/runs/{id}/compare?with=…: matched by fingerprint; search and sort are not offered there. */
export function comparePage(
  client: ApiClient,
  runId: string,
  withRunId: string,
  query: FindingsQuery,
  page: Page,
  signal?: AbortSignal,
) {
  const { change, category, severity } = query;
  const qs = apiQuery({ change, category, severity }, page);
  const withParam = `with=${encodeURIComponent(withRunId)}`;
  return client.get<ComparePage>(`${runPath(runId)}/compare${qs ? `${qs}&${withParam}` : `?${withParam}`}`, signal);
}

/** The earlier succeeded runs of a run's tool and customer, newest first, without the run itself. */
export async function earlierRuns(client: ApiClient, run: Run, signal?: AbortSignal): Promise<Run[]> {
  // `to` (exclusive) asks for runs created before this one; the filter below also holds on a server without it.
  const query = new URLSearchParams({
    customerId: run.customerId,
    toolId: run.toolId,
    status: 'SUCCEEDED',
    to: run.createdAt,
    limit: '20',
  });
  const page = await client.get<RunsPage>(`/api/runs?${query}`, signal);
  const created = Date.parse(run.createdAt);
  return page.items.filter((r) => r.runId !== run.runId && r.status === 'SUCCEEDED' && !(Date.parse(r.createdAt) > created));
}
