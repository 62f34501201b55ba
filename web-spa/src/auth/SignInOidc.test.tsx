import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { demoCustomer, missingDataTool } from '../test/fixtures';
import { fakeJwt } from '../test/jwt';
import { json, problem, stubFetch, type Answer, type Call } from '../test/stubFetch';
import { codeChallenge } from './pkce';
import { PENDING_KEY, SIGNED_OUT_KEY } from './signin';

// The OIDC sign-in through the whole app, with the identity provider's endpoints stubbed.

const AUTHORITY = 'https://id.example.com/tenant';
const config = { auth: { mode: 'oidc', authority: AUTHORITY, clientId: 'cdt-web', scope: 'openid profile', audience: 'cdt-api' } };
const discovery = {
  issuer: AUTHORITY,
  authorization_endpoint: `${AUTHORITY}/authorize`,
  token_endpoint: `${AUTHORITY}/token`,
  end_session_endpoint: `${AUTHORITY}/logout`,
  code_challenge_methods_supported: ['S256'],
};

function idToken(nonce: string) {
  return fakeJwt({ iss: AUTHORITY, aud: 'cdt-web', nonce, exp: Date.now() / 1000 + 3600, name: 'Ana Núñez' });
}

function providerRoutes(extra: Record<string, Answer | Answer[]> = {}): Record<string, Answer | Answer[]> {
  return {
    'GET /config.json': json(config),
    'GET /tenant/.well-known/openid-configuration': json(discovery),
    'GET /api/tools': json({ items: [missingDataTool] }),
    'GET /api/customers': json({ items: [demoCustomer] }),
    'GET /api/runs': json({ items: [], nextCursor: null }),
    'GET /api/me': json({ username: 'ana', name: 'Ana Núñez', roles: ['agent', 'engineer'] }),
    ...extra,
  };
}

/** Starts a sign-in on `path` and returns what the app stored and where it sent the browser. */
async function leaveForProvider(path: string) {
  window.history.replaceState(null, '', path);
  const server = stubFetch(providerRoutes());
  const assign = vi.fn();
  const view = render(<App fetch={server.fetch} assign={assign} />);
  // Opening the app goes straight to the provider: no click needed.
  await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
  expect(screen.getByRole('status').textContent).toBe('Signing you in…');
  const url = new URL(assign.mock.calls[0]![0] as string);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY)!) as { verifier: string; state: string; nonce: string; returnTo: string };
  view.unmount();
  return { url, pending };
}

