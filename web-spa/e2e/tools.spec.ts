import { expect, test, type Page } from '@playwright/test';
import { expectRunSucceeded, openFirstFinding, screenshot, signIn, startRunInUi, TOOL_IDS } from './support/app';
import { categoryLabel } from '../src/format';
import { loadTruth, plantedCounts, type PlantedProblem, type Truth } from './support/truth';

// Every tool of the catalogue, run on the demo customer through the UI as an agent would. The
// summary's counts by category must be those of the demo district's truth manifest (each planted
// problem is exactly one finding), and an opened finding must be one of the planted problems.

let truth: Truth;
test.beforeAll(() => {
  truth = loadTruth();
});

// categories are read by the labels the app gives them
const label = categoryLabel;

/** The summary's "By category" list as the agent reads it: label → count. */
async function countsOnScreen(page: Page): Promise<Record<string, number>> {
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toBeVisible();
  const items = summary.getByRole('list', { name: 'By category' }).getByRole('listitem');
  const counts: Record<string, number> = {};
  for (const text of await items.allInnerTexts()) {
    const m = /^(.*?)\s+([\d,]+)$/.exec(text.trim());
    expect(m, `a category line reads "label count": "${text}"`).not.toBeNull();
    counts[m![1]!] = Number(m![2]!.replace(/,/g, ''));
  }
  return counts;
}

/** The problem a finding row stands for: its SIS and our keys equal a planted problem's of its category. */
function plantedMatch(problems: PlantedProblem[], category: string, sisKeys: string, ourKeys: string): PlantedProblem | undefined {
  const keysOf = (text: string) => (text === '—' ? [] : text.split(',').map((k) => k.trim())).sort().join(' ');
  const uniqueKeys = (p: PlantedProblem, side: 'sis' | 'ours') =>
    [...new Set(p.entities.filter((e) => e.side === side).map((e) => e.key))].sort().join(' ');
  return problems.find(
    (p) => p.category === category && uniqueKeys(p, 'sis') === keysOf(sisKeys) && uniqueKeys(p, 'ours') === keysOf(ourKeys),
  );
}

test('the catalogue offers exactly the tools this spec runs', async ({ page }) => {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Run a tool' }).click();
  // The catalogue loads after sign-in: read the tools once they are on screen, not before.
  await expect(page.locator('input[name="tool"]').first()).toBeVisible();
  const offered = await page.locator('input[name="tool"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect([...offered].sort(), 'a tool landed in the catalogue: add it to TOOL_IDS in e2e/support/app.ts').toEqual(
    [...TOOL_IDS].sort(),
  );
});

TOOL_IDS.forEach((toolId, index) => {
  test(`${toolId} on the demo district finds what was planted`, async ({ page }) => {
    const expected = plantedCounts(truth, toolId);
    expect(Object.keys(expected).length, `the truth manifest plants problems for ${toolId}`).toBeGreaterThan(0);

    await signIn(page);
    await startRunInUi(page, toolId);
    await expectRunSucceeded(page);

    // Summary: counts by category, and the total.
    const onScreen = await countsOnScreen(page);
    const wanted = Object.fromEntries(Object.entries(expected).map(([c, n]) => [label(c), n]));
    expect(onScreen).toEqual(wanted);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    await expect(page.locator('.total-number')).toHaveText(String(total));
    await screenshot(page, `6${index}-results-${toolId}`);

    // One finding: its detail opens, and the row is one of the planted problems.
    const row = page.getByRole('region', { name: 'Findings' }).locator('tbody tr').first();
    await expect(row).toBeVisible();
    const texts = await row.locator('td').allInnerTexts();
    // Read by column name: the Rule column is left out when no finding names a rule.
    const headers = (await page.getByRole('region', { name: 'Findings' }).locator('thead th').allInnerTexts()).map((h) =>
      h.replace(/[▲▼↕]/g, '').trim(),
    );
    const cell = (name: string) => texts[headers.indexOf(name)]?.trim() ?? '';
    const category = Object.keys(expected).find((c) => label(c) === cell('Category'));
    expect(category, `the first finding's category "${cell('Category')}" is one of ${toolId}'s`).toBeDefined();
    const match = plantedMatch(
      truth.problems.filter((p) => p.tool === toolId),
      category!,
      cell('SIS key'),
      cell('Our key'),
    );
    expect(match, `the first finding (SIS ${cell('SIS key')}, ours ${cell('Our key')}) is a planted ${category} problem`).toBeDefined();

    const title = cell('Title');
    expect(title).not.toBe('');
    const dialog = await openFirstFinding(page);
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(title);
    await expect(dialog.getByRole('heading', { name: 'Suggested resolution' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
