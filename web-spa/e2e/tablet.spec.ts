import { expect, test, type Page } from '@playwright/test';
import { DEMO, goInApp, openFirstFinding, openSection, screenshot, signIn, succeededRuns } from './support/app';

// The main screens at tablet width (768 × 1024, portrait): nothing makes the page scroll
// sideways (wide tables scroll inside their own box), and each screen's picture goes to the guide.

test.use({ viewport: { width: 768, height: 1024 } });

async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    const width = window.innerWidth;
    // The element sticking out furthest, to name in the message.
    let widestElement = '';
    let right = width;
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect().right;
      if (r > right) {
        right = r;
        widestElement = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(r)} px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, widest: widestElement };
  });
  expect(scrollWidth, `${screen} scrolls sideways at ${innerWidth} px; widest: ${widest}`).toBeLessThanOrEqual(innerWidth);
}

test('the main screens fit a tablet', async ({ page, request }) => {
  const [runId, earlier] = await succeededRuns(request, 'missing-data', 2);

  await page.goto('/');
  await expect(page.getByLabel('Username')).toBeVisible();
  await expectNoSidewaysScroll(page, 'sign-in');
  await screenshot(page, '50-sign-in-tablet');

  await signIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectNoSidewaysScroll(page, 'dashboard');
  await screenshot(page, '51-dashboard-tablet');

  await openSection(page, 'Run a tool');
  await page.getByLabel('Customer', { exact: true }).selectOption(DEMO);
  await page.locator('input[name="tool"][value="student-mismatch"]').check();
  await expect(page.getByRole('group', { name: /^Settings for / })).toBeVisible();
  await expectNoSidewaysScroll(page, 'run a tool');
  await screenshot(page, '52-run-tool-tablet');

  await goInApp(page, `/runs/${encodeURIComponent(runId)}`);
  await expect(page.getByRole('region', { name: 'Findings' }).locator('tbody tr').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'results');
  await screenshot(page, '53-results-tablet');

  await openFirstFinding(page);
  await expectNoSidewaysScroll(page, 'a finding');
  await screenshot(page, '54-finding-detail-tablet', false);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  for (const [path, screen, name] of [
    ['/history', 'history', '55-history-tablet'],
    ['/customers', 'customers', '56-customers-tablet'],
    [`/customers/${DEMO}`, 'the demo customer', '57-customer-tablet'],
    [`/runs/${encodeURIComponent(runId)}/compare/${encodeURIComponent(earlier)}`, 'compare two runs', '58-compare-tablet'],
  ] as const) {
    await goInApp(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page, screen);
    await screenshot(page, name);
  }
});
