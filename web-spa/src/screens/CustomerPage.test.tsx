import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import { connectorsOf, type Customer } from '../api/customers';
import type { Catalogue } from '../catalogue';
import { demoCustomer, missingDataTool, succeededRun } from '../test/fixtures';
import { json, problem, stubFetch, type Answer } from '../test/stubFetch';
import { formatTime } from '../format';
import { CustomerPage } from './CustomerPage';

const catalogue: Catalogue = { tools: [missingDataTool], customers: [demoCustomer], loading: false, error: null, reload: () => {} };

const stored: Customer = {
  id: 'demo',
  name: 'Demo Unified School District',
  updatedAt: '2026-11-29T09:00:00.000001Z',
  settings: {
    sis: { type: 'oneroster-rest', location: 'https://sis.demo.org/ims/oneroster/v1p1', secretRef: 'aws-sm:cdt/demo/sis', options: { version: '1.1' } },
    ours: { instance: 'production', customerKey: 'demo' },
    snapshotTtlMinutes: { sis: 60, ours: 10 },
    schedule: { cron: '0 6 * * 1-5', timezone: 'America/Chicago' },
  },
  connectors: ['oneroster-rest', 'bookmarked'],
  lastTests: [{ connector: 'bookmarked', ok: false, verdict: 'The production database refused the password (28P01).', at: '2026-11-28T12:00:00Z', actor: 'jo' }],
};

const auditEntries = [{ at: '2026-11-28T12:00:00Z', actor: 'jo', action: 'connector.test', details: { connector: 'bookmarked', ok: false, failedChecks: ['Connection'] } }];

function routes(extra: Record<string, Answer | Answer[]> = {}): Record<string, Answer | Answer[]> {
  return {
    'GET /api/customers/demo': json(stored),
    'GET /api/runs': json({ items: [succeededRun], nextCursor: null }),
    'GET /api/customers/demo/audit': json({ items: auditEntries }),
    ...extra,
  };
}

function setup(roles: string[], answers: Record<string, Answer | Answer[]> = routes(), ourInstances?: string[]) {
  const server = stubFetch(answers);
  const client = new ApiClient({ fetch: server.fetch });
  client.setToken('t');
  const navigate = vi.fn();
  render(
    <CustomerPage
      client={client}
      session={{ token: 't', username: roles[0]!, roles }}
      catalogue={ourInstances ? { ...catalogue, ourInstances } : catalogue}
      navigate={navigate}
      route={{ name: 'customer', customerId: 'demo' }}
    />,
  );
  return { server, navigate };
}

const loaded = () => screen.findByRole('heading', { level: 1, name: 'Demo Unified School District' });
const settings = () => screen.getByRole('region', { name: 'Integration settings' });
const connector = (name: RegExp) => screen.getByRole('region', { name });

