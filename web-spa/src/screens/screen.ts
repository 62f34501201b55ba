import type { ApiClient } from '../api/client';
import type { Session } from '../api/types';
import type { Catalogue } from '../catalogue';
import type { Navigate, Route } from '../router';

/** What every signed-in screen gets from the app shell. */
export interface ScreenProps {
  client: ApiClient;
  session: Session;
  catalogue: Catalogue;
  navigate: Navigate;
  pollIntervalMs?: number;
}

/** The route a screen was opened with, narrowed to that screen's kind. */
export type RouteOf<N extends Route['name']> = Extract<Route, { name: N }>;
