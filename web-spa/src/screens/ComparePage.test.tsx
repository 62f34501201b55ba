import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { CompareItem } from '../api/results';
import type { Session } from '../api/types';
import type { Catalogue } from '../catalogue';
import type { FindingsView, Route } from '../router';
import { demoCustomer, finding, missingDataTool, succeededRun } from '../test/fixtures';
import { json, problem, stubFetch, type Answer, type Call } from '../test/stubFetch';
import { COMPARE_PAGE_SIZE, ComparePage } from './ComparePage';

const COMPARE = '/api/runs/r-2/compare';
const earlier = { ...succeededRun, runId: 'r-1', createdAt: '2026-11-28T10:00:00Z', startedAt: '2026-11-28T10:00:01Z' };
const later = { ...succeededRun, runId: 'r-2' };
const counts = { new: 2, resolved: 1, unchanged: 60 };

function answer(items: CompareItem[], nextCursor: string | null, total: number) {
  return json({ run: later, with: earlier, counts, items, nextCursor, total });
}

const catalogue: Catalogue = { tools: [missingDataTool], customers: [demoCustomer], loading: false, error: null, reload: vi.fn() };
const agent: Session = { token: 't', username: 'agent', roles: ['agent'] };

function setup(compare: Answer | Answer[], initial?: FindingsView, session = agent) {
  const server = stubFetch({ [`GET ${COMPARE}`]: compare });
  const client = new ApiClient({ fetch: server.fetch });
  const routes: Route[] = [];
  function Holder() {
    const [view, setView] = useState(initial);
    return (
      <ComparePage
        client={client}
        session={session}
        catalogue={catalogue}
        navigate={(route, options) => {
          routes.push(route);
          expect(options).toEqual({ replace: true });
          if (route.name === 'compare') setView(route.view);
        }}
        runId="r-2"
        withRunId="r-1"
        view={view}
      />
    );
  }
  render(<Holder />);
  return { server, routes, user: userEvent.setup() };
}

