import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { Finding } from '../api/types';
import { finding, missingDataTool, succeededRun } from '../test/fixtures';
import { json, problem, stubFetch, type Answer, type Call } from '../test/stubFetch';
import { PAGE_SIZE, Results } from './Results';

const FINDINGS = '/api/runs/r-1/findings';

function page(items: Finding[], nextCursor: string | null, total: number) {
  return json({ items, nextCursor, total });
}

function findingCalls(calls: Call[]) {
  return calls.filter((c) => c.path === FINDINGS && c.headers.get('Accept') === 'application/json');
}

function setup(findings: Answer | Answer[]) {
  const server = stubFetch({ [`GET ${FINDINGS}`]: findings });
  const client = new ApiClient({ fetch: server.fetch });
  render(<Results client={client} run={succeededRun} tool={missingDataTool} />);
  return { server, user: userEvent.setup() };
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
    await screen.findByRole('table');
  });

  it('lists the first page with severity, category, rule, title and both keys', async () => {
    const { server } = setup(page([finding(1), finding(2, { severity: 'warning', entities: [] })], null, 2));
    await screen.findByRole('table');
    const cells = within(rows()[0]!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['error', 'Missing required field', 'student.grade.required', 'Student 1 has no grade', 'sis-1', 'our-1']);
    expect(within(rows()[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'warning', 'Missing required field', 'student.grade.required', 'Student 2 has no grade', '—', '—',
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
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Student 51 has no grade')).toBeTruthy();
    expect(rows()).toHaveLength(1);
    expect(findingCalls(server.calls).at(-1)!.query.get('cursor')).toBe('c2');
    expect(screen.getByText('Showing 51–51 of 51')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('Student 1 has no grade')).toBeTruthy();
    expect(findingCalls(server.calls).at(-1)!.query.has('cursor')).toBe(false);
  });

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
    expect(within(grade).getAllByRole('cell').map((c) => c.textContent)).toEqual(['05', '—']);
    const birth = within(compare).getByRole('rowheader', { name: 'birth_date' }).closest('tr')!;
    expect(birth.className).toBe('');

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

  it('marks a side with no record', async () => {
    const { user } = setup(
      page([finding(3, { category: 'MISSING_HERE_PRESENT_IN_SIS', entities: [{ side: 'sis', type: 'student', key: 's3', values: { grade: '07' } }], resolution: null })], null, 1),
    );
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Student 3 has no grade' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Field', 'SIS student s3', 'Ours: no record']);
    expect(within(dialog).getByText('No resolution is proposed for this finding.')).toBeTruthy();
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
