import type {
  CustomerSummary,
  FindingsFilter,
  FindingsPage,
  Run,
  Session,
  ToolDescriptor,
} from './types';

export interface FieldError {
  field: string;
  message: string;
}

/** An API failure in words a support agent can act on (from problem+json when the server sent one). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];

  constructor(status: number, title: string, detail: string, fieldErrors: FieldError[] = []) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }
}

/** Status 0 marks "the request never got an answer". */
export const NO_ANSWER = 0;

// Used when the server's answer is not problem+json (a proxy page, an empty body).
const FALLBACK_TITLES: Record<number, string> = {
  400: 'The request was not accepted',
  401: 'Please sign in',
  403: 'You do not have access to this',
  404: 'Not found',
  409: 'That conflicts with the current state',
  422: 'Some values need fixing',
  429: 'Too many requests',
  500: 'The server ran into a problem',
  502: 'The server is not reachable right now',
  503: 'The service is unavailable right now',
  504: 'The server took too long to answer',
};

function fallbackTitle(status: number): string {
  return FALLBACK_TITLES[status] ?? (status >= 500 ? 'The server ran into a problem' : 'The request failed');
}

function isProblem(contentType: string | null): boolean {
  return !!contentType && /application\/(problem\+)?json/i.test(contentType);
}

/** Turns a failed response into an ApiError, reading RFC 9457 problem details when present. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const status = response.status;
  let title = fallbackTitle(status);
  let detail = '';
  let fieldErrors: FieldError[] = [];
  if (isProblem(response.headers.get('content-type'))) {
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object') {
        const problem = body as Record<string, unknown>;
        if (typeof problem.title === 'string' && problem.title.trim()) title = problem.title;
        if (typeof problem.detail === 'string') detail = problem.detail;
        if (Array.isArray(problem.errors)) {
          fieldErrors = problem.errors
            .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
            .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
            .filter((e) => e.message);
        }
      }
    } catch {
      // A body that is not valid JSON still leaves us the status-based title.
    }
  }
  if (!detail && status >= 500) {
    detail = 'Try again in a minute. If it keeps happening, tell the engineering on-call.';
  }
  return new ApiError(status, title, detail, fieldErrors);
}

function networkError(): ApiError {
  return new ApiError(
    NO_ANSWER,
    'Could not reach the CDT server',
    'Check your connection and that the server is running, then try again.',
  );
}

export type Fetch = typeof fetch;

export interface ApiClientOptions {
  /** Called once per 401 on an authenticated call, so that the app can return to sign-in. */
  onUnauthorized?: () => void;
  fetch?: Fetch;
}

/** The only place that talks HTTP. The token lives in this object (memory only), never in storage. */
export class ApiClient {
  private token: string | null = null;
  private renew: (() => Promise<boolean>) | null = null;
  private readonly onUnauthorized: () => void;
  private readonly fetchFn: Fetch;

  constructor(options: ApiClientOptions = {}) {
    this.onUnauthorized = options.onUnauthorized ?? (() => {});
    // Bound lazily so that tests can stub the global fetch after construction.
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  setToken(token: string | null): void {
    this.token = token;
  }

  /**
   * How to get a fresh token when the server answers 401 (the identity provider's refresh): it
   * calls setToken and resolves true, and the request is sent once more; false gives up.
   */
  setRenewal(renew: (() => Promise<boolean>) | null): void {
    this.renew = renew;
  }

  get signedIn(): boolean {
    return this.token !== null;
  }

  private async send(path: string, init: RequestInit = {}, accept = 'application/json', renewed = false): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', accept);
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    if (this.token) headers.set('Authorization', `Bearer ${this.token}`);
    let response: Response;
    try {
      response = await this.fetchFn(path, { ...init, headers });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw networkError();
    }
    if (!response.ok) {
      if (response.status === 401 && this.token && this.renew && !renewed && (await this.renew().catch(() => false))) {
        return this.send(path, init, accept, true);
      }
      const error = await errorFromResponse(response);
      if (response.status === 401 && this.token) {
        this.token = null;
        this.onUnauthorized();
      }
      throw error;
    }
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.send(path, init);
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, 'The server sent an answer we could not read', 'Try again; if it keeps happening, tell the engineering on-call.');
    }
  }

  /**
   * Generic calls for the screens' API modules (api/*.ts): one place for headers, the token,
   * problem+json errors and the 401 hand-back to sign-in.
   */
  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.json<T>(path, { signal });
  }

  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.json<T>(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body), signal });
  }

  put<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.json<T>(path, { method: 'PUT', body: JSON.stringify(body), signal });
  }

  /** A download fetched with the token (a plain link could not send it). */
  async blob(path: string, accept: string): Promise<Blob> {
    const response = await this.send(path, {}, accept);
    return response.blob();
  }

  async login(username: string, password: string): Promise<Session> {
    const session = await this.json<Session>('/api/dev/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    });
    this.token = session.token;
    return session;
  }

  async tools(): Promise<ToolDescriptor[]> {
    return (await this.json<{ items: ToolDescriptor[] }>('/api/tools')).items;
  }

  async customers(): Promise<CustomerSummary[]> {
    return (await this.customerList()).items;
  }

  /** The customers and the database instances this server knows (`ourInstances`, absent from older servers). */
  customerList(): Promise<{ items: CustomerSummary[]; ourInstances?: string[] }> {
    return this.json<{ items: CustomerSummary[]; ourInstances?: string[] }>('/api/customers');
  }

  startRun(toolId: string, body: { customerId: string; parameters: Record<string, unknown>; ticketId?: string }) {
    return this.json<{ runId: string; status: string }>(`/api/tools/${encodeURIComponent(toolId)}/runs`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
  }

  run(runId: string, signal?: AbortSignal): Promise<Run> {
    return this.json<Run>(`/api/runs/${encodeURIComponent(runId)}`, { signal });
  }

  cancelRun(runId: string): Promise<Run> {
    return this.json<Run>(`/api/runs/${encodeURIComponent(runId)}/cancel`, { method: 'POST' });
  }

  findings(runId: string, filter: FindingsFilter, cursor: string | null, limit = 50, signal?: AbortSignal) {
    return this.json<FindingsPage>(findingsPath(runId, filter, { cursor, limit }), { signal });
  }

  /** The whole filtered list as CSV, fetched with the token (a plain link could not send it). */
  findingsCsv(runId: string, filter: FindingsFilter): Promise<Blob> {
    return this.blob(findingsPath(runId, filter, {}), 'text/csv');
  }
}

export function findingsPath(
  runId: string,
  filter: FindingsFilter,
  page: { cursor?: string | null; limit?: number },
): string {
  const query = new URLSearchParams();
  if (filter.category) query.set('category', filter.category);
  if (filter.severity) query.set('severity', filter.severity);
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  if (page.cursor) query.set('cursor', page.cursor);
  const qs = query.toString();
  return `/api/runs/${encodeURIComponent(runId)}/findings${qs ? `?${qs}` : ''}`;
}

/** Anything thrown while talking to the server, as an ApiError (a bug becomes a plain-words message). */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(NO_ANSWER, 'Something went wrong in the page', 'Reload the page and try again.');
}
