// The findings view (filters, search, sort, change) between the URL and the API: what the URL may
// hold is checked here, so that a hand-edited or stale link shows a sensible view, never an error.

import { SEVERITIES, type Severity } from '../api/types';
import type { FindingsView } from '../router';

export type SortKey = 'seq' | 'severity' | 'category' | 'title' | 'key';
export const SORT_KEYS: readonly SortKey[] = ['seq', 'severity', 'category', 'title', 'key'];

export type Change = 'new' | 'resolved' | 'unchanged';
export const CHANGES: readonly Change[] = ['new', 'resolved', 'unchanged'];

/** The API caps the search text at 200 characters. */
export const MAX_SEARCH = 200;

/** A view the API accepts: known severity, sort and change only, search trimmed and capped. */
export interface FindingsQuery {
  category?: string;
  severity?: Severity;
  q?: string;
  /** `severity`, `-title`…; absent means the tool's own order. */
  sort?: string;
  change?: Change;
}

export interface Sort {
  key: SortKey;
  descending: boolean;
}

export function parseSort(sort: string | undefined): Sort {
  const descending = !!sort && sort.startsWith('-');
  const key = (descending ? sort!.slice(1) : sort) as SortKey;
  return SORT_KEYS.includes(key) ? { key, descending } : { key: 'seq', descending: false };
}

function sortText({ key, descending }: Sort): string | undefined {
  if (key === 'seq' && !descending) return undefined;
  return descending ? `-${key}` : key;
}

/** Cleans a view from the URL; unknown values are dropped rather than sent. */
export function toQuery(view: FindingsView | undefined): FindingsQuery {
  const query: FindingsQuery = {};
  if (!view) return query;
  if (view.category && /^[A-Z0-9_]{1,80}$/.test(view.category)) query.category = view.category;
  if (view.severity && (SEVERITIES as readonly string[]).includes(view.severity)) query.severity = view.severity as Severity;
  const q = view.q?.trim().slice(0, MAX_SEARCH);
  if (q) query.q = q;
  const sort = sortText(parseSort(view.sort));
  if (sort) query.sort = sort;
  if (view.change && (CHANGES as readonly string[]).includes(view.change)) query.change = view.change as Change;
  return query;
}

/** The view to put in the URL for a query (the inverse of toQuery for clean values). */
export function toView(query: FindingsQuery): FindingsView | undefined {
  const view: FindingsView = {};
  if (query.change) view.change = query.change;
  if (query.category) view.category = query.category;
  if (query.severity) view.severity = query.severity;
  if (query.q) view.q = query.q;
  if (query.sort) view.sort = query.sort;
  return Object.keys(view).length ? view : undefined;
}

/** One string per distinct query, so that paging starts over when any part of it changes. */
export function queryKey(query: FindingsQuery): string {
  return JSON.stringify([query.change ?? '', query.category ?? '', query.severity ?? '', query.q ?? '', query.sort ?? '']);
}

/**
 * A click on a column header: first ascending, then descending, then back to the tool's order.
 * (Ascending severity is errors first, as the API orders it.)
 */
export function nextSort(current: string | undefined, key: Exclude<SortKey, 'seq'>): string | undefined {
  const sort = parseSort(current);
  if (sort.key !== key) return key;
  return sort.descending ? undefined : `-${key}`;
}

export function ariaSort(current: string | undefined, key: SortKey): 'ascending' | 'descending' | 'none' {
  const sort = parseSort(current);
  if (sort.key !== key) return 'none';
  return sort.descending ? 'descending' : 'ascending';
}

const SORT_WORDS: Record<SortKey, [string, string]> = {
  seq: ['in the tool’s order', 'in the tool’s order, reversed'],
  severity: ['by severity, errors first', 'by severity, info first'],
  category: ['by category, A to Z', 'by category, Z to A'],
  title: ['by title, A to Z', 'by title, Z to A'],
  key: ['by key, A to Z', 'by key, Z to A'],
};

/** "Sorted by severity, errors first": said next to the table and to screen readers. */
export function sortDescription(sort: string | undefined): string {
  const { key, descending } = parseSort(sort);
  return `Sorted ${SORT_WORDS[key][descending ? 1 : 0]}`;
}

/** The query string of the findings-like API routes (findings, CSV, export.json, compare). */
export function apiQuery(query: FindingsQuery, page: { cursor?: string | null; limit?: number } = {}): string {
  const params = new URLSearchParams();
  if (query.change) params.set('change', query.change);
  if (query.category) params.set('category', query.category);
  if (query.severity) params.set('severity', query.severity);
  if (query.q) params.set('q', query.q);
  if (query.sort) params.set('sort', query.sort);
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  if (page.cursor) params.set('cursor', page.cursor);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
