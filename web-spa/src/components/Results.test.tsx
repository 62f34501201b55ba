import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { Finding } from '../api/types';
import type { FindingsView } from '../router';
import { finding, missingDataTool, succeededRun } from '../test/fixtures';
import { json, problem, stubFetch, type Answer, type Call } from '../test/stubFetch';
import { formatTime } from '../format';
import { PAGE_SIZE, Results, SEARCH_DELAY_MS } from './Results';

const FINDINGS = '/api/runs/r-1/findings';

function page(items: Finding[], nextCursor: string | null, total: number) {
  return json({ items, nextCursor, total });
}

function findingCalls(calls: Call[]) {
  return calls.filter((c) => c.path === FINDINGS && c.headers.get('Accept') === 'application/json');
}

function setup(findings: Answer | Answer[], options: { showScripts?: boolean; extra?: Record<string, Answer> } = {}) {
  const server = stubFetch({ [`GET ${FINDINGS}`]: findings, ...options.extra });
  const client = new ApiClient({ fetch: server.fetch });
  render(<Results client={client} run={succeededRun} tool={missingDataTool} showScripts={options.showScripts ?? true} />);
  return { server, user: userEvent.setup() };
}

/** Results held by a parent that keeps the view, as RunPage keeps it in the URL. */
function setupControlled(findings: Answer, initial?: FindingsView) {
  const server = stubFetch({ [`GET ${FINDINGS}`]: findings });
  const client = new ApiClient({ fetch: server.fetch });
  const views: (FindingsView | undefined)[] = [];
  let setFromOutside: (v: FindingsView | undefined) => void = () => {};
  function Holder() {
    const [view, setView] = useState<FindingsView | undefined>(initial);
    setFromOutside = setView;
    return (
      <Results
        client={client}
        run={succeededRun}
        tool={missingDataTool}
        view={view}
        onViewChange={(v) => {
          views.push(v);
          setView(v);
        }}
      />
    );
  }
  render(<Holder />);
  return { server, views, user: userEvent.setup(), setView: (v: FindingsView | undefined) => act(() => setFromOutside(v)) };
}

function rows() {
  const table = screen.getByRole('table');
  return within(table).getAllByRole('row').slice(1);
}

