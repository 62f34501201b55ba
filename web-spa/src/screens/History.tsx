import { useEffect, useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../api/client';
import { runHistory } from '../api/runs';
import type { Run } from '../api/types';
import { BusyButton } from '../components/BusyButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { RunsTable } from '../components/RunsTable';
import { STATUS_WORDS } from '../components/RunStatusBadge';
import { HISTORY_FILTER_KEYS, type HistoryFilter } from '../router';
import type { ScreenProps } from './screen';
import './History.css';

export const PAGE_SIZE = 25;

/** Status choices: the five states, and "not finished yet" (a comma list the API accepts). */
const STATUS_CHOICES: { value: string; label: string }[] = [
  { value: 'QUEUED,RUNNING', label: 'Not finished yet' },
  { value: 'SUCCEEDED', label: STATUS_WORDS.SUCCEEDED },
  { value: 'FAILED', label: STATUS_WORDS.FAILED },
  { value: 'CANCELLED', label: STATUS_WORDS.CANCELLED },
  { value: 'RUNNING', label: STATUS_WORDS.RUNNING },
  { value: 'QUEUED', label: STATUS_WORDS.QUEUED },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Problems = Partial<Record<keyof HistoryFilter, string>>;

/** The filter without blanks, trimmed: what goes into the address and the API query. */
export function cleanFilter(filter: HistoryFilter): HistoryFilter {
  const clean: HistoryFilter = {};
  for (const key of HISTORY_FILTER_KEYS) {
    const value = filter[key]?.trim();
    if (value) clean[key] = value;
  }
  return clean;
}

/** Checks an agent can be told about before asking the server. */
export function checkFilter(filter: HistoryFilter): Problems {
  const problems: Problems = {};
  if (filter.from && !DATE.test(filter.from)) problems.from = 'Enter the date as year-month-day, e.g. 2026-11-29.';
  if (filter.to && !DATE.test(filter.to)) problems.to = 'Enter the date as year-month-day, e.g. 2026-11-29.';
  if (filter.from && filter.to && !problems.from && !problems.to && filter.from > filter.to) {
    problems.to = 'The “to” date is before the “from” date.';
  }
  return problems;
}

function filterKey(filter: HistoryFilter): string {
  return JSON.stringify(cleanFilter(filter));
}

/** The server's 422 field errors placed on the form (field names are the query parameters). */
function problemsFromServer(error: ApiError): Problems | null {
  const problems: Problems = {};
  for (const { field, message } of error.fieldErrors) {
    if ((HISTORY_FILTER_KEYS as readonly string[]).includes(field)) problems[field as keyof HistoryFilter] = message;
  }
  return Object.keys(problems).length ? problems : null;
}

export function History(props: ScreenProps & { filter?: HistoryFilter }) {
  const { client, catalogue, navigate, session } = props;
  const filter = cleanFilter(props.filter ?? {});
  const key = filterKey(filter);
  const [draft, setDraft] = useState<HistoryFilter>(filter);
  const [problems, setProblems] = useState<Problems>({});
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const loadMore = useRef<AbortController | null>(null);

  useEffect(() => heading.current?.focus(), []);

  // The address is the truth: a deep link, Back or "Apply" all land here.
  useEffect(() => {
    const current = JSON.parse(key) as HistoryFilter;
    setDraft(current);
    const local = checkFilter(current);
    setProblems(local);
    if (Object.keys(local).length) {
      setRuns(null);
      setError(null);
      return;
    }
    const controller = new AbortController();
    loadMore.current?.abort();
    setLoading(true);
    setError(null);
    setRuns(null);
    runHistory(client, current, { limit: PAGE_SIZE }, controller.signal)
      .then((page) => {
        setRuns(page.items);
        setCursor(page.nextCursor ?? null);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = asApiError(e);
        const onFields = problemsFromServer(apiError);
        if (onFields) setProblems(onFields);
        else setError(apiError);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [client, key, attempt]);

  function apply(next: HistoryFilter) {
    const clean = cleanFilter(next);
    const local = checkFilter(clean);
    setProblems(local);
    if (Object.keys(local).length) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.history-filters [aria-invalid="true"]')?.focus());
      return;
    }
    if (filterKey(clean) === key) setAttempt((n) => n + 1);
    else navigate({ name: 'history', filter: clean }, { replace: true });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  async function more() {
    if (!cursor) return;
    const controller = new AbortController();
    loadMore.current = controller;
    setLoading(true);
    setError(null);
    try {
      const page = await runHistory(client, filter, { cursor, limit: PAGE_SIZE }, controller.signal);
      const shown = runs?.length ?? 0;
      setRuns((r) => [...(r ?? []), ...page.items]);
      setCursor(page.nextCursor ?? null);
      // The agent continues at the first run just loaded ("Load more" may be gone with the last page).
      if (page.items.length) {
        requestAnimationFrame(() => document.querySelectorAll<HTMLElement>('.history .runs-table tbody tr a')[shown]?.focus());
      }
    } catch (e) {
      if (!controller.signal.aborted) setError(asApiError(e));
    } finally {
      if (!controller.signal.aborted) setLoading(false);
    }
  }

  const set = (field: keyof HistoryFilter) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const filtered = Object.keys(filter).length > 0;

  return (
    <section className="history" aria-labelledby="history-title">
      <h1 id="history-title" ref={heading} tabIndex={-1}>
        History
      </h1>
      <form className="card history-filters" onSubmit={submit} noValidate aria-label="Filter runs">
        <div className="filter-grid">
          <Select id="h-customer" label="Customer" value={draft.customerId ?? ''} onChange={set('customerId')} anyLabel="Any customer"
            options={catalogue.customers.map((c) => ({ value: c.id, label: c.name }))} current={draft.customerId} />
          <Select id="h-tool" label="Tool" value={draft.toolId ?? ''} onChange={set('toolId')} anyLabel="Any tool"
            options={catalogue.tools.map((t) => ({ value: t.id, label: t.title }))} current={draft.toolId} />
          <Select id="h-status" label="Status" value={draft.status ?? ''} onChange={set('status')} anyLabel="Any status"
            options={STATUS_CHOICES} current={draft.status} />
          <div className="field">
            <label htmlFor="h-requester">Requested by</label>
            <div className="with-button">
              <input id="h-requester" type="text" value={draft.requestedBy ?? ''} onChange={(e) => set('requestedBy')(e.target.value)}
                aria-describedby="h-requester-help" autoComplete="off" />
              <button type="button" className="button-secondary button-small" onClick={() => apply({ ...draft, requestedBy: session.username })}
                aria-pressed={filter.requestedBy === session.username}>
                Mine
              </button>
            </div>
            <p id="h-requester-help" className="help">
              A username; “Mine” shows your own runs.
            </p>
          </div>
          <TextField id="h-ticket" label="Ticket" value={draft.ticketId ?? ''} onChange={set('ticketId')} help="The HubSpot ticket number." />
          <DateField id="h-from" label="From" value={draft.from ?? ''} onChange={set('from')} error={problems.from} help="Started on or after this day." />
          <DateField id="h-to" label="To" value={draft.to ?? ''} onChange={set('to')} error={problems.to} help="Started on or before this day." />
        </div>
        {(problems.customerId || problems.toolId || problems.status || problems.requestedBy || problems.ticketId) && (
          <div className="notice notice-error" role="alert">
            {[problems.customerId, problems.toolId, problems.status, problems.requestedBy, problems.ticketId].filter(Boolean).map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button-primary">
            Apply filters
          </button>
          <button type="button" className="button-secondary" onClick={() => apply({})} disabled={!filtered && !Object.values(draft).some(Boolean)}>
            Clear filters
          </button>
        </div>
      </form>

      {error && <ErrorNotice error={error} onRetry={runs === null ? () => setAttempt((n) => n + 1) : () => void more()} />}
      <div aria-live="polite" className="history-count">
        {runs !== null && !error && (runs.length === 0 ? null : <p className="muted">{countText(runs.length, cursor !== null)}</p>)}
      </div>
      {runs === null && loading && (
        <p role="status" className="muted">
          Loading runs…
        </p>
      )}
      {runs !== null && runs.length === 0 && (
        <div className="card empty-state">
          <p className="empty">{filtered ? 'No runs match these filters.' : 'No runs yet. Runs appear here as soon as someone starts a tool.'}</p>
          {filtered && (
            <button type="button" className="button-secondary" onClick={() => apply({})}>
              Clear filters
            </button>
          )}
        </div>
      )}
      {runs !== null && runs.length > 0 && (
        <>
          <RunsTable runs={runs} catalogue={catalogue} navigate={navigate} caption="Runs, newest first" />
          {cursor && (
            <div className="load-more">
              <BusyButton busy={loading} busyLabel="Loading…" onClick={() => void more()}>
                Load more
              </BusyButton>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function countText(n: number, more: boolean): string {
  const runs = n === 1 ? '1 run' : `${n} runs`;
  return more ? `Showing the newest ${runs}; there are more.` : `Showing ${runs}.`;
}

function Select({
  id,
  label,
  value,
  onChange,
  options,
  anyLabel,
  current,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  anyLabel: string;
  current?: string;
}) {
  // A value from a link that is not (or not yet) in the catalogue still shows, by its id.
  const all = current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyLabel}</option>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField({ id, label, value, onChange, help }: { id: string; label: string; value: string; onChange: (v: string) => void; help: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-help`} autoComplete="off" />
      <p id={`${id}-help`} className="help">
        {help}
      </p>
    </div>
  );
}

function DateField({
  id,
  label,
  value,
  onChange,
  error,
  help,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  help: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-help`} className="help">
        {help}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
