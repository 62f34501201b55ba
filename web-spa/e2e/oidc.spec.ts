import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOidcProvider, type OidcProvider } from './support/oidc-provider';

// Hosted sign-in end to end with real parts: a real OIDC provider (support/oidc-provider.ts) and a
// second local gateway started by this spec in OIDC mode (cdt serve --oidc-issuer …), so the
// suite's own gateway stays in dev mode. Screenshots 70–73 go to the user guide.

const here = fileURLToPath(new URL('.', import.meta.url));
const guide = fileURLToPath(new URL('../../docs/user-guide/', import.meta.url));
const port = Number(process.env.CDT_E2E_OIDC_PORT ?? Number(process.env.CDT_E2E_PORT ?? 18080) + 1);
const app = `http://localhost:${port}`;
const CLIENT_ID = 'cdt-web';
// Short enough that the test sees a renewal and the first token's end; long enough for a slow start.
const ACCESS_SECONDS = 12;

let provider: OidcProvider;
let gateway: ChildProcess | undefined;
let gatewayLog = '';
let dataDir: string;

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${app}/api/health`)).ok;
  } catch {
    return false;
  }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  mkdirSync(guide, { recursive: true });
  provider = await startOidcProvider({ clientId: CLIENT_ID, redirectUris: [`${app}/`], accessTokenSeconds: ACCESS_SECONDS });
  const jar = process.env.CDT_GATEWAY_JAR ?? join(here, '..', '..', 'functions', 'local-gateway', 'target', 'cdt.jar');
  if (!existsSync(jar)) throw new Error(`The OIDC spec needs the local gateway jar at ${jar}: ./mvnw -q -pl functions/local-gateway -am package`);
  if (await healthy()) throw new Error(`Port ${port} is taken; set CDT_E2E_OIDC_PORT to a free port.`);
  dataDir = mkdtempSync(join(tmpdir(), 'cdt-e2e-oidc-'));
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  // The smallest demo district: this spec signs in, it runs no tool.
  gateway = spawn(java, ['-jar', jar, 'serve', '--port', String(port), '--data-dir', dataDir, '--demo-students', '100',
    '--oidc-issuer', provider.issuer, '--oidc-client-id', CLIENT_ID], { stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => (gatewayLog = (gatewayLog + chunk.toString()).slice(-20_000));
  gateway.stdout!.on('data', keep);
  gateway.stderr!.on('data', keep);
  const started = Date.now();
  while (!(await healthy())) {
    if (gateway.exitCode !== null) throw new Error(`The OIDC gateway stopped (exit ${gateway.exitCode}):\n${gatewayLog}`);
    if (Date.now() - started > 200_000) throw new Error(`The OIDC gateway did not start within 200 s:\n${gatewayLog}`);
    await new Promise((r) => setTimeout(r, 300));
  }
});

test.afterAll(async () => {
  if (gateway && gateway.exitCode === null) {
    // SIGTERM lets the gateway stop its embedded PostgreSQL before the folder goes.
    const exited = new Promise((r) => gateway!.once('exit', r));
    gateway.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await provider?.close();
});

interface ApiCall {
  at: number;
  path: string;
  authorization?: string;
  status: number;
}

/** Every /api call the page makes, with its bearer token and the answer's status. */
function watchApi(page: Page): ApiCall[] {
  const calls: ApiCall[] = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.origin !== app || !url.pathname.startsWith('/api/')) return;
    const at = Date.now();
    void Promise.all([request.allHeaders(), request.response()]).then(([headers, response]) =>
      calls.push({ at, path: url.pathname + url.search, authorization: headers.authorization, status: response?.status() ?? 0 }),
    );
  });
  return calls;
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
}

/** Sign-ins started: the browser sent to the provider's sign-in page (not the form's submission). */
const signInsStarted = () => provider.callsTo('/authorize').filter((c) => c.method === 'GET').length;

async function me(token: string): Promise<Response> {
  return fetch(`${app}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${guide}${name}.png`, fullPage: true });

test('opening the app signs in at the provider; the token stays in memory, is renewed, and sign-out ends it there', async ({ page }) => {
  const api = watchApi(page);
  const config = await (await fetch(`${app}/config.json`)).json();
  expect(config).toEqual({ auth: { mode: 'oidc', authority: provider.issuer, clientId: CLIENT_ID, scope: 'openid profile offline_access' } });
  expect((await fetch(`${app}/api/dev/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"admin","password":"admin"}' })).status).toBe(404);

  // 1. Opening a screen of the app goes to the provider's sign-in, with PKCE.
  await page.goto(`${app}/history`);
  await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/authorize?`));
  const authorize = provider.callsTo('/authorize')[0]!;
  expect(authorize.params).toMatchObject({ client_id: CLIENT_ID, redirect_uri: `${app}/`, response_type: 'code', code_challenge_method: 'S256', scope: 'openid profile offline_access' });
  expect(authorize.params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await page.getByLabel('Username').fill('agent');
  await shot(page, '70-oidc-sign-in');
  await page.getByRole('button', { name: 'Continue' }).click();

  // 2. Back on the screen it asked for, with the person's name and role.
  await expect(page.getByRole('banner')).toContainText('Signed in as Avery Support (agent)');
  await expect(page).toHaveURL(`${app}/history`);
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeFocused();
  // A fresh gateway: the history the API sent back is empty.
  await expect(page.getByText('No runs yet.', { exact: false })).toBeVisible();
  await shot(page, '71-oidc-signed-in');
  const first = provider.issued[0]!;
  expect(first.grant).toBe('authorization_code');
  const exchange = provider.callsTo('/token', 'authorization_code')[0]!;
  expect(exchange.params).toMatchObject({ client_id: CLIENT_ID, redirect_uri: `${app}/` });
  expect(exchange.params.code_verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);

  // 3. The page's API calls carry the provider's token and succeed.
  await expect.poll(() => api.map((c) => c.path.split('?')[0])).toEqual(expect.arrayContaining(['/api/me', '/api/runs']));
  for (const call of api) {
    expect(call.authorization, call.path).toBe(`Bearer ${first.accessToken}`);
    expect(call.status, call.path).toBe(200);
  }

  // 4. No token in localStorage, sessionStorage or cookies.
  const storage = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
  expect(storage).toEqual({ local: {}, session: {} });
  expect(await page.context().cookies()).toEqual([]);

  // 5. Renewed before it ends, with the refresh token; a call after the first token's end works without a new sign-in.
  await expect.poll(() => provider.callsTo('/token', 'refresh_token').length, { timeout: ACCESS_SECONDS * 1000 + 10_000 }).toBeGreaterThan(0);
  const refresh = provider.callsTo('/token', 'refresh_token')[0]!;
  expect(refresh.at).toBeLessThan(first.accessExpiresAt);
  expect(refresh.params).toMatchObject({ refresh_token: first.refreshToken, client_id: CLIENT_ID });
  await page.waitForTimeout(Math.max(0, first.accessExpiresAt - Date.now() + 1000));
  const seen = api.length;
  await page.getByLabel('Ticket').fill('4242');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect.poll(() => api.slice(seen).filter((c) => c.path.startsWith('/api/runs?')).length).toBeGreaterThan(0);
  const late = api.slice(seen).find((c) => c.path.startsWith('/api/runs?'))!;
  expect(late.at).toBeGreaterThan(first.accessExpiresAt);
  expect(late.status).toBe(200);
  await expect(page.getByText('No runs match these filters.')).toBeVisible();
  const renewed = provider.issued.slice(1).map((t) => `Bearer ${t.accessToken}`);
  expect(renewed).toContain(late.authorization);
  expect(signInsStarted()).toBe(1);
  await expect(page.getByRole('banner')).toContainText('Signed in as Avery Support');

  // 6. The API refuses a tampered or expired token of this provider (and takes the current one).
  const current = provider.issued.at(-1)!.accessToken;
  expect((await me(current)).status).toBe(200);
  const [head, , signature] = current.split('.');
  const promoted = Buffer.from(JSON.stringify({ ...claimsOf(current), 'cdt:roles': ['admin'] })).toString('base64url');
  expect((await me(`${head}.${promoted}.${signature}`)).status).toBe(401);
  const now = Math.floor(Date.now() / 1000);
  const expired = await me(provider.mint({ ...claimsOf(current), iat: now - 900, exp: now - 600 }));
  expect(expired.status).toBe(401);
  expect(((await expired.json()) as { detail: string }).detail).toContain('expired');

  // 7. Sign-out forgets the tokens, ends the provider's session, and comes back signed out.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${app}/`);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  const logout = provider.callsTo('/logout')[0]!;
  expect(logout.params).toMatchObject({ client_id: CLIENT_ID, post_logout_redirect_uri: `${app}/`, id_token_hint: first.idToken });
  await shot(page, '72-oidc-signed-out');
  // Nothing was kept: opening the app again needs a new sign-in at the provider.
  await page.goto(`${app}/`);
  await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/authorize?`));
  expect(signInsStarted()).toBe(2);
});

test('a sign-in answer whose state is not this tab’s is refused in words, and its code is never used', async ({ page }) => {
  await page.goto(`${app}/`);
  await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/authorize?`));
  // A real code for a request this tab did not make: the provider answers with a state that is not ours.
  await page.locator('input[name="state"]').evaluate((input: HTMLInputElement) => (input.value = 'forged-state'));
  await page.getByLabel('Username').fill('admin');
  const exchanges = provider.callsTo('/token').length;
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Sign-in did not work');
  await expect(page.getByRole('alert')).toContainText('This sign-in answer does not match a sign-in started in this tab. Please sign in again.');
  await expect(page).toHaveURL(`${app}/`); // the code is out of the address bar
  expect(provider.callsTo('/token')).toHaveLength(exchanges);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await shot(page, '73-oidc-sign-in-refused');

  // Signing in again from there works.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill('admin');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('banner')).toContainText('Signed in as Morgan Admin (admin)');
});
