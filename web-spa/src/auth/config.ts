// How the app signs in, read from /config.json before the sign-in screen shows (docs/api.md §7):
// locally the gateway's dev login, in AWS the identity provider named here.

export interface OidcConfig {
  mode: 'oidc';
  authority: string;
  clientId: string;
  scope: string;
  audience?: string;
}

export type AuthConfig = { mode: 'dev' } | OidcConfig;

/** /config.json could not be read or makes no sense; the message is for the person at the screen. */
export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

const SETUP = 'Sign-in is not set up correctly for this site; tell the engineering on-call.';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function parseAuthConfig(body: unknown): AuthConfig {
  const auth = body && typeof body === 'object' ? (body as Record<string, unknown>).auth : undefined;
  if (!auth || typeof auth !== 'object') throw new AuthConfigError(`${SETUP} (config.json has no "auth" section)`);
  const a = auth as Record<string, unknown>;
  if (a.mode === 'dev') return { mode: 'dev' };
  if (a.mode !== 'oidc') throw new AuthConfigError(`${SETUP} (unknown sign-in mode "${String(a.mode)}")`);
  const authority = text(a.authority);
  const clientId = text(a.clientId);
  if (!authority || !clientId) throw new AuthConfigError(`${SETUP} (the identity provider or client id is missing)`);
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    throw new AuthConfigError(`${SETUP} (the identity provider address is not a URL)`);
  }
  // Tokens must never travel in clear text; loopback is allowed for local testing.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new AuthConfigError(`${SETUP} (the identity provider must use https)`);
  }
  const config: OidcConfig = { mode: 'oidc', authority, clientId, scope: text(a.scope) ?? 'openid profile' };
  const audience = text(a.audience);
  if (audience) config.audience = audience;
  if (!config.scope.split(/\s+/).includes('openid')) config.scope = `openid ${config.scope}`;
  return config;
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** GET /config.json (no token). */
export async function loadAuthConfig(fetchFn: typeof fetch): Promise<AuthConfig> {
  let response: Response;
  try {
    response = await fetchFn('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw new AuthConfigError('Could not reach the CDT server. Check your connection, then reload the page.');
  }
  if (!response.ok) throw new AuthConfigError(`${SETUP} (config.json answered ${response.status})`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new AuthConfigError(`${SETUP} (config.json is not JSON)`);
  }
  return parseAuthConfig(body);
}
