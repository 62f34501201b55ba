import { describe, expect, it, vi } from 'vitest';
import { json, problem, stubFetch } from '../test/stubFetch';
import { ApiClient, ApiError, NO_ANSWER, errorFromResponse, findingsPath } from './client';

const session = { token: 'tok-1', username: 'agent', roles: ['agent'] };

async function signedIn(routes: Parameters<typeof stubFetch>[0], onUnauthorized = vi.fn()) {
  const server = stubFetch({ 'POST /api/dev/login': json(session), ...routes });
  const client = new ApiClient({ fetch: server.fetch, onUnauthorized });
  await client.login('agent', 'agent');
  return { client, server, onUnauthorized };
}

describe('errorFromResponse', () => {
  it('reads title, detail and field errors from problem+json', async () => {
    const error = await errorFromResponse(
      problem(422, 'Some parameters are not valid', 'Max findings must be at most 1000.', [{ field: 'parameters.maxFindings', message: 'must be at most 1000' }]),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.title).toBe('Some parameters are not valid');
    expect(error.detail).toBe('Max findings must be at most 1000.');
    expect(error.fieldErrors).toEqual([{ field: 'parameters.maxFindings', message: 'must be at most 1000' }]);
  });

  it('falls back to plain words when the body is not problem+json', async () => {
    const error = await errorFromResponse(new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    expect(error.title).toBe('The server is not reachable right now');
    expect(error.detail).toMatch(/Try again/);
    expect(error.message).not.toMatch(/html/i);
  });

  it('survives a problem+json body that is not JSON', async () => {
    const error = await errorFromResponse(new Response('{oops', { status: 404, headers: { 'Content-Type': 'application/problem+json' } }));
    expect(error.title).toBe('Not found');
  });
});

describe('ApiClient', () => {
  it('signs in, keeps the token in memory and sends it as a Bearer header', async () => {
    const { client, server } = await signedIn({ 'GET /api/tools': json({ items: [] }) });
    expect(server.calls[0]!.body).toEqual({ username: 'agent', password: 'agent' });
    expect(server.calls[0]!.headers.get('Authorization')).toBeNull();
    await client.tools();
    expect(server.calls[1]!.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('a wrong password is an error for the form, not a session that ended', async () => {
    const onUnauthorized = vi.fn();
    const server = stubFetch({ 'POST /api/dev/login': problem(401, 'Wrong username or password', 'Check both and try again.') });
    const client = new ApiClient({ fetch: server.fetch, onUnauthorized });
    await expect(client.login('agent', 'nope')).rejects.toMatchObject({ status: 401, title: 'Wrong username or password' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('a 401 on a signed-in call forgets the token and tells the app once', async () => {
    const { client, server, onUnauthorized } = await signedIn({
      'GET /api/customers': problem(401, 'Your session has expired'),
      'GET /api/tools': json({ items: [] }),
    });
    await expect(client.customers()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(client.signedIn).toBe(false);
    await client.tools();
    expect(server.calls.at(-1)!.headers.get('Authorization')).toBeNull();
  });

  it('a 403 keeps the session and reports the problem', async () => {
    const { client, onUnauthorized } = await signedIn({ 'GET /api/customers': problem(403, 'Admins only', 'Ask an admin to change settings.') });
    await expect(client.customers()).rejects.toMatchObject({ status: 403, title: 'Admins only', detail: 'Ask an admin to change settings.' });
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(client.signedIn).toBe(true);
  });

  it('a network failure becomes "could not reach the server"', async () => {
    const client = new ApiClient({ fetch: vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) as unknown as typeof fetch });
    const error = await client.tools().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: NO_ANSWER, title: 'Could not reach the CDT server' });
  });

  it('starts a run with customer, typed parameters and ticket', async () => {
    const { client, server } = await signedIn({ 'POST /api/tools/missing-data/runs': json({ runId: 'r-9', status: 'QUEUED' }, 202) });
    const started = await client.startRun('missing-data', { customerId: 'demo', parameters: { maxFindings: 5 }, ticketId: '123' });
    expect(started.runId).toBe('r-9');
    expect(server.calls[1]!.body).toEqual({ customerId: 'demo', parameters: { maxFindings: 5 }, ticketId: '123' });
    expect(server.calls[1]!.headers.get('Content-Type')).toBe('application/json');
  });

  it('asks for CSV with the token and the current filters', async () => {
    const csv = 'id,fingerprint,category,severity,rule,title,sis_key,ours_key,sis_values,ours_values,resolution,description\n';
    const { client, server } = await signedIn({
      'GET /api/runs/r-1/findings': new Response(csv, { headers: { 'Content-Type': 'text/csv' } }),
    });
    const blob = await client.findingsCsv('r-1', { category: 'CLASS_WITHOUT_TEACHER', severity: 'warning' });
    expect(await blob.text()).toBe(csv);
    const call = server.calls[1]!;
    expect(call.headers.get('Accept')).toBe('text/csv');
    expect(call.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(call.query.get('category')).toBe('CLASS_WITHOUT_TEACHER');
    expect(call.query.get('severity')).toBe('warning');
    expect(call.query.has('cursor')).toBe(false);
  });
});

describe('findingsPath', () => {
  it('puts filters, limit and cursor in the query and encodes the run id', () => {
    expect(findingsPath('r 1', {}, { limit: 50 })).toBe('/api/runs/r%201/findings?limit=50');
    expect(findingsPath('r1', { category: 'FIELD_DRIFT', severity: '' }, { cursor: 'abc=', limit: 50 })).toBe(
      '/api/runs/r1/findings?category=FIELD_DRIFT&limit=50&cursor=abc%3D',
    );
  });
});
