import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectAccessible } from './support/a11y';

// Customers against the real local gateway: find the demo district, read its settings (secret
// references only), test its connections, change a setting as admin (saved, audited, a bad value
// refused) and be refused as agent. The demo customer is put back as it was at the end.

const guide = fileURLToPath(new URL('../../docs/user-guide/', import.meta.url));
const DEMO = 'Demo Unified School District';

interface StoredCustomer {
  id: string;
  name: string;
  updatedAt: string;
  settings: { snapshotTtlMinutes: { sis: number; ours: number }; [key: string]: unknown };
}

async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/dev/login', { data: { username, password: username } });
  expect(response.status(), `dev login as ${username}`).toBe(200);
  return (await response.json()).token as string;
}

async function demoAsStored(request: APIRequestContext, token: string): Promise<StoredCustomer> {
  const response = await request.get('/api/customers/demo', { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as StoredCustomer;
}

async function signIn(page: Page, username: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The header names the person (the token's name claim) or the username, then the role.
  await expect(page.getByRole('banner')).toContainText('Signed in as');
  await expect(page.getByRole('banner')).toContainText(username);
}

let original: StoredCustomer;

test.beforeAll(async ({ request }) => {
  mkdirSync(guide, { recursive: true });
  original = await demoAsStored(request, await tokenOf(request, 'admin'));
});

// Whatever happened, other specs see the demo customer as it was.
test.afterAll(async ({ request }) => {
  if (!original) return;
  const token = await tokenOf(request, 'admin');
  const response = await request.put('/api/customers/demo', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: original.name, settings: original.settings },
  });
  expect(response.status(), 'putting the demo customer back').toBe(200);
  expect((await demoAsStored(request, token)).settings).toEqual(original.settings);
});

test('an agent finds the demo district, reads its settings and tests its connections', async ({ page, request }) => {
  const shot = (name: string) => page.screenshot({ path: `${guide}${name}.png`, fullPage: true });
  await page.goto('/');
  await signIn(page, 'agent');

  // 1. Search
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeFocused();
  await page.getByLabel('Search customers').fill('demo unified');
  await expect(page).toHaveURL(/\/customers\?q=demo\+unified$/);
  const row = page.getByRole('row', { name: new RegExp(DEMO) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('demo');
  await expect(row).toContainText('OneRoster CSV');
  await shot('20-customers');
  await page.getByLabel('Search customers').fill('no such district');
  await expect(page.getByText('No customer matches “no such district”.')).toBeVisible();
  await page.getByLabel('Search customers').fill('demo');
  await page.getByRole('link', { name: DEMO }).click();

  // 2. The customer's page: settings with references only, no editing for an agent
  await expect(page).toHaveURL(/\/customers\/demo$/);
  await expect(page.getByRole('heading', { name: DEMO, level: 1 })).toBeFocused();
  const settings = page.getByRole('region', { name: 'Integration settings' });
  await expect(settings).toContainText('OneRoster CSV');
  await expect(settings).toContainText('Only admins can change settings.');
  await expect(settings.getByRole('button', { name: 'Edit settings' })).toHaveCount(0);
  await expect(settings).toContainText(`${original.settings.snapshotTtlMinutes.sis} minutes`);
  const secret = settings.locator('dt:text-is("SIS secret") + dd');
  await expect(secret).toHaveText(/^(env|file|aws-sm):\S+A reference to where the credentials are kept\. The secret itself is never shown\.$|^No secret reference/);
  await expect(page.getByRole('link', { name: 'Run a tool on this customer' })).toHaveAttribute('href', '/tools?customer=demo');
  await shot('21-customer');

  // 3. Test connection: the SIS connector and ours, each with its verdict and checks
  for (const name of [/OneRoster CSV export/, /Our database \(Bookmarked\)/]) {
    const connector = page.getByRole('region', { name });
    await connector.getByRole('button', { name: 'Test connection' }).click();
    await expect(connector.locator('.verdict')).toBeVisible({ timeout: 60_000 });
    const verdict = (await connector.locator('.test-result').innerText()).trim();
    expect(verdict, `the ${name} test on the demo district`).toContain('✓ Connection works.');
    await expect(connector.getByRole('list', { name: 'Checks made' }).getByRole('listitem').first()).toBeVisible();
    await expect(connector.locator('.last-test')).toContainText('by agent: passed');
  }
  await expect(page.getByRole('region', { name: /Our database/ })).toContainText("customer key 'demo' found");
  await shot('23-connection-test');
  await expectAccessible(page, 'a customer with connection test results');

  // 4. An agent's direct PUT is refused
  const agentToken = await tokenOf(request, 'agent');
  const refused = await request.put('/api/customers/demo', {
    headers: { Authorization: `Bearer ${agentToken}` },
    data: { name: original.name, settings: { ...original.settings, snapshotTtlMinutes: { sis: 5, ours: 5 } } },
  });
  expect(refused.status()).toBe(403);
  expect((await demoAsStored(request, agentToken)).settings).toEqual(original.settings);

  // Usable at tablet width: nothing wider than the screen.
  await page.setViewportSize({ width: 768, height: 1000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
});

test('an admin changes the SIS snapshot TTL: checked, saved, kept after reload, audited; a concurrent change is caught', async ({ page, request }) => {
  const ttl = page.getByLabel('SIS snapshot TTL (minutes)');
  const changed = original.settings.snapshotTtlMinutes.sis === 75 ? 80 : 75;
  // An engineer tested our database earlier: the page shows that before any click.
  const tested = await request.post('/api/connectors/bookmarked/test', {
    headers: { Authorization: `Bearer ${await tokenOf(request, 'engineer')}` },
    data: { customerId: 'demo' },
  });
  expect((await tested.json()).ok).toBe(true);
  await page.goto('/customers/demo');
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: DEMO, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: /Our database/ }).locator('.last-test')).toContainText('by engineer: passed');
  const settings = page.getByRole('region', { name: 'Integration settings' });
  await expect(settings).not.toContainText('Only admins can change settings');
  await settings.getByRole('button', { name: 'Edit settings' }).click();
  const form = page.getByRole('form', { name: 'Edit settings' });
  // The form opens with the admin in its first field, and offers the server's own database instances.
  await expect(form.getByLabel('Name')).toBeFocused();
  const list = await request.get('/api/customers', { headers: { Authorization: `Bearer ${await tokenOf(request, 'agent')}` } });
  const { ourInstances } = (await list.json()) as { ourInstances: string[] };
  expect(ourInstances.length, 'GET /api/customers names the configured instances').toBeGreaterThan(0);
  await expect(form.getByLabel('Our database instance').locator('option')).toHaveText(ourInstances);

  // A bad value is refused with the field's message, before and by the server.
  await ttl.fill('0');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(ttl).toBeFocused();
  await expect(ttl).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('SIS snapshot TTL must be between 1 and 10080 minutes (one week)');
  await page.screenshot({ path: `${guide}22-customer-edit.png`, fullPage: true });
  await expectAccessible(page, 'the settings form with an error');
  // The form fits a tablet.
  await page.setViewportSize({ width: 768, height: 1000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await page.setViewportSize({ width: 1280, height: 800 });
  const adminToken = await tokenOf(request, 'admin');
  const rejected = await request.put('/api/customers/demo', {
    headers: { Authorization: `Bearer ${adminToken}` },
    data: { name: original.name, settings: { ...original.settings, snapshotTtlMinutes: { sis: 0, ours: original.settings.snapshotTtlMinutes.ours } } },
  });
  expect(rejected.status()).toBe(422);
  expect((await rejected.json()).errors).toContainEqual({
    field: 'settings.snapshotTtlMinutes.sis',
    message: 'must be between 1 and 10080 minutes (one week)',
  });

  // A good value saves.
  await ttl.fill(String(changed));
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved. The change is recorded in the audit trail.')).toBeVisible();
  await expect(settings).toContainText(`${changed} minutes`);
  expect((await demoAsStored(request, adminToken)).settings.snapshotTtlMinutes.sis).toBe(changed);

  // Kept after a reload (the token lives in memory, so sign in again).
  await page.reload();
  await signIn(page, 'admin');
  await expect(page.getByRole('region', { name: 'Integration settings' })).toContainText(`${changed} minutes`);

  // And in the audit trail, by name of field, newest first.
  const audit = page.getByRole('region', { name: 'Audit trail' });
  await expect(audit.getByRole('row').nth(1)).toContainText('Changed settings: SIS snapshot TTL');
  await expect(audit.getByRole('row').nth(1)).toContainText('admin');

  // Someone else saves while the form is open: the save is refused (409) and reload offered.
  await page.getByRole('region', { name: 'Integration settings' }).getByRole('button', { name: 'Edit settings' }).click();
  const current = await demoAsStored(request, adminToken);
  const theirs = current.settings.snapshotTtlMinutes.ours + 1;
  const meanwhile = await request.put('/api/customers/demo', {
    headers: { Authorization: `Bearer ${adminToken}` },
    data: { name: current.name, settings: { ...current.settings, snapshotTtlMinutes: { ...current.settings.snapshotTtlMinutes, ours: theirs } }, expectedUpdatedAt: current.updatedAt },
  });
  expect(meanwhile.status()).toBe(200);
  await ttl.fill(String(changed + 1));
  await page.getByRole('form', { name: 'Edit settings' }).getByRole('button', { name: 'Save settings' }).click();
  const conflict = page.getByRole('form', { name: 'Edit settings' }).getByRole('alert');
  await expect(conflict).toContainText('Someone else changed these settings at');
  await conflict.getByRole('button', { name: 'Reload settings' }).click();
  await expect(page.getByLabel('Our snapshot TTL (minutes)')).toHaveValue(String(theirs));
  await expect(ttl).toHaveValue(String(changed));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('region', { name: 'Integration settings' })).toContainText(`${theirs} minutes`);
});
