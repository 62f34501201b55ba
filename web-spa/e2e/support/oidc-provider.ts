import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A small but real OpenID Connect provider for the end-to-end tests: discovery, JWKS (an RS256 key
// made at start), a sign-in form, Authorization Code with PKCE, refresh tokens and end-session.
// It listens on 127.0.0.1 on a random port and records every call for the test to check.
// It checks what a strict provider checks (client, redirect URI, PKCE verifier, single-use codes),
// so that the app is proven against the protocol, not against a stub that says yes.

/** The people who can sign in: username → name and roles. */
export const USERS: Record<string, { name: string; roles: string[] }> = {
  agent: { name: 'Avery Support', roles: ['agent'] },
  admin: { name: 'Morgan Admin', roles: ['admin'] },
};

export interface ProviderOptions {
  clientId: string;
  /** Where the provider may send the browser back (sign-in and sign-out). */
  redirectUris: string[];
  /** The access token's lifetime; short, so that the app must renew it. */
  accessTokenSeconds: number;
  /** The access token's aud (default: the client id). */
  audience?: string;
}

export interface RecordedCall {
  at: number;
  method: string;
  /** Path below the issuer, e.g. "/token". */
  path: string;
  /** The query (GET) or the form (POST). */
  params: Record<string, string>;
}

export interface IssuedTokens {
  at: number;
  grant: 'authorization_code' | 'refresh_token';
  username: string;
  accessToken: string;
  /** Epoch ms of the access token's exp. */
  accessExpiresAt: number;
  idToken?: string;
  refreshToken: string;
}

export interface OidcProvider {
  issuer: string;
  calls: RecordedCall[];
  issued: IssuedTokens[];
  /** Calls to one endpoint (path below the issuer), optionally of one grant type. */
  callsTo(path: string, grantType?: string): RecordedCall[];
  /** A JWT signed with the provider's key, with exactly these claims (for expired or odd tokens). */
  mint(claims: Record<string, unknown>): string;
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  username: string;
  scope: string;
  expiresAt: number;
}

const BASE_PATH = '/test-idp';
const CODE_SECONDS = 60;
const ID_TOKEN_SECONDS = 300;

function base64Url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startOidcProvider(options: ProviderOptions): Promise<OidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key: KeyObject = createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const kid = randomUUID();
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, { username: string; clientId: string; scope: string }>();
  const calls: RecordedCall[] = [];
  const issued: IssuedTokens[] = [];
  let issuer = '';

  const mint = (claims: Record<string, unknown>): string => {
    const head = base64Url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const body = base64Url(JSON.stringify(claims));
    const signature = sign('sha256', Buffer.from(`${head}.${body}`), key);
    return `${head}.${body}.${base64Url(signature)}`;
  };

  const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(status, {
      'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json',
      'Cache-Control': 'no-store',
      ...headers,
    });
    response.end(text);
  };

  // The app calls discovery and /token from its own origin: a browser needs CORS for those.
  const cors = (request: IncomingMessage): Record<string, string> =>
    request.headers.origin ? { 'Access-Control-Allow-Origin': request.headers.origin, Vary: 'Origin' } : {};

  const tokenError = (request: IncomingMessage, response: ServerResponse, error: string, description: string) =>
    send(response, 400, { error, error_description: description }, cors(request));

  const issue = (request: IncomingMessage, response: ServerResponse, grant: IssuedTokens['grant'], username: string, clientId: string, scope: string, nonce?: string) => {
    const user = USERS[username]!;
    const now = Math.floor(Date.now() / 1000);
    const exp = now + options.accessTokenSeconds;
    const accessToken = mint({
      iss: issuer,
      sub: username,
      aud: options.audience ?? clientId,
      client_id: clientId,
      scope,
      name: user.name,
      'cdt:roles': user.roles,
      iat: now,
      exp,
      jti: randomUUID(),
    });
    const refreshToken = base64Url(randomBytes(32));
    refreshTokens.set(refreshToken, { username, clientId, scope });
    const answer: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: options.accessTokenSeconds,
      refresh_token: refreshToken,
      scope,
    };
    const record: IssuedTokens = { at: Date.now(), grant, username, accessToken, accessExpiresAt: exp * 1000, refreshToken };
    if (grant === 'authorization_code') {
      const idToken = mint({ iss: issuer, sub: username, aud: clientId, nonce, name: user.name, iat: now, exp: now + ID_TOKEN_SECONDS });
      answer.id_token = idToken;
      record.idToken = idToken;
    }
    issued.push(record);
    send(response, 200, answer, cors(request));
  };

  const signInPage = (params: Record<string, string>, problem?: string) => {
    const hidden = Object.entries(params)
      .filter(([name]) => name !== 'username')
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title>
<style>body{font:16px system-ui,sans-serif;background:#eef1f5;margin:0;display:grid;place-items:center;min-height:100vh}
form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0003;min-width:20rem}
label,input,button{display:block;width:100%;box-sizing:border-box}input{margin:.3rem 0 1rem;padding:.5rem;font:inherit}
button{padding:.6rem;font:inherit;background:#1d4ed8;color:#fff;border:0;border-radius:4px}.error{color:#b91c1c}</style></head>
<body><form method="post" action="${BASE_PATH}/authorize"><h1>Test identity provider</h1>
<p>Sign in to continue to Customer Data Tools.</p>${problem ? `<p class="error" role="alert">${escapeHtml(problem)}</p>` : ''}
<label for="username">Username</label><input id="username" name="username" autocomplete="username" autofocus>
${hidden}<button type="submit">Continue</button></form></body></html>`;
  };

  const authorizeProblem = (params: Record<string, string>): string | null => {
    if (params.client_id !== options.clientId) return 'unknown client_id';
    if (!options.redirectUris.includes(params.redirect_uri ?? '')) return 'redirect_uri is not registered for this client';
    if (params.response_type !== 'code') return 'response_type must be code';
    if (!params.code_challenge || params.code_challenge_method !== 'S256') return 'PKCE with S256 is required';
    if (!params.state) return 'state is required';
    if (!(params.scope ?? '').split(' ').includes('openid')) return 'scope must include openid';
    return null;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', issuer);
    if (!url.pathname.startsWith(BASE_PATH)) return send(response, 404, { error: 'not_found' });
    const path = url.pathname.slice(BASE_PATH.length) || '/';
    const method = request.method ?? 'GET';
    const params: Record<string, string> =
      method === 'POST' ? Object.fromEntries(new URLSearchParams(await readBody(request))) : Object.fromEntries(url.searchParams);
    calls.push({ at: Date.now(), method, path, params });

    if (method === 'OPTIONS') {
      return send(response, 204, '', { ...cors(request), 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type, Accept' });
    }
    if (method === 'GET' && path === '/.well-known/openid-configuration') {
      return send(
        response,
        200,
        {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          end_session_endpoint: `${issuer}/logout`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code', 'refresh_token'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          scopes_supported: ['openid', 'profile', 'offline_access'],
          token_endpoint_auth_methods_supported: ['none'],
        },
        cors(request),
      );
    }
    if (method === 'GET' && path === '/jwks') return send(response, 200, { keys: [jwk] });
    if (path === '/authorize' && (method === 'GET' || method === 'POST')) {
      const problem = authorizeProblem(params);
      // An unknown client or redirect URI is never redirected to (RFC 6749 §4.1.2.1).
      if (problem) return send(response, 400, `<!doctype html><p role="alert">Sign-in request refused: ${escapeHtml(problem)}</p>`);
      if (method === 'GET') return send(response, 200, signInPage(params));
      const username = (params.username ?? '').trim();
      if (!USERS[username]) return send(response, 200, signInPage(params, 'No such user. Try agent or admin.'));
      const code = base64Url(randomBytes(24));
      codes.set(code, {
        clientId: params.client_id!,
        redirectUri: params.redirect_uri!,
        codeChallenge: params.code_challenge!,
        nonce: params.nonce,
        username,
        scope: params.scope!,
        expiresAt: Date.now() + CODE_SECONDS * 1000,
      });
      const back = new URL(params.redirect_uri!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', params.state!);
      response.writeHead(302, { Location: back.toString(), 'Cache-Control': 'no-store' });
      return response.end();
    }
    if (method === 'POST' && path === '/token') {
      if (params.grant_type === 'authorization_code') {
        const pending = codes.get(params.code ?? '');
        codes.delete(params.code ?? ''); // single use, whatever happens next
        if (!pending || pending.expiresAt < Date.now()) return tokenError(request, response, 'invalid_grant', 'unknown, used or expired code');
        if (params.client_id !== pending.clientId) return tokenError(request, response, 'invalid_grant', 'code issued to another client');
        if (params.redirect_uri !== pending.redirectUri) return tokenError(request, response, 'invalid_grant', 'redirect_uri differs from the authorization request');
        const verifier = params.code_verifier ?? '';
        if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || base64Url(createHash('sha256').update(verifier).digest()) !== pending.codeChallenge) {
          return tokenError(request, response, 'invalid_grant', 'PKCE verification failed');
        }
        return issue(request, response, 'authorization_code', pending.username, pending.clientId, pending.scope, pending.nonce);
      }
      if (params.grant_type === 'refresh_token') {
        const held = refreshTokens.get(params.refresh_token ?? '');
        if (!held || held.clientId !== params.client_id) return tokenError(request, response, 'invalid_grant', 'unknown or revoked refresh token');
        refreshTokens.delete(params.refresh_token!); // rotated: each refresh token works once
        return issue(request, response, 'refresh_token', held.username, held.clientId, held.scope);
      }
      return tokenError(request, response, 'unsupported_grant_type', `grant_type ${params.grant_type ?? '(none)'}`);
    }
    if (method === 'GET' && path === '/logout') {
      const back = params.post_logout_redirect_uri ?? '';
      if (params.client_id !== options.clientId || !options.redirectUris.includes(back)) {
        return send(response, 400, '<!doctype html><p role="alert">Sign-out request refused: unknown client or return address</p>');
      }
      // Ending the session revokes the person's refresh tokens.
      const who = params.id_token_hint ? JSON.parse(Buffer.from(params.id_token_hint.split('.')[1] ?? '', 'base64url').toString()).sub : undefined;
      for (const [token, held] of refreshTokens) if (held.username === who) refreshTokens.delete(token);
      response.writeHead(302, { Location: back, 'Cache-Control': 'no-store' });
      return response.end();
    }
    return send(response, 404, { error: 'not_found' });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((e: unknown) => send(response, 500, { error: 'server_error', error_description: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`;

  return {
    issuer,
    calls,
    issued,
    callsTo: (path, grantType) => calls.filter((c) => c.path === path && (!grantType || c.params.grant_type === grantType)),
    mint,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