describe('CustomerPage for an agent', () => {
  it('shows the settings with the secret as a reference only, and no way to edit them', async () => {
    const { server } = setup(['agent']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo Unified School District' })).toBe(document.activeElement);
    const view = settings();
    expect(view.textContent).toContain('OneRoster API');
    expect(view.textContent).toContain('https://sis.demo.org/ims/oneroster/v1p1');
    expect(view.textContent).toContain('version = 1.1');
    expect(within(view).getByText('aws-sm:cdt/demo/sis').tagName).toBe('CODE');
    expect(view.textContent).toContain('The secret itself is never shown.');
    expect(view.textContent).toContain('Weekdays at 06:00 America/Chicago');
    expect(view.textContent).toContain('60 minutes (1 hour)');
    expect(view.textContent).toContain('10 minutes');
    expect(view.textContent).toContain('Only admins can change settings.');
    expect(within(view).queryByRole('button', { name: 'Edit settings' })).toBeNull();

    expect(screen.getByRole('link', { name: 'Run a tool on this customer' }).getAttribute('href')).toBe('/tools?customer=demo');
    expect(screen.getByRole('link', { name: 'Every run on this customer' }).getAttribute('href')).toBe('/history?customerId=demo');

    const runs = await screen.findByRole('table', { name: 'Latest runs on Demo Unified School District' });
    expect(within(runs).queryByRole('columnheader', { name: 'Customer' })).toBeNull();
    expect(within(runs).getByRole('link', { name: 'Missing Data Finder' }).getAttribute('href')).toBe('/runs/r-1');
    const runsCall = server.calls.find((c) => c.path === '/api/runs')!;
    expect(runsCall.query.get('customerId')).toBe('demo');
    expect(runsCall.query.get('limit')).toBe('10');

    const audit = await screen.findByRole('table', { name: 'Audit trail, newest first' });
    expect(audit.textContent).toContain('Tested the Our database (Bookmarked) connection: failed at Connection');
  });

  it('shows each connector’s last test before any click, then tests it: busy, verdict, checks', async () => {
    let answer: (r: Response) => void = () => {};
    const { server } = setup(
      ['agent'],
      routes({
        'POST /api/connectors/bookmarked/test': () => new Promise<Response>((resolve) => (answer = resolve)),
        'GET /api/customers/demo/audit': [json({ items: auditEntries }), json({ items: [{ at: '2026-11-29T12:00:00Z', actor: 'agent', action: 'connector.test', details: { connector: 'bookmarked', ok: true } }, ...auditEntries] })],
      }),
    );
    await loaded();
    expect(screen.getAllByRole('button', { name: /^Test connection: / })).toHaveLength(2);
    const ours = connector(/Our database \(Bookmarked\)/);
    expect(ours.textContent).toContain('by jo: failed. The production database refused the password (28P01).');
    expect(connector(/OneRoster API/).textContent).toContain('Not tested yet.');

    const user = userEvent.setup();
    await user.click(within(ours).getByRole('button', { name: 'Test connection: Our database (Bookmarked)' }));
    // Busy, yet still focused: a disabled button would drop the agent's keyboard focus to the page.
    const testing = within(ours).getByRole('button', { name: /^Testing…/ });
    expect(testing.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(testing);
    expect(ours.getAttribute('aria-busy')).toBe('true');
    expect(server.calls.find((c) => c.method === 'POST')!.body).toEqual({ customerId: 'demo' });

    answer(
      json({
        ok: true,
        verdict: "Connected read-only to the production database; customer key 'demo' found with 5,020 students.",
        checks: [
          { name: 'Customer settings', ok: true, message: 'Instance production, customer key demo.' },
          { name: 'Customer key', ok: true, message: "Customer key 'demo' found with 5,020 students." },
        ],
      }),
    );
    expect(await within(ours).findByText('✓ Connection works.')).toBeTruthy();
    const checks = within(ours).getByRole('list', { name: 'Checks made' });
    expect(within(checks).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '✓ Passed: Customer settings: Instance production, customer key demo.',
      "✓ Passed: Customer key: Customer key 'demo' found with 5,020 students.",
    ]);
    expect(ours.textContent).toMatch(/by agent: passed/);
    // The test is in the audit trail straight away.
    expect(await screen.findByText('Tested the Our database (Bookmarked) connection: passed')).toBeTruthy();
  });

  it('marks the failed check as the one to fix', async () => {
    setup(
      ['engineer'],
      routes({
        'POST /api/connectors/oneroster-rest/test': json({
          ok: false,
          verdict: 'The SIS refused the client secret (401): update the secret in settings.',
          checks: [
            { name: 'Customer settings', ok: true, message: 'Usable.' },
            { name: 'Credentials', ok: true, message: 'The secret holds clientId and clientSecret.' },
            { name: 'Sign-in', ok: false, message: 'The SIS refused the client secret (401): update the secret in settings.' },
          ],
        }),
      }),
    );
    await loaded();
    const sis = connector(/OneRoster API/);
    await userEvent.setup().click(within(sis).getByRole('button', { name: 'Test connection: OneRoster API' }));
    expect(await within(sis).findByText('✗ Connection failed.')).toBeTruthy();
    const items = within(within(sis).getByRole('list', { name: 'Checks made' })).getAllByRole('listitem');
    expect(items[2]!.className).toBe('to-fix');
    expect(items[2]!.textContent).toContain('Failed: Sign-in: The SIS refused the client secret (401)');
    expect(items[2]!.textContent).toContain('fix this first');
    expect(items[1]!.className).toBe('');
  });

  it('shows a test that could not be made in words', async () => {
    setup(['agent'], routes({ 'POST /api/connectors/bookmarked/test': problem(502, 'The connector did not answer', 'Try again in a minute.') }));
    await loaded();
    const ours = connector(/Our database/);
    await userEvent.setup().click(within(ours).getByRole('button', { name: 'Test connection: Our database (Bookmarked)' }));
    expect((await within(ours).findByRole('alert')).textContent).toContain('The connector did not answer');
  });

  it('refreshes the snapshots and shows the server’s confirmation', async () => {
    const { server } = setup(
      ['agent'],
      routes({ 'POST /api/customers/demo/snapshots/refresh': json({ customerId: 'demo', detail: 'The next run on Demo Unified School District will fetch the SIS roster and our database afresh.' }, 202) }),
    );
    await loaded();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh snapshots' }));
    expect(await screen.findByText('The next run on Demo Unified School District will fetch the SIS roster and our database afresh.')).toBeTruthy();
    await waitFor(() => expect(server.calls.filter((c) => c.path === '/api/customers/demo/audit')).toHaveLength(2));
  });

  it('says so when the customer does not exist', async () => {
    setup(['agent'], routes({ 'GET /api/customers/demo': problem(404, 'Customer not found', "There is no customer with the id 'demo'.") }));
    expect((await screen.findByRole('alert')).textContent).toContain("There is no customer with the id 'demo'.");
    expect(screen.getByRole('link', { name: 'Back to all customers' }).getAttribute('href')).toBe('/customers');
  });
});

describe('CustomerPage for an admin', () => {
  async function openForm(answers: Record<string, Answer | Answer[]>, ourInstances?: string[]) {
    const result = setup(['admin'], answers, ourInstances);
    await loaded();
    const user = userEvent.setup();
    expect(settings().textContent).not.toContain('Only admins can change settings');
    await user.click(screen.getByRole('button', { name: 'Edit settings' }));
    return { ...result, user, form: screen.getByRole('form', { name: 'Edit settings' }) };
  }

  it('opens the form with focus in its first field (the Edit button is gone)', async () => {
    const { form } = await openForm(routes());
    expect(document.activeElement).toBe(within(form).getByLabelText('Name'));
  });

  it('offers the database instances the server is configured with, and saves one of them', async () => {
    const { form, user, server } = await openForm(
      routes({ 'PUT /api/customers/demo': json({ ...stored, settings: { ...stored.settings, ours: { instance: 'eu-central', customerKey: 'demo' } } }) }),
      ['production', 'eu-central'],
    );
    const instance = within(form).getByLabelText('Our database instance') as HTMLSelectElement;
    expect(within(instance).getAllByRole('option').map((o) => o.textContent)).toEqual(['production', 'eu-central']);
    await user.selectOptions(instance, 'eu-central');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(server.calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = server.calls.find((c) => c.method === 'PUT')!;
    expect((put.body as { settings: { ours: { instance: string } } }).settings.ours.instance).toBe('eu-central');
  });

  it('labels every field and fills it with the stored value', async () => {
    const { form } = await openForm(routes());
    const value = (label: string) => (within(form).getByLabelText(label) as HTMLInputElement).value;
    expect(value('Name')).toBe('Demo Unified School District');
    expect(value('SIS type')).toBe('oneroster-rest');
    expect(value('SIS location')).toBe('https://sis.demo.org/ims/oneroster/v1p1');
    expect(value('Secret reference')).toBe('aws-sm:cdt/demo/sis');
    expect(value('Option 1 name')).toBe('version');
    expect(value('Option 1 value')).toBe('1.1');
    expect(value('Our database instance')).toBe('production');
    expect(value('Customer key')).toBe('demo');
    expect(value('SIS snapshot TTL (minutes)')).toBe('60');
    expect(value('Our snapshot TTL (minutes)')).toBe('10');
    expect(value('Sync schedule (cron)')).toBe('0 6 * * 1-5');
    expect(value('Timezone')).toBe('America/Chicago');
  });

  it('checks every field before saving, focuses the first problem and lists them all at the top', async () => {
    const { form, user, server } = await openForm(routes());
    await user.clear(within(form).getByLabelText('SIS location'));
    await user.type(within(form).getByLabelText('SIS location'), 'http://sis.demo.org');
    await user.clear(within(form).getByLabelText('SIS snapshot TTL (minutes)'));
    await user.type(within(form).getByLabelText('SIS snapshot TTL (minutes)'), '0');
    await user.clear(within(form).getByLabelText('Sync schedule (cron)'));
    await user.type(within(form).getByLabelText('Sync schedule (cron)'), '0 6 * *');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));

    const summary = within(form).getByRole('alert');
    expect(summary.textContent).toContain('3 settings need fixing before they can be saved:');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'SIS location must start with https://',
      'SIS snapshot TTL must be between 1 and 10080 minutes (one week)',
      expect.stringMatching(/^Sync schedule \(cron\) must have five fields/),
    ]);
    const location = within(form).getByLabelText('SIS location');
    expect(location).toBe(document.activeElement);
    expect(location.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(location.getAttribute('aria-describedby')!.split(' ')[1]!)!.textContent).toBe('SIS location must start with https://');
    expect(server.calls.some((c) => c.method === 'PUT')).toBe(false);

    // The summary's links take the admin to the field; fixing it clears its message.
    await user.click(within(summary).getByRole('link', { name: /SIS snapshot TTL/ }));
    expect(within(form).getByLabelText('SIS snapshot TTL (minutes)')).toBe(document.activeElement);
    await user.clear(within(form).getByLabelText('SIS snapshot TTL (minutes)'));
    await user.type(within(form).getByLabelText('SIS snapshot TTL (minutes)'), '90');
    expect(within(form).getByRole('alert').textContent).toContain('2 settings need fixing');
  });

  it('saves with the version it started from, shows the new values and reloads the audit trail', async () => {
    const saved: Customer = {
      ...stored,
      updatedAt: '2026-11-29T10:00:00Z',
      settings: { ...stored.settings, snapshotTtlMinutes: { sis: 90, ours: 10 } },
      connectors: undefined,
      lastTests: undefined,
    };
    const { form, user, server } = await openForm(
      routes({
        'PUT /api/customers/demo': json(saved),
        'GET /api/customers/demo/audit': [
          json({ items: auditEntries }),
          json({ items: [{ at: '2026-11-29T10:00:00Z', actor: 'admin', action: 'customer.update', details: { changed: ['settings.snapshotTtlMinutes.sis'] } }] }),
        ],
      }),
    );
    await user.clear(within(form).getByLabelText('SIS snapshot TTL (minutes)'));
    await user.type(within(form).getByLabelText('SIS snapshot TTL (minutes)'), '90');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved. The change is recorded in the audit trail.')).toBeTruthy();
    const put = server.calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({
      name: 'Demo Unified School District',
      settings: { ...stored.settings, snapshotTtlMinutes: { sis: 90, ours: 10 } },
      expectedUpdatedAt: '2026-11-29T09:00:00.000001Z',
    });
    expect(screen.queryByRole('form', { name: 'Edit settings' })).toBeNull();
    expect(settings().textContent).toContain('90 minutes (1 hour 30 minutes)');
    expect(screen.getByRole('heading', { name: 'Integration settings' })).toBe(document.activeElement);
    expect(await screen.findByText('Changed settings: SIS snapshot TTL')).toBeTruthy();
    // The connectors and their last tests stay when the PUT's answer leaves them out.
    expect(screen.getAllByRole('button', { name: /^Test connection: / })).toHaveLength(2);
  });

  it('maps the server’s 422 field paths onto the fields and focuses the first', async () => {
    const { form, user } = await openForm(
      routes({
        'PUT /api/customers/demo': problem(422, 'The customer settings cannot be saved', '', [
          { field: 'settings.ours.customerKey', message: 'names no district in the production database' },
          { field: 'settings.sis.options.version', message: 'must be 1.1 or 1.2' },
          { field: 'id', message: 'is not valid' },
        ]),
      }),
    );
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    const key = within(form).getByLabelText('Customer key');
    await waitFor(() => expect(within(form).getByLabelText('Option 1 value')).toBe(document.activeElement));
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(form.textContent).toContain('Customer key names no district in the production database');
    expect(form.textContent).toContain('Connector option version must be 1.1 or 1.2');
    const summary = within(form).getByRole('alert');
    expect(summary.textContent).toContain('3 settings need fixing');
    expect(summary.textContent).toContain('id is not valid');
  });

  it('explains a 409 and reloads the other person’s version', async () => {
    const theirs: Customer = { ...stored, name: 'Demo USD', updatedAt: '2026-11-29T09:30:00Z' };
    const { form, user, server } = await openForm(
      routes({
        'GET /api/customers/demo': [json(stored), json(theirs)],
        'PUT /api/customers/demo': [
          problem(409, 'The settings changed meanwhile', 'Someone else changed these settings at 2026-11-29T09:30:00Z; reload them and make your change again.'),
          json(theirs),
        ],
      }),
    );
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    const alert = await within(form).findByRole('alert');
    // The time in the app's own format, like every other time on the page.
    expect(alert.textContent).toContain(`Someone else changed these settings at ${formatTime('2026-11-29T09:30:00Z')};`);
    expect(alert).toBe(document.activeElement);
    await user.click(within(alert).getByRole('button', { name: 'Reload settings' }));
    await waitFor(() => expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Demo USD'));
    expect(within(form).queryByRole('alert')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved. The change is recorded in the audit trail.');
    expect((server.calls.filter((c) => c.method === 'PUT')[1]!.body as { expectedUpdatedAt: string }).expectedUpdatedAt).toBe('2026-11-29T09:30:00Z');
  });

  it('closes on Escape while nothing was changed, and stays open once something was', async () => {
    const { form, user } = await openForm(routes());
    await user.clear(within(form).getByLabelText('Customer key'));
    await user.type(within(form).getByLabelText('Customer key'), 'demo2');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('form', { name: 'Edit settings' })).toBeTruthy();
    await user.type(within(form).getByLabelText('Customer key'), '{Backspace}');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Integration settings' })).toBe(document.activeElement);
  });

  it('explains a 403', async () => {
    const { form, user } = await openForm(routes({ 'PUT /api/customers/demo': problem(403, 'Forbidden', 'Needs the admin role.') }));
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Only admins can change settings');
  });

  it('adds and removes connector options; Cancel returns to the read view unchanged', async () => {
    const { form, user, server } = await openForm(routes());
    await user.click(within(form).getByRole('button', { name: 'Add an option' }));
    await user.type(within(form).getByLabelText('Option 2 name'), 'bad name');
    await user.type(within(form).getByLabelText('Option 2 value'), 'x');
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    expect(within(form).getByRole('alert').textContent).toContain("Connector options 'bad name' is not a valid setting name");
    expect(within(form).getByLabelText('Option 1 name')).toBe(document.activeElement);
    await user.click(within(form).getByRole('button', { name: 'Remove option 2 (bad name)' }));
    expect(within(form).queryByRole('alert')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(settings().textContent).toContain('version = 1.1');
    expect(server.calls.some((c) => c.method === 'PUT')).toBe(false);
  });
});

describe('connectorsOf', () => {
  const withSis = (type: string, location: string): Customer => ({ ...stored, connectors: undefined, settings: { ...stored.settings, sis: { type, location } } });

  it('uses the server’s list when it sends one', () => {
    expect(connectorsOf(stored)).toEqual(['oneroster-rest', 'bookmarked']);
  });

  it('derives it from the SIS type and the location’s scheme otherwise', () => {
    expect(connectorsOf(withSis('oneroster-csv', '/data/demo.zip'))).toEqual(['oneroster-csv', 'bookmarked']);
    expect(connectorsOf(withSis('oneroster-csv', 'sftp://sftp.district.org/out'))).toEqual(['ftp', 'bookmarked']);
    expect(connectorsOf(withSis('oneroster-csv', 'FTPS://ftp.district.org/'))).toEqual(['ftp', 'bookmarked']);
    expect(connectorsOf(withSis('classlink', 'https://x.classlink.io'))).toEqual(['classlink', 'bookmarked']);
  });
});
