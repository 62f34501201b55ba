import { useEffect, useRef, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api/client';
import type { Run } from '../api/types';
import type { Catalogue } from '../catalogue';
import { formatDuration, formatTime } from '../format';
import { isFinished, usePolledRun } from '../polling';
import { ErrorNotice } from '../components/ErrorNotice';
import { phaseOf, ProgressBar } from '../components/ProgressBar';
import { RunStatusBadge } from '../components/RunStatusBadge';
import { Results } from '../components/Results';


export function RunPage({
  client,
  runId,
  catalogue,
  onNewRun,
  pollIntervalMs,
}: {
  client: ApiClient;
  runId: string;
  catalogue: Catalogue;
  onNewRun: () => void;
  pollIntervalMs?: number;
}) {
  const { run, error, replace, retry } = usePolledRun(client, runId, pollIntervalMs);
  const heading = useRef<HTMLHeadingElement>(null);
  const tool = catalogue.tools.find((t) => t.id === run?.toolId);
  const customer = catalogue.customers.find((c) => c.id === run?.customerId);

  useEffect(() => heading.current?.focus(), []);

  return (
    <section>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {tool ? tool.title : 'Run'}
        </h1>
        <button type="button" className="button-secondary" onClick={onNewRun}>
          Run another tool
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
              <dd>{customer ? `${customer.name} (${customer.id})` : run.customerId}</dd>
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

          {run.status === 'FAILED' && (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">The run failed</p>
              <p>{run.error || 'The server did not say why. Try again, or tell the engineering on-call.'}</p>
            </div>
          )}
          {run.status === 'CANCELLED' && (
            <p className="notice" role="status">
              This run was cancelled before it finished, so it has no results.
            </p>
          )}
          {run.status === 'SUCCEEDED' && <Results client={client} run={run} tool={tool} />}
        </>
      )}
    </section>
  );
}

function RunProgress({ client, run, onCancelled }: { client: ApiClient; run: Run; onCancelled: (run: Run) => void }) {
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<ApiError | null>(null);
  const phase = phaseOf(run);

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
      {cancelError && <ErrorNotice error={cancelError} />}
      <button type="button" className="button-danger" onClick={cancel} disabled={cancelling}>
        {cancelling ? 'Cancelling…' : 'Cancel run'}
      </button>
    </div>
  );
}
