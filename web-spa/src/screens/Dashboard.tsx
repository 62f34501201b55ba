import { useEffect, useRef, useState, type ReactNode } from 'react';
import { asApiError, type ApiError } from '../api/client';
import { connectorLabel } from '../api/customers';
import { dashboard, type DashboardData } from '../api/dashboard';
import type { Run } from '../api/types';
import type { Catalogue } from '../catalogue';
import { ErrorNotice } from '../components/ErrorNotice';
import { phaseOf, ProgressBar } from '../components/ProgressBar';
import { RunsTable } from '../components/RunsTable';
import { RunStatusBadge } from '../components/RunStatusBadge';
import { formatShortTime } from '../format';
import { isTransient, POLL_INTERVAL_MS } from '../polling';
import { linkTo, type Navigate } from '../router';
import type { ScreenProps } from './screen';
import './Dashboard.css';

/**
 * Reads the dashboard, and again every interval while a run is queued or running, so that
 * progress moves and a finished run drops into the recent lists. One request at a time.
 */
function useDashboard(props: ScreenProps) {
  const { client } = props;
  const intervalMs = props.pollIntervalMs ?? POLL_INTERVAL_MS;
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    async function load() {
      try {
        const latest = await dashboard(client, controller.signal);
        if (stopped) return;
        setData(latest);
        setError(null);
        if (latest.running.length > 0) timer = setTimeout(load, intervalMs);
      } catch (e) {
        if (stopped) return;
        const apiError = asApiError(e);
        setError(apiError);
        if (isTransient(apiError)) timer = setTimeout(load, intervalMs * 3);
      }
    }
    void load();
    return () => {
      stopped = true;
      controller.abort();
      clearTimeout(timer);
    };
  }, [client, intervalMs, attempt]);

  return { data, error, retry: () => setAttempt((n) => n + 1) };
}

