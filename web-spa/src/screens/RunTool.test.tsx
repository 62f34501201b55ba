import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { Catalogue } from '../catalogue';
import { demoCustomer, missingDataTool, studentMismatchTool } from '../test/fixtures';
import { json, problem, stubFetch, type Answer } from '../test/stubFetch';
import { RunTool } from './RunTool';

function catalogue(overrides: Partial<Catalogue> = {}): Catalogue {
  return {
    tools: [missingDataTool, studentMismatchTool],
    customers: [demoCustomer, { id: 'north', name: 'North ISD', sisType: 'classlink', oursInstance: 'production' }],
    loading: false,
    error: null,
    reload: vi.fn(),
    ...overrides,
  };
}

function setup(
  startAnswer: Answer = json({ runId: 'r-7', status: 'QUEUED' }, 202),
  cat = catalogue(),
  route: { toolId?: string; customerId?: string } = {},
) {
  const server = stubFetch({ 'POST /api/tools/missing-data/runs': startAnswer });
  const client = new ApiClient({ fetch: server.fetch });
  const onStarted = vi.fn();
  const onChoice = vi.fn();
  const view = render(<RunTool client={client} catalogue={cat} onStarted={onStarted} onChoice={onChoice} {...route} />);
  return { server, onStarted, onChoice, view, client, user: userEvent.setup() };
}

