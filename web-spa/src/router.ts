import { useCallback, useEffect, useState } from 'react';

// Every screen has its own address, so that a link pasted into a HubSpot ticket opens the same
// screen. The local gateway (WebAppController) and CloudFront answer these paths with index.html.

/** History filters, kept in the query string so that a filtered history can be shared. */
export interface HistoryFilter {
  customerId?: string;
  toolId?: string;
  status?: string;
  requestedBy?: string;
  ticketId?: string;
  from?: string;
  to?: string;
}

export const HISTORY_FILTER_KEYS: readonly (keyof HistoryFilter)[] = [
  'customerId',
  'toolId',
  'status',
  'requestedBy',
  'ticketId',
  'from',
  'to',
];

/**
 * How a run's findings are shown (filters, search, sort; on a comparison also which change), kept
 * in the query string of `/runs/{id}` and `/runs/{id}/compare/{withId}` so that a shared link opens
 * the same view. Values are as typed in the URL; screens check them.
 */
export interface FindingsView {
  change?: string;
  category?: string;
  severity?: string;
  q?: string;
  sort?: string;
}

export const FINDINGS_VIEW_KEYS: readonly (keyof FindingsView)[] = ['change', 'category', 'severity', 'q', 'sort'];

export type Route =
  | { name: 'dashboard'; /** An address that is no screen (the dashboard says so instead of hiding it). */ unknownPath?: string }
  | { name: 'run-tool'; toolId?: string; customerId?: string }
  | { name: 'run'; runId: string; view?: FindingsView }
  | { name: 'compare'; runId: string; withRunId: string; view?: FindingsView }
  | { name: 'history'; filter: HistoryFilter }
  | { name: 'customers'; q?: string }
  | { name: 'customer'; customerId: string };

const decode = (segment: string) => decodeURIComponent(segment);
const encode = (value: string) => encodeURIComponent(value);

function optional(query: URLSearchParams, key: string): string | undefined {
  const value = query.get(key);
  return value ? value : undefined;
}

/** The findings view in a query string; undefined when it holds none (the default view). */
function viewOf(query: URLSearchParams): FindingsView | undefined {
  const view: FindingsView = {};
  for (const key of FINDINGS_VIEW_KEYS) {
    const value = optional(query, key);
    if (value) view[key] = value;
  }
  return Object.keys(view).length ? view : undefined;
}

function viewQuery(view: FindingsView | undefined): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of FINDINGS_VIEW_KEYS) {
    const value = view?.[key];
    if (value) query.set(key, value);
  }
  return query;
}

export function parseRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  let m: RegExpExecArray | null;
  if ((m = /^\/runs\/([^/]+)\/compare\/([^/]+)$/.exec(path)) && m[1] && m[2]) {
    const view = viewOf(query);
    return { name: 'compare', runId: decode(m[1]), withRunId: decode(m[2]), ...(view ? { view } : {}) };
  }
  if ((m = /^\/runs\/([^/]+)$/.exec(path)) && m[1]) {
    const view = viewOf(query);
    return { name: 'run', runId: decode(m[1]), ...(view ? { view } : {}) };
  }
  if ((m = /^\/tools(?:\/([^/]+))?$/.exec(path))) {
    const route: Route = { name: 'run-tool' };
    if (m[1]) route.toolId = decode(m[1]);
    const customerId = optional(query, 'customer');
    if (customerId) route.customerId = customerId;
    return route;
  }
  if (path === '/history') {
    const filter: HistoryFilter = {};
    for (const key of HISTORY_FILTER_KEYS) {
      const value = optional(query, key);
      if (value) filter[key] = value;
    }
    return { name: 'history', filter };
  }
  if ((m = /^\/customers\/([^/]+)$/.exec(path)) && m[1]) return { name: 'customer', customerId: decode(m[1]) };
  if (path === '/customers') {
    const q = optional(query, 'q');
    return q ? { name: 'customers', q } : { name: 'customers' };
  }
  return path === '/' ? { name: 'dashboard' } : { name: 'dashboard', unknownPath: path };
}

function withQuery(path: string, query: URLSearchParams): string {
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The path and query of a route (the inverse of parseRoute). */
export function pathOf(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '/';
    case 'run-tool': {
      const query = new URLSearchParams();
      if (route.customerId) query.set('customer', route.customerId);
      return withQuery(route.toolId ? `/tools/${encode(route.toolId)}` : '/tools', query);
    }
    case 'run':
      return withQuery(`/runs/${encode(route.runId)}`, viewQuery(route.view));
    case 'compare':
      return withQuery(`/runs/${encode(route.runId)}/compare/${encode(route.withRunId)}`, viewQuery(route.view));
    case 'history': {
      const query = new URLSearchParams();
      for (const key of HISTORY_FILTER_KEYS) {
        const value = route.filter[key];
        if (value) query.set(key, value);
      }
      return withQuery('/history', query);
    }
    case 'customers': {
      const query = new URLSearchParams();
      if (route.q) query.set('q', route.q);
      return withQuery('/customers', query);
    }
    case 'customer':
      return `/customers/${encode(route.customerId)}`;
  }
}

/** Which top-level section a route belongs to (the navigation highlights it). */
export type Section = 'dashboard' | 'run-tool' | 'history' | 'customers';

export function sectionOf(route: Route): Section {
  switch (route.name) {
    case 'customer':
    case 'customers':
      return 'customers';
    case 'history':
      return 'history';
    case 'run-tool':
    case 'run':
    case 'compare':
      return 'run-tool';
    default:
      return 'dashboard';
  }
}

export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

export function useRoute(): [Route, Navigate] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname, window.location.search));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname, window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback<Navigate>((next, options) => {
    const path = pathOf(next);
    if (`${window.location.pathname}${window.location.search}` !== path) {
      if (options?.replace) window.history.replaceState(null, '', path);
      else window.history.pushState(null, '', path);
    }
    setRoute(next);
  }, []);
  return [route, navigate];
}

/**
 * Props for an in-app link: a real href (open in a new tab, copy link) that navigates without a
 * page load on a plain click.
 */
export function linkTo(route: Route, navigate: Navigate) {
  return {
    href: pathOf(route),
    onClick: (e: { preventDefault: () => void; button?: number; metaKey?: boolean; ctrlKey?: boolean; shiftKey?: boolean }) => {
      if (e.button !== undefined && e.button !== 0) return;
      if (e.metaKey || e.ctrlKey || e.shiftKey) return;
      e.preventDefault();
      navigate(route);
    },
  };
}
