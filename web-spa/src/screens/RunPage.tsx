import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import { earlierRuns } from '../api/results';
import type { Run } from '../api/types';
import { formatDuration, formatTime } from '../format';
import { isFinished, usePolledRun } from '../polling';
import { linkTo, type FindingsView, type Navigate } from '../router';
import { maySeeScripts } from '../results/sides';
import { BusyButton } from '../components/BusyButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { phaseOf, ProgressBar } from '../components/ProgressBar';
import { RunStatusBadge } from '../components/RunStatusBadge';
import { Results } from '../components/Results';
import type { ScreenProps } from './screen';
import './RunPage.css';

/** A run: its progress while it works, then its results; filters, search and sort live in the URL. */
export function RunPage({
  client,
  session,
  catalogue,
  navigate,
  pollIntervalMs,
  runId,
  view,
}: ScreenProps & { runId: string; view?: FindingsView }) {
  const { run, error, replace, retry } = usePolledRun(client, runId, pollIntervalMs);
  const heading = useRef<HTMLHeadingElement>(null);
  const tool = catalogue.tools.find((t) => t.id === run?.toolId);
  const customer = catalogue.customers.find((c) => c.id === run?.customerId);

  useEffect(() => heading.current?.focus(), []);

  // When the run ends, its progress card (and the Cancel button the agent may be on) goes away:
  // focus that fell to the page moves to the outcome, so the keyboard and screen reader follow.
  const outcome = useRef<HTMLDivElement>(null);
  const finished = isFinished(run);
  const wasFinished = useRef(finished);
  useEffect(() => {
    if (finished && !wasFinished.current && (document.activeElement === document.body || !document.activeElement)) {
      outcome.current?.focus();
    }
    wasFinished.current = finished;
  }, [finished]);

  // The address follows the view without a new history entry per keystroke.
  const onViewChange = useCallback(
    (next: FindingsView | undefined) => navigate({ name: 'run', runId, ...(next ? { view: next } : {}) }, { replace: true }),
    [navigate, runId],
  );

  return (
    <section>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {tool ? tool.title : 'Run'}
        </h1>
        <button
          type="button"
          className="button-secondary"
          onClick={() => navigate(run ? { name: 'run-tool', toolId: run.toolId, customerId: run.customerId } : { name: 'run-tool' })}
        >
          {run ? 'Run again' : 'Run another tool'}
        </button>
      </div>

      {!run && !error && (
        <p className="muted" role="status">
          Loading the run…
        </p>
      )}
      {error && !run && <ErrorNotice error={error} onRetry={retry} />}
      {error && run && !isFinished(run) && (
        <p className="notice" role="status">
          Lost contact with the server ({error.title.toLowerCase()}); still trying…
        </p>
      )}

      {run && (
        <>
          <dl className="run-meta">
            <div>
              <dt>Status</dt>
              <dd>
                <RunStatusBadge status={run.status} />
              </dd>
            </div>
            <div>
              <dt>Customer</dt>
              <dd>
                <a {...linkTo({ name: 'customer', customerId: run.customerId }, navigate)}>
                  {customer ? `${customer.name} (${customer.id})` : run.customerId}
                </a>
              </dd>
            </div>
            <div>
              <dt>Ticket</dt>
              <dd>{run.ticketId || '—'}</dd>
            </div>
            <div>
              <dt>Requested by</dt>
              <dd>{run.requestedBy}</dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>{formatTime(run.startedAt ?? run.createdAt)}</dd>
            </div>
            <div>
              <dt>Took</dt>
              <dd>{formatDuration(run.durationMs)}</dd>
            </div>
          </dl>

          {!isFinished(run) && <RunProgress client={client} run={run} onCancelled={replace} />}

          <div ref={outcome} tabIndex={-1} className="run-outcome">
            {run.status === 'FAILED' && (
              <div className="notice notice-error" role="alert">
                <p className="notice-title">The run failed</p>
                <p>{run.error || 'The server did not say why. Try again, or tell the engineering on-call.'}</p>
                <p>
                  <a {...linkTo({ name: 'customer', customerId: run.customerId }, navigate)}>
                    Open {customer?.name ?? run.customerId}: settings and connection tests
                  </a>
                </p>
              </div>
            )}
            {run.status === 'CANCELLED' && (
              <p className="notice" role="status">
                This run was cancelled before it finished, so it has no results.
              </p>
            )}
            {run.status === 'SUCCEEDED' && (
              <>
                <EarlierRuns client={client} run={run} navigate={navigate} />
                <Results
                  client={client}
                  run={run}
                  tool={tool}
                  view={view}
                  onViewChange={onViewChange}
                  showScripts={maySeeScripts(session.roles)}
                />
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function RunProgress({ client, run, onCancelled }: { client: ApiClient; run: Run; onCancelled: (run: Run) => void }) {
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<ApiError | null>(null);
  const phase = phaseOf(run);
  // The phases seen so far, so that the agent sees what is done, not only what runs now.
  const [phases, setPhases] = useState<string[]>([]);
  if (phases.at(-1) !== phase) setPhases([...phases.filter((p) => p !== phase), phase]);

  async function cancel() {
    setCancelling(true);
    setCancelError(null);
    try {
      onCancelled(await client.cancelRun(run.runId));
    } catch (e) {
      setCancelError(asApiError(e));
      setCancelling(false);
    }
  }

  return (
    <div className="card progress-card">
      <p className="phase" role="status">
        {phase}
      </p>
      <ProgressBar percent={run.progress?.percent} phase={phase} label="Run progress" />
      {phases.length > 1 && (
        <ol className="phases" aria-label="Steps done">
          {phases.slice(0, -1).map((p) => (
            <li key={p}>
              <span className="phase-done" aria-hidden="true">
                ✓
              </span>{' '}
              {p}
            </li>
          ))}
        </ol>
      )}
      {cancelError && <ErrorNotice error={cancelError} />}
      <BusyButton className="button-danger" busy={cancelling} busyLabel="Cancelling…" onClick={cancel}>
        Cancel run
      </BusyButton>
    </div>
  );
}

/** "Compare with an earlier run": the earlier succeeded runs of the same tool and customer. */
function EarlierRuns({ client, run, navigate }: { client: ApiClient; run: Run; navigate: Navigate }) {
  const [open, setOpen] = useState(false);
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setError(null);
    earlierRuns(client, run, controller.signal)
      .then(setRuns)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(asApiError(e));
      });
    return () => controller.abort();
  }, [client, run, open, attempt]);

  return (
    <div
      className="earlier-runs"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="button-secondary"
        aria-expanded={open}
        aria-controls="earlier-runs-list"
        onClick={() => setOpen((o) => !o)}
      >
        Compare with an earlier run
      </button>
      {open && (
        <div id="earlier-runs-list" className="card earlier-runs-panel">
          {error ? (
            <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />
          ) : runs === null ? (
            <p className="muted" role="status">
              Looking for earlier runs…
            </p>
          ) : runs.length === 0 ? (
            <p className="empty" role="status">
              There is no earlier finished run of this tool for this customer to compare with.
            </p>
          ) : (
            <>
              <p className="muted">Choose the earlier run. New, resolved and unchanged findings are matched by fingerprint.</p>
              <ul className="earlier-list" aria-label="Earlier runs">
                {runs.map((r) => (
                  <li key={r.runId}>
                    <a {...linkTo({ name: 'compare', runId: run.runId, withRunId: r.runId }, navigate)}>
                      {formatTime(r.startedAt ?? r.createdAt)}
                    </a>{' '}
                    <span className="muted">
                      by {r.requestedBy}
                      {r.ticketId ? ` · ticket ${r.ticketId}` : ''} · {(r.summary?.total ?? 0).toLocaleString('en-US')} findings
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