describe('RunTool', () => {
  it('shows each tool with its title and description', () => {
    setup();
    const tool = screen.getByRole('radio', { name: 'Missing Data Finder' });
    expect(tool).toHaveProperty('checked', false);
    expect(tool.getAttribute('aria-describedby')).toBe('tool-missing-data-description tool-missing-data-needs');
    expect(screen.getByText(/Required fields, references that do not resolve/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Student Mismatch Resolver' })).toBeTruthy();
  });

  it('says what each tool reads from each side', () => {
    setup();
    const needs = document.getElementById('tool-missing-data-needs')!;
    expect(needs.textContent).toBe('It reads: District’s SIS: what the district sends.Our database: what we hold.');
    // A tool that declares nothing gets no empty list.
    expect(document.getElementById('tool-student-mismatch-needs')).toBeNull();
    expect(screen.getByRole('radio', { name: 'Student Mismatch Resolver' }).getAttribute('aria-describedby')).toBe(
      'tool-student-mismatch-description',
    );
  });

  it('preselects the tool and customer of the address, with the tool’s defaults', async () => {
    const { user, server, onStarted } = setup(undefined, catalogue(), { toolId: 'missing-data', customerId: 'north' });
    expect(screen.getByRole('radio', { name: 'Missing Data Finder' })).toHaveProperty('checked', true);
    expect((screen.getByLabelText('Customer') as HTMLSelectElement).value).toBe('north');
    const max = screen.getByRole('spinbutton', { name: 'Max findings' }) as HTMLInputElement;
    expect(max.value).toBe('500');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(onStarted).toHaveBeenCalledWith('r-7');
    expect(server.calls[0]!.body).toMatchObject({ customerId: 'north', parameters: { ruleSet: 'oneroster', maxFindings: 500 } });
  });

  it('waits for the catalogue before applying the address’s tool', () => {
    const server = stubFetch({});
    const client = new ApiClient({ fetch: server.fetch });
    const props = { client, onStarted: vi.fn(), toolId: 'missing-data', customerId: 'demo' };
    const { rerender } = render(<RunTool {...props} catalogue={catalogue({ tools: [], customers: [], loading: true })} />);
    expect(screen.getByText('Loading customers and tools…')).toBeTruthy();
    rerender(<RunTool {...props} catalogue={catalogue()} />);
    expect(screen.getByRole('radio', { name: 'Missing Data Finder' })).toHaveProperty('checked', true);
    expect((screen.getByRole('combobox', { name: /Rule set/ }) as HTMLSelectElement).value).toBe('oneroster');
    expect((screen.getByLabelText('Customer') as HTMLSelectElement).value).toBe('demo');
  });

  it('the address follows the agent’s choice', async () => {
    const { user, onChoice } = setup(undefined, catalogue(), { customerId: 'demo' });
    await user.click(screen.getByRole('radio', { name: 'Student Mismatch Resolver' }));
    expect(onChoice).toHaveBeenLastCalledWith('student-mismatch', 'demo');
    await user.selectOptions(screen.getByLabelText('Customer'), 'north');
    expect(onChoice).toHaveBeenLastCalledWith('student-mismatch', 'north');
    await user.selectOptions(screen.getByLabelText('Customer'), '');
    expect(onChoice).toHaveBeenLastCalledWith('student-mismatch', undefined);
  });

  it('explains a link to a tool or customer that does not exist', async () => {
    const { user, server } = setup(undefined, catalogue(), { toolId: 'no-such-tool', customerId: 'gone' });
    expect(screen.getByRole('status').textContent).toContain('tool “no-such-tool” that is not in the catalogue');
    expect(screen.getByRole('status').textContent).toContain('customer “gone” that is not set up');
    expect((screen.getByLabelText('Customer') as HTMLSelectElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByText('Choose a customer.')).toBeTruthy();
    expect(screen.getByText('Choose a tool.')).toBeTruthy();
    expect(server.calls).toHaveLength(0);
  });

  it('generates the settings form from the tool schema, with defaults and help', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('radio', { name: 'Missing Data Finder' }));
    const settings = screen.getByRole('group', { name: 'Settings for Missing Data Finder' });

    const ruleSet = within(settings).getByRole('combobox', { name: /Rule set/ }) as HTMLSelectElement;
    expect([...ruleSet.options].map((o) => o.value)).toEqual(['oneroster', 'classlink']);
    expect(ruleSet.value).toBe('oneroster');
    expect(ruleSet.getAttribute('aria-describedby')).toBe('param-ruleSet-help');
    expect(document.getElementById('param-ruleSet-help')?.textContent).toBe('Which rules apply.');

    const profile = within(settings).getByRole('checkbox', { name: 'Include completeness profile' }) as HTMLInputElement;
    expect(profile.checked).toBe(true);

    const max = within(settings).getByRole('spinbutton', { name: 'Max findings' }) as HTMLInputElement;
    expect(max.value).toBe('500');
    expect(max.min).toBe('1');
    expect(max.max).toBe('10000');
  });

  it('says what is missing and sends nothing', async () => {
    const { user, server, onStarted } = setup();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(screen.getByText('Choose a customer.')).toBeTruthy();
    expect(screen.getByText('Choose a tool.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/need fixing/);
    expect(server.calls).toHaveLength(0);
    expect(onStarted).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Customer')));
  });

  it('takes the agent to the tools when only the tool is missing (a fieldset cannot hold focus)', async () => {
    const { user } = setup(undefined, catalogue(), { customerId: 'demo' });
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]));
  });

  it('names the SIS type in words in the customer picker', () => {
    setup();
    const options = within(screen.getByLabelText('Customer')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toContain('North ISD (north) · ClassLink · production');
    expect(options.join(' ')).not.toMatch(/oneroster-csv|classlink/);
  });

  it('checks parameter bounds and the ticket number before starting', async () => {
    const { user, server } = setup();
    await user.selectOptions(screen.getByLabelText('Customer'), 'demo');
    await user.click(screen.getByRole('radio', { name: 'Missing Data Finder' }));
    const max = screen.getByRole('spinbutton', { name: 'Max findings' });
    await user.clear(max);
    await user.type(max, '0');
    await user.type(screen.getByLabelText('HubSpot ticket (optional)'), 'ticket 12');
    await user.click(screen.getByRole('button', { name: 'Start' }));

    expect(max.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('param-maxFindings-error')?.textContent).toBe('Max findings must be at least 1.');
    expect(max.getAttribute('aria-describedby')).toContain('param-maxFindings-error');
    expect(screen.getByText(/Enter the ticket number only/)).toBeTruthy();
    expect(server.calls).toHaveLength(0);
  });

  it('starts the run with typed parameters and the ticket', async () => {
    const { user, server, onStarted } = setup();
    await user.selectOptions(screen.getByLabelText('Customer'), 'demo');
    await user.click(screen.getByRole('radio', { name: 'Missing Data Finder' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /Rule set/ }), 'classlink');
    await user.click(screen.getByRole('checkbox', { name: 'Include completeness profile' }));
    await user.type(screen.getByLabelText('HubSpot ticket (optional)'), ' 4242 ');
    await user.click(screen.getByRole('button', { name: 'Start' }));

    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.body).toEqual({
      customerId: 'demo',
      parameters: { ruleSet: 'classlink', includeProfile: false, maxFindings: 500 },
      ticketId: '4242',
    });
    expect(onStarted).toHaveBeenCalledWith('r-7');
  });

  it('puts the server’s field errors next to the fields', async () => {
    const { user, onStarted } = setup(
      problem(422, 'Some settings are not valid', 'Fix the highlighted settings and start again.', [
        { field: 'parameters.maxFindings', message: 'Max findings must be at most 5000 for this customer.' },
      ]),
    );
    await user.selectOptions(screen.getByLabelText('Customer'), 'demo');
    await user.click(screen.getByRole('radio', { name: 'Missing Data Finder' }));
    await user.click(screen.getByRole('button', { name: 'Start' }));

    expect(await screen.findByText('Some settings are not valid')).toBeTruthy();
    expect(screen.getByText('Fix the highlighted settings and start again.')).toBeTruthy();
    expect(screen.getByText('Max findings must be at most 5000 for this customer.')).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Max findings' }).getAttribute('aria-invalid')).toBe('true');
    expect(onStarted).not.toHaveBeenCalled();
  });

  it('explains an empty customer list', () => {
    setup(undefined, catalogue({ customers: [] }));
    expect(screen.getByText(/No customers are set up yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start' })).toHaveProperty('disabled', true);
  });

  it('shows a load failure with a retry', async () => {
    const reload = vi.fn();
    const user = userEvent.setup();
    const { ApiError } = await import('../api/client');
    render(
      <RunTool
        client={new ApiClient({ fetch: vi.fn() as unknown as typeof fetch })}
        catalogue={catalogue({ tools: [], customers: [], error: new ApiError(503, 'The database is not reachable', 'Try again in a minute.'), reload })}
        onStarted={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('The database is not reachable');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalled();
  });
});
