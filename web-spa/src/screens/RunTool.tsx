import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import { sisTypeLabel } from '../api/customers';
import type { Catalogue } from '../catalogue';
import { fieldsFromSchema, initialValues, toParameters, validate, type FormErrors, type FormValues } from '../schema/form';
import { BusyButton } from '../components/BusyButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { ParameterForm } from '../components/ParameterForm';
import './RunTool.css';

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

const SIDE_WORDS: Record<string, string> = { sis: 'District’s SIS', ours: 'Our database' };

/**
 * The catalogue, the form generated from the chosen tool's parameter schema, the customer and an
 * optional ticket. The route's tool and customer are preselected, and the address follows the
 * agent's choice (`onChoice`, which replaces the history entry) so that it can be shared.
 */
export function RunTool({
  client,
  catalogue,
  onStarted,
  toolId: routeToolId,
  customerId: routeCustomerId,
  onChoice,
}: {
  client: ApiClient;
  catalogue: Catalogue;
  onStarted: (runId: string) => void;
  toolId?: string;
  customerId?: string;
  onChoice?: (toolId: string | undefined, customerId: string | undefined) => void;
}) {
  const { tools, customers, loading, error: loadError, reload } = catalogue;
  const [customerId, setCustomerId] = useState(routeCustomerId ?? '');
  const [toolId, setToolId] = useState(routeToolId ?? '');
  const [values, setValues] = useState<FormValues>({});
  /** The tool whose defaults `values` holds (the route's tool gets them once the catalogue is in). */
  const [valuesFor, setValuesFor] = useState('');
  const [ticket, setTicket] = useState('');
  const [problems, setProblems] = useState<Problems>({ parameters: {} });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const tool = tools.find((t) => t.id === toolId);
  const fields = useMemo(() => fieldsFromSchema(tool?.parametersSchema), [tool]);
  const customerKnown = customers.some((c) => c.id === customerId);
  const catalogueIn = !loading && !loadError;
  const unknownTool = catalogueIn && tools.length > 0 && toolId && !tool ? toolId : '';
  const unknownCustomer = catalogueIn && customers.length > 0 && customerId && !customerKnown ? customerId : '';

  if (tool && valuesFor !== tool.id) {
    setValuesFor(tool.id);
    setValues(initialValues(fields));
  }

  useEffect(() => heading.current?.focus(), []);

  // The address changed under us (the navigation's "Run a tool", back/forward): follow it.
  useEffect(() => {
    setToolId(routeToolId ?? '');
  }, [routeToolId]);
  useEffect(() => {
    setCustomerId(routeCustomerId ?? '');
  }, [routeCustomerId]);

  // One customer needs no choosing.
  useEffect(() => {
    if (customers.length === 1 && customers[0]) setCustomerId((id) => id || customers[0]!.id);
  }, [customers]);

  function chooseTool(id: string) {
    setToolId(id);
    const chosen = tools.find((t) => t.id === id);
    setValuesFor(id);
    setValues(initialValues(fieldsFromSchema(chosen?.parametersSchema)));
    setProblems((p) => ({ ...p, tool: undefined, parameters: {} }));
    onChoice?.(id, customerId || undefined);
  }

  function chooseCustomer(id: string) {
    setCustomerId(id);
    setProblems((p) => ({ ...p, customer: undefined }));
    onChoice?.(toolId || undefined, id || undefined);
  }

  function focusFirstProblem() {
    // After render, so that aria-invalid is in place.
    requestAnimationFrame(() => {
      // A fieldset (the tool choice) cannot take focus: its first radio does.
      const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (first?.tagName === 'FIELDSET' ? first.querySelector<HTMLElement>('input') : first)?.focus();
    });
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {
      customer: customerKnown ? undefined : 'Choose a customer.',
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

          {(unknownTool || unknownCustomer) && (
            <p className="notice" role="status">
              {unknownTool && `The link names a tool “${unknownTool}” that is not in the catalogue; choose one below. `}
              {unknownCustomer && `The link names a customer “${unknownCustomer}” that is not set up; choose one below.`}
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
                value={customerKnown ? customerId : ''}
                aria-invalid={problems.customer ? true : undefined}
                aria-describedby={problems.customer ? 'customer-error' : undefined}
                onChange={(e) => chooseCustomer(e.target.value)}
              >
                <option value="">Choose a customer…</option>
                {customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.id}) · {sisTypeLabel(c.sisType)} · {c.oursInstance}
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
                  aria-describedby={`tool-${t.id}-description${t.needs?.length ? ` tool-${t.id}-needs` : ''}`}
                  onChange={() => chooseTool(t.id)}
                />
                <span className="tool-text">
                  <span className="tool-title" id={`tool-${t.id}-title`}>
                    {t.title}
                  </span>
                  <span className="tool-description" id={`tool-${t.id}-description`}>
                    {t.description}
                  </span>
                  {t.needs?.length > 0 && (
                    <span className="tool-needs" id={`tool-${t.id}-needs`}>
                      <span className="sr-only">It reads: </span>
                      {t.needs.map((n) => (
                        <span key={n.side} className="tool-need">
                          <span className={`side-tag side-tag-${n.side}`}>{SIDE_WORDS[n.side] ?? n.side}:</span> {n.why}
                          <span className="sr-only">.</span>
                        </span>
                      ))}
                    </span>
                  )}
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
            <BusyButton type="submit" className="button-primary" busy={submitting} busyLabel="Starting…" disabled={customers.length === 0}>
              Start
            </BusyButton>
          </div>
        </form>
      )}
    </section>
  );
}
