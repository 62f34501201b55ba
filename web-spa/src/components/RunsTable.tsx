import type { Run } from '../api/types';
import type { Catalogue } from '../catalogue';
import { formatDuration, formatShortTime, formatTime } from '../format';
import { linkTo, type Navigate } from '../router';
import { RunStatusBadge } from './RunStatusBadge';

/** Runs as a table (History, a customer's page, the dashboard): each row links to its run. */
export function RunsTable({
  runs,
  catalogue,
  navigate,
  caption,
  hideCustomer = false,
}: {
  runs: Run[];
  catalogue: Catalogue;
  navigate: Navigate;
  caption: string;
  hideCustomer?: boolean;
}) {
  const toolTitle = (id: string) => catalogue.tools.find((t) => t.id === id)?.title ?? id;
  const customerName = (id: string) => catalogue.customers.find((c) => c.id === id)?.name ?? id;
  return (
    <div className="table-scroll">
      <table className="runs-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tool</th>
            {!hideCustomer && <th scope="col">Customer</th>}
            <th scope="col">Status</th>
            <th scope="col">Findings</th>
            <th scope="col">Requested by</th>
            <th scope="col">Ticket</th>
            <th scope="col">Started</th>
            <th scope="col">Took</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId}>
              <td>
                <a {...linkTo({ name: 'run', runId: run.runId }, navigate)}>{toolTitle(run.toolId)}</a>
              </td>
              {!hideCustomer && <td>{customerName(run.customerId)}</td>}
              <td>
                <RunStatusBadge status={run.status} />
              </td>
              <td>{findingsCell(run)}</td>
              <td>{run.requestedBy}</td>
              <td>{run.ticketId || '—'}</td>
              <td title={formatTime(run.startedAt ?? run.createdAt)}>{formatShortTime(run.startedAt ?? run.createdAt)}</td>
              <td>{formatDuration(run.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function findingsCell(run: Run): string {
  if (run.status === 'FAILED') return run.error ? `Failed: ${run.error}` : 'Failed';
  if (!run.summary) return '—';
  const errors = run.summary.bySeverity.error ?? 0;
  return errors ? `${run.summary.total} (${errors} errors)` : String(run.summary.total);
}
