import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Sign-in, header, dashboard, history and sign-out against the real local gateway.
// Screenshots 10–19 go to the user guide.

const guide = fileURLToPath(new URL('../../docs/user-guide/', import.meta.url));
// A ticket number of our own, so that the history filter finds this test's runs and no others.
const TICKET = String(Date.now()).slice(-9);

test.beforeAll(() => mkdirSync(guide, { recursive: true }));

async function signIn(page: Page, user = 'agent') {
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Signed in as');
}

async function tokenOf(request: APIRequestContext, user = 'agent'): Promise<string> {
  const response = await request.post('/api/dev/login', { data: { username: user, password: user } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { token: string }).token;
}

async function startRun(request: APIRequestContext, token: string, toolId: string): Promise<string> {
  const response = await request.post(`/api/tools/${toolId}/runs`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { customerId: 'demo', parameters: {}, ticketId: TICKET },
  });
  expect(response.status(), await response.text()).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

async function finished(request: APIRequestContext, token: string, runId: string): Promise<string> {
  let status = '';
  await expect
    .poll(
      async () => {
        const run = (await (await request.get(`/api/runs/${runId}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { status: string };
        status = run.status;
        return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(status);
      },
      { timeout: 150_000, intervals: [500] },
    )
    .toBe(true);
  return status;
}

test('sign in, see who is signed in, find runs in History, deep link, sign out', async ({ page, request }) => {
  const shot = (name: string) => page.screenshot({ path: `${guide}${name}.png`, fullPage: true });

  // The sign-in mode comes from /config.json, which needs no token.
  const config = await request.get('/config.json');
  expect(await config.json()).toEqual({ auth: { mode: 'dev' } });

  // Two runs of this test, of different tools, with the same ticket.
  const token = await tokenOf(request);
  const missingData = await startRun(request, token, 'missing-data');
  const emailConflicts = await startRun(request, token, 'parent-email-conflict');
  expect(await finished(request, token, missingData)).toBe('SUCCEEDED');
  expect(await finished(request, token, emailConflicts)).toBe('SUCCEEDED');

  // 1. Sign in: the header names the user and the role.
  await page.goto('/');
  await signIn(page);
  await expect(page.getByRole('banner')).toContainText(/Signed in as \S+ \(agent\)/);

  // 2. History, filtered by ticket, tool and status: this test's missing-data run and nothing else.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeFocused();
  await page.getByLabel('Ticket').fill(TICKET);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const rows = page.locator('.runs-table tbody tr');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Tool').selectOption('missing-data');
  await page.getByLabel('Status').selectOption('SUCCEEDED');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`/history\\?toolId=missing-data&status=SUCCEEDED&ticketId=${TICKET}$`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('link')).toHaveAttribute('href', `/runs/${missingData}`);
  await expect(page.getByText('Showing 1 run.')).toBeVisible();
  await shot('11-history');

  // The same filters with another status find nothing, and say so.
  await page.getByLabel('Status').selectOption('FAILED');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No runs match these filters.')).toBeVisible();

  // 3. A deep link restores the filters (after signing in: the token lives in memory only).
  await page.goto(`/history?toolId=parent-email-conflict&ticketId=${TICKET}`);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Tool')).toHaveValue('parent-email-conflict');
  await expect(page.getByLabel('Ticket')).toHaveValue(TICKET);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('link')).toHaveAttribute('href', `/runs/${emailConflicts}`);

  // An address that is no screen (a mistyped link opened in the browser) opens the app, which says so
  // on the dashboard rather than showing it silently; the notice goes with it.
  const typo = await page.request.get('/runz/nothing', { headers: { Accept: 'text/html' } });
  expect(typo.status()).toBe(404);
  await page.goto('/runz/nothing');
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByText('There is no page at “/runz/nothing”', { exact: false })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByText('There is no page at', { exact: false })).toHaveCount(0);

  // 4. Sign out: back to sign-in, nothing kept, and the API refuses the page's calls.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  expect(await page.evaluate(async () => (await fetch('/api/runs')).status)).toBe(401);
});

test('the dashboard shows a run while it runs and after', async ({ page, request }) => {
  const probe = await request.get('/api/dashboard', { headers: { Authorization: `Bearer ${await tokenOf(request)}` } });
  expect(probe.status()).toBe(200);

  await page.goto('/');
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeFocused();
  await expect(page.getByRole('banner')).toContainText('(agent)');

  // Started from the UI, so that it is this user's run.
  await page.getByRole('link', { name: 'Run a tool' }).first().click();
  await page.getByLabel('Customer', { exact: true }).selectOption('demo');
  await page.locator('input[name="tool"][value="student-mismatch"]').check();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const runId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();

  const running = page.getByRole('region', { name: 'Running now' });
  const recent = page.getByRole('region', { name: 'Recent runs' });
  const link = `a[href="/runs/${runId}"]`;
  // A fast run may be over before the first look; then it must already be in my recent runs.
  // While it runs it is in both lists (recent runs include unfinished ones).
  await expect(running.locator(link).or(recent.locator(link)).first()).toBeVisible();
  if (await running.locator(link).isVisible()) {
    await expect(running.getByRole('progressbar').first()).toBeVisible();
    await page.screenshot({ path: `${guide}12-dashboard-running.png`, fullPage: true });
  } else {
    test.info().annotations.push({ type: 'note', description: 'The run finished before the dashboard showed it running.' });
  }
  // After: it leaves "Running now" by itself (the dashboard polls) and is in my recent runs.
  await expect(running.locator(link)).toHaveCount(0, { timeout: 150_000 });
  await expect(recent.locator(link)).toBeVisible();
  await expect(running.getByText('No runs are running now.')).toBeVisible();
  await page.screenshot({ path: `${guide}10-dashboard.png`, fullPage: true });
});
