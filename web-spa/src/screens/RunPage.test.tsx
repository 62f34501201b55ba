import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { Run, Session } from '../api/types';
import type { Catalogue } from '../catalogue';
import type { FindingsView } from '../router';
import { demoCustomer, finding, missingDataTool, succeededRun } from '../test/fixtures';
import { json, stubFetch, type Answer } from '../test/stubFetch';
import { RunPage } from './RunPage';

const catalogue: Catalogue = { tools: [missingDataTool], customers: [demoCustomer], loading: false, error: null, reload: vi.fn() };
const older = (id: string, day: number): Run => ({
  ...succeededRun,
  runId: id,
  requestedBy: 'sam',
  createdAt: `2026-11-${day}T09:00:00Z`,
  startedAt: `2026-11-${day}T09:00:01Z`,
  summary: { total: 1234, bySeverity: {}, byCategory: {} },
});

function setup(history: Answer, options: { roles?: string[]; view?: FindingsView } = {}) {
  const server = stubFetch({
    'GET /api/runs/r-1': json(succeededRun),
    'GET /api/runs/r-1/findings': json({ items: [finding(1)], nextCursor: null, total: 1 }),
    'GET /api/runs': history,
  });
  const client = new ApiClient({ fetch: server.fetch });
  const navigate = vi.fn();
  const session: Session = { token: 't', username: 'u', roles: options.roles ?? ['agent'] };
  render(
    <RunPage
      client={client}
      session={session}
      catalogue={catalogue}
      navigate={navigate}
      pollIntervalMs={5}
      runId="r-1"
      view={options.view}
    />,
  );
  return { server, navigate, user: userEvent.setup() };
}

describe('RunPage', () => {
  it('lists the earlier succeeded runs of the same tool and customer to compare with', async () => {
    const { server, user, navigate } = setup(
      json({ items: [{ ...succeededRun, createdAt: '2026-11-30T10:00:00Z', runId: 'r-later' }, succeededRun, older('r-0', 27)], nextCursor: null }),
    );
    await screen.findByRole('table');
    const toggle = screen.getByRole('button', { name: 'Compare with an earlier run' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    const list = await screen.findByRole('list', { name: 'Earlier runs' });
    const history = server.calls.find((c) => c.path === '/api/runs')!;
    expect(Object.fromEntries(history.query)).toEqual({
      customerId: 'demo',
      toolId: 'missing-data',
      status: 'SUCCEEDED',
      to: succeededRun.createdAt,
      limit: '20',
    });
    // Neither the run itself nor a later one.
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('by sam · 1,234 findings');
    const link = within(items[0]!).getByRole('link');
    expect(link.getAttribute('href')).toBe('/runs/r-1/compare/r-0');
    await user.click(link);
    expect(navigate).toHaveBeenCalledWith({ name: 'compare', runId: 'r-1', withRunId: 'r-0' });

    // Escape closes the list and returns to the button.
    await user.click(toggle);
    await user.click(toggle);
    await screen.findByRole('list', { name: 'Earlier runs' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('list', { name: 'Earlier runs' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('says when there is no earlier run', async () => {
    const { user } = setup(json({ items: [succeededRun], nextCursor: null }));
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Compare with an earlier run' }));
    expect(await screen.findByText('There is no earlier finished run of this tool for this customer to compare with.')).toBeTruthy();
  });

  it('keeps the findings view in the address without a new history entry', async () => {
    const { user, navigate } = setup(json({ items: [], nextCursor: null }), { view: { q: 'sis-1' } });
    await screen.findByRole('table');
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('sis-1');
    await user.selectOptions(screen.getByLabelText('Severity'), 'error');
    expect(navigate).toHaveBeenLastCalledWith({ name: 'run', runId: 'r-1', view: { severity: 'error', q: 'sis-1' } }, { replace: true });
  });

  it('shows resolution SQL to an engineer', async () => {
    const { user } = setup(json({ items: [], nextCursor: null }), { roles: ['engineer'] });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Student 1 has no grade' }));
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Copy script' })).toBeTruthy();
  });

  it('offers to run the same tool again for the same customer', async () => {
    const { user, navigate } = setup(json({ items: [], nextCursor: null }));
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Run again' }));
    expect(navigate).toHaveBeenCalledWith({ name: 'run-tool', toolId: 'missing-data', customerId: 'demo' });
  });
});

describe('RunPage progress', () => {
  it('names the phase now and the phases already done', async () => {
    const running = (phase: string, percent: number): Run => ({ ...succeededRun, status: 'RUNNING', progress: { phase, percent }, summary: null });
    const server = stubFetch({
      'GET /api/runs/r-1': [
        json(running('Fetching the SIS roster', 10)),
        json(running('Fetching our database', 40)),
        json(running('Comparing students', 70)),
      ],
    });
    const client = new ApiClient({ fetch: server.fetch });
    const session: Session = { token: 't', username: 'u', roles: ['agent'] };
    render(<RunPage client={client} session={session} catalogue={catalogue} navigate={vi.fn()} pollIntervalMs={5} runId="r-1" />);
    const steps = await screen.findByRole('list', { name: 'Steps done' });
    await vi.waitFor(() => expect(within(steps).getAllByRole('listitem')).toHaveLength(2));
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '✓ Fetching the SIS roster',
      '✓ Fetching our database',
    ]);
    expect(screen.getByRole('status').textContent).toBe('Comparing students');
    expect(screen.getByRole('progressbar', { name: 'Run progress' }).getAttribute('aria-valuetext')).toBe('Comparing students: 70%');
    expect(screen.getByRole('button', { name: 'Cancel run' })).toBeTruthy();
  });
});
