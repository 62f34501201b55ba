import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Results and compare end to end, against the real local gateway: run the Student Mismatch
// Resolver twice on the demo district, read, filter, search and sort the findings, open one,
// export CSV and JSON, share a link, and compare the two runs. Screenshots 30–39 go to the guide.

const guide = fileURLToPath(new URL('../../docs/user-guide/', import.meta.url));
const CSV_HEADER = 'id,fingerprint,category,severity,rule,title,sis_key,ours_key,sis_values,ours_values,resolution,description';
const SEVERITY_ORDER = ['Error', 'Warning', 'Info']; // as the badges say it

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => mkdirSync(guide, { recursive: true }));

interface Summary {
  total: number;
  bySeverity: Record<string, number>;
  byCategory: Record<string, number>;
}

/** Shared by the steps below (serial: one worker, in order). */
const state: { firstRunId?: string; secondRunId?: string; summary?: Summary } = {};

const n = (x: number) => x.toLocaleString('en-US');
const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${guide}${name}.png`, fullPage });

async function signIn(page: Page, username: string) {
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${username}`);
}

/** Counts CSV records, honouring quoted fields that hold commas, quotes or line breaks. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

async function download(page: Page, button: string) {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '') };
}

function findingsTable(page: Page) {
  return page.locator('table.findings');
}

/** A column's place by its header (the Rule column is left out when no finding names a rule). */
async function columnOf(page: Page, name: string): Promise<number> {
  const headers = (await findingsTable(page).locator('thead th').allInnerTexts()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
  expect(headers, `the findings table has a "${name}" column`).toContain(name);
  return headers.indexOf(name);
}

/** The run's summary as the API reports it, with the page's own token-less session: read from the page. */
async function runSummary(page: Page, runId: string): Promise<Summary> {
  const token = await page.evaluate(async () => {
    const r = await fetch('/api/dev/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'agent', password: 'agent' }) });
    return (await r.json()).token as string;
  });
  const run = await page.evaluate(
    async ([id, t]) => (await fetch(`/api/runs/${id}`, { headers: { Authorization: `Bearer ${t}` } })).json(),
    [runId, token] as const,
  );
  return run.summary as Summary;
}

async function waitForFinished(page: Page) {
  const status = page.locator('.run-meta .status');
  await expect(status).toHaveText(/Finished|Failed|Cancelled/, { timeout: 150_000 });
  const failure = page.getByRole('alert');
  expect(await status.textContent(), (await failure.count()) ? await failure.innerText() : 'run did not succeed').toBe('Finished');
}

test('an engineer runs the Student Mismatch Resolver twice and reads the results', async ({ page }, testInfo) => {
  // A shared "run a tool" link opens with the tool and the customer chosen.
  await page.goto('/tools/student-mismatch?customer=demo');
  await signIn(page, 'engineer');
  await expect(page.getByRole('heading', { name: 'Run a tool' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Student Mismatch Resolver' })).toBeChecked();
  await expect(page.getByLabel('Customer', { exact: true })).toHaveValue('demo');
  await expect(page.getByRole('group', { name: 'Settings for Student Mismatch Resolver' })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Match threshold' })).toHaveValue('12');
  await expect(page.locator('#tool-student-mismatch-needs')).toContainText('District’s SIS:');
  await shot(page, '30-run-tool');

  // Choosing another tool changes the address (replace: no extra history entry), and back.
  await page.getByRole('radio', { name: 'Missing Data Finder' }).check();
  await expect(page).toHaveURL(/\/tools\/missing-data\?customer=demo$/);
  await page.getByRole('radio', { name: 'Student Mismatch Resolver' }).check();
  await expect(page).toHaveURL(/\/tools\/student-mismatch\?customer=demo$/);

  // First run, with its progress.
  await page.getByRole('textbox', { name: 'HubSpot ticket (optional)' }).fill('4242');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/runs\/[^/?]+$/);
  if (await page.getByRole('progressbar', { name: 'Run progress' }).isVisible()) {
    await expect(page.getByRole('button', { name: 'Cancel run' })).toBeVisible();
    await shot(page, '31-run-progress');
  } else {
    testInfo.annotations.push({ type: 'note', description: 'The first run finished before its progress could be captured.' });
  }
  await waitForFinished(page);
  state.firstRunId = new URL(page.url()).pathname.split('/').pop()!;

  // Second run: "Run again" comes back with the same tool and customer.
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page).toHaveURL(/\/tools\/student-mismatch\?customer=demo$/);
  await expect(page.getByRole('radio', { name: 'Student Mismatch Resolver' })).toBeChecked();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/runs\/[^/?]+$/);
  await waitForFinished(page);
  state.secondRunId = new URL(page.url()).pathname.split('/').pop()!;
  expect(state.secondRunId).not.toBe(state.firstRunId);

  // The summary: the numbers the API reports, a chart with its text alternative.
  const summary = await runSummary(page, state.secondRunId);
  state.summary = summary;
  expect(summary.total).toBeGreaterThan(0);
  await expect(page.locator('.total-number')).toHaveText(String(summary.total));
  const chart = page.getByRole('img', { name: 'Findings by category' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('rect')).toHaveCount(Object.keys(summary.byCategory).length);
  await expect(page.getByText(`Showing 1–${Math.min(50, summary.total)} of ${n(summary.total)}`)).toBeVisible();
  await shot(page, '32-results');

  // Filter by category: the address follows, the server counts the filtered list.
  const drift = summary.byCategory.FIELD_DRIFT ?? 0;
  expect(drift, 'the demo district plants field drift').toBeGreaterThan(0);
  await page.getByLabel('Category', { exact: true }).selectOption('FIELD_DRIFT');
  await expect(page).toHaveURL(new RegExp(`/runs/${state.secondRunId}\\?category=FIELD_DRIFT$`));
  await expect(page.getByText(`Showing 1–${Math.min(50, drift)} of ${n(drift)}`)).toBeVisible();
  const categories = await findingsTable(page).locator('tbody tr td:nth-child(2)').allTextContents();
  expect(new Set(categories)).toEqual(new Set(['Field drift']));

  // A finding: both sides side by side, differences marked in words; the engineer sees the SQL.
  const first = findingsTable(page).locator('tbody tr').first().getByRole('button');
  const title = (await first.textContent()) ?? '';
  await first.click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  const differing = dialog.locator('table.compare tr.differs');
  expect(await differing.count()).toBeGreaterThan(0);
  await expect(differing.first().getByRole('rowheader')).toContainText('(differs)');
  await expect(dialog.getByText(/fields? differs?: marked “differs” and highlighted/)).toBeVisible();
  await expect(dialog.getByRole('columnheader', { name: /^SIS student / })).toBeVisible();
  await expect(dialog.getByRole('columnheader', { name: /^Ours student / })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Evidence' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy script' })).toBeVisible();
  await page.screenshot({ path: `${guide}33-finding-detail.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(first).toBeFocused();

  // CSV export with the filter: the header, and one record per filtered finding.
  const csv = await download(page, 'Export CSV');
  expect(csv.name).toMatch(/\.csv$/);
  const records = csvRecords(csv.text).filter((r) => r.some((f) => f !== ''));
  expect(records[0]!.join(',')).toBe(CSV_HEADER);
  expect(records.length - 1).toBe(drift);
  expect(new Set(records.slice(1).map((r) => r[2]))).toEqual(new Set(['FIELD_DRIFT']));

  // Copy link, opened in a new page by an agent: the same view, and no SQL for an agent.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  const other = await page.context().newPage();
  await other.goto(link);
  await signIn(other, 'agent');
  await expect(other.getByLabel('Category', { exact: true })).toHaveValue('FIELD_DRIFT');
  await expect(other.getByText(`Showing 1–${Math.min(50, drift)} of ${n(drift)}`)).toBeVisible();
  await findingsTable(other).locator('tbody tr').first().getByRole('button').click();
  const agentDialog = other.getByRole('dialog');
  await expect(agentDialog.getByRole('heading', { name: 'Suggested resolution' })).toBeVisible();
  await expect(agentDialog.getByRole('button', { name: 'Copy script' })).toHaveCount(0);
  await expect(agentDialog.getByText('An engineer can see and run the SQL for this fix.')).toBeVisible();
  await other.close();
});

test('search, sort and the JSON export narrow and order the findings on the server', async ({ page }) => {
  expect(state.secondRunId, 'the first step ran').toBeTruthy();
  await page.goto(`/runs/${state.secondRunId}`);
  await signIn(page, 'agent');
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
  const { total } = state.summary!;

  // Search by a key from the first page: only the findings naming it, counted by the server.
  const sisKey = await columnOf(page, 'SIS key');
  const key = ((await findingsTable(page).locator('tbody tr').first().locator('td').nth(sisKey).textContent()) ?? '').split(',')[0]!.trim();
  expect(key).not.toBe('—');
  const searchedPage = page.waitForResponse((r) => r.url().includes('/findings?') && new URL(r.url()).searchParams.get('q') === key);
  await page.getByRole('searchbox', { name: 'Search' }).fill(key);
  await searchedPage;
  await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(key)}$`));
  // The answer is in once the pager shows a range again (it says "Loading…" meanwhile).
  await expect(page.locator('.pager [role=status]')).toHaveText(/^Showing 1–\d+ of [\d,]+$/);
  const shown = await findingsTable(page).locator('tbody tr').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);
  for (const row of await findingsTable(page).locator('tbody tr').all()) {
    await row.getByRole('button').click();
    await expect(page.getByRole('dialog')).toContainText(key);
    await page.keyboard.press('Escape');
  }
  await shot(page, '35-results-search');

  // JSON export with the search: {run, findings} and as many findings as the table counts.
  const searched = Number(/of ([\d,]+)$/.exec((await page.locator('.pager [role=status]').textContent()) ?? '')![1]!.replace(/,/g, ''));
  const json = await download(page, 'Export JSON');
  expect(json.name).toBe(`student-mismatch-${state.secondRunId}.json`);
  const body = JSON.parse(json.text);
  expect(Object.keys(body).sort()).toEqual(['findings', 'run']);
  expect(body.run.runId).toBe(state.secondRunId);
  expect(body.findings).toHaveLength(searched);
  expect(body.findings[0]).toEqual(expect.objectContaining({ fingerprint: expect.any(String), entities: expect.any(Array) }));

  // Clear the search: back to every finding; the unfiltered JSON holds them all.
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.getByText(`Showing 1–${Math.min(50, total)} of ${n(total)}`)).toBeVisible();
  const all = JSON.parse((await download(page, 'Export JSON')).text);
  expect(all.findings).toHaveLength(total);
  expect(all.run.summary.total).toBe(total);

  // Sort by severity from its column header (errors first, then reversed), kept in the address.
  const severityHeader = page.getByRole('columnheader', { name: /Severity/ });
  const sorted = (sort: string) =>
    page.waitForResponse((r) => r.url().includes('/findings?') && new URL(r.url()).searchParams.get('sort') === sort);
  let answer = sorted('severity');
  await severityHeader.getByRole('button').click();
  await answer;
  await expect(severityHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=severity$/);
  await expect(page.locator('.pager [role=status]')).toHaveText(/^Showing 1–/);
  let severities = await findingsTable(page).locator('tbody tr td:first-child').allTextContents();
  expect(severities.map((s) => SEVERITY_ORDER.indexOf(s))).toEqual([...severities.map((s) => SEVERITY_ORDER.indexOf(s))].sort());
  expect(severities[0]).toBe('Error');
  answer = sorted('-severity');
  await severityHeader.getByRole('button').press('Enter');
  await answer;
  await expect(severityHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=-severity$/);
  await expect(page.locator('.pager [role=status]')).toHaveText(/^Showing 1–/);
  severities = await findingsTable(page).locator('tbody tr td:first-child').allTextContents();
  expect(severities.map((s) => -SEVERITY_ORDER.indexOf(s))).toEqual([...severities.map((s) => -SEVERITY_ORDER.indexOf(s))].sort((a, b) => a - b));
});