export function Dashboard(props: ScreenProps & { unknownPath?: string }) {
  const { catalogue, navigate, session } = props;
  const { data, error, retry } = useDashboard(props);
  const heading = useRef<HTMLHeadingElement>(null);
  const [whose, setWhose] = useState<'mine' | 'all'>('mine');

  useEffect(() => heading.current?.focus(), []);

  const names = namesOf(catalogue);
  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <div className="page-head">
        <h1 id="dashboard-title" ref={heading} tabIndex={-1}>
          Dashboard
        </h1>
        <a className="button-primary button-link" {...linkTo({ name: 'run-tool' }, navigate)}>
          Run a tool
        </a>
      </div>
      {props.unknownPath && (
        <p className="notice" role="status">
          There is no page at “{props.unknownPath}”: the link may be mistyped or old. Here is the dashboard; runs are in History,
          districts in Customers.
        </p>
      )}
      {error && <ErrorNotice error={error} onRetry={retry} />}
      {!data && !error && (
        <p role="status" className="muted">
          Loading the dashboard…
        </p>
      )}
      {data && (
        <div className="dashboard-grid">
          <Block id="running" title="Running now" wide>
            {data.running.length === 0 ? (
              <p className="empty">No runs are running now.</p>
            ) : (
              <ul className="running-list">
                {data.running.map((run) => (
                  <RunningRun key={run.runId} run={run} names={names} navigate={navigate} />
                ))}
              </ul>
            )}
          </Block>

          <Block id="recent" title="Recent runs" wide>
            <div className="whose" role="group" aria-label="Whose runs">
              <button type="button" className="button-secondary button-small" aria-pressed={whose === 'mine'} onClick={() => setWhose('mine')}>
                Mine
              </button>
              <button type="button" className="button-secondary button-small" aria-pressed={whose === 'all'} onClick={() => setWhose('all')}>
                Everyone’s
              </button>
            </div>
            {whose === 'mine' ? (
              data.recentMine.length === 0 ? (
                <p className="empty">You have not run any tools yet. Start with “Run a tool”.</p>
              ) : (
                <RunsTable runs={data.recentMine} catalogue={catalogue} navigate={navigate} caption={`Recent runs by ${session.name || session.username}`} />
              )
            ) : data.recentAll.length === 0 ? (
              <p className="empty">No one has run a tool yet.</p>
            ) : (
              <RunsTable runs={data.recentAll} catalogue={catalogue} navigate={navigate} caption="Everyone’s recent runs" />
            )}
            <p className="more">
              <a {...linkTo({ name: 'history', filter: whose === 'mine' ? { requestedBy: session.username } : {} }, navigate)}>
                {whose === 'mine' ? 'All my runs in History' : 'All runs in History'}
              </a>
            </p>
          </Block>

          <Block id="failed" title="Failed runs (last 7 days)">
            {data.failed.length === 0 ? (
              <p className="empty">No runs failed in the last 7 days.</p>
            ) : (
              <ul className="item-list">
                {data.failed.map((run) => (
                  <li key={run.runId}>
                    <a {...linkTo({ name: 'run', runId: run.runId }, navigate)}>
                      {names.tool(run.toolId)} for {names.customer(run.customerId)}
                    </a>
                    <span className="when"> · {formatShortTime(run.finishedAt ?? run.createdAt)} · {run.requestedBy}</span>
                    <p className="reason">{run.error || 'No reason was recorded.'}</p>
                  </li>
                ))}
              </ul>
            )}
          </Block>

          <Block id="customers-with-errors" title="Customers whose last run found errors">
            {data.customersWithErrors.length === 0 ? (
              <p className="empty">No customer’s latest run found errors.</p>
            ) : (
              <ul className="item-list">
                {data.customersWithErrors.map((c) => (
                  <li key={`${c.customerId}/${c.toolId}`}>
                    <a {...linkTo({ name: 'customer', customerId: c.customerId }, navigate)}>{c.customerName || c.customerId}</a>
                    <span className="count-error">
                      {' '}
                      {c.errors} {c.errors === 1 ? 'error' : 'errors'}
                    </span>
                    <p className="reason">
                      <a {...linkTo({ name: 'run', runId: c.runId }, navigate)}>{names.tool(c.toolId)}</a>
                      <span className="when"> · {formatShortTime(c.finishedAt)}</span>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Block>

          <Block id="connector-failures" title="Connections that failed their last test">
            {data.connectorFailures.length === 0 ? (
              <p className="empty">Every tested connection passed its last test.</p>
            ) : (
              <ul className="item-list">
                {data.connectorFailures.map((f) => (
                  <li key={`${f.customerId}/${f.connector}`}>
                    <a {...linkTo({ name: 'customer', customerId: f.customerId }, navigate)}>{f.customerName || f.customerId}</a>
                    <span className="when">
                      {' '}
                      · {connectorLabel(f.connector)} · {formatShortTime(f.at)} · tested by {f.actor}
                    </span>
                    <p className="reason">{f.verdict}</p>
                    {f.failedChecks.length > 0 && <p className="checks">Failed checks: {f.failedChecks.join(', ')}</p>}
                  </li>
                ))}
              </ul>
            )}
          </Block>
        </div>
      )}
    </section>
  );
}

function Block({ id, title, wide = false, children }: { id: string; title: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`card dashboard-block${wide ? ' wide' : ''}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

interface Names {
  tool: (id: string) => string;
  customer: (id: string) => string;
}

function namesOf(catalogue: Catalogue): Names {
  return {
    tool: (id) => catalogue.tools.find((t) => t.id === id)?.title ?? id,
    customer: (id) => catalogue.customers.find((c) => c.id === id)?.name ?? id,
  };
}

function RunningRun({ run, names, navigate }: { run: Run; names: Names; navigate: Navigate }) {
  const what = `${names.tool(run.toolId)} for ${names.customer(run.customerId)}`;
  return (
    <li className="running-run">
      <div className="running-head">
        <a {...linkTo({ name: 'run', runId: run.runId }, navigate)}>{what}</a>
        <RunStatusBadge status={run.status} />
        <span className="when">
          {run.requestedBy}
          {run.ticketId ? ` · ticket ${run.ticketId}` : ''} · started {formatShortTime(run.startedAt ?? run.createdAt)}
        </span>
      </div>
      <p className="phase">{phaseOf(run)}</p>
      <ProgressBar percent={run.progress?.percent} phase={phaseOf(run)} label={`Progress of ${what}`} />
    </li>
  );
}
