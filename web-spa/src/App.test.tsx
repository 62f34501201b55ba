import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { demoCustomer, finding, missingDataTool, run, succeededRun } from './test/fixtures';
import { json, problem, stubFetch, type Answer } from './test/stubFetch';

const session = { token: 'tok-1', username: 'agent', roles: ['agent'], expiresAt: '2026-11-29T20:00:00Z' };

function catalogueRoutes(): Record<string, Answer> {
  return {
    'POST /api/dev/login': json(session),
    'GET /api/tools': json({ items: [missingDataTool] }),
    'GET /api/customers': json({ items: [demoCustomer] }),
  };
}

async function signIn(user: ReturnType<typeof userEvent.setup>) {
  // The form shows once /config.json has said "dev".
  await user.type(await screen.findByLabelText('Username'), 'agent');
  await user.type(screen.getByLabelText('Password'), 'agent');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('App', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('signs in, runs a tool, follows its progress and shows the results', async () => {
    // The run stays RUNNING until the test has seen its progress, however slow the machine is.
    let finished = false;
    const server = stubFetch({
      ...catalogueRoutes(),
      'POST /api/tools/missing-data/runs': json({ runId: 'r-1', status: 'QUEUED' }, 202),
      'GET /api/runs/r-1': [json(run({ status: 'QUEUED', progress: null })), () => (finished ? json(succeededRun) : json(run()))],
      'GET /api/runs/r-1/findings': json({ items: [finding(1)], nextCursor: null, total: 1 }),
    });
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/tools');
    render(<App fetch={server.fetch} pollIntervalMs={20} />);

    await signIn(user);
    expect(await screen.findByRole('heading', { name: 'Run a tool' })).toBe(document.activeElement);
    await screen.findByRole('radio', { name: 'Missing Data Finder' });
    expect(screen.getByRole('banner').textContent).toContain('Signed in as agent (agent)');
    // The only customer is picked already.
    await waitFor(() => expect((screen.getByLabelText('Customer') as HTMLSelectElement).value).toBe('demo'));
    await user.click(screen.getByRole('radio', { name: 'Missing Data Finder' }));
    await user.click(screen.getByRole('button', { name: 'Start' }));

    expect(await screen.findByRole('heading', { name: 'Missing Data Finder' })).toBeTruthy();
    expect(window.location.pathname).toBe('/runs/r-1');
    const bar = await screen.findByRole('progressbar', { name: 'Run progress' });
    expect(['0', '40']).toContain(bar.getAttribute('aria-valuenow'));
    expect(await screen.findByText('Reading the SIS snapshot')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByRole('button', { name: 'Cancel run' })).toBeTruthy();

    finished = true;
    expect(await screen.findByRole('heading', { name: 'Summary' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Finished')).toBeTruthy();
    expect(await screen.findByText('Student 1 has no grade')).toBeTruthy();
    for (const call of server.calls.slice(1)) expect(call.headers.get('Authorization')).toBe('Bearer tok-1');
  });

  it('shows a wrong password in the server’s words and stays on sign-in', async () => {
    const server = stubFetch({ 'POST /api/dev/login': problem(401, 'Wrong username or password', 'Check both and try again.') });
    const user = userEvent.setup();
    render(<App fetch={server.fetch} />);
    await signIn(user);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wrong username or password');
    expect(alert.textContent).toContain('Check both and try again.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    // The agent retypes the password at once instead of hunting for where focus went.
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
  });

  it('asks for both fields before calling the server', async () => {
    const server = stubFetch({});
    const user = userEvent.setup();
    render(<App fetch={server.fetch} />);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter your username and password.');
    expect(server.calls).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByLabelText('Username'));
    await user.type(screen.getByLabelText('Username'), 'agent');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
  });

  it('returns to sign-in when the session ends (401)', async () => {
    const server = stubFetch({
      ...catalogueRoutes(),
      'POST /api/tools/missing-data/runs': problem(401, 'Your session has expired'),
    });
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/tools');
    render(<App fetch={server.fetch} />);
    await signIn(user);
    await user.click(await screen.findByRole('radio', { name: 'Missing Data Finder' }));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
  });

  it('signs out and forgets the token', async () => {
    const server = stubFetch(catalogueRoutes());
    const user = userEvent.setup();
    render(<App fetch={server.fetch} />);
    await signIn(user);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(screen.getByText('You are signed out.')).toBeTruthy();
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('shows why a run failed', async () => {
    window.history.replaceState(null, '', '/runs/r-1');
    const server = stubFetch({
      ...catalogueRoutes(),
      'GET /api/runs/r-1': json(run({ status: 'FAILED', error: 'The SIS file for Demo District could not be read: the zip is empty.' })),
    });
    const user = userEvent.setup();
    render(<App fetch={server.fetch} />);
    await signIn(user);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The run failed');
    expect(alert.textContent).toContain('the zip is empty');
    // The fix is usually in the customer's settings: one click away.
    expect(within(alert).getByRole('link', { name: /settings and connection tests/ }).getAttribute('href')).toBe('/customers/demo');
  });

  it('cancels a running run', async () => {
    window.history.replaceState(null, '', '/runs/r-1');
    const server = stubFetch({
      ...catalogueRoutes(),
      'GET /api/runs/r-1': [json(run()), json(run({ status: 'CANCELLED' }))],
      'POST /api/runs/r-1/cancel': json(run({ status: 'CANCELLED' }), 202),
    });
    const user = userEvent.setup();
    render(<App fetch={server.fetch} pollIntervalMs={60_000} />);
    await signIn(user);
    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    expect(await screen.findByText(/This run was cancelled/)).toBeTruthy();
    expect(within(screen.getByRole('main')).queryByRole('progressbar')).toBeNull();
    // The Cancel button is gone: focus moves to the outcome, not to the page body.
    expect(document.activeElement?.textContent).toContain('This run was cancelled');
    expect(server.calls.some((c) => c.method === 'POST' && c.path === '/api/runs/r-1/cancel')).toBe(true);
  });

  it('explains a run link that leads nowhere', async () => {
    window.history.replaceState(null, '', '/runs/nope');
    const server = stubFetch({
      ...catalogueRoutes(),
      'GET /api/runs/nope': problem(404, 'No such run', 'The link may be wrong, or the run was removed.'),
    });
    const user = userEvent.setup();
    render(<App fetch={server.fetch} />);
    await signIn(user);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No such run');
    expect(alert.textContent).toContain('The link may be wrong');
    // Asking again for a run that does not exist cannot help.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Run another tool' }));
    expect(await screen.findByRole('heading', { name: 'Run a tool' })).toBeTruthy();
    expect(window.location.pathname).toBe('/tools');
  });
});
