import type { HistoryFilter } from '../router';
import type { ApiClient } from './client';
import type { Run } from './types';

export interface RunsPage {
  items: Run[];
  nextCursor?: string | null;
}

/** GET /api/runs: newest first, filtered as in the History screen (docs/api.md). */
export function runHistory(
  client: ApiClient,
  filter: HistoryFilter,
  page: { cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<RunsPage> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  if (page.cursor) query.set('cursor', page.cursor);
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  const qs = query.toString();
  return client.get<RunsPage>(`/api/runs${qs ? `?${qs}` : ''}`, signal);
}