describe('Results', () => {
  it('shows the summary by severity and category', async () => {
    setup(page([finding(1)], null, 1));
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('3')).toBeTruthy();
    const severities = within(summary).getByRole('list', { name: 'By severity' });
    expect(severities.textContent).toContain('Errors 2');
    expect(severities.textContent).toContain('Warnings 1');
    expect(severities.textContent).toContain('Info 0');
    const categories = within(summary).getByRole('list', { name: 'By category' });
    expect(within(categories).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Missing required field 2',
      'Class without teacher 1',
    ]);
    const chart = within(summary).getByRole('img', { name: /Findings by category/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelector('desc')!.textContent).toBe('Findings by category: Missing required field 2, Class without teacher 1.');
    expect([...chart.querySelectorAll('rect')].map((r) => r.getAttribute('width'))).toEqual(['220', '110']);
    await screen.findByRole('table');
  });

  it('lists the first page with severity, category, rule, title and both keys', async () => {
    const { server } = setup(page([finding(1), finding(2, { severity: 'warning', entities: [] })], null, 2));
    await screen.findByRole('table');
    const cells = within(rows()[0]!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['Error', 'Missing required field', 'student.grade.required', 'Student 1 has no grade', 'sis-1', 'our-1']);
    expect(screen.getAllByRole('columnheader').map((h) => [h.textContent, h.getAttribute('aria-sort')])).toEqual([
      ['Severity↕', 'none'],
      ['Category↕', 'none'],
      ['Rule', null],
      ['Title↕', 'none'],
      ['SIS key', null],
      ['Our key', null],
    ]);
    expect(within(rows()[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Warning', 'Missing required field', 'student.grade.required', 'Student 2 has no grade', '—', '—',
    ]);
    const first = findingCalls(server.calls)[0]!;
    expect(first.query.get('limit')).toBe(String(PAGE_SIZE));
    expect(first.query.has('cursor')).toBe(false);
    expect(first.headers.get('Accept')).toBe('application/json');
    expect(screen.getByText('Showing 1–2 of 2')).toBeTruthy();
  });

  it('pages forward with the server’s cursor and back again', async () => {
    const { server, user } = setup((call: Call) =>
      call.query.get('cursor') === 'c2'
        ? page([finding(51)], null, 51)
        : page(Array.from({ length: PAGE_SIZE }, (_, i) => finding(i + 1)), 'c2', 51),
    );
    await screen.findByRole('table');
    expect(rows()).toHaveLength(PAGE_SIZE);
    // Unavailable buttons are aria-disabled, never disabled: a disabled one would drop the focus.
    expect(screen.getByRole('button', { name: 'Previous' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(findingCalls(server.calls)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Student 51 has no grade')).toBeTruthy();
    expect(rows()).toHaveLength(1);
    expect(findingCalls(server.calls).at(-1)!.query.get('cursor')).toBe('c2');
    expect(screen.getByText('Showing 51–51 of 51')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
    // The agent who pressed Next is still on it, on the last page too.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('Student 1 has no grade')).toBeTruthy();
    expect(findingCalls(server.calls).at(-1)!.query.has('cursor')).toBe(false);
  }, 20_000); // 50 rows a page twice: slow on a busy machine

  it('filters by category and severity on the server and starts from the first page', async () => {
    const { server, user } = setup((call: Call) =>
      call.query.get('severity') === 'warning' ? page([], null, 0) : page([finding(1)], 'c2', 60),
    );
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.selectOptions(screen.getByLabelText('Category'), 'CLASS_WITHOUT_TEACHER');
    await user.selectOptions(screen.getByLabelText('Severity'), 'warning');

    expect(await screen.findByText('No findings match these filters.')).toBeTruthy();
    const last = findingCalls(server.calls).at(-1)!;
    expect(last.query.get('category')).toBe('CLASS_WITHOUT_TEACHER');
    expect(last.query.get('severity')).toBe('warning');
    expect(last.query.has('cursor')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByRole('table');
    expect(findingCalls(server.calls).at(-1)!.query.has('category')).toBe(false);
  });

  it('a category in the summary filters the table', async () => {
    const { server, user } = setup(page([finding(1)], null, 1));
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Show only Class without teacher (1)' }));
    await screen.findByRole('table');
    expect(findingCalls(server.calls).at(-1)!.query.get('category')).toBe('CLASS_WITHOUT_TEACHER');
    expect((screen.getByLabelText('Category') as HTMLSelectElement).value).toBe('CLASS_WITHOUT_TEACHER');
  });

  it('says so when a run found nothing', async () => {
    setup(page([], null, 0));
    expect(await screen.findByText('No findings: this run found nothing to fix.')).toBeTruthy();
  });

  it('shows a findings error in plain words with a retry', async () => {
    const { user } = setup([problem(500, 'The findings could not be read', 'Try again in a minute.'), page([finding(1)], null, 1)]);
    expect((await screen.findByRole('alert')).textContent).toContain('The findings could not be read');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeTruthy();
  });

  it('opens a finding: both sides side by side, evidence and the resolution script', async () => {
    const { user } = setup(page([finding(1)], null, 1));
    await screen.findByRole('table');
    await user.click(within(rows()[0]!).getAllByRole('cell')[1]!);

    const dialog = screen.getByRole('dialog', { name: 'Student 1 has no grade' });
    const compare = within(dialog).getByRole('table');
    expect(within(compare).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Field',
      'SIS student sis-1',
      'Ours student our-1',
    ]);
    const grade = within(compare).getByRole('rowheader', { name: /grade/ }).closest('tr')!;
    expect(grade.className).toBe('differs');
    expect(within(grade).getByRole('rowheader').textContent).toBe('grade (differs)');
    expect(within(dialog).getByText('1 field differs: marked “differs” and highlighted.')).toBeTruthy();
    expect(within(grade).getAllByRole('cell').map((c) => c.textContent)).toEqual(['05', '—']);
    const birth = within(compare).getByRole('rowheader', { name: 'birth_date' }).closest('tr')!;
    expect(birth.className).toBe('');
    expect(birth.textContent).not.toContain('differs');

    expect(within(dialog).getByText('students.csv')).toBeTruthy();
    expect(within(dialog).getByText('Fill the grade')).toBeTruthy();
    expect(within(dialog).getByText("UPDATE students SET grade = '05' WHERE student_key = 'our-1';")).toBeTruthy();

    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(within(dialog).getByRole('button', { name: 'Copy script' }));
    expect(writeText).toHaveBeenCalledWith("UPDATE students SET grade = '05' WHERE student_key = 'our-1';");
    expect(within(dialog).getByText('Copied')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Student 1 has no grade');
  });

  it('shows evidence and the resolution in words: no JSON, no null, no raw instants', async () => {
    const { user } = setup(
      page(
        [
          finding(4, {
            evidence: {
              openClasses: 6,
              lastSync: '2026-11-15T06:00:00Z',
              moved: { fromCampus: 'sch-1', toCampus: null },
              sisTimeline: [{ campus: 'sch-1' }, { campus: 'sch-2' }],
            },
            resolution: { action: 'deactivate', description: 'Deactivate our copy.', script: null },
          }),
        ],
        null,
        1,
      ),
    );
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Student 4 has no grade' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Open classes').nextElementSibling?.textContent).toBe('6');
    expect(within(dialog).getByText('Last sync').nextElementSibling?.textContent).toBe(formatTime('2026-11-15T06:00:00Z'));
    expect(within(dialog).getByText('Moved').nextElementSibling?.textContent).toBe('From campus: sch-1; To campus: none');
    expect(within(dialog).getByText('Deactivate')).toBeTruthy();
    const timeline = within(dialog).getByText('SIS timeline').nextElementSibling!;
    expect(within(timeline as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Campus: sch-1', 'Campus: sch-2']);
    expect(dialog.textContent).not.toMatch(/null|openClasses|[{}]|2026-11-15T/);
  });

  it('leaves out the rule column when no finding on the page names a rule', async () => {
    setup(page([finding(1, { rule: undefined }), finding(2, { rule: '' })], null, 2));
    await screen.findByRole('table');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).not.toContain('Rule');
    expect(within(rows()[0]!).getAllByRole('cell')).toHaveLength(5);
  });

  it('marks a side with no record', async () => {
    const { user } = setup(
      page([finding(3, { category: 'MISSING_HERE_PRESENT_IN_SIS', entities: [{ side: 'sis', type: 'student', key: 's3', values: { grade: '07' } }], resolution: null })], null, 1),
    );
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Student 3 has no grade' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Field', 'SIS student s3', 'Ours: no record']);
    expect(within(dialog).getByText('Only one record, so there is nothing to compare it with.')).toBeTruthy();
    expect(within(dialog).queryByText(/differs/)).toBeNull();
    expect(within(dialog).getByText('No resolution is proposed for this finding.')).toBeTruthy();
  });

  it('shows an agent the resolution but not its SQL', async () => {
    const { user } = setup(page([finding(1)], null, 1), { showScripts: false });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Student 1 has no grade' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Fill the grade')).toBeTruthy();
    expect(within(dialog).getByText('Copy the grade from the SIS.')).toBeTruthy();
    expect(within(dialog).queryByText(/UPDATE students/)).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Copy script' })).toBeNull();
    expect(within(dialog).getByText('An engineer can see and run the SQL for this fix.')).toBeTruthy();
  });

  describe('search and sort', () => {
    it('searches on the server after a pause in typing, from the first page, with a clear button', async () => {
      const { server, user, views } = setupControlled((call: Call) =>
        call.query.get('q') ? page([finding(7)], null, 1) : page([finding(1), finding(2)], 'c2', 60),
      );
      await screen.findByRole('table');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await screen.findByRole('table');
      const box = screen.getByRole('searchbox', { name: 'Search' });
      await user.type(box, ' Maria Lopez ');
      // One request for the whole word, not one per key.
      await screen.findByText('Student 7 has no grade');
      const searches = findingCalls(server.calls).filter((c) => c.query.has('q'));
      expect(searches).toHaveLength(1);
      expect(searches[0]!.query.get('q')).toBe('Maria Lopez');
      expect(searches[0]!.query.has('cursor')).toBe(false);
      expect(views.at(-1)).toEqual({ q: 'Maria Lopez' });

      await user.click(screen.getByRole('button', { name: 'Clear search' }));
      expect((box as HTMLInputElement).value).toBe('');
      expect(box).toBe(document.activeElement);
      await screen.findByText('Student 1 has no grade');
      expect(findingCalls(server.calls).at(-1)!.query.has('q')).toBe(false);
      expect(views.at(-1)).toBeUndefined();
    });

    it('waits for the pause before searching', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      try {
        const { server } = setupControlled(page([finding(1)], null, 1));
        await screen.findByRole('table');
        const box = screen.getByRole('searchbox', { name: 'Search' });
        const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime, delay: 50 });
        await user.type(box, 'sis-1');
        const before = findingCalls(server.calls).length;
        act(() => vi.advanceTimersByTime(SEARCH_DELAY_MS - 100));
        expect(findingCalls(server.calls).length).toBe(before);
        await act(async () => vi.advanceTimersByTime(200));
        expect(findingCalls(server.calls).at(-1)!.query.get('q')).toBe('sis-1');
        expect(findingCalls(server.calls).filter((c) => c.query.has('q'))).toHaveLength(1);
      } finally {
        vi.useRealTimers();
      }
    });

    it('sorts by a column header: ascending, descending, then the tool’s order', async () => {
      const { server, user, views } = setupControlled(page([finding(1)], null, 1));
      await screen.findByRole('table');
      const severity = () => screen.getByRole('columnheader', { name: /Severity/ });
      await user.click(within(severity()).getByRole('button'));
      await screen.findByRole('table');
      expect(findingCalls(server.calls).at(-1)!.query.get('sort')).toBe('severity');
      expect(severity().getAttribute('aria-sort')).toBe('ascending');
      expect(screen.getByText('Sorted by severity, errors first.')).toBeTruthy();

      // From the keyboard: the header is a button.
      within(severity()).getByRole('button').focus();
      await user.keyboard('{Enter}');
      expect(severity().getAttribute('aria-sort')).toBe('descending');
      expect(findingCalls(server.calls).at(-1)!.query.get('sort')).toBe('-severity');

      await user.keyboard(' ');
      expect(severity().getAttribute('aria-sort')).toBe('none');
      expect(findingCalls(server.calls).at(-1)!.query.has('sort')).toBe(false);
      expect(views).toEqual([{ sort: 'severity' }, { sort: '-severity' }, undefined]);

      await user.selectOptions(screen.getByLabelText('Sort by'), '-key');
      expect(findingCalls(server.calls).at(-1)!.query.get('sort')).toBe('-key');
      expect(screen.getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('none');
    });

    it('opens the view of a shared link and follows the address when it changes', async () => {
      const { server, setView } = setupControlled(page([finding(1)], null, 1), {
        category: 'CLASS_WITHOUT_TEACHER',
        severity: 'warning',
        q: 'sis-1',
        sort: '-title',
      });
      await screen.findByRole('table');
      const first = findingCalls(server.calls)[0]!;
      expect(Object.fromEntries(first.query)).toEqual({
        category: 'CLASS_WITHOUT_TEACHER',
        severity: 'warning',
        q: 'sis-1',
        sort: '-title',
        limit: String(PAGE_SIZE),
      });
      expect((screen.getByLabelText('Category') as HTMLSelectElement).value).toBe('CLASS_WITHOUT_TEACHER');
      expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('sis-1');
      expect(screen.getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('descending');

      setView(undefined); // back in history
      await screen.findByRole('table');
      expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
      expect(Object.fromEntries(findingCalls(server.calls).at(-1)!.query)).toEqual({ limit: String(PAGE_SIZE) });
    });

    it('drops what the API would refuse from a hand-edited link', async () => {
      const { server } = setupControlled(page([finding(1)], null, 1), { severity: 'fatal', sort: 'shoe-size', q: '   ' });
      await screen.findByRole('table');
      expect(Object.fromEntries(findingCalls(server.calls)[0]!.query)).toEqual({ limit: String(PAGE_SIZE) });
    });

    it('copies a link to the run with the current view', async () => {
      const { user } = setupControlled(page([finding(1)], null, 1), { severity: 'error', q: 'Lopez' });
      await screen.findByRole('table');
      const writeText = vi.fn().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      await user.click(screen.getByRole('button', { name: 'Copy link' }));
      expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/runs/r-1?severity=error&q=Lopez`);
    });
  });

  describe('export', () => {
    const csv = 'id,fingerprint,category,severity,rule,title,sis_key,ours_key,sis_values,ours_values,resolution,description\n';
    let clicked: HTMLAnchorElement[];

    beforeEach(() => {
      clicked = [];
      Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:findings'), configurable: true });
      Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
    });
    afterEach(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });

    it('downloads the filtered CSV fetched with Accept: text/csv', async () => {
      const { server, user } = setup((call: Call) =>
        call.headers.get('Accept') === 'text/csv'
          ? new Response(csv, { headers: { 'Content-Type': 'text/csv' } })
          : page([finding(1)], null, 1),
      );
      await screen.findByRole('table');
      await user.selectOptions(screen.getByLabelText('Severity'), 'error');
      await screen.findByRole('table');
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));

      expect(await screen.findByText('The CSV file is downloading.')).toBeTruthy();
      const exportCall = server.calls.find((c) => c.headers.get('Accept') === 'text/csv')!;
      expect(exportCall.query.get('severity')).toBe('error');
      expect(clicked).toHaveLength(1);
      expect(clicked[0]!.download).toBe('cdt-missing-data-r-1-findings.csv');
      expect(clicked[0]!.href).toBe('blob:findings');
      const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
      expect(await blob.text()).toBe(csv);
    });

    it('downloads the JSON export with the same filters', async () => {
      const body = JSON.stringify({ run: succeededRun, findings: [finding(1)] });
      const { server, user } = setup(page([finding(1)], null, 1), {
        extra: { 'GET /api/runs/r-1/export.json': new Response(body, { headers: { 'Content-Type': 'application/json' } }) },
      });
      await screen.findByRole('table');
      await user.selectOptions(screen.getByLabelText('Category'), 'MISSING_REQUIRED_FIELD');
      await user.selectOptions(screen.getByLabelText('Sort by'), 'title');
      await screen.findByRole('table');
      await user.click(screen.getByRole('button', { name: 'Export JSON' }));

      expect(await screen.findByText('The JSON file is downloading.')).toBeTruthy();
      const exportCall = server.calls.find((c) => c.path === '/api/runs/r-1/export.json')!;
      expect(exportCall.headers.get('Accept')).toBe('application/json');
      expect(Object.fromEntries(exportCall.query)).toEqual({ category: 'MISSING_REQUIRED_FIELD', sort: 'title' });
      expect(clicked[0]!.download).toBe('missing-data-r-1.json');
      const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
      expect(JSON.parse(await blob.text())).toEqual(JSON.parse(body));
    });

    it('reports a failed export', async () => {
      const { user } = setup((call: Call) =>
        call.headers.get('Accept') === 'text/csv' ? problem(503, 'Export is not available right now', 'Try again in a minute.') : page([finding(1)], null, 1),
      );
      await screen.findByRole('table');
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect((await screen.findByRole('alert')).textContent).toContain('Export is not available right now');
      expect(clicked).toHaveLength(0);
    });
  });
});

describe('Results at 100,000 findings', () => {
  it('keeps one page in the document and counts the rest', async () => {
    const many = { ...succeededRun, summary: { total: 100_000, bySeverity: { error: 100_000 }, byCategory: { MISSING_REQUIRED_FIELD: 100_000 } } };
    const server = stubFetch({
      [`GET ${FINDINGS}`]: page(Array.from({ length: PAGE_SIZE }, (_, i) => finding(i + 1)), 'c2', 100_000),
    });
    render(<Results client={new ApiClient({ fetch: server.fetch })} run={many} tool={missingDataTool} />);
    await screen.findByRole('table');
    expect(rows()).toHaveLength(PAGE_SIZE);
    expect(screen.getByText('Showing 1–50 of 100,000')).toBeTruthy();
    expect(findingCalls(server.calls)).toHaveLength(1);
  }, 20_000);
});
