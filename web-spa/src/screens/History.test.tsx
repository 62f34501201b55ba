import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { Catalogue } from '../catalogue';
import type { HistoryFilter } from '../router';
import { demoCustomer, missingDataTool, run, studentMismatchTool } from '../test/fixtures';
import { json, problem, stubFetch, type Answer } from '../test/stubFetch';
import { checkFilter, cleanFilter, History } from './History';

const catalogue: Catalogue = { tools: [missingDataTool, studentMismatchTool], customers: [demoCustomer], loading: false, error: null, reload: () => {} };
const session = { token: 't', username: 'agent', roles: ['agent'] };

function show(answers: Answer | Answer[], filter: HistoryFilter = {}) {
  const server = stubFetch({ 'GET /api/runs': answers });
  const client = new ApiClient({ fetch: server.fetch });
  client.setToken('t');
  const navigate = vi.fn();
  const view = render(<History client={client} session={session} catalogue={catalogue} navigate={navigate} filter={filter} />);
  const rerender = (next: HistoryFilter) =>
    view.rerender(<History client={client} session={session} catalogue={catalogue} navigate={navigate} filter={next} />);
  return { server, navigate, rerender };
}

describe('History filters', () => {
  it('drops blanks and trims', () => {
    expect(cleanFilter({ toolId: ' missing-data ', status: '', ticketId: '  ' })).toEqual({ toolId: 'missing-data' });
  });

  it('checks the dates', () => {
    expect(checkFilter({ from: '2026-11-01', to: '2026-11-30' })).toEqual({});
    expect(checkFilter({ from: '2026-11-30', to: '2026-11-01' }).to).toMatch(/before the “from” date/);
    expect(checkFilter({ from: '29/11/2026' }).from).toMatch(/year-month-day/);
  });
});

describe('History', () => {
  it('loads the runs of the filter in the address, with the form filled in', async () => {
    const { server } = show(json({ items: [run({ runId: 'a', status: 'SUCCEEDED' })], nextCursor: null }), {
      toolId: 'missing-data',
      status: 'SUCCEEDED',
      from: '2026-11-01',
    });
    expect(await screen.findByRole('link', { name: 'Missing Data Finder' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'History', level: 1 })).toBe(document.activeElement);
    expect((screen.getByLabelText('Tool') as HTMLSelectElement).value).toBe('missing-data');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('SUCCEEDED');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-11-01');
    const query = server.calls[0]!.query;
    expect(Object.fromEntries(query)).toEqual({ toolId: 'missing-data', status: 'SUCCEEDED', from: '2026-11-01', limit: '25' });
    expect(screen.getByText('Showing 1 run.')).toBeTruthy();
  });

  it('puts the chosen filters into the address (replacing the entry)', async () => {
    const { navigate } = show(json({ items: [], nextCursor: null }));
    const user = userEvent.setup();
    expect(await screen.findByText(/No runs yet/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Customer'), 'demo');
    await user.selectOptions(screen.getByLabelText('Tool'), 'student-mismatch');
    await user.selectOptions(screen.getByLabelText('Status'), 'Not finished yet');
    await user.type(screen.getByLabelText('Ticket'), ' 9001 ');
    await user.type(screen.getByLabelText('To'), '2026-11-29');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(navigate).toHaveBeenCalledWith(
      { name: 'history', filter: { customerId: 'demo', toolId: 'student-mismatch', status: 'QUEUED,RUNNING', ticketId: '9001', to: '2026-11-29' } },
      { replace: true },
    );
  });

  it('has a “Mine” shortcut for the requester', async () => {
    const { navigate } = show(json({ items: [], nextCursor: null }), { toolId: 'missing-data' });
    await screen.findByText('No runs match these filters.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Mine' }));
    expect(navigate).toHaveBeenCalledWith({ name: 'history', filter: { toolId: 'missing-data', requestedBy: 'agent' } }, { replace: true });
  });

  it('refuses dates in the wrong order without asking the server', async () => {
    const { server, navigate } = show(json({ items: [], nextCursor: null }));
    const user = userEvent.setup();
    await screen.findByText(/No runs yet/);
    await user.type(screen.getByLabelText('From'), '2026-11-30');
    await user.type(screen.getByLabelText('To'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByText('The “to” date is before the “from” date.')).toBeTruthy();
    expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(navigate).not.toHaveBeenCalled();
    expect(server.calls).toHaveLength(1);
  });

  it('loads more with the cursor and appends', async () => {
    const first = Array.from({ length: 2 }, (_, i) => run({ runId: `p1-${i}`, status: 'SUCCEEDED' }));
    const { server } = show([json({ items: first, nextCursor: 'c-2' }), json({ items: [run({ runId: 'p2-0', status: 'FAILED', error: 'No SIS file.' })], nextCursor: null })], {
      status: 'SUCCEEDED,FAILED',
    });
    const user = userEvent.setup();
    expect(await screen.findByText('Showing the newest 2 runs; there are more.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Showing 3 runs.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(server.calls[1]!.query.get('cursor')).toBe('c-2');
    expect(server.calls[1]!.query.get('status')).toBe('SUCCEEDED,FAILED');
    expect(within(screen.getByRole('table')).getByText('Failed: No SIS file.')).toBeTruthy();
    // The focus goes on to the first run just loaded, not to the page body.
    await waitFor(() => expect(document.activeElement?.closest('tr')?.textContent).toContain('Failed: No SIS file.'));
  });

  it('follows the address when it changes (Back, a link)', async () => {
    const { server, rerender } = show((call) => json({ items: [run({ runId: call.query.get('toolId') ?? 'any', status: 'SUCCEEDED' })], nextCursor: null }));
    await screen.findByText('Showing 1 run.');
    rerender({ toolId: 'student-mismatch' });
    await waitFor(() => expect((screen.getByLabelText('Tool') as HTMLSelectElement).value).toBe('student-mismatch'));
    await waitFor(() => expect(server.calls).toHaveLength(2));
    expect(server.calls[1]!.query.get('toolId')).toBe('student-mismatch');
  });

  it('shows the server’s objection to a filter next to the form', async () => {
    show(problem(422, 'Some values need fixing', '', [{ field: 'status', message: 'Status must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED.' }]), {
      status: 'DONE',
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Status must be one of');
    // An unknown value from a link still shows in its picker.
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('DONE');
  });

  it('explains a failure and tries again', async () => {
    show([problem(500, 'The server ran into a problem'), json({ items: [], nextCursor: null })]);
    expect((await screen.findByRole('alert')).textContent).toContain('The server ran into a problem');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No runs yet/)).toBeTruthy();
  });
});
