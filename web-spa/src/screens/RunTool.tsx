import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import type { Catalogue } from '../catalogue';
import { fieldsFromSchema, initialValues, toParameters, validate, type FormErrors, type FormValues } from '../schema/form';
import { ErrorNotice } from '../components/ErrorNotice';
import { ParameterForm } from '../components/ParameterForm';

/** HubSpot ticket ids are numbers; agents sometimes paste with spaces around. */
const TICKET_ID = /^\d{1,20}$/;

interface Problems {
  customer?: string;
  tool?: string;
  ticket?: string;
  parameters: FormErrors;
}

function hasProblems(p: Problems): boolean {
  return !!(p.customer || p.tool || p.ticket || Object.keys(p.parameters).length);
}

/** Maps the server's 422 `errors[].field` (e.g. "parameters.limit", "ticketId") onto the form. */
function problemsFromServer(error: ApiError): Problems | null {
  if (!error.fieldErrors.length) return null;
  const problems: Problems = { parameters: {} };
  for (const { field, message } of error.fieldErrors) {
    if (field === 'customerId') problems.customer = message;
    else if (field === 'ticketId') problems.ticket = message;
    else if (field) problems.parameters[field.replace(/^parameters[./]/, '')] = message;
  }
  return problems;
}

export function RunTool({
  client,
  catalogue,
  onStarted,
}: {
  client: ApiClient;
  catalogue: Catalogue;
  onStarted: (runId: string) => void;
}) {
  const { tools, customers, loading, error: loadError, reload } = catalogue;
  const [customerId, setCustomerId] = useState('');
  const [toolId, setToolId] = useState('');
  const [values, setValues] = useState<FormValues>({});
  const [ticket, setTicket] = useState('');
  const [problems, setProblems] = useState<Problems>({ parameters: {} });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const tool = tools.find((t) => t.id === toolId);
  const fields = useMemo(() => fieldsFromSchema(tool?.parametersSchema), [tool]);

  useEffect(() => heading.current?.focus(), []);

  // One customer needs no choosing.
  useEffect(() => {
    if (customers.length === 1 && customers[0]) setCustomerId((id) => id || customers[0]!.id);
  }, [customers]);

  function chooseTool(id: string) {
    setToolId(id);
    const chosen = tools.find((t) => t.id === id);
    setValues(initialValues(fieldsFromSchema(chosen?.parametersSchema)));
    setProblems((p) => ({ ...p, tool: undefined, parameters: {} }));
  }

  function focusFirstProblem() {
    // After render, so that aria-invalid is in place.
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {
      customer: customerId ? undefined : 'Choose a customer.',
      tool: tool ? undefined : 'Choose a tool.',
      ticket: !ticket.trim() || TICKET_ID.test(ticket.trim()) ? undefined : 'Enter the ticket number only, for example 1234567890.',
      parameters: tool ? validate(fields, values) : {},
    };
    setProblems(found);
    setSubmitError(null);
    if (hasProblems(found) || !tool) {
      focusFirstProblem();
      return;
    }
    setSubmitting(true);
    try {
      const started = await client.startRun(tool.id, {
        customerId,
        parameters: toParameters(fields, values),
        ...(ticket.trim() ? { ticketId: ticket.trim() } : {}),
      });
      onStarted(started.runId);
    } catch (e) {
      const apiError = asApiError(e);
      setSubmitError(apiError);
      const fromServer = problemsFromServer(apiError);
      if (fromServer) {
        setProblems(fromServer);
        focusFirstProblem();
      }
      setSubmitting(false);
    }
  }

  return (
    <section aria-busy={loading || undefined}>
      <h1 ref={heading} tabIndex={-1}>
        Run a tool
      </h1>
      {loading && (
        <p className="muted" role="status">
          Loading customers and tools…
        </p>
      )}
      {loadError && <ErrorNotice error={loadError} onRetry={reload} />}
      {!loading && !loadError && (
        <form ref={formRef} className="card run-form" onSubmit={start} noValidate>
          {submitError && <ErrorNotice error={submitError} />}
          {hasProblems(problems) && !submitError && (
            <p className="notice notice-error" role="alert">
              Some values need fixing before the run can start.
            </p>
          )}

          <div className="field">
            <label htmlFor="customer">Customer</label>
            {customers.length === 0 ? (
              <p className="empty" id="customer">
                No customers are set up yet. An admin adds them on the settings page.
              </p>
            ) : (
              <select
                id="customer"
                value={customerId}
                aria-invalid={problems.customer ? true : undefined}
                aria-describedby={problems.customer ? 'customer-error' : undefined}
                onChange={(e) => {
                  setCustomerId(e.target.value);
                  setProblems((p) => ({ ...p, customer: undefined }));
                }}
              >
                <option value="">Choose a customer…</option>
                {customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.id}) · {c.sisType} · {c.oursInstance}
                  </option>
                ))}
              </select>
            )}
            {problems.customer && (
              <p className="field-error" id="customer-error">
                {problems.customer}
              </p>
            )}
          </div>

          <fieldset
            className="field tool-picker"
            aria-invalid={problems.tool ? true : undefined}
            aria-describedby={problems.tool ? 'tool-error' : undefined}
          >
            <legend>Tool</legend>
            {tools.length === 0 && <p className="empty">No tools are available.</p>}
            {tools.map((t) => (
              <label key={t.id} className={`tool-option${t.id === toolId ? ' selected' : ''}`}>
                <input
                  type="radio"
                  name="tool"
                  value={t.id}
                  checked={t.id === toolId}
                  aria-labelledby={`tool-${t.id}-title`}
                  aria-describedby={`tool-${t.id}-description`}
                  onChange={() => chooseTool(t.id)}
                />
                <span className="tool-text">
                  <span className="tool-title" id={`tool-${t.id}-title`}>
                    {t.title}
                  </span>
                  <span className="tool-description" id={`tool-${t.id}-description`}>
                    {t.description}
                  </span>
                </span>
              </label>
            ))}
            {problems.tool && (
              <p className="field-error" id="tool-error">
                {problems.tool}
              </p>
            )}
          </fieldset>

          {tool && (
            <fieldset className="field settings">
              <legend>Settings for {tool.title}</legend>
              <ParameterForm
                fields={fields}
                values={values}
                errors={problems.parameters}
                onChange={(name, value) => {
                  setValues((v) => ({ ...v, [name]: value }));
                  setProblems((p) => {
                    const { [name]: _cleared, ...rest } = p.parameters;
                    return { ...p, parameters: rest };
                  });
                }}
              />
            </fieldset>
          )}

          <div className="field">
            <label htmlFor="ticket">HubSpot ticket (optional)</label>
            <input
              id="ticket"
              inputMode="numeric"
              value={ticket}
              aria-invalid={problems.ticket ? true : undefined}
              aria-describedby={problems.ticket ? 'ticket-help ticket-error' : 'ticket-help'}
              onChange={(e) => {
                setTicket(e.target.value);
                setProblems((p) => ({ ...p, ticket: undefined }));
              }}
            />
            <p className="help" id="ticket-help">
              The ticket number links this run to the customer's request.
            </p>
            {problems.ticket && (
              <p className="field-error" id="ticket-error">
                {problems.ticket}
              </p>
            )}
          </div>

          <div className="actions">
            <button type="submit" className="button-primary" disabled={submitting || customers.length === 0}>
              {submitting ? 'Starting…' : 'Start'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
