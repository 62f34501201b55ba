import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { DashboardData } from '../api/dashboard';
import type { Catalogue } from '../catalogue';
import { demoCustomer, missingDataTool, run, succeededRun } from '../test/fixtures';
import { json, problem, stubFetch, type Answer } from '../test/stubFetch';
import { Dashboard } from './Dashboard';

const catalogue: Catalogue = { tools: [missingDataTool], customers: [demoCustomer], loading: false, error: null, reload: () => {} };
const session = { token: 't', username: 'agent', name: 'Alex Agent', roles: ['agent'] };

function empty(): DashboardData {
  return { running: [], recentMine: [], recentAll: [], failed: [], customersWithErrors: [], connectorFailures: [] };
}

function show(answers: Answer | Answer[], navigate = vi.fn(), pollIntervalMs = 20) {
  const server = stubFetch({ 'GET /api/dashboard': answers });
  const client = new ApiClient({ fetch: server.fetch });
  client.setToken('t');
  render(<Dashboard client={client} session={session} catalogue={catalogue} navigate={navigate} pollIntervalMs={pollIntervalMs} />);
  return { server, navigate };
}

describe('Dashboard', () => {
  it('says in words that each block is empty', async () => {
    show(json(empty()));
    expect(await screen.findByText('No runs are running now.')).toBeTruthy();
    expect(screen.getByText(/You have not run any tools yet/)).toBeTruthy();
    expect(screen.getByText('No runs failed in the last 7 days.')).toBeTruthy();
    expect(screen.getByText('No customer’s latest run found errors.')).toBeTruthy();
    expect(screen.getByText('Every tested connection passed its last test.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Dashboard', level: 1 })).toBe(document.activeElement);
    expect(screen.getByRole('link', { name: 'Run a tool' }).getAttribute('href')).toBe('/tools');
  });

  it('follows running runs until they finish, then stops asking', async () => {
    const running = run({ runId: 'r-9', ticketId: '4242', progress: { phase: 'Comparing students', percent: 55 } });
    const done = { ...succeededRun, runId: 'r-9' };
    // The server moves on only when the test has seen each stage, however slow the machine is.
    let stage = 0;
    const stages = [
      { ...empty(), running: [running] },
      { ...empty(), running: [{ ...running, progress: { phase: 'Writing findings', percent: 90 } }] },
      { ...empty(), recentMine: [done], recentAll: [done] },
    ];
    const { server } = show(() => json(stages[stage]));
    const bar = await screen.findByRole('progressbar', { name: 'Progress of Missing Data Finder for Demo District' });
    expect(bar.getAttribute('aria-valuenow')).toBe('55');
    expect(screen.getByText(/ticket 4242/)).toBeTruthy();
    stage = 1;
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('90'));
    stage = 2;
    expect(await screen.findByText('No runs are running now.')).toBeTruthy();
    const recent = screen.getByRole('region', { name: 'Recent runs' });
    expect(within(recent).getByRole('link', { name: 'Missing Data Finder' }).getAttribute('href')).toBe('/runs/r-9');
    const calls = server.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(server.calls.length).toBe(calls);
  });

  it('switches between my runs and everyone’s', async () => {
    const mine = run({ runId: 'mine-1', status: 'SUCCEEDED', requestedBy: 'agent' });
    const theirs = run({ runId: 'theirs-1', status: 'SUCCEEDED', requestedBy: 'engineer', toolId: 'student-mismatch' });
    show(json({ ...empty(), recentMine: [mine], recentAll: [theirs, mine] }));
    const user = userEvent.setup();
    const recent = await screen.findByRole('region', { name: 'Recent runs' });
    expect(within(recent).getAllByRole('row')).toHaveLength(2);
    expect(within(recent).getByRole('link', { name: 'All my runs in History' }).getAttribute('href')).toBe('/history?requestedBy=agent');
    await user.click(within(recent).getByRole('button', { name: 'Everyone’s' }));
    expect(within(recent).getByRole('button', { name: 'Everyone’s' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(recent).getAllByRole('row')).toHaveLength(3);
    expect(within(recent).getByText('engineer')).toBeTruthy();
  });

  it('shows failed runs with their reason, customers with errors and failed connections, each linked', async () => {
    const navigate = vi.fn();
    show(
      json({
        ...empty(),
        failed: [run({ runId: 'f-1', status: 'FAILED', error: 'The SIS file could not be read: the zip is empty.', finishedAt: '2026-11-29T10:01:00Z' })],
        customersWithErrors: [{ customerId: 'demo', customerName: 'Demo District', toolId: 'missing-data', runId: 'r-5', finishedAt: '2026-11-29T09:00:00Z', errors: 12 }],
        connectorFailures: [
          { customerId: 'demo', customerName: 'Demo District', connector: 'classlink', at: '2026-11-29T08:00:00Z', actor: 'admin', verdict: 'ClassLink refused the key.', failedChecks: ['token'] },
        ],
      }),
      navigate,
    );
    const failed = await screen.findByRole('region', { name: 'Failed runs (last 7 days)' });
    expect(within(failed).getByText('The SIS file could not be read: the zip is empty.')).toBeTruthy();
    expect(within(failed).getByRole('link', { name: 'Missing Data Finder for Demo District' }).getAttribute('href')).toBe('/runs/f-1');

    const errors = screen.getByRole('region', { name: 'Customers whose last run found errors' });
    expect(within(errors).getByText(/12 errors/)).toBeTruthy();
    expect(within(errors).getByRole('link', { name: 'Demo District' }).getAttribute('href')).toBe('/customers/demo');
    expect(within(errors).getByRole('link', { name: 'Missing Data Finder' }).getAttribute('href')).toBe('/runs/r-5');

    const connections = screen.getByRole('region', { name: 'Connections that failed their last test' });
    expect(within(connections).getByText('ClassLink refused the key.')).toBeTruthy();
    expect(within(connections).getByText('Failed checks: token')).toBeTruthy();
    await userEvent.setup().click(within(connections).getByRole('link', { name: 'Demo District' }));
    expect(navigate).toHaveBeenCalledWith({ name: 'customer', customerId: 'demo' });
  });

  it('explains a refusal without offering to try again: asking again would be refused again', async () => {
    show([problem(403, 'Not allowed', 'This needs the agent, engineer or admin role.'), json(empty())], vi.fn());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This needs the agent, engineer or admin role.');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('explains a server failure and tries again on request', async () => {
    // A slow automatic retry, so that the button is what asks again here.
    show([problem(503, 'The database is not reachable', 'Try again in a minute.'), json(empty())], vi.fn(), 60_000);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Try again in a minute.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No runs are running now.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the address is no page, instead of silently showing the dashboard', async () => {
    const server = stubFetch({ 'GET /api/dashboard': json(empty()) });
    const client = new ApiClient({ fetch: server.fetch });
    client.setToken('t');
    render(<Dashboard client={client} session={session} catalogue={catalogue} navigate={vi.fn()} unknownPath="/runz/abc" />);
    expect(await screen.findByText(/There is no page at “\/runz\/abc”/)).toBeTruthy();
    expect(await screen.findByText('No runs are running now.')).toBeTruthy();
  });
});