const compareCalls = (calls: Call[]) => calls.filter((c) => c.path === COMPARE);
const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('ComparePage', () => {
  it('shows the counts, both runs and the findings with their change', async () => {
    const { server } = setup(
      answer(
        [
          { change: 'new', finding: finding(1) },
          { change: 'resolved', finding: finding(2, { id: 'old-2' }) },
          { change: 'unchanged', finding: finding(3) },
        ],
        null,
        63,
      ),
    );
    await screen.findByRole('table');
    const first = compareCalls(server.calls)[0]!;
    expect(Object.fromEntries(first.query)).toEqual({ with: 'r-1', limit: String(COMPARE_PAGE_SIZE) });

    const changes = screen.getByRole('list', { name: 'Changes by fingerprint' });
    expect(within(changes).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['2 New', '1 Resolved', '60 Unchanged']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Compare runs: Missing Data Finder');
    expect(screen.getByText('Demo District (demo)')).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['All (63)', 'true'],
      ['New (2)', 'false'],
      ['Resolved (1)', 'false'],
      ['Unchanged (60)', 'false'],
    ]);
    expect(rows().map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['New', 'Resolved', 'Unchanged']);
    expect(screen.getByRole('columnheader', { name: 'Change' })).toBeTruthy();
  });

  it('a tab asks the server for that change only, from the first page, and goes in the address', async () => {
    const { server, user, routes } = setup((call: Call) =>
      call.query.get('change') === 'new'
        ? answer([{ change: 'new', finding: finding(1) }], null, 2)
        : answer([{ change: 'unchanged', finding: finding(3) }], 'c2', 63),
    );
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('tab', { name: /New/ }));
    await screen.findByText('Student 1 has no grade');
    const last = compareCalls(server.calls).at(-1)!;
    expect(last.query.get('change')).toBe('new');
    expect(last.query.get('with')).toBe('r-1');
    expect(last.query.has('cursor')).toBe(false);
    expect(routes.at(-1)).toEqual({ name: 'compare', runId: 'r-2', withRunId: 'r-1', view: { change: 'new' } });
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-new');
  });

  it('moves between tabs with the arrow keys', async () => {
    const { server, user } = setup(answer([{ change: 'new', finding: finding(1) }], null, 63), { change: 'unchanged' });
    await screen.findByRole('table');
    const unchanged = screen.getByRole('tab', { name: /Unchanged/ });
    expect(unchanged.getAttribute('aria-selected')).toBe('true');
    expect(unchanged.tabIndex).toBe(0);
    unchanged.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /All/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /All/ }));
    expect(compareCalls(server.calls).at(-1)!.query.has('change')).toBe(false);
    await user.keyboard('{End}');
    expect(compareCalls(server.calls).at(-1)!.query.get('change')).toBe('unchanged');
    await user.keyboard('{ArrowLeft}');
    expect(compareCalls(server.calls).at(-1)!.query.get('change')).toBe('resolved');
  });

  it('pages through a change with the server’s cursors', async () => {
    const { server, user } = setup(
      (call: Call) =>
        call.query.get('cursor') === 'c2'
          ? answer([{ change: 'unchanged', finding: finding(99) }], null, 60)
          : answer([{ change: 'unchanged', finding: finding(1) }], 'c2', 60),
      { change: 'unchanged', severity: 'error' },
    );
    await screen.findByText('Student 1 has no grade');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Student 99 has no grade');
    const second = compareCalls(server.calls).at(-1)!;
    expect(Object.fromEntries(second.query)).toEqual({
      change: 'unchanged',
      severity: 'error',
      limit: String(COMPARE_PAGE_SIZE),
      cursor: 'c2',
      with: 'r-1',
    });
    expect(screen.getByText(`Showing ${COMPARE_PAGE_SIZE + 1}–${COMPARE_PAGE_SIZE + 1} of 60`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByText('Student 1 has no grade');
    expect(compareCalls(server.calls).at(-1)!.query.has('cursor')).toBe(false);
  });

  it('filters by category and severity', async () => {
    const { server, user, routes } = setup(answer([{ change: 'new', finding: finding(1) }], null, 1));
    await screen.findByRole('table');
    await user.selectOptions(screen.getByLabelText('Category'), 'CLASS_WITHOUT_TEACHER');
    await user.selectOptions(screen.getByLabelText('Severity'), 'warning');
    const last = compareCalls(server.calls).at(-1)!;
    expect(last.query.get('category')).toBe('CLASS_WITHOUT_TEACHER');
    expect(last.query.get('severity')).toBe('warning');
    expect(routes.at(-1)).toMatchObject({ view: { category: 'CLASS_WITHOUT_TEACHER', severity: 'warning' } });
  });

  it('opens a finding with its change; an agent sees no SQL', async () => {
    const { user } = setup(answer([{ change: 'resolved', finding: finding(2) }], null, 1));
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Student 2 has no grade' }));
    const dialog = screen.getByRole('dialog', { name: 'Student 2 has no grade' });
    expect(within(dialog).getByText('Resolved')).toBeTruthy();
    expect(within(dialog).getByRole('rowheader', { name: /^grade/ }).textContent).toBe('grade (differs)');
    expect(within(dialog).queryByText(/UPDATE students/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Student 2 has no grade');
  });

  it('explains runs that cannot be compared, in the server’s words', async () => {
    setup(problem(422, 'These runs cannot be compared', 'The two runs are of different tools.'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('These runs cannot be compared');
    expect(alert.textContent).toContain('The two runs are of different tools.');
    expect(screen.getByText('Only two finished runs of the same tool for the same customer can be compared.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the run' }).getAttribute('href')).toBe('/runs/r-2');
  });

  it('says when a change has nothing', async () => {
    setup(answer([], null, 0), { change: 'new' });
    expect(await screen.findByText('No new findings.')).toBeTruthy();
  });
});
