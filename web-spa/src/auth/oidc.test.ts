import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../test/jwt';
import type { OidcConfig } from './config';
import {
  authorizationUrl,
  checkIdToken,
  codeExchangeBody,
  decodeJwtPayload,
  discoveryUrl,
  endSessionUrl,
  parseDiscovery,
  parseTokenResponse,
  readRedirect,
  refreshBody,
  refreshDelayMs,
  withoutRedirectParams,
  type ProviderMetadata,
} from './oidc';

const config: OidcConfig = { mode: 'oidc', authority: 'https://id.example.com/tenant', clientId: 'cdt-web', scope: 'openid profile', audience: 'cdt-api' };
const provider: ProviderMetadata = {
  issuer: 'https://id.example.com/tenant',
  authorizationEndpoint: 'https://id.example.com/tenant/authorize?ui=compact',
  tokenEndpoint: 'https://id.example.com/tenant/token',
  endSessionEndpoint: 'https://id.example.com/tenant/logout',
};

describe('discovery', () => {
  it('finds the document under the authority', () => {
    expect(discoveryUrl('https://id.example.com/tenant/')).toBe('https://id.example.com/tenant/.well-known/openid-configuration');
  });

  it('reads the endpoints and checks the issuer and PKCE support', () => {
    const doc = {
      issuer: 'https://id.example.com/tenant/',
      authorization_endpoint: 'https://id.example.com/tenant/authorize',
      token_endpoint: 'https://id.example.com/tenant/token',
      end_session_endpoint: 'https://id.example.com/tenant/logout',
      code_challenge_methods_supported: ['S256'],
    };
    expect(parseDiscovery(doc, 'https://id.example.com/tenant')).toEqual({
      issuer: 'https://id.example.com/tenant/',
      authorizationEndpoint: 'https://id.example.com/tenant/authorize',
      tokenEndpoint: 'https://id.example.com/tenant/token',
      endSessionEndpoint: 'https://id.example.com/tenant/logout',
    });
    expect(() => parseDiscovery({ ...doc, issuer: 'https://evil.example.com' }, 'https://id.example.com/tenant')).toThrow(/different issuer/);
    expect(() => parseDiscovery({ ...doc, code_challenge_methods_supported: ['plain'] }, 'https://id.example.com/tenant')).toThrow(/PKCE S256/);
    expect(() => parseDiscovery({ ...doc, token_endpoint: 'http://id.example.com/token' }, 'https://id.example.com/tenant')).toThrow(/token address/);
    const { end_session_endpoint: _, ...withoutLogout } = doc;
    expect(parseDiscovery(withoutLogout, 'https://id.example.com/tenant').endSessionEndpoint).toBeUndefined();
  });
});

describe('the authorization request', () => {
  it('asks for a code with PKCE S256, state, nonce and the audience, keeping the endpoint’s own query', () => {
    const url = new URL(authorizationUrl(provider, config, { redirectUri: 'https://cdt.example.com/', state: 'st', nonce: 'no', codeChallenge: 'ch' }));
    expect(url.origin + url.pathname).toBe('https://id.example.com/tenant/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ui: 'compact',
      response_type: 'code',
      client_id: 'cdt-web',
      redirect_uri: 'https://cdt.example.com/',
      scope: 'openid profile',
      state: 'st',
      nonce: 'no',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      audience: 'cdt-api',
    });
  });

  it('builds the token requests as forms', () => {
    expect(codeExchangeBody({ code: 'c', redirectUri: 'https://cdt.example.com/', clientId: 'cdt-web', codeVerifier: 'v' }).toString()).toBe(
      'grant_type=authorization_code&code=c&redirect_uri=https%3A%2F%2Fcdt.example.com%2F&client_id=cdt-web&code_verifier=v',
    );
    expect(refreshBody({ refreshToken: 'r', clientId: 'cdt-web' }).toString()).toBe('grant_type=refresh_token&refresh_token=r&client_id=cdt-web');
  });
});

describe('the redirect back', () => {
  it('reads a code, an error, or nothing', () => {
    expect(readRedirect('?code=abc&state=xyz')).toEqual({ kind: 'code', code: 'abc', state: 'xyz' });
    expect(readRedirect('?error=access_denied&error_description=No+access&state=xyz')).toEqual({
      kind: 'error',
      error: 'access_denied',
      description: 'No access',
      state: 'xyz',
    });
    expect(readRedirect('?toolId=missing-data')).toBeNull();
    expect(readRedirect('?code=abc')).toBeNull();
  });

  it('leaves the app’s own query in the address bar', () => {
    expect(withoutRedirectParams('?code=a&state=b&session_state=c&iss=d')).toBe('');
    expect(withoutRedirectParams('?toolId=x&code=a&state=b')).toBe('?toolId=x');
  });
});

