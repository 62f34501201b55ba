import { describe, expect, it } from 'vitest';
import { AuthConfigError, loadAuthConfig, parseAuthConfig } from './config';

describe('parseAuthConfig', () => {
  it('reads the dev mode', () => {
    expect(parseAuthConfig({ auth: { mode: 'dev' } })).toEqual({ mode: 'dev' });
  });

  it('reads the OIDC mode, with openid always in the scope', () => {
    expect(parseAuthConfig({ auth: { mode: 'oidc', authority: 'https://id.example.com/', clientId: 'cdt', scope: 'profile', audience: 'cdt-api' } })).toEqual({
      mode: 'oidc',
      authority: 'https://id.example.com/',
      clientId: 'cdt',
      scope: 'openid profile',
      audience: 'cdt-api',
    });
    expect(parseAuthConfig({ auth: { mode: 'oidc', authority: 'http://127.0.0.1:9000', clientId: 'cdt' } })).toMatchObject({ scope: 'openid profile' });
  });

  it('says what is wrong with a broken file', () => {
    expect(() => parseAuthConfig({})).toThrow(/no "auth" section/);
    expect(() => parseAuthConfig({ auth: { mode: 'saml' } })).toThrow(/unknown sign-in mode "saml"/);
    expect(() => parseAuthConfig({ auth: { mode: 'oidc', clientId: 'cdt' } })).toThrow(/identity provider or client id is missing/);
    expect(() => parseAuthConfig({ auth: { mode: 'oidc', authority: 'not a url', clientId: 'cdt' } })).toThrow(/not a URL/);
    expect(() => parseAuthConfig({ auth: { mode: 'oidc', authority: 'http://id.example.com', clientId: 'cdt' } })).toThrow(/must use https/);
  });
});

describe('loadAuthConfig', () => {
  it('fetches /config.json without a token and uncached', async () => {
    const seen: [string, RequestInit | undefined][] = [];
    const fetchFn = (async (url: string, init?: RequestInit) => {
      seen.push([url, init]);
      return new Response('{"auth":{"mode":"dev"}}', { headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    expect(await loadAuthConfig(fetchFn)).toEqual({ mode: 'dev' });
    expect(seen[0]![0]).toBe('/config.json');
    expect(seen[0]![1]?.cache).toBe('no-store');
    expect(new Headers(seen[0]![1]?.headers).has('Authorization')).toBe(false);
  });

  it('explains a missing file, an HTML page and no answer', async () => {
    const answer = (r: Response | Error) => (async () => {
      if (r instanceof Error) throw r;
      return r;
    }) as unknown as typeof fetch;
    await expect(loadAuthConfig(answer(new Response('nope', { status: 404 })))).rejects.toThrow(/answered 404/);
    await expect(loadAuthConfig(answer(new Response('<html></html>')))).rejects.toThrow(/not JSON/);
    await expect(loadAuthConfig(answer(new TypeError('offline')))).rejects.toBeInstanceOf(AuthConfigError);
  });
});
