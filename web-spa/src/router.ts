import { useCallback, useEffect, useState } from 'react';

// Two client routes are enough for the first page; the gateway falls back to index.html for them.
export type Route = { name: 'run-tool' } | { name: 'run'; runId: string };

export function parseRoute(pathname: string): Route {
  const match = /^\/runs\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) return { name: 'run', runId: decodeURIComponent(match[1]) };
  return { name: 'run-tool' };
}

export function pathOf(route: Route): string {
  return route.name === 'run' ? `/runs/${encodeURIComponent(route.runId)}` : '/';
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route) => {
    const path = pathOf(next);
    if (window.location.pathname !== path) window.history.pushState(null, '', path);
    setRoute(next);
  }, []);
  return [route, navigate];
}