describe('token responses', () => {
  const now = 1_800_000_000_000;

  it('reads the tokens and when the access token ends', () => {
    expect(parseTokenResponse({ access_token: 'a', id_token: 'i', refresh_token: 'r', expires_in: 3600, token_type: 'Bearer' }, now)).toEqual({
      accessToken: 'a',
      idToken: 'i',
      refreshToken: 'r',
      expiresAt: now + 3_600_000,
      lifetimeMs: 3_600_000,
    });
  });

  it('keeps the previous refresh and id tokens when a refresh leaves them out', () => {
    const previous = parseTokenResponse({ access_token: 'a', id_token: 'i', refresh_token: 'r', expires_in: 60 }, now);
    expect(parseTokenResponse({ access_token: 'b', expires_in: '120' }, now, previous)).toEqual({
      accessToken: 'b',
      idToken: 'i',
      refreshToken: 'r',
      expiresAt: now + 120_000,
      lifetimeMs: 120_000,
    });
    expect(parseTokenResponse({ access_token: 'c', refresh_token: 'r2' }, now, previous)).toMatchObject({ refreshToken: 'r2', lifetimeMs: 300_000 });
  });

  it('refuses an answer without an access token or of another token type', () => {
    expect(() => parseTokenResponse({ id_token: 'i' }, now)).toThrow(/no access token/);
    expect(() => parseTokenResponse({ access_token: 'a', token_type: 'MAC' }, now)).toThrow(/unexpected kind/);
  });
});

describe('the ID token', () => {
  const now = 1_800_000_000_000;
  const claims = { iss: 'https://id.example.com/tenant', aud: 'cdt-web', nonce: 'n-1', exp: now / 1000 + 300, name: 'Ana Núñez' };
  const expected = { issuer: 'https://id.example.com/tenant', clientId: 'cdt-web', nonce: 'n-1', now };

  it('decodes UTF-8 claims', () => {
    expect(decodeJwtPayload(fakeJwt(claims)).name).toBe('Ana Núñez');
    expect(() => decodeJwtPayload('not-a-jwt')).toThrow(/malformed/);
  });

  it('accepts our nonce, client and issuer', () => {
    expect(checkIdToken(fakeJwt(claims), expected).name).toBe('Ana Núñez');
    expect(checkIdToken(fakeJwt({ ...claims, aud: ['other', 'cdt-web'] }), expected).nonce).toBe('n-1');
  });

  it('refuses another nonce, audience, issuer or an expired token', () => {
    expect(() => checkIdToken(fakeJwt({ ...claims, nonce: 'n-2' }), expected)).toThrow(/not for this browser/);
    expect(() => checkIdToken(fakeJwt({ ...claims, aud: 'other' }), expected)).toThrow(/another application/);
    expect(() => checkIdToken(fakeJwt({ ...claims, iss: 'https://evil.example.com' }), expected)).toThrow(/different issuer/);
    expect(() => checkIdToken(fakeJwt({ ...claims, exp: now / 1000 - 600 }), expected)).toThrow(/expired/);
  });
});

describe('sign-out and refresh timing', () => {
  it('sends the id token hint and the way back to the provider’s logout page', () => {
    const url = new URL(endSessionUrl(provider, { idTokenHint: 'i', clientId: 'cdt-web', postLogoutRedirectUri: 'https://cdt.example.com/' })!);
    expect(Object.fromEntries(url.searchParams)).toEqual({ id_token_hint: 'i', client_id: 'cdt-web', post_logout_redirect_uri: 'https://cdt.example.com/' });
    expect(endSessionUrl({ ...provider, endSessionEndpoint: undefined }, { clientId: 'c', postLogoutRedirectUri: '/' })).toBeNull();
  });

  it('renews a minute before an hour-long token ends, a quarter before a short one', () => {
    const now = 1_000_000;
    expect(refreshDelayMs({ expiresAt: now + 3_600_000, lifetimeMs: 3_600_000 }, now)).toBe(3_540_000);
    expect(refreshDelayMs({ expiresAt: now + 120_000, lifetimeMs: 120_000 }, now)).toBe(90_000);
    expect(refreshDelayMs({ expiresAt: now + 2_000, lifetimeMs: 2_000 }, now)).toBe(1_000);
    // Already due (the laptop slept): now.
    expect(refreshDelayMs({ expiresAt: now - 5_000, lifetimeMs: 3_600_000 }, now)).toBe(0);
    expect(refreshDelayMs({ expiresAt: now + 90 * 86_400_000, lifetimeMs: 90 * 86_400_000 }, now)).toBe(2_147_483_647);
  });
});
