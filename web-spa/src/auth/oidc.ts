import type { OidcConfig } from './config';
import { isLoopback } from './config';

// OpenID Connect Authorization Code + PKCE, as pure functions: what to ask the provider, how to
// read its answers, when to refresh. The I/O is in OidcSignIn (signin.ts).

/** The parts of the discovery document (/.well-known/openid-configuration) the app uses. */
export interface ProviderMetadata {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
}

/** Tokens, held in memory only. `expiresAt` is epoch milliseconds of the access token's end. */
export interface Tokens {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  expiresAt: number;
  lifetimeMs: number;
}

/** The provider or its answer was not what the sign-in needs; the message is for the agent. */
export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

export function discoveryUrl(authority: string): string {
  return `${authority.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

function secureUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return value;
  } catch {
    // not a URL
  }
  return undefined;
}

export function parseDiscovery(body: unknown, authority: string): ProviderMetadata {
  const d = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const issuer = typeof d.issuer === 'string' ? d.issuer : '';
  // OIDC Discovery §4.3: the issuer must be the authority we asked (a trailing slash aside).
  if (issuer.replace(/\/+$/, '') !== authority.replace(/\/+$/, '')) {
    throw new SignInError('The identity provider describes itself as a different issuer; sign-in stopped for safety.');
  }
  const authorizationEndpoint = secureUrl(d.authorization_endpoint);
  const tokenEndpoint = secureUrl(d.token_endpoint);
  if (!authorizationEndpoint || !tokenEndpoint) {
    throw new SignInError('The identity provider’s description lacks its sign-in or token address.');
  }
  const methods = d.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw new SignInError('The identity provider does not support secure sign-in from a browser (PKCE S256).');
  }
  const metadata: ProviderMetadata = { issuer, authorizationEndpoint, tokenEndpoint };
  const endSession = secureUrl(d.end_session_endpoint);
  if (endSession) metadata.endSessionEndpoint = endSession;
  return metadata;
}

export function authorizationUrl(
  provider: ProviderMetadata,
  config: OidcConfig,
  request: { redirectUri: string; state: string; nonce: string; codeChallenge: string },
): string {
  const url = new URL(provider.authorizationEndpoint);
  const q = url.searchParams;
  q.set('response_type', 'code');
  q.set('client_id', config.clientId);
  q.set('redirect_uri', request.redirectUri);
  q.set('scope', config.scope);
  q.set('state', request.state);
  q.set('nonce', request.nonce);
  q.set('code_challenge', request.codeChallenge);
  q.set('code_challenge_method', 'S256');
  if (config.audience) q.set('audience', config.audience);
  return url.toString();
}

export function codeExchangeBody(r: { code: string; redirectUri: string; clientId: string; codeVerifier: string }): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code: r.code,
    redirect_uri: r.redirectUri,
    client_id: r.clientId,
    code_verifier: r.codeVerifier,
  });
}

export function refreshBody(r: { refreshToken: string; clientId: string }): URLSearchParams {
  return new URLSearchParams({ grant_type: 'refresh_token', refresh_token: r.refreshToken, client_id: r.clientId });
}

/** What the provider sent back to the redirect URI, or null when the URL is not such an answer. */
export type RedirectAnswer =
  | { kind: 'code'; code: string; state: string }
  | { kind: 'error'; error: string; description?: string; state: string };

export function readRedirect(search: string): RedirectAnswer | null {
  const q = new URLSearchParams(search);
  const state = q.get('state');
  if (state === null) return null;
  const error = q.get('error');
  if (error) {
    const description = q.get('error_description');
    return description ? { kind: 'error', error, description, state } : { kind: 'error', error, state };
  }
  const code = q.get('code');
  return code ? { kind: 'code', code, state } : null;
}

/** The redirect's query without the provider's parameters (what the address bar should keep). */
export function withoutRedirectParams(search: string): string {
  const q = new URLSearchParams(search);
  for (const key of ['code', 'state', 'error', 'error_description', 'error_uri', 'session_state', 'iss']) q.delete(key);
  const rest = q.toString();
  return rest ? `?${rest}` : '';
}

/** Without expires_in the token is treated as short-lived, so that it is renewed rather than trusted. */
const DEFAULT_LIFETIME_S = 300;

export function parseTokenResponse(body: unknown, now: number, previous?: Tokens): Tokens {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const accessToken = typeof b.access_token === 'string' ? b.access_token : '';
  if (!accessToken) throw new SignInError('The identity provider’s answer had no access token.');
  if (typeof b.token_type === 'string' && b.token_type.toLowerCase() !== 'bearer') {
    throw new SignInError(`The identity provider sent a token of an unexpected kind (${b.token_type}).`);
  }
  const seconds = typeof b.expires_in === 'number' && b.expires_in > 0 ? b.expires_in : Number(b.expires_in) || DEFAULT_LIFETIME_S;
  const tokens: Tokens = { accessToken, expiresAt: now + seconds * 1000, lifetimeMs: seconds * 1000 };
  // A refresh may omit the id token or the refresh token: keep the ones we had (RFC 6749 §6).
  const idToken = typeof b.id_token === 'string' ? b.id_token : previous?.idToken;
  const refreshToken = typeof b.refresh_token === 'string' ? b.refresh_token : previous?.refreshToken;
  if (idToken) tokens.idToken = idToken;
  if (refreshToken) tokens.refreshToken = refreshToken;
  return tokens;
}

/** A JWT's claims, unverified: the API verifies signatures; the browser only reads. */
export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part) throw new SignInError('The identity provider sent a malformed token.');
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (claims && typeof claims === 'object') return claims as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new SignInError('The identity provider sent a malformed token.');
}

/** Allowed clock difference between this computer and the provider. */
const CLOCK_SKEW_S = 120;

/**
 * The ID token answers this browser's request (OIDC Core §3.1.3.7): our nonce, our client, the
 * provider's issuer, not expired. It came straight from the token endpoint over TLS, which
 * the spec accepts in place of checking its signature in the client.
 */
export function checkIdToken(idToken: string, expected: { issuer: string; clientId: string; nonce: string; now: number }): Record<string, unknown> {
  const claims = decodeJwtPayload(idToken);
  if (claims.nonce !== expected.nonce) throw new SignInError('The sign-in answer was not for this browser’s request. Please sign in again.');
  if (typeof claims.iss !== 'string' || claims.iss.replace(/\/+$/, '') !== expected.issuer.replace(/\/+$/, '')) {
    throw new SignInError('The sign-in answer came from a different issuer. Please sign in again.');
  }
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audience.includes(expected.clientId)) throw new SignInError('The sign-in answer was meant for another application.');
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_S < expected.now / 1000) {
    throw new SignInError('The sign-in answer has expired. Check this computer’s clock, then sign in again.');
  }
  return claims;
}

export function endSessionUrl(
  provider: ProviderMetadata,
  r: { idTokenHint?: string; clientId: string; postLogoutRedirectUri: string },
): string | null {
  if (!provider.endSessionEndpoint) return null;
  const url = new URL(provider.endSessionEndpoint);
  if (r.idTokenHint) url.searchParams.set('id_token_hint', r.idTokenHint);
  url.searchParams.set('client_id', r.clientId);
  url.searchParams.set('post_logout_redirect_uri', r.postLogoutRedirectUri);
  return url.toString();
}

/** Renew this long before the access token ends: a minute, or a quarter of a short lifetime. */
export function refreshLeadMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(1_000, lifetimeMs / 4));
}

/** Milliseconds from `now` until the tokens should be renewed (0 = now). */
export function refreshDelayMs(tokens: Pick<Tokens, 'expiresAt' | 'lifetimeMs'>, now: number): number {
  const at = tokens.expiresAt - refreshLeadMs(tokens.lifetimeMs);
  // setTimeout overflows past 2^31-1 ms (~24.8 days).
  return Math.min(Math.max(0, Math.round(at - now)), 2_147_483_647);
}