describe('signing in with the identity provider', () => {
  beforeEach(() => {
    sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('sends the browser to the provider with PKCE, and comes back to the screen it left', async () => {
    const { url, pending } = await leaveForProvider('/history?toolId=missing-data');
    expect(url.origin + url.pathname).toBe(`${AUTHORITY}/authorize`);
    expect(url.searchParams.get('code_challenge')).toBe(await codeChallenge(pending.verifier));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(pending.state);
    expect(url.searchParams.get('nonce')).toBe(pending.nonce);
    expect(url.searchParams.get('redirect_uri')).toBe(`${window.location.origin}/`);
    expect(url.searchParams.get('audience')).toBe('cdt-api');
    expect(pending.returnTo).toBe('/history?toolId=missing-data');

    // The provider redirects back with a code.
    window.history.replaceState(null, '', `/?code=the-code&state=${pending.state}`);
    const tokenCalls: Call[] = [];
    const server = stubFetch(
      providerRoutes({
        'POST /tenant/token': (call) => {
          tokenCalls.push(call);
          return json({ access_token: 'access-1', id_token: idToken(pending.nonce), refresh_token: 'refresh-1', expires_in: 3600, token_type: 'Bearer' });
        },
      }),
    );
    render(<App fetch={server.fetch} assign={vi.fn()} />);
    expect(await screen.findByRole('heading', { name: 'History', level: 1 })).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/history?toolId=missing-data');
    expect(screen.getByRole('banner').textContent).toContain('Signed in as Ana Núñez (agent, engineer)');
    const form = tokenCalls[0]!.body as URLSearchParams;
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('the-code');
    expect(form.get('code_verifier')).toBe(pending.verifier);
    expect(server.calls.find((c) => c.path === '/api/me')!.headers.get('Authorization')).toBe('Bearer access-1');
    // Nothing is left in storage: the verifier was for the round trip only, tokens live in memory.
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  it('refuses an answer whose state is not the one this tab sent', async () => {
    await leaveForProvider('/');
    window.history.replaceState(null, '', '/?code=stolen&state=forged');
    const server = stubFetch(providerRoutes());
    render(<App fetch={server.fetch} assign={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toContain('does not match a sign-in started in this tab');
    expect(server.calls.some((c) => c.path === '/tenant/token')).toBe(false);
    expect(window.location.search).toBe('');
  });

  it('refuses an ID token made for another sign-in (nonce)', async () => {
    const { pending } = await leaveForProvider('/');
    window.history.replaceState(null, '', `/?code=c&state=${pending.state}`);
    const server = stubFetch(providerRoutes({ 'POST /tenant/token': json({ access_token: 'a', id_token: idToken('other-nonce'), expires_in: 3600 }) }));
    render(<App fetch={server.fetch} assign={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toContain('not for this browser’s request');
    expect(server.calls.some((c) => c.path === '/api/me')).toBe(false);
  });

  it('renews the token before it ends, then signs out at the provider too', async () => {
    const { pending } = await leaveForProvider('/history');
    window.history.replaceState(null, '', `/?code=c&state=${pending.state}`);
    const assign = vi.fn();
    const firstIdToken = idToken(pending.nonce);
    let issued = 0;
    const server = stubFetch(
      providerRoutes({
        // Two-second tokens: the app renews one second before the end.
        'POST /tenant/token': () => {
          issued += 1;
          return json({ access_token: `access-${issued}`, ...(issued === 1 ? { id_token: firstIdToken } : {}), refresh_token: `refresh-${issued}`, expires_in: 2 });
        },
      }),
    );
    render(<App fetch={server.fetch} assign={assign} />);
    await screen.findByRole('heading', { name: 'History', level: 1 });
    await waitFor(() => expect(issued).toBe(2), { timeout: 4000 });
    const refresh = server.calls.filter((c) => c.path === '/tenant/token')[1]!.body as URLSearchParams;
    expect(refresh.get('grant_type')).toBe('refresh_token');
    expect(refresh.get('refresh_token')).toBe('refresh-1');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('You are signed out.')).toBeTruthy();
    await waitFor(() => expect(assign).toHaveBeenCalled());
    const logout = new URL(assign.mock.calls[0]![0] as string);
    expect(logout.origin + logout.pathname).toBe(`${AUTHORITY}/logout`);
    // The refresh sent no new ID token: the first one is the hint.
    expect(logout.searchParams.get('id_token_hint')).toBe(firstIdToken);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${window.location.origin}/`);
    expect(sessionStorage.getItem(SIGNED_OUT_KEY)).toBe('1');
  });

  it('back from the provider’s sign-out, says so and waits for the person to sign in again', async () => {
    sessionStorage.setItem(SIGNED_OUT_KEY, '1');
    const server = stubFetch(providerRoutes());
    const assign = vi.fn();
    render(<App fetch={server.fetch} assign={assign} />);
    expect(await screen.findByText('You are signed out.')).toBeTruthy();
    expect(assign).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(SIGNED_OUT_KEY)).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
    expect(new URL(assign.mock.calls[0]![0] as string).pathname).toBe('/tenant/authorize');
  });

  it('greets the person by the ID token’s name when the API only knows the username', async () => {
    const { pending } = await leaveForProvider('/history');
    window.history.replaceState(null, '', `/?code=c&state=${pending.state}`);
    const server = stubFetch(
      providerRoutes({
        'GET /api/me': json({ username: 'ana', roles: ['agent'] }),
        'POST /tenant/token': json({ access_token: 'a', id_token: idToken(pending.nonce), refresh_token: 'r', expires_in: 3600 }),
      }),
    );
    render(<App fetch={server.fetch} assign={vi.fn()} />);
    await screen.findByRole('heading', { name: 'History', level: 1 });
    expect(screen.getByRole('banner').textContent).toContain('Signed in as Ana Núñez (agent)');
  });

  it('retries a call once with a renewed token when the server answers 401', async () => {
    const { pending } = await leaveForProvider('/history');
    window.history.replaceState(null, '', `/?code=c&state=${pending.state}`);
    let issued = 0;
    const server = stubFetch(
      providerRoutes({
        'POST /tenant/token': () => {
          issued += 1;
          return json({ access_token: `access-${issued}`, id_token: idToken(pending.nonce), refresh_token: 'r', expires_in: 3600 });
        },
        'GET /api/runs': (call) =>
          call.headers.get('Authorization') === 'Bearer access-1' ? problem(401, 'Sign-in needed') : json({ items: [], nextCursor: null }),
      }),
    );
    render(<App fetch={server.fetch} assign={vi.fn()} />);
    expect(await screen.findByText(/No runs yet/)).toBeTruthy();
    const runs = server.calls.filter((c) => c.path === '/api/runs').map((c) => c.headers.get('Authorization'));
    expect(runs).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(screen.getByRole('banner')).toBeTruthy();
  });

  it('returns to sign-in when the renewal is refused', async () => {
    const { pending } = await leaveForProvider('/history');
    window.history.replaceState(null, '', `/?code=c&state=${pending.state}`);
    const server = stubFetch(
      providerRoutes({
        'POST /tenant/token': [
          json({ access_token: 'access-1', id_token: idToken(pending.nonce), refresh_token: 'r', expires_in: 3600 }),
          json({ error: 'invalid_grant' }, 400),
        ],
        'GET /api/runs': problem(401, 'Sign-in needed'),
      }),
    );
    render(<App fetch={server.fetch} assign={vi.fn()} />);
    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
