import { expect, test, type Locator, type Page } from '@playwright/test';
import { accessibilityViolations, expectAccessible } from './support/a11y';
import { apiToken, DEMO, expectRunSucceeded, goInApp, openFirstFinding, openSection, runStatus, signIn, succeededRun } from './support/app';

// WCAG 2.1 A/AA (axe-core) on every screen an agent reaches, in its states (empty form, form with
// errors, progress, results, a finding open), and the main flow done with the keyboard alone.

test('the check itself finds and names violations', async ({ page }) => {
  // Guards against a check that passes because it checks nothing (wrong tags, empty page).
  await page.setContent(
    '<html lang="en"><title>t</title><main><img src="x.png"><input id="q"><p style="color:#bbb;background:#fff">faint</p></main></html>',
  );
  const found = (await accessibilityViolations(page)).map((v) => v.split(' ')[0]);
  expect(found).toEqual(expect.arrayContaining(['image-alt', 'label', 'color-contrast']));
});

test('every screen passes the WCAG 2.1 A and AA checks', async ({ page, request }, testInfo) => {
  // Sign-in, empty and after a refused password.
  await page.goto('/');
  await expect(page.getByLabel('Username')).toBeVisible();
  await expectAccessible(page, 'sign-in');
  await page.getByLabel('Username').fill('agent');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'sign-in with a refused password');

  await signIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'dashboard');

  // Run a tool: a start with nothing chosen shows every problem, then a tool's settings.
  await openSection(page, 'Run a tool');
  await expect(page.getByLabel('Customer', { exact: true })).toBeVisible();
  await page.getByLabel('Customer', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'run a tool, with the problems of an empty form');
  await page.getByLabel('Customer', { exact: true }).selectOption(DEMO);
  await page.locator('input[name="tool"][value="missing-data"]').check();
  await expect(page.getByRole('group', { name: /^Settings for / })).toBeVisible();
  await expectAccessible(page, 'run a tool, with a tool chosen');

  // An earlier run to compare with; then fresh snapshots so that this run shows its progress longer.
  const earlier = await succeededRun(request, 'missing-data');
  const headers = { Authorization: `Bearer ${await apiToken(request)}` };
  expect((await request.post(`/api/customers/${DEMO}/snapshots/refresh`, { headers })).status()).toBe(202);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const runId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  await expect(runStatus(page)).toBeVisible();
  if (await page.getByRole('progressbar', { name: 'Run progress' }).isVisible()) {
    await expectAccessible(page, 'run progress');
  } else {
    testInfo.annotations.push({ type: 'note', description: 'The run finished before its progress could be checked.' });
  }
  await expectRunSucceeded(page);
  await expect(page.getByRole('region', { name: 'Findings' }).locator('tbody tr').first()).toBeVisible();
  await expectAccessible(page, 'results');

  await openFirstFinding(page);
  await expectAccessible(page, 'a finding');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  for (const [path, screen] of [
    ['/history', 'history'],
    ['/customers', 'customers'],
    [`/customers/${DEMO}`, 'the demo customer'],
    [`/runs/${encodeURIComponent(runId)}/compare/${encodeURIComponent(earlier)}`, 'compare two runs'],
  ] as const) {
    await goInApp(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Let a screen's first request settle so that its data, not its loading state, is checked.
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, screen);
  }
});

/** Presses Tab (or Shift+Tab) until the target has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reachable with ${key} within ${max} presses`).toBeFocused();
}

/** The focused element shows where the focus is (an outline or a ring). */
async function expectVisibleFocus(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'no focus';
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const ring = s.boxShadow !== 'none';
    return outline || ring ? 'visible' : `${el.tagName.toLowerCase()} has no focus indicator`;
  });
  expect(style).toBe('visible');
}

test('the main flow works with the keyboard alone', async ({ page }) => {
  // Sign in: the username has the focus; Tab to the password; Enter submits.
  await page.goto('/');
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.keyboard.type('agent');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  // A refused password leaves the focus in the password field, its text selected: retype and Enter.
  await page.keyboard.type('not-the-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('agent');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('banner')).toContainText('Signed in as agent');

  // The dashboard takes the focus to its heading; Shift+Tab goes back up to the navigation.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const runATool = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Run a tool' });
  await tabTo(page, runATool, 20, 'Shift+Tab');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Run a tool' })).toBeFocused();

  // Customer: type-ahead on the focused list.
  const customer = page.getByLabel('Customer', { exact: true });
  await tabTo(page, customer);
  await expectVisibleFocus(page);
  if ((await customer.inputValue()) !== DEMO) await page.keyboard.type('Demo');
  await expect(customer).toHaveValue(DEMO);

  // Tool: Tab into the radio group, Space picks the focused tool, arrows move to the one wanted.
  await page.keyboard.press('Tab');
  const focusedTool = page.locator('input[name="tool"]:focus');
  await expect(focusedTool).toHaveCount(1);
  await page.keyboard.press('Space');
  const wanted = page.locator('input[name="tool"][value="missing-data"]');
  for (let i = 0; i < 8 && !(await wanted.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeChecked();
  await expect(wanted).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Start' }));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  await expectRunSucceeded(page);

  // Open the first finding from the keyboard, close it with Escape: the focus comes back to it.
  const first = page.getByRole('region', { name: 'Findings' }).locator('tbody tr').first().getByRole('button');
  await expect(first).toBeVisible();
  await tabTo(page, first, 120);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(first).toBeFocused();
});
