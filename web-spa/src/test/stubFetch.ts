import { vi } from 'vitest';

// A unit-level stand-in for fetch: routes by "METHOD /path" (query ignored) and records calls.
// Only for unit tests; the end-to-end suite talks to the real gateway.

export interface Call {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type Answer = Response | ((call: Call) => Response | Promise<Response>);

export function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem(status: number, title: string, detail = '', errors?: { field: string; message: string }[]): Response {
  return json({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) }, status, 'application/problem+json');
}

/** What the local gateway's /config.json says: the dev login. */
export const DEV_CONFIG = { auth: { mode: 'dev' } };

/**
 * `GET /config.json` (read by the app before sign-in) answers the dev mode unless the routes name
 * it; that default answer is not recorded in `calls`, so counts stay about the API.
 */
export function stubFetch(routes: Record<string, Answer | Answer[]>) {
  const calls: Call[] = [];
  const queues = new Map<string, Answer[]>();
  for (const [key, answer] of Object.entries(routes)) queues.set(key, Array.isArray(answer) ? [...answer] : [answer]);

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const parsed = new URL(url, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    if (method === 'GET' && parsed.pathname === '/config.json' && !queues.has('GET /config.json')) return json(DEV_CONFIG);
    const call: Call = {
      method,
      url,
      path: parsed.pathname,
      query: parsed.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? parseBody(init.body) : undefined,
    };
    calls.push(call);
    const queue = queues.get(`${method} ${parsed.pathname}`);
    if (!queue || queue.length === 0) throw new Error(`Unexpected request ${method} ${url}`);
    // The last answer repeats, so a poll can see the same run many times.
    const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
    return typeof answer === 'function' ? answer(call) : answer.clone();
  });
  return { fetch: fetchMock as unknown as typeof fetch, calls };
}

/** JSON bodies as objects, form bodies (the identity provider's token endpoint) as URLSearchParams. */
function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return new URLSearchParams(body);
  }
}
