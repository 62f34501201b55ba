import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// What the cross-cutting specs (tools, accessibility, tablet, speed) share: the user guide's
// folder, signing in through the form, starting a run through the UI or the API.

export const guide = fileURLToPath(new URL('../../../docs/user-guide/', import.meta.url));

/** The four tools of the catalogue, in the order the specs walk them. */
export const TOOL_IDS = ['missing-data', 'student-mismatch', 'parent-email-conflict', 'campus-transfer'] as const;
export type ToolId = (typeof TOOL_IDS)[number];

export const DEMO = 'demo';

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(guide, { recursive: true });
  await page.screenshot({ path: `${guide}${name}.png`, fullPage });
}

/** Signs in through the form (locally the password is the username). */
export async function signIn(page: Page, username = 'agent'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${username}`);
}

/** Follows a link of the main navigation, as an agent would (the token lives in the page's memory). */
export async function openSection(page: Page, label: 'Dashboard' | 'Run a tool' | 'History' | 'Customers'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
}

/** Goes to an address inside the app without reloading it (a reload would lose the in-memory token). */
export async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** On the "Run a tool" screen: picks the demo customer and the tool, starts, and returns the run id. */
export async function startRunInUi(page: Page, toolId: string): Promise<string> {
  await openSection(page, 'Run a tool');
  await page.getByLabel('Customer', { exact: true }).selectOption(DEMO);
  await page.locator(`input[name="tool"][value="${toolId}"]`).check();
  await expect(page.getByRole('group', { name: /^Settings for / })).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

/** The run page's status badge. */
export function runStatus(page: Page): Locator {
  return page.locator('.run-meta .status');
}

/** Waits until the run on screen has finished and fails with the page's own explanation unless it succeeded. */
export async function expectRunSucceeded(page: Page): Promise<void> {
  const status = runStatus(page);
  await expect(status).toHaveText(/Finished|Failed|Cancelled/, { timeout: 150_000 });
  const failure = page.getByRole('alert');
  expect(await status.textContent(), (await failure.count()) ? await failure.first().innerText() : 'run did not succeed').toBe(
    'Finished',
  );
}

/** A token for API calls made by the test itself (setting up data, never checking the UI). */
export async function apiToken(request: APIRequestContext, username = 'agent'): Promise<string> {
  const response = await request.post('/api/dev/login', { data: { username, password: username } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/**
 * The ids of the newest `count` SUCCEEDED runs of the tool on the demo customer, newest first;
 * runs are started through the API and waited for when there are fewer. Specs that only look at
 * screens use it so that the suite does not repeat the runs the tools spec makes through the UI.
 */
export async function succeededRuns(request: APIRequestContext, toolId: string, count: number): Promise<string[]> {
  const headers = { Authorization: `Bearer ${await apiToken(request)}` };
  const existing = await request.get(`/api/runs?customerId=${DEMO}&toolId=${toolId}&status=SUCCEEDED&limit=${count}`, { headers });
  expect(existing.status(), await existing.text()).toBe(200);
  const ids = ((await existing.json()) as { items: { runId: string }[] }).items.map((r) => r.runId);
  while (ids.length < count) {
    const started = await request.post(`/api/tools/${toolId}/runs`, { headers, data: { customerId: DEMO, parameters: {} } });
    expect(started.status(), await started.text()).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    await expect
      .poll(
        async () => ((await (await request.get(`/api/runs/${runId}`, { headers })).json()) as { status: string }).status,
        { timeout: 150_000, intervals: [500, 1000] },
      )
      .toMatch(/SUCCEEDED|FAILED|CANCELLED/);
    const run = (await (await request.get(`/api/runs/${runId}`, { headers })).json()) as { status: string; error?: string };
    expect(run.status, run.error ?? '').toBe('SUCCEEDED');
    ids.unshift(runId);
  }
  return ids;
}

export async function succeededRun(request: APIRequestContext, toolId: string): Promise<string> {
  return (await succeededRuns(request, toolId, 1))[0]!;
}

/** Opens the first finding of the results on screen and returns its dialog. */
export async function openFirstFinding(page: Page): Promise<Locator> {
  const rows = page.getByRole('region', { name: 'Findings' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await rows.first().getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}