test('comparing the two runs finds nothing new and nothing resolved', async ({ page }) => {
  expect(state.secondRunId, 'the first step ran').toBeTruthy();
  await page.goto(`/runs/${state.secondRunId}`);
  await signIn(page, 'agent');
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();

  // The earlier runs of the same tool and customer (this uses the existing history route).
  await page.getByRole('button', { name: 'Compare with an earlier run' }).click();
  const earlier = page.getByRole('list', { name: 'Earlier runs' });
  const link = earlier.locator(`a[href="/runs/${state.secondRunId}/compare/${state.firstRunId}"]`);
  await expect(link).toBeVisible();
  await shot(page, '36-compare-choose', false);

  const { total } = state.summary!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${state.secondRunId}/compare/${state.firstRunId}$`));
  await expect(page.getByRole('heading', { name: /^Compare runs/ })).toBeVisible();
  const changes = page.getByRole('list', { name: 'Changes by fingerprint' });
  await expect(changes).toContainText(`0 New`);
  await expect(changes).toContainText(`0 Resolved`);
  await expect(changes).toContainText(`${total.toLocaleString('en-US')} Unchanged`);
  await expect(page.getByRole('tab', { name: /^All/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(`Showing 1–${Math.min(50, total)} of ${n(total)}`)).toBeVisible();
  await shot(page, '34-compare');

  // The "New" tab: nothing; "Unchanged": everything, paged; a finding opens with its change.
  await page.getByRole('tab', { name: /^New/ }).click();
  await expect(page).toHaveURL(/\?change=new$/);
  await expect(page.getByText('No new findings.')).toBeVisible();
  await page.getByRole('tab', { name: /^New/ }).press('End');
  await expect(page.getByRole('tab', { name: /^Unchanged/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(`Showing 1–${Math.min(50, total)} of ${n(total)}`)).toBeVisible();
  if (total > 50) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(new RegExp(`^Showing 51–\\d+ of ${n(total)}$`))).toBeVisible();
  }
  await findingsTable(page).locator('tbody tr').first().getByRole('button').click();
  await expect(page.getByRole('dialog')).toContainText('Unchanged');
  await page.keyboard.press('Escape');
});
