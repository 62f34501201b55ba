import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client';
import type { Catalogue } from '../catalogue';
import { pathOf, type Navigate, type Route } from '../router';
import { json, problem, stubFetch, type Answer } from '../test/stubFetch';
import { Customers } from './Customers';

const session = { token: 't', username: 'agent', roles: ['agent'] };
const catalogue: Catalogue = { tools: [], customers: [], loading: false, error: null, reload: () => {} };

const demo = { id: 'demo', name: 'Demo Unified School District', sisType: 'oneroster-csv', oursInstance: 'production', lastRunAt: '2026-11-29T10:00:00Z' };
const lakeside = { id: 'lakeside', name: 'Lakeside ISD', sisType: 'classlink', oursInstance: 'staging', lastRunAt: null };

/** The screen with a router stand-in that keeps the address, as App does. */
function Harness({ client, start, seen }: { client: ApiClient; start: Route; seen: Route[] }) {
  const [route, setRoute] = useState<Route>(start);
  const navigate: Navigate = (next) => {
    seen.push(next);
    window.history.replaceState(null, '', pathOf(next));
    setRoute(next);
  };
  if (route.name !== 'customers') return <p>Opened {pathOf(route)}</p>;
  return <Customers client={client} session={session} catalogue={catalogue} navigate={navigate} route={route} />;
}

function setup(routes: Record<string, Answer | Answer[]>, start: Route = { name: 'customers' }) {
  const server = stubFetch(routes);
  const client = new ApiClient({ fetch: server.fetch });
  client.setToken('t');
  const seen: Route[] = [];
  render(<Harness client={client} start={start} seen={seen} />);
  return { server, seen };
}

describe('Customers', () => {
  beforeEach(() => window.history.replaceState(null, '', '/customers'));

  it('lists every customer with its SIS, our instance and last run, each linking to its page', async () => {
    const { server } = setup({ 'GET /api/customers': json({ items: [demo, lakeside] }) });
    expect(screen.getByRole('heading', { name: 'Customers' })).toBe(document.activeElement);
    expect(screen.getByRole('status').textContent).toBe('Loading customers…');
    const table = await screen.findByRole('table', { name: 'Customers' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('link', { name: 'Demo Unified School District' }).getAttribute('href')).toBe('/customers/demo');
    expect(rows[1]!.textContent).toContain('OneRoster CSV');
    expect(rows[1]!.textContent).toContain('production');
    expect(rows[1]!.textContent).not.toContain('No runs yet');
    expect(rows[2]!.textContent).toContain('ClassLink');
    expect(rows[2]!.textContent).toContain('No runs yet');
    expect(screen.getByText('2 customers')).toBeTruthy();
    expect(server.calls[0]!.query.has('q')).toBe(false);
    expect(server.calls[0]!.headers.get('Authorization')).toBe('Bearer t');

    await userEvent.setup().click(within(rows[1]!).getByRole('link', { name: 'Demo Unified School District' }));
    expect(screen.getByText('Opened /customers/demo')).toBeTruthy();
  });

  it('searches once typing pauses, keeps ?q= in the address and says when nothing matches', async () => {
    const { server, seen } = setup({
      'GET /api/customers': (call) => {
        const q = call.query.get('q');
        if (!q) return json({ items: [demo, lakeside] });
        return json({ items: [demo, lakeside].filter((c) => `${c.id} ${c.name}`.toLowerCase().includes(q.toLowerCase())) });
      },
    });
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Search customers'), 'lake');
    await screen.findByText('1 customer matching “lake”');
    // One request for the whole word, not one per key.
    expect(server.calls.map((c) => c.query.get('q'))).toEqual([null, 'lake']);
    expect(window.location.search).toBe('?q=lake');
    expect(seen.at(-1)).toEqual({ name: 'customers', q: 'lake' });
    expect(screen.getByRole('link', { name: 'Lakeside ISD' })).toBeTruthy();

    await user.clear(screen.getByLabelText('Search customers'));
    await user.type(screen.getByLabelText('Search customers'), 'zzz');
    expect((await screen.findByText('No customer matches “zzz”.')).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('table')).toBeNull();
    expect(window.location.search).toBe('?q=zzz');

    await user.clear(screen.getByLabelText('Search customers'));
    await screen.findByText('2 customers');
    expect(window.location.search).toBe('');
  });

  it('keeps the list in view while the next search loads', async () => {
    let answer: (r: Response) => void = () => {};
    setup({
      'GET /api/customers': [json({ items: [demo, lakeside] }), () => new Promise<Response>((resolve) => (answer = resolve))],
    });
    await screen.findByText('2 customers');
    await userEvent.setup().type(screen.getByLabelText('Search customers'), 'lake');
    await screen.findByText('Searching…');
    expect(screen.getByRole('link', { name: 'Demo Unified School District' })).toBeTruthy();
    answer(json({ items: [lakeside] }));
    await screen.findByText('1 customer matching “lake”');
    expect(screen.queryByRole('link', { name: 'Demo Unified School District' })).toBeNull();
  });

  it('opens with the search from the address', async () => {
    const { server } = setup({ 'GET /api/customers': json({ items: [demo] }) }, { name: 'customers', q: 'demo' });
    await screen.findByText('1 customer matching “demo”');
    expect((screen.getByLabelText('Search customers') as HTMLInputElement).value).toBe('demo');
    expect(server.calls[0]!.query.get('q')).toBe('demo');
  });

  it('searches at once on Enter', async () => {
    const { server } = setup({ 'GET /api/customers': json({ items: [demo] }) });
    await screen.findByRole('table');
    await userEvent.setup().type(screen.getByLabelText('Search customers'), 'demo{Enter}');
    await screen.findByText('1 customer matching “demo”');
    expect(server.calls.map((c) => c.query.get('q'))).toEqual([null, 'demo']);
  });

  it('shows the server’s error in words and tries again', async () => {
    setup({
      'GET /api/customers': [problem(503, 'The customer list is not available right now', 'Try again in a minute.'), json({ items: [demo] })],
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The customer list is not available right now');
    expect(alert.textContent).toContain('Try again in a minute.');
    await act(async () => within(alert).getByRole('button', { name: 'Try again' }).click());
    expect(await screen.findByRole('link', { name: 'Demo Unified School District' })).toBeTruthy();
  });

  it('says when there are no customers at all', async () => {
    setup({ 'GET /api/customers': json({ items: [] }) });
    expect(await screen.findByText('There are no customers yet.')).toBeTruthy();
  });
});
